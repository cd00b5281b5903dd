"""TIMEX3 values for the matches of `time.grammar`: one normaliser per rule, looked up by the rule's name.

This module holds the rules that name a point or a span on the calendar (a clock time, a day, a month,
a year, a quarter, a season, a weekday, "today", "next week", "now"); `time.durations` the stretches of
time and recurrences, `time.told` the references to a date the story told before ("the same day").
Each normaliser `n_RULE(match, context)` returns a `Norm`, or None when the match is no time expression
after all ("May" the name, "in her 70s" the age). The arithmetic and its conventions: `time.values`.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import durations, told
from .grammar import words
from .told import CONTEXT_DAY
from .values import (Context, Norm, add_months, day_of, deictic_date, duration_value, edge_mod, iso_week,
                     matched, month_of, next_word, prev_word, quarter_of, rel_unit_value, resolve_weekday, safe_date,
                     weekday_of, year_for_month, year_for_month_day)


def n_time(m: re.Match, ctx: Context) -> Norm | None:
    if matched(m, "noon"):
        hh, mm = (0, 0) if m.group("noon").lower() == "midnight" else (12, 0)
    elif matched(m, "hhmm"):
        hh, mm = int(m.group("hhmm")[:2]), int(m.group("hhmm")[2:])
    elif matched(m, "h2"):
        hh, mm = int(m.group("h2")), int(m.group("mi2"))
        if not (matched(m, "zone") or matched(m, "pzone")) and prev_word(ctx) not in ("at", "by", "until", "from", "before", "after", "around", "about"):
            return None  # "3:16" or a ratio: a clock needs "at" or a zone
    else:
        hh, mm = int(m.group("h")), int(matched(m, "mi") or 0)
        if hh > 12:
            return None
        pm = m.group("ampm").lower().startswith("p")
        hh = (hh % 12) + (12 if pm else 0)
    day = None
    if matched(m, "tdate"):
        td = m.group("tdate").lower()
        if matched(m, "tmonth"):
            mo = month_of(m.group("tmonth"))
            dd = day_of(m.group("tday"))
            y = int(m.group("tyear")) if matched(m, "tyear") else year_for_month_day(mo, dd, ctx)
            day = f"{y:04d}-{mo:02d}-{dd:02d}" if y else f"XXXX-{mo:02d}-{dd:02d}"
        else:
            d = deictic_date(td, ctx) if td in ("today", "yesterday", "tomorrow") else None
            if td.split()[-1] in words()["weekdays"]:
                parts = td.split()
                d = resolve_weekday(weekday_of(parts[-1]), ctx, parts[0] if len(parts) > 1 else None)
            day = d.isoformat() if d else None
    elif matched(m, "zone") or matched(m, "pzone"):
        # a clock time with a zone ("18:00 UTC", "6:40 p.m. (GMT +8)") is a moment of the day being told
        day = CONTEXT_DAY  # (time.told)
    zone = "Z" if matched(m, "zone") and m.group("zone").upper() in ("UTC", "GMT", "Z") else ""
    return Norm("TIME", f"{day or ''}T{hh:02d}:{mm:02d}{zone}")


def n_weekday_part(m: re.Match, ctx: Context) -> Norm | None:
    wd = weekday_of(m.group("wd"))
    if wd is None or len(m.group("wd")) < 6 or not m.group("wd")[0].isupper():
        return None
    d = resolve_weekday(wd, ctx, (matched(m, "rel") or "").lower() or None)
    part = words()["parts_of_day"][m.group("part").lower()]
    return Norm("TIME", f"{d.isoformat() if d else 'XXXX-WXX-' + str(wd)}T{part}")


def n_part_rel(m: re.Match, ctx: Context) -> Norm | None:
    which = m.group("which").lower().split()[-1]
    part = words()["parts_of_day"][m.group("part").lower()]
    if which == "last" and part != "NI":
        return None  # "last morning" is not said; "last night" is
    offset = {"this": 0, "yesterday": -1, "tomorrow": 1, "last": -1}[which]
    d = ctx.anchor + timedelta(days=offset) if ctx.anchor else None
    return Norm("TIME", f"{d.isoformat() if d else 'XXXX-XX-XX'}T{part}")


def n_tonight(m: re.Match, ctx: Context) -> Norm | None:
    if m.group("which").lower() == "overnight":
        return None
    return Norm("TIME", f"{ctx.anchor.isoformat() if ctx.anchor else 'XXXX-XX-XX'}TNI")


def n_iso_date(m: re.Match, ctx: Context) -> Norm | None:
    d = safe_date(int(m.group("year")), int(m.group("m")), int(m.group("d")))
    return Norm("DATE", d.isoformat()) if d else None


def n_numeric_date(m: re.Match, ctx: Context) -> Norm | None:
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
        return prev_word(ctx) in ("in", "by", "since", "until", "till", "from", "through", "of", "last", "next",
                                   "this", "early", "late", "mid", "and", "or", "before", "after", "during",
                                   "to", "between", "end", "beginning", "start", "middle", "coming", "past")
    return True


def n_month_day(m: re.Match, ctx: Context) -> Norm | None:
    if not _month_ok(m.group("month"), ctx, True):
        return None
    mo, dd = month_of(m.group("month")), day_of(m.group("day"))
    if matched(m, "year"):
        y = int(m.group("year"))
    else:
        y = year_for_month_day(mo, dd, ctx)
    if safe_date(y or 2000, mo, dd) is None:
        return None
    return Norm("DATE", f"{y:04d}-{mo:02d}-{dd:02d}" if y else f"XXXX-{mo:02d}-{dd:02d}")


n_day_month = n_month_day


def n_holiday(m: re.Match, ctx: Context) -> Norm | None:
    """ "Christmas", "New Year's Day": the holiday's day, in the year a month and day would take."""
    md = words()["holidays"].get(" ".join(m.group("holiday").lower().split()))
    if md is None:
        return None
    mo, dd = int(md[:2]), int(md[3:])
    y = year_for_month_day(mo, dd, ctx)
    return Norm("DATE", f"{y:04d}-{mo:02d}-{dd:02d}" if y else f"XXXX-{mo:02d}-{dd:02d}")


