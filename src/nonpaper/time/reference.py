"""Which date anchors the relative time expressions of an article ("on Monday", "last year", "next
month"), and in which order the fallbacks are tried: the one place where that is decided.

The sources, first found first (`ORDER`):
1. the article's own date, `Article.published` (written out with its `published_source`), chosen at
   ingest, first of `ingest.readers.PUBLISHED_SOURCES`: the date the caller gave ("argument":
   --published, the web form), the date the input carries ("input": a page's metadata, a feed entry, a
   JSONL field), a full date in the dateline ("dateline"). That choice is made while the article is
   read, before any stage runs (and ingest may not import a stage), so it lives in ingest; it keeps
   that order;
2. "article-date": with none of those, a full date opening the body ("September 01, 2007 Airbus said
   ..."); it anchors the expressions but is never written into `published`;
3. with neither, nothing: an expression that needs an anchor stays underspecified (XXXX-10-16).
Over these, for the words inside a quote whose cue carries a day ("…," she said on Monday), "speech":
the day it was said (`speech_anchors`).
A timex resolved against one of them says which in `Timex.anchor`: "published" (the article's own
date, whatever its source), "article-date" or "speech" (`anchor_label`).
"""
from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple

from ..ingest.readers import PUBLISHED_SOURCES
from ..text.paragraphs import paragraph_spans
from ..text.parse import Parsed
from .grammar import Candidate, find_candidates
from .normalise import normalise
from .values import Context, Found

if TYPE_CHECKING:
    from ..model import Quote

PUBLISHED = "published"  # Timex.anchor of an expression resolved against Article.published
ARTICLE_DATE = "article-date"
SPEECH = "speech"
# Every source of the date a relative expression is resolved against, in the order they are tried
# (the article's date as ingest found it, then this stage's fallback); SPEECH overrides them all for the
# words inside a quote whose cue carries a day.
ORDER: tuple[str, ...] = (*PUBLISHED_SOURCES, ARTICLE_DATE, SPEECH)

# The grammar rules whose value depends on the anchor (and on the clause's tense).
RELATIVE_RULES = {"month_day", "day_month", "holiday", "month", "weekday", "weekday_part", "deictic", "rel_unit",
                  "edge_rel", "the_weekend", "part_rel", "tonight", "quarter", "half", "season", "ago", "time",
                  "past_unit", "the_day", "range_end", "nth_running", "week_of_month"}


class Reference(NamedTuple):
    """The date an article's relative expressions are resolved against, and its `Timex.anchor` label."""
    day: date | None
    label: str | None


class Anchor(NamedTuple):
    """One source of the article's reference date: its label and how it is found."""
    label: str
    find: Callable[[Parsed], date | None]


class SpeechDay(NamedTuple):
    """A quote's span and the day its cue says it was said."""
    start: int
    end: int
    day: date


def published_day(parsed: Parsed) -> date | None:
    """The article's own date (`Article.published`), when it is one."""
    published = parsed.article.published
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def leading_date(parsed: Parsed) -> date | None:
    """The article's own date when the body opens with one ("September 01, 2007 Airbus said ...",
    "2026-11-03 - ...")."""
    spans = paragraph_spans(parsed.article)
    if not spans:
        return None
    p_start, p_end = spans[0]
    head = parsed.text[p_start:min(p_end, p_start + 40)]
    for cand in find_candidates(head, p_start):
        if cand.start != p_start or cand.rule not in ("month_day", "day_month", "iso_date"):
            continue
        norm = normalise(cand.rule, cand.match, Context(None, None, "", ""))
        if norm and re.fullmatch(r"\d{4}-\d\d-\d\d", norm.value):
            return date.fromisoformat(norm.value)
    return None


ARTICLE_ANCHORS: tuple[Anchor, ...] = (
    Anchor(PUBLISHED, published_day),
    Anchor(ARTICLE_DATE, leading_date),
)


def article_reference(parsed: Parsed) -> Reference:
    """The first of `ARTICLE_ANCHORS` that dates the article; Reference(None, None) when none does."""
    for anchor in ARTICLE_ANCHORS:
        day = anchor.find(parsed)
        if day:
            return Reference(day, anchor.label)
    return Reference(None, None)


def is_relative(cand: Candidate) -> bool:
    """Does the expression's value depend on the anchor? A relative rule with no year told."""
    return cand.rule in RELATIVE_RULES and not cand.match.groupdict().get("year")


def speech_days(parsed: Parsed, chosen: list[Found], quotes: list[Quote]) -> list[SpeechDay]:
    """The quotes whose cue carries a day: "…," she said on Monday / X said on Monday that …"""
    out = []
    for q in quotes:
        if q.field != "text" or None in (q.start, q.end, q.cue_start, q.cue_end):
            continue
        cue = parsed.doc.char_span(q.cue_start, q.cue_end, alignment_mode="expand")
        if cue is None:
            continue
        sent = cue.sent
        for _, norm, start, end in chosen:
            near = q.cue_end <= start <= q.cue_end + 25 or q.cue_start - 25 <= end <= q.cue_start
            if near and sent.start_char <= start < sent.end_char and not q.start <= start < q.end \
                    and re.fullmatch(r"\d{4}-\d\d-\d\d", norm.value):
                out.append(SpeechDay(q.start, q.end, date.fromisoformat(norm.value)))
                break
    return out


def speech_anchors(parsed: Parsed, chosen: list[Found], quotes: list[Quote],
                   anchor: date) -> Iterator[tuple[int, date]]:
    """Words inside a quote resolve against when they were said, not the article's date: (index in
    `chosen`, day) for each relative expression inside a quote said on another day, quote by quote."""
    for said in speech_days(parsed, chosen, quotes):
        if said.day == anchor:
            continue
        for k, found in enumerate(chosen):
            if said.start <= found.start < said.end and is_relative(found.cand):
                yield k, said.day


def anchor_label(reference: Reference, found: Found, spoken: bool) -> str | None:
    """`Timex.anchor`: SPEECH when re-resolved against the day a quote was said; else the article
    reference's label when the value depends on it (not a duration, not a bare clock time)."""
    if spoken:
        return SPEECH
    relative = reference.day is not None and is_relative(found.cand) and not found.norm.value.startswith(("P", "T"))
    return reference.label if relative else None
