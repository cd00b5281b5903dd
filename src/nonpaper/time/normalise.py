"""TIMEX3 values for the matches of `time_grammar`, against an anchor date and the sentence's tense.

Conventions (pinned by tests/test_time.py; the same as the gold files' README):
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
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .grammar import number_value, words

Tense = str | None  # "past" | "future" | "present" | None


@dataclass
class Norm:
    type: str
    value: str
    mod: str | None = None
    start: int | None = None  # a narrower span than the match (a duration inside "the next 31 years")
    end: int | None = None


@dataclass
class Context:
    anchor: date | None
    tense: Tense  # past | perfect | future | present | None

    before: str  # the text just before the match (same paragraph)
    after: str  # the text just after it

    @property
    def direction(self) -> str | None:
        """past | future | None: the present perfect looks back like the past."""
        return "past" if self.tense in ("past", "perfect") else "future" if self.tense == "future" else None


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


def _prev_word(ctx: Context) -> str:
    m = re.search(r"([\w’']+)\W*$", ctx.before)
    return m.group(1).lower() if m else ""


def _next_word(ctx: Context) -> str:
    m = re.match(r"\W*([\w’']+)", ctx.after)
    return m.group(1).lower() if m else ""


def _g(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


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


def _edge_mod(edge: str | None) -> str | None:
    if not edge:
        return None
    e = edge.lower()
    if "early" in e or "beginning" in e or "start" in e:
        return "START"
    if "mid" in e or "middle" in e:
        return "MID"
    return "END"


# --- the rules -----------------------------------------------------------------------------------

def n_time(m, ctx):
    if _g(m, "noon"):
        hh, mm = (0, 0) if m.group("noon").lower() == "midnight" else (12, 0)
    elif _g(m, "hhmm"):
        hh, mm = int(m.group("hhmm")[:2]), int(m.group("hhmm")[2:])
    elif _g(m, "h2"):
        hh, mm = int(m.group("h2")), int(m.group("mi2"))
        if not _g(m, "zone") and _prev_word(ctx) not in ("at", "by", "until", "from", "before", "after", "around", "about"):
            return None  # "3:16" or a ratio: a clock needs "at" or a zone
    else:
        hh, mm = int(m.group("h")), int(_g(m, "mi") or 0)
        if hh > 12:
            return None
        pm = m.group("ampm").lower().startswith("p")
        hh = (hh % 12) + (12 if pm else 0)
    day = None
    if _g(m, "tdate"):
        td = m.group("tdate").lower()
        if _g(m, "tmonth"):
            mo = month_of(m.group("tmonth"))
            dd = day_of(m.group("tday"))
            y = int(m.group("tyear")) if _g(m, "tyear") else year_for_month_day(mo, dd, ctx)
            day = f"{y:04d}-{mo:02d}-{dd:02d}" if y else f"XXXX-{mo:02d}-{dd:02d}"
        else:
            d = _deictic_date(td, ctx) if td in ("today", "yesterday", "tomorrow") else None
            if td.split()[-1] in words()["weekdays"]:
                parts = td.split()
                d = resolve_weekday(weekday_of(parts[-1]), ctx, parts[0] if len(parts) > 1 else None)
            day = d.isoformat() if d else None
    elif _g(m, "zone"):
        day = CONTEXT_DAY  # a clock time with a zone is a moment of the day being told (time.py)
    zone = "Z" if _g(m, "zone") and m.group("zone").upper() in ("UTC", "GMT", "Z") else ""
    return Norm("TIME", f"{day or ''}T{hh:02d}:{mm:02d}{zone}")


def _deictic_date(word: str, ctx: Context) -> date | None:
    if ctx.anchor is None:
        return None
    return ctx.anchor + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[word])


def n_weekday_part(m, ctx):
    wd = weekday_of(m.group("wd"))
    if wd is None or len(m.group("wd")) < 6 or not m.group("wd")[0].isupper():
        return None
    d = resolve_weekday(wd, ctx, (_g(m, "rel") or "").lower() or None)
    part = words()["parts_of_day"][m.group("part").lower()]
    return Norm("TIME", f"{d.isoformat() if d else 'XXXX-WXX-' + str(wd)}T{part}")


def n_part_rel(m, ctx):
    which = m.group("which").lower().split()[-1]
    part = words()["parts_of_day"][m.group("part").lower()]
    if which == "last" and part != "NI":
        return None  # "last morning" is not said; "last night" is
    offset = {"this": 0, "yesterday": -1, "tomorrow": 1, "last": -1}[which]
    d = ctx.anchor + timedelta(days=offset) if ctx.anchor else None
    return Norm("TIME", f"{d.isoformat() if d else 'XXXX-XX-XX'}T{part}")


def n_tonight(m, ctx):
    if m.group("which").lower() == "overnight":
        return None
    return Norm("TIME", f"{ctx.anchor.isoformat() if ctx.anchor else 'XXXX-XX-XX'}TNI")


def n_iso_date(m, ctx):
    d = safe_date(int(m.group("year")), int(m.group("m")), int(m.group("d")))
    return Norm("DATE", d.isoformat()) if d else None


def n_numeric_date(m, ctx):
    y = int(m.group("y"))
    if y < 100:
        y += 2000 if y <= (ctx.anchor.year % 100 if ctx.anchor else 30) else 1900
    d = safe_date(y, int(m.group("m")), int(m.group("d")))
    return Norm("DATE", d.isoformat()) if d else None


def _month_ok(word: str, ctx: Context, has_day_or_year: bool) -> bool:
    """Month names are capitalised; "May" and "March" alone need a preposition (modal, verb)."""
    if not word[0].isupper():
        return False
    bare = word.lower().rstrip(".")
    if not has_day_or_year and (len(bare) <= 3 and bare != "may" or word.endswith(".")):
        return False  # "Jan" alone is a name more often than a month
    if bare in ("may", "march") and not has_day_or_year:
        return _prev_word(ctx) in ("in", "by", "since", "until", "till", "from", "through", "of", "last", "next",
                                   "this", "early", "late", "mid", "and", "or", "before", "after", "during",
                                   "to", "between", "end", "beginning", "start", "middle", "coming", "past")
    return True


def n_month_day(m, ctx):
    if not _month_ok(m.group("month"), ctx, True):
        return None
    mo, dd = month_of(m.group("month")), day_of(m.group("day"))
    if _g(m, "year"):
        y = int(m.group("year"))
    else:
        y = year_for_month_day(mo, dd, ctx)
    if safe_date(y or 2000, mo, dd) is None:
        return None
    return Norm("DATE", f"{y:04d}-{mo:02d}-{dd:02d}" if y else f"XXXX-{mo:02d}-{dd:02d}")


n_day_month = n_month_day


def n_range_end(m, ctx):
    """The second day of "May 3-5": its own DATE, on the span of its digits."""
    if not _month_ok(m.group("month"), ctx, True):
        return None
    mo, d1, d2 = month_of(m.group("month")), day_of(m.group("day")), day_of(m.group("day2"))
    if d2 <= d1:
        return None
    y = int(m.group("year")) if _g(m, "year") else year_for_month_day(mo, d1, ctx)
    if safe_date(y or 2000, mo, d2) is None:
        return None
    return Norm("DATE", f"{y:04d}-{mo:02d}-{d2:02d}" if y else f"XXXX-{mo:02d}-{d2:02d}",
                start=m.start("day2"), end=m.end("day2"))


def n_year_range_end(m, ctx):
    """The second year of "2009-2011" or "2010-11"."""
    y1, y2 = m.group("y1"), m.group("y2")
    if len(y2) == 2:
        y2 = y1[:2] + y2
    if not int(y1) < int(y2) <= int(y1) + 50:
        return None
    return Norm("DATE", y2, start=m.start("y2"), end=m.end("y2"))


def n_month(m, ctx):
    word = m.group("month")
    if not _month_ok(word, ctx, bool(_g(m, "year"))):
        return None
    mo = month_of(word)
    rel = (_g(m, "rel") or "").lower() or None
    y = int(m.group("year")) if _g(m, "year") else year_for_month(mo, ctx, rel)
    yrel = (_g(m, "yrel") or "").lower()
    if yrel:  # "October of next year": the month takes that year; "next year" is a timex of its own
        if ctx.anchor is None:
            return None
        y = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[yrel]
        return Norm("DATE", f"{y:04d}-{mo:02d}", _edge_mod(_g(m, "edge")), end=m.end("month"))
    return Norm("DATE", f"{y:04d}-{mo:02d}" if y else f"XXXX-{mo:02d}", _edge_mod(_g(m, "edge")))


def n_week_of_month(m, ctx):
    """ "the last week of March": the ISO week holding the month's last Thursday (a week belongs to the
    month its Thursday is in, as ISO weeks belong to years)."""
    mo = month_of(m.group("month"))
    y = int(m.group("year")) if _g(m, "year") else year_for_month(mo, ctx)
    if y is None:
        return None
    thursdays = [d for d in (safe_date(y, mo, day) for day in range(1, 32)) if d and d.weekday() == 3]
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m.group("ord").lower())
    return Norm("DATE", iso_week(thursdays[n - 1] if n else thursdays[-1]))


def n_year(m, ctx):
    if _g(m, "fy"):
        return Norm("DATE", f"FY{m.group('year')}")
    return Norm("DATE", m.group("year"), _edge_mod(_g(m, "edge")))


def n_decade(m, ctx):
    dec = m.group("dec").lstrip("'’")
    if len(dec) == 2:
        whole = m.group(0)
        if not ("'" in whole or "’" in whole or whole.lower().startswith("the") or _prev_word(ctx) in ("and", "or", "the")):
            return None  # "in her 70s" is an age
        century = "20" if ctx.anchor and int(dec) <= ctx.anchor.year % 100 - 10 else "19"
        dec = century + dec
    return Norm("DATE", dec[:3], _edge_mod(_g(m, "edge")))


def n_short_year(m, ctx):
    yy = int(_g(m, "yy") or m.group("yy2"))
    cut = ctx.anchor.year % 100 if ctx.anchor else 30
    return Norm("DATE", str((2000 if yy <= cut else 1900) + yy))


def _quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def n_quarter(m, ctx):
    a = ctx.anchor
    if _g(m, "q"):
        q = int(m.group("q"))
        y = _g(m, "year2")
        if y:
            return Norm("DATE", f"{y}-Q{q}")
    else:
        ordw = m.group("ord").lower()
        q = words()["ordinals"][ordw]
        y = _g(m, "year")
        if y:
            return Norm("DATE", f"{y}-Q{q}")
        rel = (_g(m, "rel") or _g(m, "rel2") or "").lower()
        if rel and a:
            yy = a.year + {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1}[rel]
            return Norm("DATE", f"{yy}-Q{q}")
        if ordw == "last" and a:  # "the last quarter": the one before the anchor's
            prev = add_months(date(a.year, a.month, 1), -3)
            return Norm("DATE", f"{prev.year}-Q{_quarter_of(prev)}")
    if a is None:
        return Norm("DATE", f"XXXX-Q{q}")
    cur = _quarter_of(a)
    if ctx.direction == "future":
        y = a.year if q >= cur else a.year + 1
    elif ctx.direction == "past":
        y = a.year if q <= cur else a.year - 1
    else:
        y = a.year - 1 if q - cur > 2 else a.year + 1 if cur - q > 2 else a.year
    return Norm("DATE", f"{y}-Q{q}")


def n_half(m, ctx):
    n = 1 if m.group("ord").lower() == "first" else 2
    if _g(m, "year"):
        y = m.group("year")
    elif ctx.anchor:
        y = ctx.anchor.year + {"last": -1, "this": 0, "next": 1, "": 0}[(_g(m, "rel") or "").lower()]
    else:
        y = "XXXX"
    return Norm("DATE", f"{y}-H{n}")


def n_season(m, ctx):
    word = m.group("season").lower()
    rel = (_g(m, "rel") or "").lower()
    if not (_g(m, "year") or rel or _prev_word(ctx) in ("in", "the", "this", "last", "next", "of", "during", "by",
                                                         "until", "since", "their", "its", "our", "his", "her")):
        return None
    if word == "fall" and not (_g(m, "year") or rel in ("last", "next", "this") or _prev_word(ctx) in ("the", "this", "last", "next")):
        return None  # "fall" is a verb more often than a season
    code = words()["seasons"][word]
    if _g(m, "year"):
        y = int(m.group("year"))
    elif ctx.anchor:
        y = ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)
    else:
        return Norm("DATE", f"XXXX-{code}")
    mod = _edge_mod(rel) if rel in ("early", "late", "mid") else None
    return Norm("DATE", f"{y}-{code}", mod)


def _rel_unit_value(rel: str, unit: str, a: date | None) -> str | None:
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


def n_rel_unit(m, ctx):
    rel, unit = m.group("rel").lower(), m.group("unit").lower()
    if rel == "following":
        return None  # relative to a narrated time, not to the anchor
    if rel == "past":  # "the past week" is a stretch up to now
        return Norm("DURATION", _duration_value(1, unit))
    value = _rel_unit_value(rel, unit, ctx.anchor)
    return Norm("DATE", value) if value else None


def n_edge_rel(m, ctx):
    rel, unit = m.group("rel").lower(), m.group("unit").lower()
    if rel == "the":
        rel = "this"
    value = _rel_unit_value(rel, unit, ctx.anchor)
    return Norm("DATE", value, _edge_mod(m.group("edge"))) if value else None


def n_the_weekend(m, ctx):
    a = ctx.anchor
    if a is None:
        return Norm("DATE", "XXXX-WXX-WE")
    if ctx.direction == "past" and a.isoweekday() < 6:
        return Norm("DATE", iso_week(a - timedelta(weeks=1)) + "-WE")
    return Norm("DATE", iso_week(a) + "-WE")


CONTEXT_DAY = "CONTEXT_DAY"  # resolved by time.py from the day told just before


def n_the_day(m, ctx):
    """ "on the day", "the same day", "late in the day": the day the story is at (time.py fills it)."""
    if not (_g(m, "pre") or _g(m, "same") or _prev_word(ctx) in (
            "on", "for", "during", "throughout", "over", "across", "by", "of", "until", "that", "all",
            "end", "ends", "ended", "ending", "close", "closes", "closed", "closing", "finish", "finished",
            "finishing", "start", "started", "starting", "began", "begin", "opened")):
        return None
    pre = (_g(m, "pre") or "").lower()
    mod = None if not pre else "END" if pre.startswith(("late", "the end")) else "START" if pre.startswith(
        ("early", "the start")) else None
    return Norm("DATE", CONTEXT_DAY, mod)


def n_nth_running(m, ctx):
    """ "for a third straight day": the day being told; a week, month, quarter or year: the anchor's."""
    unit = (_g(m, "unit") or m.group("unit2")).lower().split()[-1]
    if unit in ("day", "session"):
        return Norm("DATE", CONTEXT_DAY)
    a = ctx.anchor
    if a is None:
        return None
    value = {"week": iso_week(a), "month": f"{a.year}-{a.month:02d}", "quarter": f"{a.year}-Q{_quarter_of(a)}",
             "year": str(a.year)}[unit]
    return Norm("DATE", value)


