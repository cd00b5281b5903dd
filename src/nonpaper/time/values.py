"""What a time expression is resolved against, and the calendar arithmetic that resolves it.

`Context` is what one match is read against (the anchor date, the clause's tense, the words beside it);
`Norm` is the TIMEX3 value it gets. The arithmetic (the year of a month and day, the day of a weekday,
ISO weeks, relative units, duration codes) follows these conventions (pinned by tests/test_time.py; the
same as the gold files' README):
- month and day without a year: in a past-tense sentence the latest such date not after the anchor,
  in a future one the earliest not before it, otherwise the nearest;
- a bare month: the nearest year in the tense's direction ("by March" in November, future → next year);
- a plain weekday: past tense → the latest such day not after the anchor (the anchor itself counts),
  future → the next such day after the anchor, otherwise the nearest;
- "last Monday" → the latest Monday strictly before the anchor (so 7 days earlier on a Monday);
  "next Monday" → the first Monday strictly after it; "this Monday" → the Monday of the anchor's week;
- "next week" / "last week" → ISO weeks (2026-W46); "last year" → 2025;
- an offset that measures the distance to an event ("a week after the call") is a DURATION (P1W);
- with no anchor, dates that need one stay underspecified (XXXX-10-16).
Which date is the anchor is decided in `time.reference`.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from .grammar import Candidate, number_value, words

Tense = str | None  # "past" | "future" | "present" | None


@dataclass
class Norm:
    """A TIMEX3 value: its type (DATE, TIME, DURATION, SET), value and modifier."""
    type: str
    value: str
    mod: str | None = None
    start: int | None = None  # a narrower span than the match (a duration inside "the next 31 years")
    end: int | None = None


@dataclass
class Context:
    """What one match is resolved against: the anchor date, its clause's tense, the words beside it."""
    anchor: date | None
    tense: Tense  # past | perfect | future | present | None

    before: str  # the text just before the match (same paragraph)
    after: str  # the text just after it

    @property
    def direction(self) -> str | None:
        """past | future | None: the present perfect looks back like the past."""
        return "past" if self.tense in ("past", "perfect") else "future" if self.tense == "future" else None


class Found(NamedTuple):
    """A candidate with its value, on the span the value covers (narrower than the match, or the match)."""
    cand: Candidate
    norm: Norm
    start: int
    end: int


# --- small helpers -----------------------------------------------------------------------------

def month_of(word: str) -> int | None:
    return words()["months"].get(word.lower().rstrip("."))


def weekday_of(word: str) -> int | None:
    return words()["weekdays"].get(word.lower())


def day_of(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def prev_word(ctx: Context) -> str:
    """The word just before the match, lower-cased ("" at the paragraph's start)."""
    m = re.search(r"([\w’']+)\W*$", ctx.before)
    return m.group(1).lower() if m else ""


def next_word(ctx: Context) -> str:
    """The word just after the match, lower-cased."""
    m = re.match(r"\W*([\w’']+)", ctx.after)
    return m.group(1).lower() if m else ""


def matched(m: re.Match, name: str) -> str | None:
    """The text of a named group; None when the rule has no such group or it took no part."""
    return m.groupdict().get(name)


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def count(m: re.Match) -> float | None:
    """The number a rule's `num` group says ("three", "2.5", "a")."""
    return number_value(m.group("num"))


# --- year / month / day resolution ---------------------------------------------------------------

def year_for_month_day(month: int, day: int, ctx: Context) -> int | None:
    a = ctx.anchor
    if a is None:
        return None
    options = [d for d in (safe_date(a.year + k, month, day) for k in (-1, 0, 1)) if d]
    if not options:
        return None
    if ctx.direction == "past":
        past = [d for d in options if d <= a]
        return max(past).year if past else a.year
    if ctx.direction == "future":
        future = [d for d in options if d >= a]
        return min(future).year if future else a.year
    return min(options, key=lambda d: (abs((d - a).days), d > a)).year


def year_for_month(month: int, ctx: Context, rel: str | None = None) -> int | None:
    a = ctx.anchor
    if a is None:
        return None
    if rel == "last" or rel == "past" or rel == "previous":
        return a.year if month < a.month else a.year - 1
    if rel in ("next", "coming", "following"):
        return a.year if month > a.month else a.year + 1
    if rel == "this":
        return a.year
    if ctx.direction == "past":
        return a.year if month <= a.month else a.year - 1
    if ctx.direction == "future":
        return a.year if month >= a.month else a.year + 1
    diff = month - a.month
    return a.year - 1 if diff > 6 else a.year + 1 if diff < -6 else a.year


def resolve_weekday(wd: int, ctx: Context, rel: str | None = None) -> date | None:
    a = ctx.anchor
    if a is None:
        return None
    back = (a.isoweekday() - wd) % 7  # days back to the latest such day, 0 = the anchor itself
    fwd = (wd - a.isoweekday()) % 7
    if rel in ("last", "past"):
        return a - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return a + timedelta(days=fwd or 7)
    if rel == "this":
        return a + timedelta(days=wd - a.isoweekday())
    if ctx.direction == "past":
        return a - timedelta(days=back)
    if ctx.direction == "future":
        return a + timedelta(days=fwd)  # "will meet on Monday", said on a Monday: that day
    return a - timedelta(days=back) if back <= fwd else a + timedelta(days=fwd)


def deictic_date(word: str, ctx: Context) -> date | None:
    """The day "today", "yesterday" or "tomorrow" names, from the anchor."""
    if ctx.anchor is None:
        return None
    return ctx.anchor + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[word])


def edge_mod(edge: str | None) -> str | None:
    """The TIMEX3 mod of "early", "mid", "late", "the end of" ...: START, MID or END."""
    if not edge:
        return None
    e = edge.lower()
    if "early" in e or "beginning" in e or "start" in e:
        return "START"
    if "mid" in e or "middle" in e:
        return "MID"
    return "END"


# --- relative units and durations ----------------------------------------------------------------

def rel_unit_value(rel: str, unit: str, a: date | None) -> str | None:
    """ "last week", "next month", "this year": the unit `rel` steps from the anchor `a`."""
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1, "following": 1}[rel]
    if a is None:
        return {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[step]
    if unit == "week":
        return iso_week(a + timedelta(weeks=step))
    if unit == "weekend":
        return iso_week(a + timedelta(weeks=step)) + "-WE"
    if unit == "month":
        d = add_months(date(a.year, a.month, 1), step)
        return f"{d.year}-{d.month:02d}"
    if unit == "year":
        return str(a.year + step)
    if unit == "decade":
        return str(a.year // 10 + step)
    if unit == "century":
        return str(a.year // 100 + step)
    return None


def unit_code(unit: str) -> str | None:
    """The TIMEX3 code of a unit word ("weeks" → W, "hours" → TH), singular or plural."""
    u = unit.lower()
    u = re.sub(r"\s+", " ", u)
    u = u[:-3] + "y" if u.endswith("ies") else u[:-1] if u.endswith("s") and u[:-1] in words()["units"] else u
    return words()["units"].get(u)


def duration_value(n: float | None, unit: str) -> str | None:
    """A DURATION value: `n` units (P3W, PT2H), or an unknown number of them (PXY) with `n` None."""
    code = unit_code(unit)
    if code is None:
        return None
    if code.startswith("T"):
        return f"PT{fmt_num(n) if n is not None else 'X'}{code[1]}"
    mult, letter = (int(code[:-1]) if len(code) > 1 else 1), code[-1]
    if n is None:
        return f"PX{letter}"
    return f"P{fmt_num(n * mult)}{letter}"
