"""The one status vocabulary (called off, postponed, held, planned ...), and an event's own status.

Every stage that says whether an event goes ahead reads `lexicon/data/status.json` through this module
and nowhere else: the events stage decides `Event.status` here (`event_status`, `acted_on`), the claims
stage finds status claims with `claim_patterns`, `not_with_aux` and `bounded`, and the disputes stage
sets statuses side by side with `incompatible` and `label`. Which names each stage uses, and why both
'happened' (events) and 'held' (claims) are kept: the data file's _doc.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from ..lexicon import mapping
from ..text.parse import Parsed

if TYPE_CHECKING:
    from .mentions import EventMention

PLANNED = "planned"  # told as still to come
HAPPENED = "happened"  # told in a past tense (the events stage's name; a claim says "held")
NOT_HAPPENED = "not_happened"  # told as not done or not to be done ("no agreement had been signed")


@dataclass(frozen=True)
class Status:
    """One status of the vocabulary, with the words every stage recognises it by."""
    name: str
    label: str
    claim_words: tuple[str, ...] = ()
    claim_not_with_aux: frozenset[str] = frozenset()
    event_acts: frozenset[str] = frozenset()
    event_words: frozenset[str] = frozenset()
    event_verb_words: frozenset[str] = frozenset()
    event_verb_tags: frozenset[str] = frozenset()
    of: str = "event"  # or "person": a person's exit, said of who leaves


class Bounded(NamedTuple):
    """The statuses that a time they last until makes temporary as well, and the prepositions of it."""
    statuses: frozenset[str]
    preps: frozenset[str]


def _spec() -> dict:
    return mapping("status.json")


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, Status]:
    """Every status by name, in the data file's order (the order they are tried in)."""
    out = {}
    for name, spec in _spec()["statuses"].items():
        out[name] = Status(name, spec.get("label", name.replace("_", " ")), tuple(spec.get("claim_words", ())),
                           *(frozenset(spec.get(key, ())) for key in (
                               "claim_not_with_aux", "event_acts", "event_words", "event_verb_words",
                               "event_verb_tags")), of=spec.get("of", "event"))
    return out


def label(status: str) -> str:
    """How a summary says a status ("called off", "going ahead"); any other name with spaces."""
    known = vocabulary().get(status)
    return known.label if known else status.replace("_", " ")


@functools.lru_cache(maxsize=1)
def incompatible() -> frozenset[frozenset[str]]:
    """The pairs of statuses that cannot both hold of one event."""
    return frozenset(frozenset(p) for p in _spec()["incompatible"])


@functools.lru_cache(maxsize=1)
def bounded() -> Bounded:
    spec = _spec().get("bounded", {})
    return Bounded(frozenset(spec.get("statuses", ())), frozenset(spec.get("preps", ())))


# ---------------------------------------------------------------- claims

@functools.lru_cache(maxsize=1)
def claim_patterns() -> tuple[list[tuple[str, re.Pattern]], re.Pattern]:
    """The claim words of every status in order, and one zero-width pattern that stops wherever any of
    them matches."""
    spec = {s.name: s.claim_words for s in vocabulary().values()}
    each = [(status, re.compile(rf"\b(?:{p})\b", re.IGNORECASE)) for status, pats in spec.items() for p in pats]
    anywhere = re.compile(r"\b(?=" + "|".join(rf"(?:{p})\b" for pats in spec.values() for p in pats) + ")",
                          re.IGNORECASE)
    return each, anywhere


def of_person(status: str) -> bool:
    """Is the status said of a person (an exit: dismissed, resigned) rather than of an event?"""
    known = vocabulary().get(status)
    return known is not None and known.of == "person"


def not_with_aux(status: str) -> frozenset[str]:
    """Auxiliary lemmas with which a status's claim words say another status ("will take place")."""
    known = vocabulary().get(status)
    return known.claim_not_with_aux if known else frozenset()


# ---------------------------------------------------------------- events

def event_status(m: EventMention, parsed: Parsed, verb: int | None = None) -> str | None:
    """An event's status from its own trigger: a word on it ("the planned talks"), else, for a verb (or
    the light verb `verb` that stands for a noun: "made the offer"), an auxiliary or tense ("will meet",
    "met")."""
    tok = parsed.doc[m.i if verb is None else verb]
    statuses = vocabulary().values()
    for status in statuses:
        if any(c.lower_ in status.event_words for c in tok.children):
            return status.name
    if m.kind == "verb" or verb is not None:
        for status in statuses:
            if tok.tag_ in status.event_verb_tags or any(c.lower_ in status.event_verb_words for c in tok.children):
                return status.name
    return None


@functools.lru_cache(maxsize=1)
def _status_by_act() -> dict[str, str]:
    return {etype: s.name for s in vocabulary().values() for etype in s.event_acts}


def acted_on(parsed: Parsed, clusters: list[list[EventMention]]) -> dict[int, str]:
    """ "the planned talks were called off", "postponed the summit": the status of the event acted on,
    by its cluster."""
    by_token = {m.i: m for c in clusters for m in c}
    out: dict[int, str] = {}
    for c in clusters:
        for m in c:
            status = _status_by_act().get(m.type)
            if status is None or m.kind != "verb":
                continue
            for child in parsed.doc[m.i].children:
                if child.dep_ in ("nsubjpass", "dobj") and child.i in by_token:
                    out.setdefault(by_token[child.i].cluster, status)
    return out