def n_deictic(m, ctx):
    word = m.group("word").lower()
    d = _deictic_date(word, ctx)
    if d is None:
        return Norm("DATE", {"today": "PRESENT_REF", "yesterday": "PAST_REF", "tomorrow": "FUTURE_REF"}[word])
    return Norm("DATE", d.isoformat())


def n_weekday(m, ctx):
    word = m.group("wd")
    if len(word) < 6 or not word[0].isupper():
        return None  # "Sun", "Wed": names and abbreviations, not days, without a date beside them
    wd = weekday_of(word)
    if _prev_word(ctx) in words()["not_weekdays_after"] and not _g(m, "rel"):
        return None  # "Black Monday", "Good Friday" are named days, not this week's
    rel = (_g(m, "rel") or "").lower() or None
    d = resolve_weekday(wd, ctx, rel)
    return Norm("DATE", d.isoformat() if d else f"XXXX-WXX-{wd}")


def _unit_code(unit: str) -> str | None:
    u = unit.lower()
    u = re.sub(r"\s+", " ", u)
    u = u[:-3] + "y" if u.endswith("ies") else u[:-1] if u.endswith("s") and u[:-1] in words()["units"] else u
    return words()["units"].get(u)


def _duration_value(n: float | None, unit: str) -> str | None:
    code = _unit_code(unit)
    if code is None:
        return None
    if code.startswith("T"):
        return f"PT{fmt_num(n) if n is not None else 'X'}{code[1]}"
    mult, letter = (int(code[:-1]) if len(code) > 1 else 1), code[-1]
    if n is None:
        return f"PX{letter}"
    return f"P{fmt_num(n * mult)}{letter}"


