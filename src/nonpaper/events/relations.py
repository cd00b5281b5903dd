"""Orderings between events, who asserts each, and the dates they let us derive.

- A signal word links two event mentions: "X before/after/ahead of/prior to/following Y" (a preposition
  with an event noun, or a conjunction with an event clause). A duration just before the signal is the
  offset ("a week after the phone conversation" → AFTER, P1W).
- "Three days later" / "two days earlier" with no "than": relative to the event told just before.
- A response ("responded in a statement") comes after the report it answers.
- A verb coordinated after an ordered one shares its ordering ("learned about them after the
  inspection and stopped work").
- `asserted_by` is the speaker of the quote whose span holds the signal, else None (the narrator).
- Dates: an exact offset from a dated event gives a date; an event located before an event by one
  source and after it by another has a disputed date (None); two events with known, non-overlapping
  days or ranges are ordered by them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .mentions import EventMention, index
from ..model import Quote, Timex
from ..text.parse import Parsed

INVERSE = {"BEFORE": "AFTER", "AFTER": "BEFORE", "SIMULTANEOUS": "SIMULTANEOUS",
           "INCLUDES": "IS_INCLUDED", "IS_INCLUDED": "INCLUDES"}
_PREP_SIGNALS = {"before": "BEFORE", "after": "AFTER", "following": "AFTER", "since": "AFTER"}
_PHRASE_SIGNALS = {("ahead", "of"): "BEFORE", ("prior", "to"): "BEFORE", ("in", "advance"): "BEFORE"}
_REPORT_TYPES = {"publish", "statement", "announce", "study"}


@dataclass
class RawRelation:
    source: int  # cluster index (the event being placed in time)
    relation: str
    target: int  # cluster index (the reference event)
    asserted_by: str | None
    quote: str | None
    evidence: str
    offset: str | None
    start: int
    end: int


def quote_at(quotes: list[Quote], offset: int) -> Quote | None:
    """The innermost quote of the article body whose span holds `offset`."""
    best = None
    for q in quotes:
        if q.field != "text" or q.start is None or q.end is None:
            continue
        if q.start <= offset < q.end and (best is None or q.end - q.start < best.end - best.start):
            best = q
    return best


def _offset_before(tok, timexes: list[Timex], text: str) -> str | None:
    """A duration that ends right before the signal word ("a week after", "several days before")."""
    for t in timexes:
        if t.type == "DURATION" and t.end <= tok.idx and re.fullmatch(r"[\s,]*(?:only\s+|just\s+)?", text[t.end:tok.idx]):
            return t.value
    return None


def _offset_child(tok, timexes: list[Timex]) -> str | None:
    """A duration among the dependents of "later"/"earlier" ("Three days later")."""
    for t in timexes:
        if t.type == "DURATION" and t.end <= tok.idx and tok.idx - t.end <= 2:
            return t.value
    return None


def _mention_up(tok, by_token: dict[int, EventMention], steps: int = 4) -> EventMention | None:
    for _ in range(steps):
        if tok.i in by_token:
            return by_token[tok.i]
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return by_token.get(tok.i)


def _mention_down(tok, by_token: dict[int, EventMention]) -> EventMention | None:
    """The event a signal's complement names: the noun or clause itself, or the event noun it heads."""
    if tok.i in by_token:
        return by_token[tok.i]
    for c in tok.children:
        if c.dep_ in ("pobj", "pcomp", "dobj", "nsubj", "nsubjpass") and c.i in by_token:
            return by_token[c.i]
    return None


def _signal_pairs(doc, by_token):
    """(source mention, relation, target mention, signal token) for every signal word."""
    for tok in doc:
        low = tok.lower_
        rel, comp = None, None
        if low in _PREP_SIGNALS and tok.dep_ in ("prep", "mark", "advmod"):
            rel = _PREP_SIGNALS[low]
            if low == "since" and tok.dep_ == "mark":
                continue  # "since" as "because"
            if tok.dep_ == "mark":
                target = by_token.get(tok.head.i)
                source = _mention_up(tok.head.head, by_token) if tok.head.head.i != tok.head.i else None
                if target and source:
                    yield source, rel, target, tok
                continue
            comp = next((c for c in tok.children if c.dep_ in ("pobj", "pcomp")), None)
        else:
            for (w1, w2), r in _PHRASE_SIGNALS.items():
                if low == w1:
                    prep = next((c for c in tok.children if c.lower_ == w2), None)
                    if prep is not None:
                        rel = r
                        comp = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if rel is None or comp is None:
            continue
        target = _mention_down(comp, by_token)
        source = _mention_up(tok.head, by_token) if tok.head.i != tok.i else None
        if target and source and target is not source:
            yield source, rel, target, tok


def ordered_mentions(parsed: Parsed, mentions: list[EventMention]) -> set[int]:
    """Trigger tokens of the mentions a signal word orders ("two days after talks resumed", "three
    days later, they voted"): the events stage keeps those clause events."""
    by_token = index(mentions)
    out = set()
    for src, _, tgt, _ in _signal_pairs(parsed.doc, by_token):
        out |= {src.i, tgt.i}
    for tok in parsed.doc:
        if tok.lower_ in ("later", "earlier", "then") and tok.dep_ == "advmod":
            src = _mention_up(tok.head, by_token, steps=2)
            if src is not None:
                out.add(src.i)
    return out


