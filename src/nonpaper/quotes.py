"""Quotes: direct, mixed and indirect quotations with their speakers (stage stub, filled by issue 3)."""
from __future__ import annotations

from .actors import ActorRegistry
from .model import Quote
from .nlp import Parsed


def extract_quotes(parsed: Parsed, registry: ActorRegistry) -> list[Quote]:
    return []