def _num(m) -> float | None:
    return number_value(m.group("num"))


def n_duration(m, ctx):
    if _g(m, "adj") and "old" in m.group("adj").lower():
        return None  # ages
    n = _num(m)
    num_word = m.group("num").lower()
    unit = m.group("unit").lower()
    if unit.startswith("second") and num_word in ("a", "an"):
        return None  # "a second term"
    if unit.startswith("quarter") and (num_word in ("a", "an") or (
            _next_word(ctx) == "of" and num_word in ("one", "three") and "consecutive" not in m.group(0).lower())):
        return None  # "a quarter of the parts"
    if unit.startswith("night") and num_word in ("a", "an", "one"):
        return None
    value = _duration_value(n, unit)
    if value is None:
        return None
    approx = " ".join((_g(m, "approx") or "").lower().split())
    mod = words()["approximators"].get(approx)
    direction = (_g(m, "dir") or "").lower()
    start = None
    if approx in ("over", "under") and _prev_word(ctx) not in ("in", "for", "of", "within", "after", "since", "by"):
        # "over two years" is a preposition ("followed customers over two years"); after one,
        # "in over six years", it means "more than"
        mod, start = None, m.start("the") if _g(m, "the") else m.start("num")
    # "the next 31 years" after a past event measures from that event: keep only the measure;
    # "the past five days" and a future "the next four years" are anchored to now: keep the phrase.
    if direction and direction not in ("past", "last", "previous") and ctx.tense == "past":
        start = m.start("num")
    return Norm("DURATION", value, mod, start=start)


