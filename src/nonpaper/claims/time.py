"""Claims about time (issue 5): orderings ("sent several days before the call", from the event stage's
relations and from the parse) and dates ("arrested on Friday") asserted by a source."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from .. import lexicon as resources
from .find import CLAUSE_DEPS, Context, negated, np_text, span_of, verb_ancestor
from .text import GENERIC, content_lemmas, short, stems
from ..model import Claim
from ..text.offsets import Points

if TYPE_CHECKING:
    from spacy.tokens import Token


# ---------------------------------------------------------------- orderings

def order_claims(ctx: Context) -> Iterator[Claim]:
    """Orderings from the event stage's relations first, then the parse's own before/after clauses."""
    for r in ctx.analysis.relations:
        if r.relation not in ("BEFORE", "AFTER"):
            continue
        # asserted_by is the event stage's word on the source: None is the narrator, never guessed here
        yield ctx.claim(actor=r.asserted_by, text=r.evidence, kind="order", event=r.source, quote=r.quote,
                        value={"relation": r.relation, "target": r.target, "polarity": True,
                               "about": sorted(ctx.event_lemmas(r.source)),
                               "target_about": sorted(ctx.event_lemmas(r.target)),
                               "target_date": ctx.event_date(r.target),
                               "a_text": ctx.event_text(r.source), "b_text": ctx.event_text(r.target),
                               "target_phase": _relation_phase(ctx, r)},
                        start=r.start, end=r.end)
    # the parse's own orderings too: they carry negation ("nobody saw it before ...") and content lemmas
    yield from _parsed_orders(ctx)


def _parsed_orders(ctx: Context) -> Iterator[Claim]:
    for tok in ctx.doc:
        low = tok.lower_
        if low not in ("before", "after", "once") or tok.dep_ not in ("prep", "mark"):
            continue
        if low == "once" and tok.dep_ != "mark":
            continue  # "arrived once the vote was over" is after it; "once a week" is no ordering
        relation = "BEFORE" if low == "before" else "AFTER"
        if tok.dep_ == "mark":
            b_head = tok.head
            a_head = verb_ancestor(b_head.head) if b_head.head.i != b_head.i else None
        else:
            b_head = next((c for c in tok.children if c.dep_ == "pobj"), None)
            a_head = verb_ancestor(tok.head)
        if a_head is None or b_head is None or a_head.i == b_head.i:
            continue
        if _speech_cue(ctx, a_head):
            continue  # the time of the speech ("said on Tuesday, two days after ..."), not of what was said
        b_tokens = set(tok.subtree) | set(b_head.subtree)
        a_tokens = [t for t in a_head.subtree if t not in b_tokens and t.dep_ != "relcl"]
        a_lem = content_lemmas(a_tokens, names=False) | _same_date_lemmas(ctx, list(tok.sent), b_tokens)
        phase, place = _phase(b_head)
        b_lem = content_lemmas(b_tokens - {tok}, names=False) | place
        if not a_lem or not b_lem:
            continue
        sent = tok.sent
        src = ctx.sources.at(tok.idx, tok.idx + len(tok))
        a_ev = ctx.events_at(a_head.idx, a_head.idx + len(a_head))
        b_ev = ctx.events_at(b_head.idx, b_head.idx + len(b_head))
        # "denied receiving any draft before the summit" says it did not come before it
        polarity = negated(a_head) == _denied(a_head)
        yield ctx.claim(actor=src.actor, text=short(sent.text, 300), kind="order",
                        event=a_ev[0] if a_ev else None, quote=src.quote, polarity=polarity,
                        value={"relation": relation, "target": b_ev[0] if b_ev else None, "polarity": polarity,
                               "about": sorted(a_lem | ctx.event_lemmas(a_ev[0] if a_ev else None)),
                               "target_about": sorted(b_lem | ctx.event_lemmas(b_ev[0] if b_ev else None)),
                               "target_date": _day_in(ctx, sorted(b_tokens, key=lambda t: t.i))
                               or ctx.event_date(b_ev[0] if b_ev else None),
                               "a_text": clause_text(a_head, b_tokens),
                               "b_text": clause_text(b_head, {tok}) if b_head.pos_ in ("VERB", "AUX") else np_text(b_head),
                               "a_head": _class_of(a_head), "target_phase": phase},
                        start=sent.start_char, end=sent.end_char)


def _relation_phase(ctx: Context, r) -> str | None:
    """The phase of a relation's target ("before the hearing ended"): from its mention in the evidence."""
    e = next((e for e in ctx.analysis.events if e.id == r.target), None)
    if e is None:
        return None
    lo, hi = (r.start, r.end) if r.start is not None and r.end is not None else (0, len(ctx.text))
    for m in e.mentions or [e]:
        span = span_of(ctx.doc, m.start, m.end) if lo <= m.start < hi else None
        if span is not None:
            return _phase(span.root)[0]
    return None


