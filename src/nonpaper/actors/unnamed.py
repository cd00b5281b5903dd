"""Unnamed sources: "one of the people", "the official" after "a senior official, who asked not to be
named", "two people familiar with the talks" and what their appositive says of them."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.names import gender_of_words, norm_key
from .genders import gender_in_relative
from .mentions import description_span
from .roster import ActorRegistry, add_mention_alias

if TYPE_CHECKING:
    from spacy.tokens import Token


def one_of(head):
    """The group in "one of the people", "two of the officials"."""
    if head.pos_ != "NUM" and head.lower_ not in ("one", "some", "several", "many", "most", "each"):
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and pobj.lower_ in ("them", "those"):
        return pobj
    return pobj if pobj is not None and pobj.pos_ == "NOUN" else None


def group_before(registry: ActorRegistry, before: int, window: int = 1500) -> str | None:
    """The latest unnamed group of people before a position ("two people familiar with the talks")."""
    for seen in reversed(registry.seen()):
        actor = registry.get(seen.actor)
        if seen.start < before and before - seen.start <= window and seen.actor in registry.groups:
            return actor.id
    return None


def describe(registry: ActorRegistry, actor_id: str, head) -> None:
    """"The customer, a mother of two from Aldenport": the appositive describes the source named
    before (an alias, and its gender)."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            desc = description_span(child)
            if desc is not None:
                add_mention_alias(registry, actor_id, desc.text)
            g = gender_of_words([child.text]) or gender_in_relative(child)
            if g:
                registry.gender.setdefault(actor_id, g)


def unnamed_group_before(registry: ActorRegistry, before: int, heads: set[str],
                          mods: set[str] = frozenset()) -> str | None:
    """The latest unnamed source whose first words hold the noun ("two people familiar with …") and
    every modifier of the mention ("the Ohio governor" is not "a Florida governor")."""
    for seen in reversed(registry.seen()):
        actor = registry.get(seen.actor)
        words = norm_key(actor.name).split()
        if seen.start < before and actor.kind == "unnamed" and heads & set(words[:4]) and mods <= set(words):
            return actor.id
    return None