def n_duration_range_start(m, ctx):
    value = _duration_value(_num(m), m.group("unit"))
    return Norm("DURATION", value, start=m.start("num"), end=m.end("num")) if value else None


def n_past_unit(m, ctx):
    direction, unit = m.group("dir").lower(), m.group("unit").lower()
    if direction == "past":
        value = _duration_value(1, unit)
        return Norm("DURATION", value) if value else None
    rel = {"last": "last", "previous": "last", "next": "next", "coming": "next"}[direction]
    if unit in ("week", "month", "year", "decade", "century"):
        value = _rel_unit_value(rel, unit, ctx.anchor)
        return Norm("DATE", value) if value else None
    return None


def n_bare_units(m, ctx):
    lead = " ".join(m.group("lead").lower().split())
    unit = m.group("unit").lower()
    value = _duration_value(None, "year" if unit == "decades" else unit)
    if lead in ("for", "in"):  # "for years", "the first gain in years", "lost it in minutes"
        return Norm("DURATION", value, start=m.start("unit"))
    if lead == "in recent":
        return Norm("DURATION", value, start=m.start("unit") - len("recent "))
    return Norm("DURATION", value)


_NOT_BEFORE_UNITS_OF = {"the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "early", "later",
                        "final", "first", "last", "past", "next", "golden", "of", "in", "for", "over"}


