"""Stretches of time: durations ("for two years", "the past week"), recurrences ("every Monday", "twice
a year": TIMEX3 SET), and dates counted back by one ("three years ago").

Normalisers looked up by `time.normalise`; the arithmetic they use is in `time.values`.
"""
from __future__ import annotations

import re
from datetime import timedelta

from .grammar import number_value, words
from .values import (Context, Norm, add_months, count, duration_value, matched, next_word, prev_word,
                     rel_unit_value, unit_code, weekday_of)


def n_duration(m: re.Match, ctx: Context) -> Norm | None:
    if matched(m, "adj") and "old" in m.group("adj").lower():
        return None  # ages
    n = count(m)
    num_word = m.group("num").lower()
    unit = m.group("unit").lower()
    if unit.startswith("second") and num_word in ("a", "an"):
        return None  # "a second term"
    if unit.startswith("quarter") and (num_word in ("a", "an") or (
            next_word(ctx) == "of" and num_word in ("one", "three") and "consecutive" not in m.group(0).lower())):
        return None  # "a quarter of the parts"
    if unit.startswith("night") and num_word in ("a", "an", "one"):
        return None
    value = duration_value(n, unit)
    if value is None:
        return None
    approx = " ".join((matched(m, "approx") or "").lower().split())
    mod = words()["approximators"].get(approx)
    direction = (matched(m, "dir") or "").lower()
    start = None
    if approx in ("over", "under") and prev_word(ctx) not in ("in", "for", "of", "within", "after", "since", "by"):
        # "over two years" is a preposition ("followed customers over two years"); after one,
        # "in over six years", it means "more than"
        mod, start = None, m.start("the") if matched(m, "the") else m.start("num")
    # "the next 31 years" after a past event measures from that event: keep only the measure;
    # "the past five days" and a future "the next four years" are anchored to now: keep the phrase.
    if direction and direction not in ("past", "last", "previous") and ctx.tense == "past":
        start = m.start("num")
    return Norm("DURATION", value, mod, start=start)


def n_duration_range_start(m: re.Match, ctx: Context) -> Norm | None:
    value = duration_value(count(m), m.group("unit"))
    return Norm("DURATION", value, start=m.start("num"), end=m.end("num")) if value else None


def n_past_unit(m: re.Match, ctx: Context) -> Norm | None:
    direction, unit = m.group("dir").lower(), m.group("unit").lower()
    if direction == "past":
        value = duration_value(1, unit)
        return Norm("DURATION", value) if value else None
    rel = {"last": "last", "previous": "last", "next": "next", "coming": "next"}[direction]
    if unit in ("week", "month", "year", "decade", "century"):
        value = rel_unit_value(rel, unit, ctx.anchor)
        return Norm("DATE", value) if value else None
    return None


def n_bare_units(m: re.Match, ctx: Context) -> Norm | None:
    lead = " ".join(m.group("lead").lower().split())
    unit = m.group("unit").lower()
    value = duration_value(None, "year" if unit == "decades" else unit)
    if lead in ("for", "in"):  # "for years", "the first gain in years", "lost it in minutes"
        return Norm("DURATION", value, start=m.start("unit"))
    if lead == "in recent":
        return Norm("DURATION", value, start=m.start("unit") - len("recent "))
    return Norm("DURATION", value)


_NOT_BEFORE_UNITS_OF = {"the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "early", "later",
                        "final", "first", "last", "past", "next", "golden", "of", "in", "for", "over"}


def n_units_of(m: re.Match, ctx: Context) -> Norm | None:
    if prev_word(ctx) in _NOT_BEFORE_UNITS_OF:
        return None  # "the early years of the company", "the months of talks": not a measure
    unit = m.group("unit").lower()
    return Norm("DURATION", duration_value(None, "year" if unit == "decades" else unit))


def n_units_long(m: re.Match, ctx: Context) -> Norm | None:
    return Norm("DURATION", duration_value(None, "year" if m.group("unit").lower() == "decades" else m.group("unit")))


def n_ago(m: re.Match, ctx: Context) -> Norm | None:
    n = count(m)
    code = unit_code(m.group("unit"))
    mod = words()["approximators"].get(" ".join((matched(m, "approx") or "").lower().split()))
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


def n_set_every(m: re.Match, ctx: Context) -> Norm | None:
    unit = m.group("unit").lower()
    n = number_value(m.group("num")) if matched(m, "num") else 1
    if matched(m, "other"):
        n = 2
    if unit.rstrip("s") in words()["weekdays"] or unit in words()["weekdays"]:
        return Norm("SET", f"XXXX-WXX-{weekday_of(unit.rstrip('s') if unit not in words()['weekdays'] else unit)}")
    if unit in words()["parts_of_day"]:
        return Norm("SET", f"T{words()['parts_of_day'][unit]}")
    if unit == "weekend":
        return Norm("SET", "XXXX-WXX-WE")
    value = duration_value(n, unit)
    return Norm("SET", value) if value else None


def n_set_per(m: re.Match, ctx: Context) -> Norm | None:
    if not matched(m, "freq") and not re.search(r"\d\s$", ctx.before):
        return None  # "twice a week", "15 a year": a rate, not "a year"
    value = duration_value(1, m.group("unit"))
    if value is None:
        return None
    start = None if matched(m, "freq") else m.start("per")
    return Norm("SET", value, start=start)


def n_set_adverb(m: re.Match, ctx: Context) -> Norm | None:
    word = m.group("adv").lower()
    if word in ("daily", "weekly", "monthly") and not m.group("adv")[0].islower():
        return None  # "Daily Telegraph", "Weekly Standard"
    return Norm("SET", words()["set_adverbs"][word])
