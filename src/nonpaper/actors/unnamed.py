"""Unnamed sources: the actor "a senior official" or "two people familiar with the talks" is, named by
its own words and added to the registry; "the official" after it, "one of the people", and what an
appositive says of them."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import wordset
from ..text.names import gender_of_words, is_title_word, norm_key
from .genders import gender_in_relative
from .kinds import noun_kind
from .mentions import Phrase, description_span
from .roster import ActorRegistry, add_mention_alias

if TYPE_CHECKING:
    from spacy.tokens import Token


def one_of(head: Token) -> Token | None:
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


def describe(registry: ActorRegistry, actor_id: str, head: Token) -> None:
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


def unnamed_speaker(registry: ActorRegistry, p: Phrase) -> str | None:
    """The unnamed actor a noun phrase names by its own words ("a senior official", "the two men", "the
    council's department"): an earlier unnamed source it repeats ("the official" after "a senior
    official"), or a new one added to the registry; a group ("officials") can be "they", one person
    ("a local doctor") "he" or "she". None for a bare plural or a thing."""
    head, span, lemma = p.head, p.span, p.lemma
    name = re.sub(r"[’']s?$", "", span.text)  # "the council's (department)": the council
    kind = "unnamed"
    counted = any(t.dep_ == "nummod" for t in head.children)  # "The two presidents": a group of them
    if len(p.words) == 1 and not p.people_head and not noun_kind(span, lemma) and head.tag_ == "NNS" \
            and not (counted and is_title_word(lemma)):
        return None  # "Ships began leaving": a bare plural that names no one
    if name.split()[0].lower() in ("the", "this") and (is_title_word(head.text) or (counted and is_title_word(lemma))):
        mods = {t.lower_ for t in span if t.i != head.i and t.pos_ in ("NOUN", "PROPN", "ADJ")}
        group = unnamed_group_before(registry, span.start_char, {lemma, head.lower_}, mods)
        if group:  # "the official" after "a senior official, who asked not to be named"
            describe(registry, group, head)
            return group
    elif name.split()[0].lower() in ("the", "this"):
        if not (p.people_head or noun_kind(span, lemma)):
            return None  # "The informal document": a thing, not a speaker
        group = unnamed_group_before(registry, span.start_char, {lemma, head.lower_}) if p.people_head else None
        if group:  # "the people" after "two people familiar with the matter"
            describe(registry, group, head)
            return group
        kind = "unnamed" if p.people_head and not noun_kind(span, lemma) else "organization"  # ("The two men")
        name = name[0].upper() + name[1:]
    actor_id = registry.add(name, kind)
    if kind == "unnamed" and head.tag_ == "NNS" and (p.people_head or counted):
        registry.groups.add(actor_id)  # "Officials at the rail workers' union said …. They said …"
    if kind == "unnamed" and head.tag_ == "NN" and p.people_head and p.det in ("a", "an", "one") \
            and lemma not in wordset("asker_nouns.txt"):
        registry.singular.add(actor_id)  # "a local doctor … she said": one person, whom he/she can pick up
        g = gender_of_words([head.text]) or gender_in_relative(head)
        if g:
            registry.gender.setdefault(actor_id, g)
    return actor_id