def n_units_of(m, ctx):
    if _prev_word(ctx) in _NOT_BEFORE_UNITS_OF:
        return None  # "the early years of the company", "the months of talks": not a measure
    unit = m.group("unit").lower()
    return Norm("DURATION", _duration_value(None, "year" if unit == "decades" else unit))


SAME_LAST_YEAR = "SAME_LAST_YEAR"  # resolved by time.py from the period told just before


YEAR_TOLD = "YEAR_TOLD"  # "YEAR_TOLD-1": the year told just before, minus one (time.py)


def n_year_told(m, ctx):
    return Norm("DATE", YEAR_TOLD if _g(m, "whole") else YEAR_TOLD + "-1")


TOLD_TIME = "TOLD_TIME"  # the date told just before, in this sentence or the one before (time.py)


def n_that_time(m, ctx):
    if _prev_word(ctx) not in ("by", "at", "until", "since", "before", "after") or _next_word(ctx) == "of":
        return None  # "that time of year", "at that point in the talks" is not a told date
    if m.group(0).lower().endswith("point") and _prev_word(ctx) == "at":
        return None
    return Norm("DATE", TOLD_TIME)


def n_same_period(m, ctx):
    return Norm("DATE", SAME_LAST_YEAR)


def n_units_long(m, ctx):
    return Norm("DURATION", _duration_value(None, "year" if m.group("unit").lower() == "decades" else m.group("unit")))


