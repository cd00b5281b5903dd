"""A dispute as the checks find it, before it is numbered and written out (`find._dispute`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Claim


@dataclass
class Found:
    kind: str  # timing | status | fact | denial | cause
    summary: str
    claims: list[Claim] = field(default_factory=list)
    event: str | None = None