def n_range_end(m: re.Match, ctx: Context) -> Norm | None:
    """The second day of "May 3-5": its own DATE, on the span of its digits."""
    if not _month_ok(m.group("month"), ctx, True):
        return None
    mo, d1, d2 = month_of(m.group("month")), day_of(m.group("day")), day_of(m.group("day2"))
    if d2 <= d1:
        return None
    y = int(m.group("year")) if matched(m, "year") else year_for_month_day(mo, d1, ctx)
    if safe_date(y or 2000, mo, d2) is None:
        return None
    return Norm("DATE", f"{y:04d}-{mo:02d}-{d2:02d}" if y else f"XXXX-{mo:02d}-{d2:02d}",
                start=m.start("day2"), end=m.end("day2"))


def n_year_range_end(m: re.Match, ctx: Context) -> Norm | None:
    """The second year of "2009-2011" or "2010-11"."""
    y1, y2 = m.group("y1"), m.group("y2")
    if len(y2) == 2:
        y2 = y1[:2] + y2
    if not int(y1) < int(y2) <= int(y1) + 50:
        return None
    return Norm("DATE", y2, start=m.start("y2"), end=m.end("y2"))


def n_month(m: re.Match, ctx: Context) -> Norm | None:
    word = m.group("month")
    if not _month_ok(word, ctx, bool(matched(m, "year"))):
        return None
    mo = month_of(word)
    rel = (matched(m, "rel") or "").lower() or None
    y = int(m.group("year")) if matched(m, "year") else year_for_month(mo, ctx, rel)
    yrel = (matched(m, "yrel") or "").lower()
    if yrel:  # "October of next year": the month takes that year; "next year" is a timex of its own
        if ctx.anchor is None:
            return None
        y = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[yrel]
        return Norm("DATE", f"{y:04d}-{mo:02d}", edge_mod(matched(m, "edge")), end=m.end("month"))
    return Norm("DATE", f"{y:04d}-{mo:02d}" if y else f"XXXX-{mo:02d}", edge_mod(matched(m, "edge")))


