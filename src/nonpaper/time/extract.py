"""Time expressions found and normalised to TIMEX3 values.

A small grammar (`time_grammar`) finds candidates in each body paragraph (never in headings); each is
normalised (`time_normalise`) against the article's publication date and the tense of the clause it
sits in, read from the spaCy parse. Where candidates overlap, the longest valid one wins.
Regular expressions and one walk up the parse per candidate: no dateparser on this path.
"""
from __future__ import annotations

import re
from datetime import date

from ..model import Timex
from ..text.paragraphs import paragraph_spans
from ..text.parse import Parsed
from ..lexicon import speech_verbs, wordset
from .grammar import Candidate, find_candidates, rules
from .normalise import CONTEXT_DAY, SAME_LAST_YEAR, TOLD_TIME, YEAR_TOLD, Context, Norm, normalise

_RULE_ORDER = {name: i for i, (name, _) in enumerate(rules())}
_FUTURE_AUX = {"will", "'ll", "’ll", "shall", "wo", "would", "'d", "’d"}
_PAST_AUX = {"had", "did", "was", "were"}
_SCHEDULE_VERBS = {"schedule", "plan", "expect", "due", "set", "slate", "intend", "aim", "hope"}
# A preposition that fixes the direction whatever the verb's tense ("until Friday", "since March").
_DIRECTION_PREP = {"until": "future", "till": "future", "since": "past", "ago": "past"}
_RELATIVE_RULES = {"month_day", "day_month", "month", "weekday", "weekday_part", "deictic", "rel_unit",
                   "edge_rel", "the_weekend", "part_rel", "tonight", "quarter", "half", "season", "ago", "time",
                   "past_unit", "the_day", "range_end", "nth_running", "week_of_month"}