def _speech_cue(ctx: Context, verb) -> bool:
    """Is the verb the cue of a quote ("Vondrak said on Tuesday")?"""
    return any(q.cue_start is not None and q.cue_start <= verb.idx < (q.cue_end or q.cue_start + 1)
               for q in ctx.sources.quotes)


def _denied(head) -> bool:
    """Is the clause the object of a denial ("denied receiving ...", "denied that it had ...")?"""
    if head.dep_ in ("xcomp", "ccomp", "pcomp") and head.head.i != head.i:
        return head.head.lemma_.lower() in resources.wordset("claim_denial_cues.txt")
    return False


def _phase(b_head) -> tuple[str | None, frozenset[str]]:
    """Which end of the anchor event an ordering points at ("before the round began": its start;
    "after the round had ended", "after the end of the talks": its end), and, for leaving or reaching
    a named place ("after the leaders had left Lorn"), the place's name, which the event held there
    carries ("the summit in Lorn"). (None, {}) when the anchor is the event itself."""
    words = resources.mapping("claim_phase_words.json")
    lemma = b_head.lemma_.lower()
    kind = "verbs" if b_head.pos_ in ("VERB", "AUX") else "nouns"
    phase = next((p for p in ("start", "end") if lemma in words[p][kind]), None)
    if phase is None and kind == "verbs":  # "once the vote was over", "after the talks were under way"
        said = {c.lower_ for c in b_head.children if c.dep_ in ("advmod", "acomp", "prt", "attr", "advcl", "prep")}
        phase = next((p for p in ("start", "end") if said & set(words[p].get("states", ()))), None)
    place: set[str] = set()
    if phase and kind == "verbs" and lemma in words["place_verbs"]:
        direct = [c for c in b_head.children if c.dep_ in ("dobj", "oprd", "npadvmod", "attr")]
        via = [g for c in b_head.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "from", "for")
               for g in c.children if g.dep_ == "pobj"]
        place = {c.lemma_.lower() for c in direct + via if c.pos_ == "PROPN"}
    return phase, frozenset(place)


def dates_in(ctx: Context, tokens: list[Token]) -> set[str]:
    """Values of the dates among `tokens` (the time stage's, else spaCy DATE entities' text)."""
    if not tokens:
        return set()
    lo, hi = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    days, day_points, ents, ent_points = _dates_by_offset(ctx)
    found = {days[i] for i in day_points.between(lo, hi)}
    if not found:
        found = {ents[i] for i in ent_points.between(lo, hi)}
    return found


def _dates_by_offset(ctx: Context) -> tuple[list[str], Points, list[str], Points]:
    """The full days of the time stage and the DATE entities with a digit, indexed by offset once per
    article: `dates_in` is asked for every sentence of every ordering (issue 19: a scan of every timex)."""
    key = (id(ctx.analysis.timexes), len(ctx.analysis.timexes))
    if getattr(ctx, "_dates_key", None) != key:
        timexes = [t for t in ctx.analysis.timexes if t.type == "DATE" and t.start is not None and len(t.value) == 10]
        ents = [(start, text.lower()) for start, text in ctx.date_ents if any(ch.isdigit() for ch in text)]
        ctx._dates_key = key
        ctx._dates = ([t.value for t in timexes], Points(t.start for t in timexes),
                      [text for _, text in ents], Points(start for start, _ in ents))
    return ctx._dates


def _day_in(ctx: Context, tokens) -> str | None:
    """The one full date among `tokens` ("before the October 16 call"), if there is exactly one."""
    days = [d for d in dates_in(ctx, tokens) if re.fullmatch(r"\d{4}-\d\d-\d\d", d)]
    return days[0] if len(days) == 1 else None