def n_week_of_month(m: re.Match, ctx: Context) -> Norm | None:
    """ "the last week of March": the ISO week holding the month's last Thursday (a week belongs to the
    month its Thursday is in, as ISO weeks belong to years)."""
    mo = month_of(m.group("month"))
    y = int(m.group("year")) if matched(m, "year") else year_for_month(mo, ctx)
    if y is None:
        return None
    thursdays = [d for d in (safe_date(y, mo, day) for day in range(1, 32)) if d and d.weekday() == 3]
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m.group("ord").lower())
    return Norm("DATE", iso_week(thursdays[n - 1] if n else thursdays[-1]))


def n_year(m: re.Match, ctx: Context) -> Norm | None:
    if matched(m, "fy"):
        return Norm("DATE", f"FY{m.group('year')}")
    return Norm("DATE", m.group("year"), edge_mod(matched(m, "edge")))


def n_decade(m: re.Match, ctx: Context) -> Norm | None:
    dec = m.group("dec").lstrip("'’")
    if len(dec) == 2:
        whole = m.group(0)
        if not ("'" in whole or "’" in whole or whole.lower().startswith("the") or prev_word(ctx) in ("and", "or", "the")):
            return None  # "in her 70s" is an age
        century = "20" if ctx.anchor and int(dec) <= ctx.anchor.year % 100 - 10 else "19"
        dec = century + dec
    return Norm("DATE", dec[:3], edge_mod(matched(m, "edge")))


def n_short_year(m: re.Match, ctx: Context) -> Norm | None:
    yy = int(matched(m, "yy") or m.group("yy2"))
    cut = ctx.anchor.year % 100 if ctx.anchor else 30
    return Norm("DATE", str((2000 if yy <= cut else 1900) + yy))


def n_quarter(m: re.Match, ctx: Context) -> Norm | None:
    a = ctx.anchor
    if matched(m, "q"):
        q = int(m.group("q"))
        y = matched(m, "year2")
        if y:
            return Norm("DATE", f"{y}-Q{q}")
    else:
        ordw = m.group("ord").lower()
        q = words()["ordinals"][ordw]
        y = matched(m, "year")
        if y:
            return Norm("DATE", f"{y}-Q{q}")
        rel = (matched(m, "rel") or matched(m, "rel2") or "").lower()
        if rel and a:
            yy = a.year + {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1}[rel]
            return Norm("DATE", f"{yy}-Q{q}")
        if ordw == "last" and a:  # "the last quarter": the one before the anchor's
            prev = add_months(date(a.year, a.month, 1), -3)
            return Norm("DATE", f"{prev.year}-Q{quarter_of(prev)}")
    if a is None:
        return Norm("DATE", f"XXXX-Q{q}")
    cur = quarter_of(a)
    if ctx.direction == "future":
        y = a.year if q >= cur else a.year + 1
    elif ctx.direction == "past":
        y = a.year if q <= cur else a.year - 1
    else:
        y = a.year - 1 if q - cur > 2 else a.year + 1 if cur - q > 2 else a.year
    return Norm("DATE", f"{y}-Q{q}")


def n_half(m: re.Match, ctx: Context) -> Norm | None:
    n = 1 if m.group("ord").lower() == "first" else 2
    if matched(m, "year"):
        y = m.group("year")
    elif ctx.anchor:
        y = ctx.anchor.year + {"last": -1, "this": 0, "next": 1, "": 0}[(matched(m, "rel") or "").lower()]
    else:
        y = "XXXX"
    return Norm("DATE", f"{y}-H{n}")


