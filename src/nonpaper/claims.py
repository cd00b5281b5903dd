"""Claims: attributed propositions about events (stage stub, filled by issue 5)."""
from __future__ import annotations

from .model import Analysis, Claim
from .nlp import Parsed


def extract_claims(parsed: Parsed, analysis: Analysis) -> list[Claim]:
    return []