def _same_date_lemmas(ctx: Context, tokens, exclude=frozenset()) -> frozenset[str]:
    """Content words of the article's other clauses that carry the same dated day: "found unsafe on
    October 19" and "logged cracks on October 19" speak of one happening."""
    dates = dates_in(ctx, tokens) - dates_in(ctx, [t for t in exclude if t.ent_type_ == "DATE"] or [])
    if not dates:
        return frozenset()
    own = tokens[0].sent.start if tokens else -1
    out: set[str] = set()
    for sent, sent_dates in zip(ctx.sents, _sentence_dates(ctx)):
        if sent.start == own or not (sent_dates & dates):
            continue
        verbs = [t for t in sent if t.pos_ == "VERB" and t.dep_ in CLAUSE_DEPS]
        for v in verbs[-1:]:  # the innermost reported clause of the sentence
            out |= content_lemmas([x for x in v.subtree if x.dep_ != "relcl"], names=False)
    return frozenset(out)


def _sentence_dates(ctx: Context) -> list[set[str]]:
    """`dates_in` of each sentence, read once per article, not once per ordering (issue 19)."""
    key = (id(ctx.analysis.timexes), len(ctx.analysis.timexes))
    if getattr(ctx, "_sentence_dates_key", None) != key:
        ctx._sentence_dates_key = key
        ctx._sentence_dates = [dates_in(ctx, list(sent)) for sent in ctx.sents]
    return ctx._sentence_dates


def clause_text(head: Token, exclude: set[Token]) -> str:
    """The core of a clause (subject, verb, object) for summaries: "the draft had been sent"."""
    keep = [head]
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "dobj", "prt", "attr", "acomp", "oprd"):
            keep.extend(t for t in c.subtree if t not in exclude)
    keep = [t for t in keep if t not in exclude]
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    words = head.doc[lo:hi + 1].text.replace("\u201c", "").replace("\u201d", "").replace('"', "").split()
    return " ".join(words[:14])



# ---------------------------------------------------------------- dates

def date_claims(ctx: Context) -> Iterator[Claim]:
    """'arrested on Friday' / 'detained on Wednesday': a source dating a happening to a day or month.
    Dates of the speech itself ('said on Monday') are not claims about what was said."""
    stance = resources.wordset("claim_stance_verbs.txt")
    for t in ctx.analysis.timexes:
        if t.type != "DATE" or not re.fullmatch(r"\d{4}-\d\d(-\d\d)?", t.value or ""):
            continue
        span = span_of(ctx.doc, t.start, t.end)
        if span is None:
            continue
        head = verb_ancestor(span.root.head) if span.root.head.i != span.root.i else None
        if head is None or head.lemma_.lower() in stance or head.lemma_.lower() in GENERIC:
            continue  # the speech's own date, or 'there was ... in November'
        clause = [x for x in head.subtree if x.sent.start == span.sent.start and x not in span]
        lo, hi = head.sent.start_char, head.sent.end_char
        if sum(1 for u in ctx.analysis.timexes if u.type == "DATE" and lo <= u.start < hi and u.start != t.start
               and _verb_ancestor_at(ctx, u) == head.i):
            continue  # 'in October and November': two dates for one clause date no single day
        src = ctx.sources.at(t.start, t.end)
        events = ctx.trigger_events(head)
        yield ctx.claim(actor=src.actor, text=short(span.sent.text, 300), kind="date",
                        event=events[0] if events else None, quote=src.quote,
                        value={"date": t.value, "head": _class_of(head), "timex": t.text,
                               "what": clause_text(head, set(span)),
                               "about": sorted(content_lemmas(clause, names=False) | ctx.event_lemmas(events[0] if events else None)),
                               "names": sorted({x.lemma_.lower() for x in clause if x.pos_ == "PROPN"}),
                               "agents": sorted(_agents(ctx, head))},
                        start=span.start_char, end=span.end_char)


def _verb_ancestor_at(ctx: Context, timex) -> int | None:
    span = span_of(ctx.doc, timex.start, timex.end)
    if span is None or span.root.head.i == span.root.i:
        return None
    head = verb_ancestor(span.root.head)
    return head.i if head is not None else None


def _agents(ctx: Context, head) -> set[str]:
    """Who did the dated thing: the actor (or the names) of the clause subject."""
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "agent")), None)
    if subj is None:
        return set()
    actor = ctx.sources.actor_of_token(subj)
    return {actor} if actor else {t.lemma_.lower() for t in subj.subtree if t.pos_ == "PROPN"}


def _class_of(token: Token) -> str:
    return next(iter(stems([token.lemma_.lower()])))
