"""Events, their dates and the orderings between them (stage stub, filled by issue 4)."""
from __future__ import annotations

from .actors import ActorRegistry
from .model import Event, Quote, Relation, Timex
from .nlp import Parsed


def extract_events(parsed: Parsed, registry: ActorRegistry, quotes: list[Quote],
                   timexes: list[Timex]) -> tuple[list[Event], list[Relation]]:
    return [], []