def n_ago(m, ctx):
    n = _num(m)
    code = _unit_code(m.group("unit"))
    mod = words()["approximators"].get(" ".join((_g(m, "approx") or "").lower().split()))
    a = ctx.anchor
    if a is None or n is None or code is None or code.startswith("T"):
        return Norm("DATE", "PAST_REF", mod)
    if not float(n).is_integer():
        return Norm("DATE", "PAST_REF", mod)
    n = int(n)
    if code in ("D", "W", "2W"):
        days = n * {"D": 1, "W": 7, "2W": 14}[code]
        return Norm("DATE", (a - timedelta(days=days)).isoformat(), mod)
    if code in ("M", "Q"):
        d = add_months(a, -n * (3 if code == "Q" else 1))
        return Norm("DATE", f"{d.year}-{d.month:02d}", mod)
    years = n * (int(code[:-1]) if len(code) > 1 else 1)
    return Norm("DATE", str(a.year - years), mod)


def n_set_every(m, ctx):
    unit = m.group("unit").lower()
    n = number_value(m.group("num")) if _g(m, "num") else 1
    if _g(m, "other"):
        n = 2
    if unit.rstrip("s") in words()["weekdays"] or unit in words()["weekdays"]:
        return Norm("SET", f"XXXX-WXX-{weekday_of(unit.rstrip('s') if unit not in words()['weekdays'] else unit)}")
    if unit in words()["parts_of_day"]:
        return Norm("SET", f"T{words()['parts_of_day'][unit]}")
    if unit == "weekend":
        return Norm("SET", "XXXX-WXX-WE")
    value = _duration_value(n, unit)
    return Norm("SET", value) if value else None


def n_set_per(m, ctx):
    if not _g(m, "freq") and not re.search(r"\d\s$", ctx.before):
        return None  # "twice a week", "15 a year": a rate, not "a year"
    value = _duration_value(1, m.group("unit"))
    if value is None:
        return None
    start = None if _g(m, "freq") else m.start("per")
    return Norm("SET", value, start=start)


def n_set_adverb(m, ctx):
    word = m.group("adv").lower()
    if word in ("daily", "weekly", "monthly") and not m.group("adv")[0].islower():
        return None  # "Daily Telegraph", "Weekly Standard"
    return Norm("SET", words()["set_adverbs"][word])


def n_vague(m, ctx):
    word = m.group("vague").lower()
    if word == "now" and _next_word(ctx) == "that":
        return None  # "now that ...": a conjunction
    if re.match(r"-\w", ctx.after):
        return None  # "the now-cancelled deal", "the soon-to-open terminal": part of an adjective
    return Norm("DATE", words()["vague_refs"][" ".join(m.group("vague").lower().split())])


NORMALISERS = {name[2:]: fn for name, fn in list(globals().items()) if name.startswith("n_") and callable(fn)}


def normalise(rule: str, m: re.Match, ctx: Context) -> Norm | None:
    return NORMALISERS[rule](m, ctx)
