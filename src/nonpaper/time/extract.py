"""Time expressions found and normalised to TIMEX3 values.

A small grammar (`time.grammar`) finds candidates in each body paragraph (never in headings); each is
normalised (`time.normalise`) against the article's reference date (decided in `time.reference`) and
the tense of the clause it sits in (`time.tense`), read from the spaCy parse. Where candidates overlap,
the longest valid one wins; references to a date told before are filled last (`time.told`).
Regular expressions and one walk up the parse per candidate: no dateparser on this path.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..lexicon import wordset
from ..model import Quote, Timex
from ..text import parse as nlp
from ..text.paragraphs import paragraph_spans
from ..text.parse import Parsed
from .grammar import Candidate, find_candidates, rules
from .normalise import normalise
from .reference import RELATIVE_RULES, anchor_label, article_reference, speech_anchors
from .tense import clause_tense
from .told import resolve_told
from .values import Context, Found, Norm

_RULE_ORDER = {name: i for i, (name, _) in enumerate(rules())}


def _plausible_year(parsed: Parsed, cand: Candidate) -> bool:
    """A four-digit number is a year unless it counts something ("2024 customers") or is a code."""
    doc = parsed.doc
    span = doc.char_span(cand.match.start("year") + cand.start - cand.match.start(),
                         cand.match.end("year") + cand.start - cand.match.start(), alignment_mode="expand")
    if span is None:
        return True
    tok = span[-1]
    if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    if tok.i > 0 and doc[tok.i - 1].lower_.rstrip(".") in wordset("time_not_year_before.txt"):
        return False
    # "2024 customers" counts; "the 1991 settlement", "the 2008 model year" are years
    if tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.tag_ == "NNS" and not (
            tok.i > 0 and doc[tok.i - 1].pos_ in ("DET", "PRON") or doc[tok.i - 1].tag_ == "POS"):
        return False
    return True


def _valid(parsed: Parsed, cand: Candidate, anchor: date | None, paragraph: str, p_start: int) -> Norm | None:
    local_s, local_e = cand.start - p_start, cand.end - p_start
    ctx = Context(anchor, None, paragraph[max(0, local_s - 40):local_s], paragraph[local_e:local_e + 40])
    if cand.rule in RELATIVE_RULES or cand.rule == "duration":
        ctx.tense = clause_tense(parsed, cand.start, cand.end)
    if cand.rule == "year" and not _plausible_year(parsed, cand):
        return None
    return normalise(cand.rule, cand.match, ctx)


def _choose(found: list[Found]) -> list[Found]:
    """Longest first, then the earlier rule; no two chosen spans overlap."""
    found.sort(key=lambda f: (-(f.end - f.start), _RULE_ORDER[f.cand.rule], f.start))
    chosen: list[Found] = []
    for f in found:
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


def _found(parsed: Parsed, anchor: date | None) -> list[Found]:
    """Every valid candidate of the body's paragraphs, on the span its value covers."""
    found = []
    for p_start, p_end in paragraph_spans(parsed.article):
        paragraph = parsed.text[p_start:p_end]
        for cand in find_candidates(paragraph, p_start):
            norm = _valid(parsed, cand, anchor, paragraph, p_start)
            if norm is None or not norm.value:
                continue
            shift = cand.start - cand.match.start()
            start = norm.start + shift if norm.start is not None else cand.start
            end = norm.end + shift if norm.end is not None else cand.end
            found.append(Found(cand, norm, start, end))
    return found


def _speech_time(parsed: Parsed, chosen: list[Found], quotes: list[Quote], anchor: date) -> set[int]:
    """Re-resolve the expressions `reference.speech_anchors` gives against the day they were said; the
    indices of the re-resolved timexes."""
    moved = set()
    for k, day in speech_anchors(parsed, chosen, quotes, anchor):
        cand, norm = chosen[k].cand, chosen[k].norm
        block = parsed.block_at(cand.start)
        p_start = block.start if block else 0
        paragraph = parsed.text[p_start:block.end if block else len(parsed.text)]
        again = _valid(parsed, cand, day, paragraph, p_start)
        if again is not None and again.value:
            norm.value, norm.mod = again.value, again.mod
            moved.add(k)
    return moved


def _one_year_per_day(chosen: list[Found], anchor: date, moved: set[int]) -> None:
    """The same month and day told twice in one article without a year is one day: where the clauses'
    tenses gave different years ("arrives on November 11" / "a stop on November 11 may be cut"), the
    reading nearest the anchor wins for all of them."""
    by_day: dict[str, list[int]] = {}
    for k, (cand, norm, _, _) in enumerate(chosen):
        if k not in moved and cand.rule in ("month_day", "day_month") and not cand.match.groupdict().get("year") \
                and re.fullmatch(r"\d{4}-\d\d-\d\d", norm.value):
            by_day.setdefault(norm.value[5:], []).append(k)
    for ks in by_day.values():
        values = {chosen[k].norm.value for k in ks}
        if len(values) > 1:
            best = min(values, key=lambda v: abs((date.fromisoformat(v) - anchor).days))
            for k in ks:
                chosen[k].norm.value = best


def extract_timexes(parsed: Parsed, quotes: list[Quote] | None = None) -> list[Timex]:
    """The time expressions of the article body. With `quotes` (from the quote stage), expressions inside
    a quote whose cue is dated ("she said on Monday") resolve against that day."""
    text = parsed.text
    reference = article_reference(parsed)
    anchor = reference.day
    chosen = _choose(_found(parsed, anchor))
    moved = _speech_time(parsed, chosen, quotes, anchor) if quotes and anchor else set()
    if anchor:
        _one_year_per_day(chosen, anchor, moved)
    resolve_told(parsed, chosen, anchor)
    timexes = []
    for k, found in enumerate(chosen):
        norm, start, end = found.norm, found.start, found.end
        if not norm.value:
            continue
        timexes.append(Timex(id=f"t{len(timexes) + 1}", text=text[start:end], start=start, end=end, type=norm.type,
                             value=norm.value, anchor=anchor_label(reference, found, k in moved), mod=norm.mod))
    return timexes


def extract_title_timexes(parsed: Parsed, first_id: int = 1) -> list[Timex]:
    """Time expressions in the headline and subheadline ("lowest level since 1997"), resolved like the
    body's; start/end are offsets into that field (`field`), never into the body text."""
    art = parsed.article
    out: list[Timex] = []
    for name in ("title", "subtitle"):
        line = getattr(art, name)
        if not line or not line.strip() or next(find_candidates(line), None) is None:
            continue  # most headlines have no time words: no parse for them
        own = replace(art, text=line, title=None, subtitle=None, blocks=[], dateline=None)
        # the headline is parsed on its own: it is not part of the body's Doc
        for t in extract_timexes(nlp.parse(own)):
            out.append(replace(t, id=f"t{first_id + len(out)}", field=name))
    return out
