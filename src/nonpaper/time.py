"""Time expressions found and normalised to TIMEX3 values (stage stub, filled by issue 4)."""
from __future__ import annotations

from .model import Timex
from .nlp import Parsed


def extract_timexes(parsed: Parsed) -> list[Timex]:
    return []