def anchor_date(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _governing_verb(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "MD":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _verb_tense(verb, depth: int = 0) -> str | None:
    """past | perfect | future | present | None, from the verb's tag and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if verb.dep_ == "advcl" and verb.head.i != verb.i and depth < 4 and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once", "after", "before", "until", "as")
            for c in verb.children) and _verb_tense(verb.head, depth + 1) == "future":
        return "future"  # "would be infused when they opened on Friday": the tense follows the main clause
    if words & _FUTURE_AUX or any(c.lower_ == "going" for c in auxes):
        return "future"
    if verb.lemma_ in _SCHEDULE_VERBS:  # "a hearing has been scheduled for June 3"
        return "future"
    if any(c.tag_ == "TO" for c in auxes):
        if words & {"have", "'ve", "’ve"}:
            return "past"  # "predicted to have dipped in March"
        gov = verb.head if verb.head.i != verb.i else None
        if gov is not None and gov.pos_ in ("VERB", "AUX") and depth < 4:  # "plans to meet on Friday"
            t = _verb_tense(gov, depth + 1)
            return "future" if t in ("present", "future", None) else t
        return "future"
    if words & {"has", "have", "'ve", "’ve"} and not words & {"had"}:
        return "perfect"
    if words & _PAST_AUX or any(c.tag_ == "VBD" for c in auxes) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and not auxes:  # a participle clause: "the document, sent on Monday"
        return "past"
    if verb.tag_ == "VBG" and any(c.lower_ in ("is", "are", "am", "'re", "’re") for c in auxes):
        return "future"  # "is meeting on Friday"
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am", "do", "does"}:
        if verb.dep_ == "advcl" and verb.head.i != verb.i and depth < 4:  # "will wear it when it arrives on ..."
            if _verb_tense(verb.head, depth + 1) == "future":
                return "future"
        return "present"
    return None


def clause_tense(parsed: Parsed, start: int, end: int) -> str | None:
    """past | perfect | future | present | None for the clause a span sits in."""
    m = re.search(r"(\w+)\W*$", parsed.text[max(0, start - 20):start])
    if m and m.group(1).lower() in _DIRECTION_PREP:
        return _DIRECTION_PREP[m.group(1).lower()]
    said = _said_before(parsed.doc, start)
    verb = said or _governing_verb(parsed.doc, start, end)
    if verb is not None and said is None:
        verb = _reported_verb(verb, start) or verb
    return _verb_tense(verb) if verb is not None else None


def _reported_verb(verb, start: int):
    """"… will start on September 7, the board announced": a date before a trailing attribution
    belongs to the reported clause, whatever the parser attached it to."""
    if verb.lemma_ not in speech_verbs("told"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or verb.i < subj.i or start >= subj.left_edge.idx:
        return None
    if verb.dep_ in ("advcl", "parataxis", "ccomp") and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head  # the parser hung the attribution under the reported verb
    return next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")
                 and c.idx < subj.left_edge.idx), None)


def _said_before(doc, start: int):
    """ "said on Monday it would ...": a date right after a reporting verb dates the saying, whatever
    the parser attached it to."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    i = span[0].i - 1
    if i >= 0 and doc[i].pos_ == "ADP":
        i -= 1
    if i >= 0 and doc[i].pos_ == "VERB" and doc[i].lemma_ in speech_verbs("told"):
        return doc[i]
    return None


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
    if cand.rule in _RELATIVE_RULES or cand.rule == "duration":
        ctx.tense = clause_tense(parsed, cand.start, cand.end)
    if cand.rule == "year" and not _plausible_year(parsed, cand):
        return None
    return normalise(cand.rule, cand.match, ctx)


def _choose(found: list[tuple[Candidate, Norm, int, int]]) -> list[tuple[Candidate, Norm, int, int]]:
    """Longest first, then the earlier rule; no two chosen spans overlap."""
    found.sort(key=lambda f: (-(f[3] - f[2]), _RULE_ORDER[f[0].rule], f[2]))
    chosen: list[tuple[Candidate, Norm, int, int]] = []
    for f in found:
        if all(f[3] <= c[2] or f[2] >= c[3] for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f[2])


def _resolve_context_days(parsed: Parsed, chosen, anchor: date | None) -> None:
    """ "the same day", "on the day": the day told in this sentence or the one before; a clock time
    ("18:00 UTC"): the day told in its own sentence; else the publication date; dropped with neither."""
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


def _resolve_same_period(parsed: Parsed, chosen, anchor: date | None) -> None:
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


def _leading_date(parsed: Parsed) -> date | None:
    """With no publication date, the article's own date when the body opens with one
    ("September 01, 2007 Airbus said ...", "2026-11-03 - ...")."""
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


def _speech_days(parsed: Parsed, chosen, quotes) -> list[tuple[int, int, date]]:
    """(quote start, quote end, day it was said) for quotes whose cue carries a day: "…," she said on
    Monday / X said on Monday that …"""
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
                out.append((q.start, q.end, date.fromisoformat(norm.value)))
                break
    return out


def _speech_time(parsed: Parsed, chosen, quotes, anchor: date) -> set[int]:
    """Words inside a quote resolve against when they were said, not the publication date; the
    indices of the re-resolved timexes."""
    moved = set()
    for q_start, q_end, day in _speech_days(parsed, chosen, quotes):
        if day == anchor:
            continue
        for k, (cand, norm, start, end) in enumerate(chosen):
            if not (q_start <= start < q_end) or cand.rule not in _RELATIVE_RULES or cand.match.groupdict().get("year"):
                continue
            block = parsed.block_at(cand.start)
            p_start = block.start if block else 0
            paragraph = parsed.text[p_start:block.end if block else len(parsed.text)]
            again = _valid(parsed, cand, day, paragraph, p_start)
            if again is not None and again.value:
                norm.value, norm.mod = again.value, again.mod
                moved.add(k)
    return moved


def _one_year_per_day(chosen, anchor: date, moved: set[int]) -> None:
    """The same month and day told twice in one article without a year is one day: where the clauses'
    tenses gave different years ("arrives on November 11" / "a stop on November 11 may be cut"), the
    reading nearest the publication date wins for all of them."""
    by_day: dict[str, list[int]] = {}
    for k, (cand, norm, _, _) in enumerate(chosen):
        if k not in moved and cand.rule in ("month_day", "day_month") and not cand.match.groupdict().get("year") \
                and re.fullmatch(r"\d{4}-\d\d-\d\d", norm.value):
            by_day.setdefault(norm.value[5:], []).append(k)
    for ks in by_day.values():
        values = {chosen[k][1].value for k in ks}
        if len(values) > 1:
            best = min(values, key=lambda v: abs((date.fromisoformat(v) - anchor).days))
            for k in ks:
                chosen[k][1].value = best


def extract_timexes(parsed: Parsed, quotes: list | None = None) -> list[Timex]:
    """The time expressions of the article body. With `quotes` (from the quote stage), expressions inside
    a quote whose cue is dated ("she said on Monday") resolve against that day."""
    text = parsed.text
    anchor = anchor_date(parsed.article.published)
    own_date = anchor is None and _leading_date(parsed)
    if own_date:
        anchor = own_date
    found = []
    for p_start, p_end in paragraph_spans(parsed.article):
        paragraph = text[p_start:p_end]
        for cand in find_candidates(paragraph, p_start):
            norm = _valid(parsed, cand, anchor, paragraph, p_start)
            if norm is None or not norm.value:
                continue
            shift = cand.start - cand.match.start()
            start = norm.start + shift if norm.start is not None else cand.start
            end = norm.end + shift if norm.end is not None else cand.end
            found.append((cand, norm, start, end))
    chosen = _choose(found)
    moved = _speech_time(parsed, chosen, quotes, anchor) if quotes and anchor else set()
    if anchor:
        _one_year_per_day(chosen, anchor, moved)
    _resolve_context_days(parsed, chosen, anchor)
    _resolve_same_period(parsed, chosen, anchor)
    timexes = []
    for k, (cand, norm, start, end) in enumerate(chosen):
        if not norm.value:
            continue
        relative = (anchor is not None and cand.rule in _RELATIVE_RULES and not norm.value.startswith(("P", "T"))
                    and not cand.match.groupdict().get("year"))
        label = "speech" if k in moved else ("article-date" if own_date else "published") if relative else None
        timexes.append(Timex(id=f"t{len(timexes) + 1}", text=text[start:end], start=start, end=end, type=norm.type,
                             value=norm.value, anchor=label, mod=norm.mod))
    return timexes


def extract_title_timexes(parsed: Parsed, first_id: int = 1) -> list[Timex]:
    """Time expressions in the headline and subheadline ("lowest level since 1997"), resolved like the
    body's; start/end are offsets into that field (`field`), never into the body text."""
    from dataclasses import replace

    from ..text import parse as nlp  # the headline is parsed on its own: it is not part of the body's Doc

    art = parsed.article
    out: list[Timex] = []
    for name in ("title", "subtitle"):
        line = getattr(art, name)
        if not line or not line.strip() or next(find_candidates(line), None) is None:
            continue  # most headlines have no time words: no parse for them
        own = replace(art, text=line, title=None, subtitle=None, blocks=[], dateline=None)
        for t in extract_timexes(nlp.parse(own)):
            out.append(replace(t, id=f"t{first_id + len(out)}", field=name))
    return out