def n_season(m: re.Match, ctx: Context) -> Norm | None:
    word = m.group("season").lower()
    rel = (matched(m, "rel") or "").lower()
    if not (matched(m, "year") or rel or prev_word(ctx) in ("in", "the", "this", "last", "next", "of", "during", "by",
                                                         "until", "since", "their", "its", "our", "his", "her")):
        return None
    if word == "fall" and not (matched(m, "year") or rel in ("last", "next", "this") or prev_word(ctx) in ("the", "this", "last", "next")):
        return None  # "fall" is a verb more often than a season
    code = words()["seasons"][word]
    if matched(m, "year"):
        y = int(m.group("year"))
    elif ctx.anchor:
        y = ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)
    else:
        return Norm("DATE", f"XXXX-{code}")
    mod = edge_mod(rel) if rel in ("early", "late", "mid") else None
    return Norm("DATE", f"{y}-{code}", mod)


def n_rel_unit(m: re.Match, ctx: Context) -> Norm | None:
    rel, unit = m.group("rel").lower(), m.group("unit").lower()
    if rel == "following":
        return None  # relative to a narrated time, not to the anchor
    if rel == "past":  # "the past week" is a stretch up to now
        return Norm("DURATION", duration_value(1, unit))
    value = rel_unit_value(rel, unit, ctx.anchor)
    return Norm("DATE", value) if value else None


def n_edge_rel(m: re.Match, ctx: Context) -> Norm | None:
    rel, unit = m.group("rel").lower(), m.group("unit").lower()
    if rel == "the":
        rel = "this"
    value = rel_unit_value(rel, unit, ctx.anchor)
    return Norm("DATE", value, edge_mod(m.group("edge"))) if value else None


def n_the_weekend(m: re.Match, ctx: Context) -> Norm | None:
    a = ctx.anchor
    if a is None:
        return Norm("DATE", "XXXX-WXX-WE")
    if ctx.direction == "past" and a.isoweekday() < 6:
        return Norm("DATE", iso_week(a - timedelta(weeks=1)) + "-WE")
    return Norm("DATE", iso_week(a) + "-WE")


def n_deictic(m: re.Match, ctx: Context) -> Norm | None:
    word = m.group("word").lower()
    d = deictic_date(word, ctx)
    if d is None:
        return Norm("DATE", {"today": "PRESENT_REF", "yesterday": "PAST_REF", "tomorrow": "FUTURE_REF"}[word])
    return Norm("DATE", d.isoformat())


def n_weekday(m: re.Match, ctx: Context) -> Norm | None:
    word = m.group("wd")
    if len(word) < 6 or not word[0].isupper():
        return None  # "Sun", "Wed": names and abbreviations, not days, without a date beside them
    wd = weekday_of(word)
    if prev_word(ctx) in words()["not_weekdays_after"] and not matched(m, "rel"):
        return None  # "Black Monday", "Good Friday" are named days, not this week's
    rel = (matched(m, "rel") or "").lower() or None
    d = resolve_weekday(wd, ctx, rel)
    return Norm("DATE", d.isoformat() if d else f"XXXX-WXX-{wd}")


def n_vague(m: re.Match, ctx: Context) -> Norm | None:
    word = m.group("vague").lower()
    if word == "now" and next_word(ctx) == "that":
        return None  # "now that ...": a conjunction
    if re.match(r"-\w", ctx.after):
        return None  # "the now-cancelled deal", "the soon-to-open terminal": part of an adjective
    return Norm("DATE", words()["vague_refs"][" ".join(m.group("vague").lower().split())])


NORMALISERS = {name[2:]: fn for module in (globals(), vars(durations), vars(told))
               for name, fn in list(module.items()) if name.startswith("n_") and callable(fn)}


def normalise(rule: str, m: re.Match, ctx: Context) -> Norm | None:
    """The value of one match of `rule`, or None when it is no time expression here."""
    return NORMALISERS[rule](m, ctx)
