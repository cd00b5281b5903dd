"""The grammar of time expressions: regular expressions built once from `data/time_words.json`.

Each rule is a named pattern; `find_candidates` yields every match of every rule in a piece of text,
and `time.extract` keeps the longest non-overlapping ones and normalises them. Rules only find: what a
match means (its TIMEX3 value) is decided in `time.normalise`.
"""
from __future__ import annotations

import functools
import re
from typing import Iterator, NamedTuple

from ..lexicon import mapping


class Candidate(NamedTuple):
    rule: str
    start: int
    end: int
    match: re.Match


def words() -> dict:
    return mapping("time_words.json")


def _alt(items) -> str:
    """A regex alternation, longest first so "sept" wins over "sep"; spaces match any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def rules() -> tuple[tuple[str, re.Pattern], ...]:
    w = words()
    num_words = _alt(w["numbers"])
    vague = _alt(w["vague_numbers"])
    # "twenty-five", "25", "2.5", "two and a half"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    number = (rf"(?:(?:{tens})[-\s](?:{ones})|\d+(?:\.\d+)?|{num_words})"
              rf"(?:\s+(?:{_alt(w['fractions'])}))?")
    unit_words = sorted(w["units"], key=len, reverse=True)
    unit = rf"(?:{_alt(unit_words)})(?:s|ies)?"
    unit_sing = rf"(?:{_alt(unit_words)})"
    month = rf"(?:{_alt(w['months'])})\.?"
    weekday = rf"(?:{_alt(w['weekdays'])})"
    approx = _alt(w["approximators"])
    part = _alt(w["parts_of_day"])
    season = _alt(w["seasons"])
    year = r"(?:1[5-9]\d\d|20\d\d)"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    rel = r"(?:last|next|this|coming|past|previous|following)"
    edge = r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|start\s+of|beginning\s+of)"
    clock = (r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)"
             r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?!\d)"
             r"|(?P<hhmm>[01]\d[0-5]\d|2[0-3][0-5]\d)(?=\s*(?:UTC|GMT)\b)"
             r"|(?P<noon>noon|midday|midnight))")
    zone = r"(?:\s*(?P<zone>UTC|GMT|Z)(?:\s*[+-]\s*\d{1,2})?)?(?:\s*\((?P<pzone>(?:UTC|GMT)\s*[+-]\s*\d{1,2})\))?"
    date_after_time = (rf"(?:\s+(?:on\s+)?(?P<tdate>(?:(?:last|next|this)\s+)?{weekday}|today|yesterday|tomorrow"
                       rf"|(?P<tmonth>{month})\s+(?P<tday>{day})(?:,?\s+(?P<tyear>{year}))?))?")
    table = [
        ("time", rf"\b{clock}{zone}{date_after_time}(?!\w)"),
        ("weekday_part", rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<wd>{weekday})\s+(?P<part>{part})\b"),
        ("part_rel", rf"\b(?P<which>this|yesterday|tomorrow|last|early\s+this|late\s+this)\s+(?P<part>{part})\b"),
        ("tonight", r"\b(?P<which>tonight|overnight)\b"),
        ("iso_date", rf"\b(?P<year>{year})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"),
        ("numeric_date", r"(?<![\d/])(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d{2}|\d{4})(?![\d/])"),
        ("month_day", rf"\b(?:(?P<wd>{weekday}),?\s+)?(?P<month>{month})\s+(?P<day>{day})\b(?!\s*(?:%|:\d))"
                      rf"(?:,?\s+(?P<year>{year})\b)?"),
        # ranges: "May 3-5" gives "May 3" (month_day) and "5"; "2009-2011" gives "2009" and "2011"
        ("range_end", rf"\b(?P<month>{month})\s+(?P<day>{day})\s*[-–]\s*(?P<day2>{day})\b(?!\s*(?:%|-))"
                      rf"(?:,?\s+(?P<year>{year})\b)?"),
        ("year_range_end", rf"(?<![\d$£€#.,/-])\b(?P<y1>{year})\s*[-–]\s*(?P<y2>{year}|\d\d)\b(?![-\d%])"),
        ("day_month", rf"\b(?:(?P<wd>{weekday}),?\s+)?(?:the\s+)?(?P<day>{day})\s+(?:of\s+)?(?P<month>{month})"
                      rf"(?:,?\s+(?P<year>{year})\b)?"),
        ("month", rf"\b(?:(?P<edge>{edge})[\s-]+|(?P<rel>{rel})\s+)?(?P<month>{month})"
                  rf"(?:,?\s+(?P<year>{year})|\s+of\s+(?P<yrel>last|this|next)\s+year)?\b"),
        ("week_of_month", rf"\bthe\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+(?:of|in)\s+"
                          rf"(?P<month>{month})(?:,?\s+(?P<year>{year}))?\b"),
        ("year", rf"(?<![\d$£€#.,/-])\b(?:(?P<edge>{edge})[\s-]+)?(?:(?P<fy>FY|fiscal\s+|financial\s+))?(?P<year>{year})\b"
                 rf"(?![\d%]|,\d|\.\d|-\d\d\b(?!\d))"),
        ("decade", rf"\b(?:the\s+)?(?:(?P<edge>early|mid|late)[\s-]+)?(?P<dec>(?:1[5-9]|20)\d0|'?\d0)[’']?s\b"),
        ("short_year", r"(?<=\b(?:in|of|by)\s)[’'](?P<yy>\d\d)\b|(?<=\bsince\s)[’'](?P<yy2>\d\d)\b"),
        ("quarter", rf"\b(?:(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter"
                    rf"(?:\s+(?:of\s+)?(?:(?P<year>{year})|(?P<rel>last|this|next)\s+year|the\s+(?P<rel2>previous|last|current)\s+year))?"
                    rf"|Q(?P<q>[1-4])(?:\s+(?P<year2>{year}))?)\b"),
        ("half", rf"\b(?:the\s+)?(?P<ord>first|second)\s+half\s+of\s+(?:(?P<year>{year})|(?P<rel>last|this|next)\s+year|the\s+year)\b"),
        ("season", rf"\b(?:(?P<rel>last|next|this|early|late|mid)[\s-]+)?(?P<season>{season})(?:\s+(?:of\s+)?(?P<year>{year}))?\b"),
        ("edge_rel", rf"\b(?P<edge>{edge})\s+(?:(?P<rel>this|last|next|the)\s+)(?P<unit>week|month|year|decade|century)\b"),
        # "the previous year", "the year previous", "for the entire year": the year told just before (time.told)
        ("year_told", r"\bthe\s+(?:(?P<whole>entire|whole|full)\s+year|year\s+(?P<prev>previous|before)(?=\s*(?:[.,;:)]|$))"
                      r"|(?P<prev2>previous|prior)\s+year)\b(?!\s*(?:'s|’s)?\s*of\b)"),
        ("rel_unit", rf"\b(?:(?P<pre>earlier|later)\s+)?(?:the\s+)?(?P<rel>{rel})\s+(?P<unit>week(?:end)?|month|year|decade|century)\b"
                     rf"(?!\s*(?:'s|’s)?\s*(?:of\b))"),
        ("the_weekend", r"\b(?:the\s+)weekend\b"),
        ("the_day", r"\b(?P<pre>(?:late|early|later|earlier)\s+in\s+|the\s+(?:start|end)\s+of\s+)?(?P<det>the|that)\s+(?P<same>same\s+)?day\b"
                    r"(?!\s*(?:before|after|of|when|that|which|[’']s|-))"),
        # "for a second consecutive day", "for fourth week in a row": the current period, counted
        ("nth_running", r"\b(?:(?:a|the|its|their)\s+)?(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                        r"\d+(?:st|nd|rd|th))\s+(?:(?:consecutive|straight|successive)\s+(?P<unit>(?:trading\s+)?day|session|week|month|quarter|year)"
                        r"|(?P<unit2>day|session|week|month|quarter|year)(?=\s+in\s+a\s+row))\b"),
        ("deictic", r"\b(?:(?P<pre>earlier|later)\s+)?(?P<word>today|yesterday|tomorrow)\b"),
        # "Christmas", "New Year's Eve": a holiday on a fixed day (not "New Year" alone, a season of sales)
        ("holiday", rf"\b(?P<holiday>{_alt(w['holidays'])})(?![\w’'-])"),
        ("weekday", rf"\b(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<wd>{weekday})(?![\w-])"),
        ("ago", rf"\b(?:(?P<approx>{approx})\s+)?(?P<num>{number}|{vague})[\s-]+(?P<unit>{unit})\s+(?P<ago>ago)\b"),
        ("set_every", rf"\b(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{number})\s+)?(?P<unit>{unit_sing}s?|{weekday}|{part}|weekend)\b"),
        ("set_per", rf"\b(?:(?P<freq>once|twice|thrice|(?:{number})\s+times)\s+)?(?P<per>a|an|per|each)\s+(?P<unit>{unit_sing})\b"),
        ("set_adverb", rf"\b(?P<adv>{_alt(w['set_adverbs'])})\b"),
        ("duration", rf"\b(?:(?P<approx>{approx})\s+)?(?:(?P<the>the)\s+(?P<dir>past|last|next|first|previous|coming|final)\s+)?"
                     rf"(?P<num>{number}|{vague})[\s-]+(?:(?:straight|consecutive|full|more|long|whole)\s+)?(?P<unit>{unit})\b"
                     rf"(?P<adj>-long|-old|[\s-]+old)?"),
        ("past_unit", rf"\b(?:the\s+)(?P<dir>past|last|next|coming|previous)\s+(?P<unit>{unit_sing})\b"),
        # "between 60 and 90 days": the first end, whose unit is the second's
        ("duration_range_start", rf"\b(?:between|from)\s+(?P<num>\d+(?:\.\d+)?|{num_words})\s+(?:and|to)\s+"
                                 rf"(?:\d+(?:\.\d+)?|{num_words})[\s-]+(?P<unit>{unit})\b"),
        ("bare_units", rf"\b(?:(?P<lead>recent|the\s+past\s+few|over\s+the|for|in\s+recent|in)\s+)(?P<unit>years|decades|months|weeks|days|hours|minutes)\b"),
        # "decades in the making", "years of talks": a plural unit measuring what follows
        ("units_of", r"\b(?P<unit>years|decades|months|weeks|days|hours)(?=\s+(?:of|in\s+the\s+making)\b)"),
        # "the same period last year": the period told just before, a year earlier (time.told)
        ("same_period", r"\bthe\s+same\s+(?:period|month|quarter|week|day|time)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+"
                        r"(?:ago|earlier|before)|the\s+(?:previous|prior|last)\s+year|the\s+year\s+before)\b"),
        # "by that time", "at that time": the time told just before (time.told)
        ("that_time", r"\bthat\s+(?:time|date|point)\b"),
        ("units_long", r"\b(?P<unit>years|decades|months|weeks)-long\b"),
        ("vague", rf"\b(?P<vague>{_alt(w['vague_refs'])})\b"),
    ]
    return tuple((name, re.compile(p, re.IGNORECASE)) for name, p in table)


@functools.lru_cache(maxsize=1)
def gates() -> dict[str, frozenset[str]]:
    """For each rule, words one of which must occur for it to match ("#" = a digit): the paragraph's
    words are looked up once, and a rule whose words are all absent is not run."""
    w = words()
    months, weekdays = set(w["months"]), set(w["weekdays"])
    units = {u.split()[-1] for u in w["units"]} | {u.split()[-1] + "s" for u in w["units"]} | {
        "centuries", "weekend", "weekends"}
    parts, seasons = set(w["parts_of_day"]), set(w["seasons"])
    vague = {v.split()[-1] for v in w["vague_refs"]}
    digit = {"#"}
    table = {
        "time": digit | {"noon", "midday", "midnight"}, "weekday_part": weekdays, "part_rel": parts,
        "tonight": {"tonight", "overnight"}, "iso_date": digit, "numeric_date": digit,
        "month_day": months, "day_month": months, "range_end": months, "year_range_end": digit, "month": months, "week_of_month": months, "year": digit, "decade": digit,
        "short_year": digit, "quarter": {"quarter", "q1", "q2", "q3", "q4"}, "half": {"half"}, "season": seasons,
        "edge_rel": units, "year_told": {"year"}, "rel_unit": units, "the_weekend": {"weekend"}, "the_day": {"day"},
        "deictic": {"today", "yesterday", "tomorrow"},
        "holiday": {re.split(r"[\s'’]", h)[0] for h in w["holidays"]},
        "nth_running": {"consecutive", "straight", "successive", "row"}, "weekday": weekdays, "ago": {"ago"},
        "set_every": {"every", "each"}, "set_per": units, "set_adverb": set(w["set_adverbs"]),
        "duration": units, "duration_range_start": units, "past_unit": units, "bare_units": units, "units_of": units, "same_period": {"same"}, "that_time": {"that"}, "units_long": units, "vague": vague,
    }
    return {name: frozenset(ws) for name, ws in table.items()}


def find_candidates(text: str, offset: int = 0) -> Iterator[Candidate]:
    """Every match of every rule in `text` (offsets shifted by `offset`)."""
    present = set(re.findall(r"[a-z0-9]+", text.lower()))
    if any(map(str.isdigit, text)):  # a C-level loop: a generator here cost a frame per character
        present.add("#")
    gate = gates()
    for name, pattern in rules():
        needed = gate.get(name)
        if needed is not None and not needed & present:
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start():
                yield Candidate(name, m.start() + offset, m.end() + offset, m)


def number_value(text: str) -> float | None:
    """ "three" → 3, "twenty-five" → 25, "2.5" → 2.5, "two and a half" → 2.5; None for vague words."""
    w = words()
    t = " ".join(text.lower().replace("-", " ").split())
    frac = 0.0
    for f, v in w["fractions"].items():
        if t.endswith(" " + f):
            t, frac = t[: -len(f) - 1], v
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) + frac
    if t in w["numbers"]:
        return w["numbers"][t] + frac
    parts = t.split()
    if len(parts) == 2 and all(p in w["numbers"] for p in parts):
        return w["numbers"][parts[0]] + w["numbers"][parts[1]] + frac
    return None
