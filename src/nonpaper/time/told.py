"""References to a date the story told before: "the same day", "by that time", "the same period last
year", "the previous year", "for a third straight day".

A normaliser here cannot know the date alone: it gives a marker value (CONTEXT_DAY, TOLD_TIME,
SAME_LAST_YEAR, YEAR_TOLD) that `resolve_told` replaces, once every expression of the article is
normalised, with the date told just before it (or the anchor, or nothing).
"""
from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from .values import Context, Found, Norm, iso_week, matched, next_word, prev_word, quarter_of

if TYPE_CHECKING:
    from ..text.parse import Parsed

CONTEXT_DAY = "CONTEXT_DAY"  # resolved by `resolve_told` from the day told just before


SAME_LAST_YEAR = "SAME_LAST_YEAR"  # resolved by `resolve_told` from the period told just before


YEAR_TOLD = "YEAR_TOLD"  # "YEAR_TOLD-1": the year told just before, minus one (`resolve_told`)


TOLD_TIME = "TOLD_TIME"  # the date told just before, in this sentence or the one before (`resolve_told`)


def n_the_day(m: re.Match, ctx: Context) -> Norm | None:
    """ "on the day", "the same day", "late in the day": the day the story is at (`resolve_told` fills it)."""
    if not (matched(m, "pre") or matched(m, "same") or prev_word(ctx) in (
            "on", "for", "during", "throughout", "over", "across", "by", "of", "until", "that", "all",
            "end", "ends", "ended", "ending", "close", "closes", "closed", "closing", "finish", "finished",
            "finishing", "start", "started", "starting", "began", "begin", "opened")):
        return None
    pre = (matched(m, "pre") or "").lower()
    mod = None if not pre else "END" if pre.startswith(("late", "the end")) else "START" if pre.startswith(
        ("early", "the start")) else None
    return Norm("DATE", CONTEXT_DAY, mod)


def n_nth_running(m: re.Match, ctx: Context) -> Norm | None:
    """ "for a third straight day": the day being told; a week, month, quarter or year: the anchor's."""
    unit = (matched(m, "unit") or m.group("unit2")).lower().split()[-1]
    if unit in ("day", "session"):
        return Norm("DATE", CONTEXT_DAY)
    a = ctx.anchor
    if a is None:
        return None
    value = {"week": iso_week(a), "month": f"{a.year}-{a.month:02d}", "quarter": f"{a.year}-Q{quarter_of(a)}",
             "year": str(a.year)}[unit]
    return Norm("DATE", value)


def n_year_told(m: re.Match, ctx: Context) -> Norm | None:
    return Norm("DATE", YEAR_TOLD if matched(m, "whole") else YEAR_TOLD + "-1")


def n_that_time(m: re.Match, ctx: Context) -> Norm | None:
    if prev_word(ctx) not in ("by", "at", "until", "since", "before", "after") or next_word(ctx) == "of":
        return None  # "that time of year", "at that point in the talks" is not a told date
    if m.group(0).lower().endswith("point") and prev_word(ctx) == "at":
        return None
    return Norm("DATE", TOLD_TIME)


def n_same_period(m: re.Match, ctx: Context) -> Norm | None:
    return Norm("DATE", SAME_LAST_YEAR)


def _resolve_context_days(parsed: Parsed, chosen: list[Found], anchor: date | None) -> None:
    """ "the same day", "on the day": the day told in this sentence or the one before; a clock time
    ("18:00 UTC"): the day told in its own sentence; else the anchor (`time.reference`); dropped with neither."""
    doc = parsed.doc
    for k, (cand, norm, start, end) in enumerate(chosen):
        if CONTEXT_DAY not in norm.value:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        sent = span.sent if span is not None else None
        if norm.type == "TIME":
            window = [(o_start, other) for _, other, o_start, _ in chosen
                      if sent is not None and sent.start_char <= o_start < sent.end_char]
        else:
            lo = sent.start_char if sent is not None else start
            if sent is not None and sent.start > 0:
                lo = doc[sent.start - 1].sent.start_char
            window = [(o_start, other) for _, other, o_start, _ in chosen[:k] if o_start >= lo]
        days = [(abs(o_start - start), other.value[:10]) for o_start, other in window
                if re.match(r"\d{4}-\d\d-\d\d", other.value)]
        day = min(days)[1] if days else (anchor.isoformat() if anchor else None)
        norm.value = norm.value.replace(CONTEXT_DAY, day) if day else ""


def _resolve_same_period(parsed: Parsed, chosen: list[Found], anchor: date | None) -> None:
    """ "rose 43% in February compared to the same period last year": the closest date before it in its
    sentence, a year earlier (2026-02 → 2025-02, 2026-Q3 → 2025-Q3); dropped when there is none.
    "the previous year" / "for the entire year": that date's year, minus one or not; with none told,
    the year before the publication year (or PAST_REF), and nothing for "the entire year".
    "by that time": the date told just before, in its sentence or the one before; else nothing."""
    doc = parsed.doc
    for k, (_, norm, start, end) in enumerate(chosen):
        if norm.value not in (SAME_LAST_YEAR, YEAR_TOLD, YEAR_TOLD + "-1", TOLD_TIME):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        lo = span.sent.start_char if span is not None else start
        if norm.value == TOLD_TIME and span is not None and span.sent.start > 0:
            lo = doc[span.sent.start - 1].sent.start_char  # "... by June 10. If not by that time, ..."
        told = [other.value for _, other, o_start, _ in chosen[:k] if o_start >= lo and other.type == "DATE"
                and re.fullmatch(r"\d{4}(?:-(?:\d\d|Q[1-4]|H[12]|W\d\d)(?:-\d\d)?)?", other.value)]
        if norm.value == TOLD_TIME:
            norm.value = told[-1] if told else ""
            continue
        if norm.value == SAME_LAST_YEAR:
            value = f"{int(told[-1][:4]) - 1:04d}{told[-1][4:]}" if told else ""
            norm.value = value[:7] if value.endswith("-02-29") else value  # no 29 February a year earlier
            continue
        shift = -1 if norm.value.endswith("-1") else 0
        if told:
            norm.value = f"{int(told[-1][:4]) + shift:04d}"
        elif shift:
            norm.value = str(anchor.year - 1) if anchor else "PAST_REF"
        else:
            norm.value = ""


def resolve_told(parsed: Parsed, chosen: list[Found], anchor: date | None) -> None:
    """Replace the markers in the chosen expressions' values with the dates told before them; a value
    left empty ("") is dropped by the caller."""
    _resolve_context_days(parsed, chosen, anchor)
    _resolve_same_period(parsed, chosen, anchor)
