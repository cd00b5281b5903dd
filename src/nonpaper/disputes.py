"""Disputes: claims that cannot all be true, in one article or across several (stub, issue 5)."""
from __future__ import annotations

from .model import Actor, Analysis, Dispute


def find_disputes(analysis: Analysis) -> list[Dispute]:
    return []


def find_cross_disputes(analyses: list[Analysis], actors: list[Actor]) -> list[Dispute]:
    return []