def find_relations(parsed: Parsed, mentions: list[EventMention], quotes: list[Quote],
                   timexes: list[Timex]) -> list[RawRelation]:
    doc = parsed.doc
    by_token = index(mentions)
    ordered = sorted(mentions, key=lambda m: m.i)
    out: list[RawRelation] = []

    def add(src: EventMention, rel: str, tgt: EventMention, tok, offset: str | None) -> None:
        if src.cluster == tgt.cluster:
            return
        q = quote_at(quotes, tok.idx)
        sent = tok.sent
        out.append(RawRelation(src.cluster, rel, tgt.cluster, q.speaker if q else None, q.id if q else None,
                               sent.text.strip(), offset, sent.start_char, sent.end_char))

    for src, rel, tgt, tok in _signal_pairs(doc, by_token):
        offset = _offset_before(tok, timexes, parsed.text)
        add(src, rel, tgt, tok, offset)
        if rel == "AFTER" and src.kind == "verb":
            for conj in doc[src.i].conjuncts:  # "learned ... after the inspection and stopped work"
                if conj.i > src.i and conj.i in by_token:
                    add(by_token[conj.i], rel, tgt, tok, None)

    for tok in doc:  # "Three days later, ... councillors voted"
        if tok.lower_ in ("later", "earlier") and tok.dep_ == "advmod" and not any(
                c.lower_ == "than" for c in tok.children):
            src = _mention_up(tok.head, by_token, steps=2)
            prev = [m for m in ordered if m.i < tok.sent.start]
            if src and prev:
                add(src, "AFTER" if tok.lower_ == "later" else "BEFORE", prev[-1], tok, _offset_child(tok, timexes))

    for tok in doc:  # "The union voted, then the dockers walked out": after the event told before it
        if tok.lower_ != "then" or tok.dep_ != "advmod" or (tok.i > 0 and doc[tok.i - 1].lower_ in (
                "since", "until", "by", "from", "till")):
            continue
        src = _mention_up(tok.head, by_token, steps=2)
        if src is None:
            continue
        left = doc[src.i].left_edge.i
        prev = [m for m in ordered if m.i < min(left, tok.i) and m.cluster != src.cluster
                and m.sent_start >= _previous_sentence(doc, tok)]
        if prev:
            add(src, "AFTER", prev[-1], tok, None)

    for m in ordered:  # a response follows what it answers
        if m.type != "response":
            continue
        if any(r.source == m.cluster or r.target == m.cluster for r in out):
            continue
        earlier = [x for x in ordered if x.i < m.i and x.type in _REPORT_TYPES and x.cluster != m.cluster]
        if earlier:
            add(m, "AFTER", earlier[-1], parsed.doc[m.i], None)
    return _dedupe(out)


def _previous_sentence(doc, tok) -> int:
    """Where the sentence before `tok`'s starts (its own when it is the first)."""
    sent = tok.sent
    return doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char


def _dedupe(rels: list[RawRelation]) -> list[RawRelation]:
    seen, out = set(), []
    for r in rels:
        key = (r.source, r.relation, r.target, r.asserted_by)
        inv = (r.target, INVERSE[r.relation], r.source, r.asserted_by)
        if key in seen or inv in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


# --- dates ---------------------------------------------------------------------------------------

def _days(value: str | None) -> int | None:
    m = re.fullmatch(r"P(\d+)([DW])", value or "")
    if not m:
        return None
    return int(m.group(1)) * (7 if m.group(2) == "W" else 1)


def derive_dates(days: dict[int, str], rels: list[RawRelation]) -> tuple[dict[int, str], dict[int, str | None]]:
    """Dates from exact offsets to dated events ("a week after the October 16 call" → 2025-10-23), and
    who asserts each (the source of the ordering that gives it)."""
    derived: dict[int, str] = {}
    who: dict[int, str | None] = {}
    known = dict(days)
    for _ in range(3):  # chains: a date derived from a derived date
        changed = False
        for r in rels:
            n = _days(r.offset)
            if n is None or r.relation not in ("BEFORE", "AFTER"):
                continue
            sign = 1 if r.relation == "AFTER" else -1  # source = target + sign * n
            if r.target in known and r.source not in known:
                d = date.fromisoformat(known[r.target]) + timedelta(days=sign * n)
                known[r.source] = derived[r.source] = d.isoformat()
                who[r.source] = r.asserted_by
                changed = True
            elif r.source in known and r.target not in known:
                d = date.fromisoformat(known[r.source]) - timedelta(days=sign * n)
                known[r.target] = derived[r.target] = d.isoformat()
                who[r.target] = r.asserted_by
                changed = True
        if not changed:
            break
    return derived, who


def disputed_events(rels: list[RawRelation]) -> set[int]:
    """Events placed before another by one source and after it by another: their dates are disputed."""
    claims: dict[tuple[int, int], set[tuple[str, str | None]]] = {}
    for r in rels:
        if r.relation not in ("BEFORE", "AFTER"):
            continue
        claims.setdefault((r.source, r.target), set()).add((r.relation, r.asserted_by))
        claims.setdefault((r.target, r.source), set()).add((INVERSE[r.relation], r.asserted_by))
    out = set()
    for r in rels:
        said = claims.get((r.source, r.target), set())
        if {x for x, _ in said} >= {"BEFORE", "AFTER"}:
            out.add(r.source)
    return out
