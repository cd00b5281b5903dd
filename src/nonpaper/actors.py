"""Actors: mentions of people and bodies merged into canonical actors (stage stub, filled by issue 3).

`find_actors(parsed)` returns an `ActorRegistry`; the quote stage resolves speakers through it and
may add actors (pronoun targets, unnamed sources); `registry.actors()` gives the final list.
"""
from __future__ import annotations

from .model import Actor
from .nlp import Parsed


class ActorRegistry:
    """The actors of one article and the mentions that point to them."""

    def __init__(self) -> None:
        self._actors: dict[str, Actor] = {}

    def actors(self) -> list[Actor]:
        return list(self._actors.values())

    def get(self, actor_id: str | None) -> Actor | None:
        return self._actors.get(actor_id) if actor_id else None

    def resolve(self, text: str, start: int | None = None) -> str | None:
        """The actor id a surface mention stands for, or None."""
        return None


def find_actors(parsed: Parsed) -> ActorRegistry:
    return ActorRegistry()


def merge_actors(analyses) -> list[Actor]:
    """Corpus-level actors: the same person or body across articles, merged (issue 3/5)."""
    return []
