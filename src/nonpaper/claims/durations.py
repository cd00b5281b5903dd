"""Duration claims (issue 5): how long a state lasted, by whom ("the ship had been held for two days",
"released within hours", "the inspection had lasted no more than six hours"), as a range of seconds,
for fact disputes over one holding, closure or strike. Words are data: claim_durations.json."""
from __future__ import annotations

from typing import Iterator, NamedTuple

from .. import lexicon as resources
from .find import Context, child, negated
from .text import content_lemmas, parse_number, short, stem
from ..model import Claim

INFINITE = float("inf")


class Span(NamedTuple):
    low: float
    high: float
    text: str


def duration_claims(ctx: Context) -> Iterator[Claim]:
    spec = resources.mapping("claim_durations.json")
    for unit in ctx.doc:
        if unit.pos_ != "NOUN" or unit.lemma_.lower() not in spec["units"]:
            continue
        found = _attachment(unit, spec)
        if found is None:
            continue
        verb, mode = found
        span = _range(unit, mode, spec)
        if span is None or negated(verb) or _forecast(verb):
            continue
        thing = _thing(verb, spec)
        measure = _measure(verb, thing, spec)
        if measure is None or thing is None:
            continue
        src = ctx.sources.at(unit.idx, unit.idx + len(unit))
        skip = {t.i for t in unit.subtree} | {unit.head.i}
        clause = verb
        while clause.dep_ == "conj" and clause.head.pos_ == "VERB":  # "escorted for inspection and released"
            clause = clause.head
        about = content_lemmas(t for t in clause.subtree if t.i not in skip) | {thing.lemma_.lower()}
        events = ctx.events_at(verb.idx, verb.idx + len(verb))
        yield ctx.claim(actor=src.actor, text=short(unit.sent.text, 300), kind="duration",
                        event=events[0] if events else None, quote=src.quote,
                        value={"low": span.low, "high": span.high, "duration_text": span.text,
                               "measure": measure, "thing": _fold(thing.lemma_.lower(), spec), "thing_word": thing.lemma_.lower(),
                               "what": _what(verb, thing), "about": sorted(about)},
                        start=unit.idx, end=unit.idx + len(unit))


def _attachment(unit, spec) -> tuple[object, str] | None:
    """The verb whose state the duration measures, and how the phrase bounds it: 'held for two days'
    (exact), 'released within hours' (at most), 'released after two days' (an ending verb: exact),
    'lasted six hours' (a generic verb, its subject measured). Points in time are no length ('two days
    later', 'the past two days')."""
    nxt = unit.doc[unit.i + 1] if unit.i + 1 < len(unit.doc) else None
    if any(c.lower_ in spec["not_with"] for c in unit.children if c.i < unit.i) or \
            (nxt is not None and nxt.lower_ in spec["not_after"] and nxt.head.i == unit.i):
        return None
    after = unit.doc[unit.i + 2] if unit.i + 2 < len(unit.doc) else None
    if nxt is not None and after is not None and nxt.lower_ in spec["rate_words"] and \
            after.lemma_.lower() in spec["units"]:
        return None  # "fifty minutes a day": a rate
    head = unit.head
    if unit.dep_ == "pobj" and head.lower_ in spec["spans"] and head.head.pos_ == "VERB":
        verb, mode = head.head, spec["spans"][head.lower_]
        if mode == "ending":
            return (verb, "exact") if verb.lemma_.lower() in spec["ending"] else None
        return verb, mode
    if unit.dep_ in ("dobj", "npadvmod") and head.pos_ == "VERB" and head.lemma_.lower() in spec["generic"]:
        return head, "exact"
    return None


def _range(unit, mode: str, spec) -> Span | None:
    """Seconds from..to: a number of units with its bound ('no more than six hours'), or a plural
    unit alone ('for hours': from a couple of hours to a day)."""
    seconds = spec["units"][unit.lemma_.lower()]
    words = [t for t in unit.subtree if t.i < unit.i]
    prefix = " ".join(t.lower_ for t in words)
    bound = mode
    for phrase in sorted(spec["at_most"] + spec["at_least"] + spec["approx"], key=len, reverse=True):
        if f" {phrase} " in f" {prefix} ":
            bound = "at_most" if phrase in spec["at_most"] else "at_least" if phrase in spec["at_least"] else "approx"
            break
    if mode == "at_most" and bound == "at_least":
        return None  # "within more than ...": no reading
    numbers = [t for t in words if t.like_num or t.lower_ in ("a", "an")]
    text = " ".join(t.text for t in [*words, unit])
    if numbers:
        n = parse_number(" ".join(t.lower_ for t in numbers if t.lower_ not in ("a", "an")) or "1")
        if n is None or n <= 0:
            return None
        x = n * seconds
        low, high = {"at_most": (0.0, 1.1 * x), "at_least": (0.9 * x, INFINITE),
                     "approx": (0.6 * x, 1.6 * x)}.get(bound, (0.8 * x, 1.25 * x))
    elif unit.tag_ == "NNS" and not any(t.pos_ in ("DET", "ADJ") for t in words):
        low, high = spec["vague_low"] * seconds, spec["units"][spec["next_unit"][unit.lemma_.lower()]]
        low, high = {"at_most": (0.0, high), "at_least": (low, INFINITE)}.get(bound, (low, high))
    else:
        return None
    head = unit.head.text if unit.dep_ == "pobj" else ""
    return Span(low, high, (head + " " + text).strip())


def _forecast(verb) -> bool:
    words = resources.wordset("claim_forecast_words.txt")
    return any(t.lemma_.lower() in words or t.lower_ in words
               for t in [verb, *[c for c in verb.children if c.dep_ in ("aux", "auxpass")], *list(verb.ancestors)[:2]])


def _thing(verb, spec):
    """What was held, closed or measured: the object of an active verb ('seized the ship'), else the
    subject, through the verb a conjoined one shares it with ('escorted ... and released')."""
    generic = verb.lemma_.lower() in spec["generic"]
    v = verb
    for _ in range(3):
        obj = None if generic else _noun_child(v, "dobj")
        subj = _noun_child(v, "nsubjpass") or _noun_child(v, "nsubj")
        found = obj if obj is not None and v.i == verb.i else subj
        if found is not None:
            return found
        if child(v, "nsubjpass", "nsubj") is not None or v.dep_ != "conj":  # a pronoun: no thing named
            return None
        v = v.head
    return None


def _noun_child(verb, dep: str):
    """The verb's noun in that role ('the trawler Kestrel': the name, not the adjective-tagged word)."""
    return next((c for c in verb.children if c.dep_ == dep and c.pos_ in ("NOUN", "PROPN")), None)


def _measure(verb, thing, spec) -> str | None:
    lemma = verb.lemma_.lower()
    for cls, verbs in spec["classes"].items():
        if lemma in verbs:
            return cls
    if lemma in spec["generic"] and thing is not None:
        return "last:" + _fold(thing.lemma_.lower(), spec)
    return None


def _fold(lemma: str, spec) -> str:
    for cls, words in spec["things"].items():
        if lemma in words:
            return "=" + cls
    return stem(lemma)


def _what(verb, thing) -> str:
    """'the ship had been held': the thing's phrase up to the verb."""
    doc = verb.doc
    if thing.i < verb.i:
        span = doc[min(t.i for t in thing.subtree):verb.i + 1]
    else:
        span = doc[verb.i:max(t.i for t in thing.subtree) + 1]
    return " ".join(span.text.replace('"', " ").replace("“", " ").replace("”", " ").split())
