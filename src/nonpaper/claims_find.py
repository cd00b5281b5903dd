"""Claim finders (issue 5): small generators over one parsed article, each yielding `Claim`s.

- `statement_claims`: every attributed quote, as a proposition of its speaker;
- `order_claims`: BEFORE/AFTER orderings, from the event stage's relations and from the parse
  ("found ... a week before inspectors examined it", "nobody saw a crack before the inspectors did");
- `status_claims`: called off / postponed / held / suspended / temporary / indefinite ... of a topic;
- `value_claims`: measured or counted values ("0.4 kilograms", "eleven concerts");
- `denial_claims`: a source rejecting another's claim ("dismissed this account", "denied that ...").

Claims carry what the dispute checks compare in `value` (a dict): the lemmas of what they are about
(`about`, and `target_about` for orderings), so events can be matched across articles by content when
the event stage's ids (per article) cannot be.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from . import resources
from .claims_sources import OUTLET_HEADS, Sources
from .claims_text import GENERIC, canonical_topic, content_lemmas, eventish, parse_number, short
from .model import Analysis, Claim
from .nlp import Parsed

TIME_UNITS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century",
              "season", "time"}
NEGATORS = {"nobody", "no one", "none", "nothing", "neither", "never"}
PRONOUN_WORDS = {"he", "she", "they", "it", "you", "this", "that"}


@dataclass
class Context:
    parsed: Parsed
    analysis: Analysis
    sources: Sources = field(init=False)

    def __post_init__(self) -> None:
        self.sources = Sources(self.parsed, self.analysis)
        self.doc = self.parsed.doc
        self.text = self.parsed.text
        self.article_id = self.parsed.article.id

    def trigger_events(self, token) -> list[str]:
        """Events whose mention has `token` as its head word (not merely an argument inside it:
        "props" in "removed temporary steel props" is no event)."""
        out = []
        for e in self.analysis.events:
            for m in e.mentions or [e]:
                if m.start <= token.idx < m.end:
                    before = self.doc.char_span(m.start, token.idx, alignment_mode="expand") if m.start < token.idx else []
                    if all(t.pos_ in ("DET", "ADJ", "PROPN", "NUM", "PUNCT", "PART") or t.dep_ in ("compound", "poss")
                           for t in before or []) and e.id not in out:
                        out.append(e.id)
        return out

    def events_at(self, start: int, end: int) -> list[str]:
        """Ids of events with a mention overlapping [start, end)."""
        out = []
        for e in self.analysis.events:
            spans = [(m.start, m.end) for m in e.mentions] or [(e.start, e.end)]
            if any(s < end and start < t for s, t in spans) and e.id not in out:
                out.append(e.id)
        return out

    def event_lemmas(self, event_id: str | None) -> frozenset[str]:
        """Content lemmas of an event's mentions, plus its type, for matching across articles."""
        e = next((e for e in self.analysis.events if e.id == event_id), None)
        if e is None:
            return frozenset()
        out = set()
        for m in e.mentions or []:
            span = _span(self.doc, m.start, m.end)
            if span is not None:
                out |= content_lemmas(span)
        if e.type:
            out.add(f"type:{e.type}")
        return frozenset(out)

    def event_text(self, event_id: str | None) -> str | None:
        e = next((e for e in self.analysis.events if e.id == event_id), None)
        return e.text if e is not None else None

    def event_date(self, event_id: str | None) -> str | None:
        e = next((e for e in self.analysis.events if e.id == event_id), None)
        return e.date if e is not None else None

    def claim(self, **kw) -> Claim:
        """A claim of this article; an ordering, status or value inside a quote reads as the quote's
        words (the source's own), not the whole sentence around them."""
        kw.setdefault("article", self.article_id)
        q = next((q for q in self.sources.quotes if q.id == kw.get("quote")), None)
        if q is not None and kw.get("kind") in ("order", "status", "value") and len(q.text) < len(kw.get("text") or ""):
            kw["text"] = q.text
        return Claim(id="", **kw)


def _span(doc, start: int | None, end: int | None):
    """The tokens over [start, end), or None for offsets that do not fit the text."""
    n = len(doc.text)
    if start is None or not 0 <= start < n:
        return None
    end = end if end is not None and start < end <= n else min(n, start + 1)
    return doc.char_span(start, end, alignment_mode="expand")


CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "acl", "csubj", "parataxis"}


def _negated(token) -> bool:
    """A negation on the token or the words it hangs from, up to its clause's verb, or a 'nobody'
    subject ("nobody is talking about shutting it for good")."""
    for t in [token, *list(token.ancestors)[:5]]:
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in NEGATORS for c in t.children):
            return True
        if t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS:
            break
    return False


def _rejected_alternative(span) -> bool:
    """'a postponement rather than a cancellation', 'instead of a cancellation', 'not a cancellation'."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 4):span.start]]
    joined = " ".join(before)
    if "rather than" in joined or "instead of" in joined:
        return True
    return bool(before) and before[-1] in ("not", "no") or (len(before) > 1 and before[-2] in ("not", "no")
                                                           and before[-1] in ("a", "an", "the"))


def _hedged(sent) -> bool:
    hedges = resources.wordset("claim_hedges.txt")
    return any(t.lower_ in hedges or t.lemma_.lower() in hedges for t in sent)


def _phrase_lemmas(token) -> frozenset[str]:
    """The token with its compounds and modifiers (not its clauses)."""
    parts = [token] + [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod", "dobj",
                                                                 "nsubj", "nsubjpass", "pobj", "attr", "prep",
                                                                 "oprd", "acomp")]
    out = set(content_lemmas(parts))
    for c in token.children:
        if c.dep_ == "prep":
            out |= content_lemmas([g for g in c.children if g.dep_ == "pobj"])
    return frozenset(out)


# ---------------------------------------------------------------- statements

def statement_claims(ctx: Context) -> Iterator[Claim]:
    """Every attributed quote, then the narrator's own sentences (those no quote touches)."""
    for q in ctx.sources.quotes:
        if not q.speaker:
            continue
        span = _span(ctx.doc, q.start, q.end)
        lemmas = content_lemmas(span) if span is not None else frozenset()
        events = ctx.events_at(q.start, q.end)
        yield ctx.claim(actor=q.speaker, text=q.text, kind="statement", event=events[0] if events else None,
                        value={"about": sorted(lemmas), "quote_kind": q.kind, "cue": q.cue},
                        quote=q.id, start=q.start, end=q.end)
    paragraphs = ctx.parsed.paragraphs()
    for sent in ctx.doc.sents:
        inside = any(p.start <= sent.start_char < p.end for p in paragraphs) if paragraphs else True
        touched = any(q.start < sent.end_char and sent.start_char < q.end for q in ctx.sources.quotes) or \
            ctx.sources.quotes_in_sentence(sent)
        if not inside or touched or not sent.text.strip() or sent.root.pos_ not in ("VERB", "AUX"):
            continue
        events = ctx.events_at(sent.start_char, sent.end_char)
        yield ctx.claim(actor=None, text=sent.text.strip(), kind="statement", event=events[0] if events else None,
                        value={"about": sorted(content_lemmas(sent)), "narrator": True},
                        start=sent.start_char, end=sent.end_char)


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
                               "a_text": ctx.event_text(r.source), "b_text": ctx.event_text(r.target)},
                        start=r.start, end=r.end)
    # the parse's own orderings too: they carry negation ("nobody saw it before ...") and content lemmas
    yield from _parsed_orders(ctx)


def _parsed_orders(ctx: Context) -> Iterator[Claim]:
    for tok in ctx.doc:
        low = tok.lower_
        if low not in ("before", "after") or tok.dep_ not in ("prep", "mark"):
            continue
        if tok.dep_ == "mark":
            b_head = tok.head
            a_head = _verb_ancestor(b_head.head) if b_head.head.i != b_head.i else None
        else:
            b_head = next((c for c in tok.children if c.dep_ == "pobj"), None)
            a_head = _verb_ancestor(tok.head)
        if a_head is None or b_head is None or a_head.i == b_head.i:
            continue
        b_tokens = set(tok.subtree) | set(b_head.subtree)
        a_tokens = [t for t in a_head.subtree if t not in b_tokens and t.dep_ != "relcl"]
        a_lem = content_lemmas(a_tokens, names=False) | _same_date_lemmas(ctx, list(tok.sent), b_tokens)
        b_lem = content_lemmas(b_tokens - {tok}, names=False)
        if not a_lem or not b_lem:
            continue
        sent = tok.sent
        src = ctx.sources.at(tok.idx, tok.idx + len(tok))
        a_ev = ctx.events_at(a_head.idx, a_head.idx + len(a_head))
        b_ev = ctx.events_at(b_head.idx, b_head.idx + len(b_head))
        polarity = not _negated(a_head)
        yield ctx.claim(actor=src.actor, text=short(sent.text, 300), kind="order",
                        event=a_ev[0] if a_ev else None, quote=src.quote, polarity=polarity,
                        value={"relation": low.upper(), "target": b_ev[0] if b_ev else None, "polarity": polarity,
                               "about": sorted(a_lem | ctx.event_lemmas(a_ev[0] if a_ev else None)),
                               "target_about": sorted(b_lem | ctx.event_lemmas(b_ev[0] if b_ev else None)),
                               "target_date": _day_in(ctx, sorted(b_tokens, key=lambda t: t.i))
                               or ctx.event_date(b_ev[0] if b_ev else None),
                               "a_text": _clause_text(a_head, b_tokens), "b_text": _np_text(b_head)},
                        start=sent.start_char, end=sent.end_char)


def _dates_in(ctx: Context, tokens) -> set[str]:
    """Values of the dates among `tokens` (the time stage's, else spaCy DATE entities' text)."""
    if not tokens:
        return set()
    lo, hi = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    found = {t.value for t in ctx.analysis.timexes if t.type == "DATE" and lo <= t.start < hi and
             len(t.value) == 10}
    if not found:
        found = {e.text.lower() for e in ctx.doc.ents if e.label_ == "DATE" and lo <= e.start_char < hi
                 and any(ch.isdigit() for ch in e.text)}
    return found


def _day_in(ctx: Context, tokens) -> str | None:
    """The one full date among `tokens` ("before the October 16 call"), if there is exactly one."""
    days = [d for d in _dates_in(ctx, tokens) if re.fullmatch(r"\d{4}-\d\d-\d\d", d)]
    return days[0] if len(days) == 1 else None


def _same_date_lemmas(ctx: Context, tokens, exclude=frozenset()) -> frozenset[str]:
    """Content words of the article's other clauses that carry the same dated day: "found unsafe on
    October 19" and "logged cracks on October 19" speak of one happening."""
    dates = _dates_in(ctx, tokens) - _dates_in(ctx, [t for t in exclude if t.ent_type_ == "DATE"] or [])
    if not dates:
        return frozenset()
    own = tokens[0].sent.start if tokens else -1
    out: set[str] = set()
    for sent in ctx.doc.sents:
        if sent.start == own or not (_dates_in(ctx, list(sent)) & dates):
            continue
        verbs = [t for t in sent if t.pos_ == "VERB" and t.dep_ in CLAUSE_DEPS]
        for v in verbs[-1:]:  # the innermost reported clause of the sentence
            out |= content_lemmas([x for x in v.subtree if x.dep_ != "relcl"], names=False)
    return frozenset(out)


def _clause_text(head, exclude) -> str:
    """The core of a clause (subject, verb, object) for summaries: "the draft had been sent"."""
    keep = [head]
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "dobj", "prt", "attr", "acomp"):
            keep.extend(t for t in c.subtree if t not in exclude)
    keep = [t for t in keep if t not in exclude]
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    words = head.doc[lo:hi + 1].text.replace("\u201c", "").replace("\u201d", "").replace('"', "").split()
    return " ".join(words[:14])


def _verb_ancestor(token):
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX") or (t.pos_ == "NOUN" and eventish(t.lemma_.lower())):
            return t
    return None


def _np_text(token) -> str:
    if token.pos_ in ("NOUN", "PROPN"):
        left = min([token.i] + [c.i for c in token.children if c.dep_ in ("det", "amod", "compound", "poss",
                                                                           "nummod")])
        return token.doc[left:token.i + 1].text
    return token.text


# ---------------------------------------------------------------- dates

def date_claims(ctx: Context) -> Iterator[Claim]:
    """'arrested on Friday' / 'detained on Wednesday': a source dating a happening to a day or month.
    Dates of the speech itself ('said on Monday') are not claims about what was said."""
    stance = resources.wordset("claim_stance_verbs.txt")
    for t in ctx.analysis.timexes:
        if t.type != "DATE" or not re.fullmatch(r"\d{4}-\d\d(-\d\d)?", t.value or ""):
            continue
        span = _span(ctx.doc, t.start, t.end)
        if span is None:
            continue
        head = _verb_ancestor(span.root.head) if span.root.head.i != span.root.i else None
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
                               "what": _clause_text(head, set(span)),
                               "about": sorted(content_lemmas(clause, names=False) | ctx.event_lemmas(events[0] if events else None)),
                               "names": sorted({x.lemma_.lower() for x in clause if x.pos_ == "PROPN"})},
                        start=span.start_char, end=span.end_char)


def _verb_ancestor_at(ctx: Context, timex) -> int | None:
    span = _span(ctx.doc, timex.start, timex.end)
    if span is None or span.root.head.i == span.root.i:
        return None
    head = _verb_ancestor(span.root.head)
    return head.i if head is not None else None


def _class_of(token) -> str:
    from .claims_text import stems
    return next(iter(stems([token.lemma_.lower()])))


# ---------------------------------------------------------------- statuses

def _status_patterns() -> list[tuple[str, re.Pattern]]:
    spec = resources.mapping("claim_status.json")["patterns"]
    return [(status, re.compile(rf"\b(?:{p})\b", re.IGNORECASE)) for status, pats in spec.items() for p in pats]


def status_claims(ctx: Context) -> Iterator[Claim]:
    seen: set[int] = set()
    for status, pattern in _status_patterns():
        for m in pattern.finditer(ctx.text):
            if m.start() in seen:
                continue
            span = _span(ctx.doc, m.start(), m.end())
            if span is None:
                continue
            seen.add(m.start())
            yield from _status_at(ctx, status, span)


def _status_at(ctx: Context, status: str, span) -> Iterator[Claim]:
    token = span.root
    event_id, topic = _topic(ctx, token, span)
    if topic is None and event_id is None:
        return
    rejected = _rejected_alternative(span)
    polarity = not (rejected or _negated(token))
    src = ctx.sources.at(span.start_char, span.end_char)
    sent = span.sent
    value = {"status": status, "topic": topic, "hedged": _hedged(sent), "date": ctx.event_date(event_id),
             "about": sorted(ctx.event_lemmas(event_id) | ({topic} if topic else set()))}
    yield ctx.claim(actor=src.actor, text=short(sent.text, 300), kind="status", event=event_id, value=value,
                    polarity=polarity, quote=src.quote, start=span.start_char, end=span.end_char)
    if rejected and src.actor:
        yield from _remark_holders(ctx, sent, src.actor, status, event_id, value)


def _remark_holders(ctx: Context, sent, reader: str, status: str, event_id, value) -> Iterator[Claim]:
    """'X read Y's remarks as a postponement rather than a cancellation': Y holds the rejected status."""
    nouns = resources.wordset("claim_remark_nouns.txt")
    for t in sent:
        if t.lower_ not in nouns:
            continue
        poss = next((c for c in t.children if c.dep_ == "poss"), None)
        holder = ctx.sources.actor_of_token(poss) if poss is not None else None
        if not holder or holder == reader:
            continue
        said = [q for q in ctx.sources.quotes if q.speaker == holder and q.start < sent.start_char]
        q = said[-1] if said else None
        yield ctx.claim(actor=holder, text=q.text if q else f"{poss.text}'s {t.text}", kind="status",
                        event=event_id, value={**value, "hedged": False, "via": reader}, polarity=True,
                        quote=q.id if q else None, start=t.idx, end=t.idx + len(t))


def _topic(ctx: Context, token, span) -> tuple[str | None, str | None]:
    """What a status word is said of: (event id, canonical topic lemma)."""
    cand = None
    if token.pos_ in ("VERB", "AUX"):
        if eventish(canonical_topic(token.lemma_.lower())) and canonical_topic(token.lemma_.lower()) != token.lemma_.lower():
            cand = token
        else:
            args = [c for dep in ("nsubjpass", "dobj") for c in token.children if c.dep_ == dep and c not in span]
            cand = next((c for c in args if _topic_word(c) or ctx.trigger_events(c)), None) or \
                (args[0] if args else _nonperson_subject(ctx, token))
    elif token.pos_ in ("NOUN", "PROPN"):
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        cand = _child(of, "pobj") if of is not None else None
    elif token.pos_ == "ADJ":
        cand = token.head if token.dep_ == "amod" else _clause_subject(token)
    else:  # adverbs and 'for good': what the verb they modify is said of
        head = token.head
        cand = head if _topic_word(head) else (_child(head, "nsubjpass", "dobj") or _clause_subject(head))
    if cand is not None and cand.pos_ == "PRON":
        cand = None
    if cand is not None:
        events = ctx.trigger_events(cand)
        lemma = _topic_word(cand) or canonical_topic(cand.lemma_.lower())
        if events or _topic_word(cand):
            return (events[0] if events else None), lemma
        return None, None  # said of something that is no event ("temporary steel props")
    return _context_topic(ctx, token)


def _topic_word(token) -> str | None:
    """The canonical topic a word names ('talks' → 'meeting'), or None when it names no event."""
    for w in (token.lower_, token.lemma_.lower()):
        if eventish(canonical_topic(w)) or eventish(w):
            return canonical_topic(w)
    return None


def _child(token, *deps):
    if token is None:
        return None
    for dep in deps:
        found = next((c for c in token.children if c.dep_ == dep), None)
        if found is not None:
            return found
    return None


def _nonperson_subject(ctx: Context, verb):
    subj = _child(verb, "nsubj")
    if subj is None or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or ctx.sources.actor_of_token(subj):
        return None
    return subj


def _clause_subject(token):
    for t in [token, *list(token.ancestors)[:4]]:
        subj = _child(t, "nsubj", "nsubjpass")
        if subj is not None:
            return subj
    return None


def _context_topic(ctx: Context, token) -> tuple[str | None, str | None]:
    """The latest event mention or event noun before the token, in its paragraph or the one before."""
    block = ctx.parsed.block_at(token.idx)
    paragraphs = ctx.parsed.paragraphs()
    lo = 0
    if block is not None and block in paragraphs:
        i = paragraphs.index(block)
        lo = paragraphs[max(0, i - 1)].start
    best: tuple[int, str | None, str | None] | None = None
    for t in ctx.doc.char_span(lo, token.idx, alignment_mode="expand") or []:
        lemma = _topic_word(t)
        if t.pos_ in ("NOUN", "VERB") and lemma and t.i != token.i:
            events = ctx.trigger_events(t)
            best = (t.idx, events[0] if events else None, lemma)
    return (best[1], best[2]) if best else (None, None)


# ---------------------------------------------------------------- values

def value_claims(ctx: Context) -> Iterator[Claim]:
    for ent in ctx.doc.ents:
        if ent.label_ not in ("QUANTITY", "MONEY", "PERCENT", "CARDINAL"):
            continue
        number = parse_number(ent.text)
        if number is None or _paired(ent):
            continue
        unit = _unit(ent)
        if unit is None:
            continue
        context = _value_context(ent) - {unit} - {t.lemma_.lower() for t in _per_tokens(ent)}
        src = ctx.sources.at(ent.start_char, ent.end_char)
        if src.actor is None:
            src = _continued_source(ctx, ent.sent) or src
        events = ctx.events_at(ent.start_char, ent.end_char)
        yield ctx.claim(actor=src.actor, text=short(ent.sent.text, 300), kind="value",
                        event=events[0] if events else None, quote=src.quote,
                        value={"value": number, "unit": unit, "number_text": ent.text, "about": sorted(context),
                               "qualifiers": sorted(_qualifiers(ent)), "period": sorted(_period(ctx, ent)),
                               "forecast": _forecast(ent),
                               "count": ent.label_ == "CARDINAL", "hedged": _hedged(ent.sent)},
                        start=ent.start_char, end=ent.end_char)


def _unit(ent) -> str | None:
    return _base_unit(ent) and _base_unit(ent) + _per(ent)


def _paired(ent) -> bool:
    """'43 percent to 38 percent', '3-1': one figure of a comparison, not a value of its own."""
    if re.search(r"\d.*\b(?:to|versus|vs)\b.*\d|\d-\d", ent.text):
        return True
    doc = ent.doc
    nums = ("CARDINAL", "PERCENT", "QUANTITY", "MONEY")
    if ent[-1].lower_ in ("to", "versus", "vs", "against") and ent.end < len(doc) and doc[ent.end].ent_type_ in nums:
        return True  # the tagger ran the connector into the first figure: "43 percent to" | "38 percent"
    after = doc[ent.end:ent.end + 2]
    before = doc[max(0, ent.start - 2):ent.start]
    if len(after) == 2 and after[0].lower_ in ("to", "versus", "vs", "against") and after[1].ent_type_ in nums:
        return True
    return len(before) == 2 and before[1].lower_ in ("to", "versus", "vs", "against") and before[0].ent_type_ in nums


def _per(ent) -> str:
    """'$9.66 per share', '40 km an hour': the rate's denominator belongs to the unit."""
    doc = ent.doc
    i = ent.end
    if i + 1 < len(doc) and doc[i].lower_ in ("per", "a", "an", "each") and doc[i + 1].pos_ == "NOUN":
        return "/" + doc[i + 1].lemma_.lower()
    return ""


def _per_tokens(ent) -> list:
    return list(ent.doc[ent.end:ent.end + 2]) if _per(ent) else []


def _base_unit(ent) -> str | None:
    if ent.label_ == "PERCENT":
        return "percent"
    if ent.label_ == "MONEY":
        words = [t.lemma_.lower() for t in ent if t.is_alpha and t.lower_ not in ("million", "billion", "thousand")]
        return "money:" + (words[-1] if words else "$")
    if ent.label_ == "QUANTITY":
        unit = ent[-1].lemma_.lower()
        return None if unit in TIME_UNITS else unit
    root = ent.root
    if root.dep_ == "nummod" and root.head.pos_ == "NOUN":  # "eleven concerts"
        unit = root.head.lemma_.lower()
        return None if unit in TIME_UNITS else unit
    return None


def _period(ctx: Context, ent) -> frozenset[str]:
    """The dated periods in the value's sentence ('the first quarter of last year', 'in 2006'): two
    figures for different periods are two facts. Durations ('six months') are no period."""
    sent = ent.sent
    found = {t.value for t in ctx.analysis.timexes
             if t.type == "DATE" and sent.start_char <= t.start < sent.end_char and not t.value.endswith("_REF")}
    if not ctx.analysis.timexes:
        found = {e.text.lower() for e in sent.ents if e.label_ == "DATE" and re.search(r"\b(1[89]|20)\d\d\b|quarter", e.text)}
    return frozenset(found)


def _forecast(ent) -> bool:
    """Is the figure a forecast, estimate or target rather than a reported fact?"""
    words = resources.wordset("claim_forecast_words.txt")
    head = next((t for t in ent.root.ancestors if t.pos_ in ("VERB", "AUX")), ent.root)
    clause = list(head.subtree) + list(head.ancestors)[:2]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in clause)


def _qualifiers(ent) -> frozenset[str]:
    """What kind of thing is measured: the modifiers of the measured noun ("the library budget",
    "average weight loss"), or of the clause subject when the value hangs from the verb."""
    noun = None
    for t in ent.root.ancestors:
        if t.pos_ in ("VERB", "AUX"):
            noun = _child(t, "nsubj", "nsubjpass")
            break
        if t.pos_ == "NOUN":
            noun = t
            break
    if noun is None:
        return frozenset()
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    return content_lemmas(mods)


def _value_context(ent) -> frozenset[str]:
    """Lemmas along the path from the value to its clause verb, with each step's direct modifiers,
    and what the value is of ("12 tonnes of dead fish")."""
    tokens = [t for c in ent.root.children if c.dep_ == "prep" for t in c.subtree]
    t = ent.root
    for _ in range(5):
        if t.head.i == t.i:
            break
        t = t.head
        tokens.append(t)
        tokens.extend(c for c in t.children if c.dep_ not in ("relcl", "appos", "advcl", "ccomp", "conj", "punct")
                      and c not in ent)
        if t.pos_ == "NOUN" and t.i == ent.root.head.i:  # "30 tonnes of dead fish": what is counted
            tokens.extend(x for c in t.children if c.dep_ == "prep" for x in c.subtree)
        if t.pos_ in ("VERB", "AUX"):
            subj = _child(t, "nsubj", "nsubjpass")  # what the figure is of: "turnout in the election"
            if subj is not None:
                tokens.extend(x for c in subj.children if c.dep_ in ("prep", "compound", "amod") for x in c.subtree)
            break
    return content_lemmas(tokens)


def _continued_source(ctx: Context, sent):
    """A narrator sentence right after an attributed one in the same paragraph continues its report."""
    block = ctx.parsed.block_at(sent.start_char)
    prev = ctx.doc[sent.start - 1].sent if sent.start > 0 else None
    if prev is None or block is None or prev.start_char < block.start:
        return None
    src = ctx.sources.at(prev.start_char, prev.end_char)
    if src.actor is None:
        src = next((ctx.sources.at(q.start, q.end) for q in ctx.sources.quotes_in_sentence(prev) if q.speaker), None)
    return src if src is not None and src.actor else None


# ---------------------------------------------------------------- denials

def denial_claims(ctx: Context, statements: list[Claim]) -> Iterator[Claim]:
    cues = resources.wordset("claim_denial_cues.txt")
    falses = resources.wordset("claim_false_words.txt")
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in cues and not _negated(tok):
            actor, quote = _denier(ctx, tok)
            if actor:
                yield from _denial_of(ctx, tok, actor, quote, statements)
        elif tok.lower_ in falses and tok.dep_ in ("acomp", "attr") and not _negated(tok):
            subj = _clause_subject(tok)
            src = ctx.sources.at(tok.idx, tok.idx + len(tok))
            if subj is not None and src.actor and subj.lower_ in resources.wordset("claim_account_nouns.txt"):
                yield from _denial_of(ctx, tok, src.actor, src.quote, statements, obj=subj)


def _denier(ctx: Context, verb) -> tuple[str | None, str | None]:
    """Who denies: the quote whose cue the verb is, else the verb's subject (through the verbs it
    hangs from: "Lavrov dismissed ..., clarifying ..."); a first-person subject inside a quote is
    its speaker. Nobody else: a denial whose subject is no actor ("video shows ..., contradicting")
    has no source."""
    for q in ctx.sources.quotes:
        if q.cue_start is not None and q.cue_start <= verb.idx < (q.cue_end or q.cue_start + 1) and q.speaker:
            return q.speaker, q.id
    head = verb
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and _child(verb, "nsubj") is None:
        head = verb.sent.root  # "X shows that ..., contradicting ...": the participle's subject is X
    while head.dep_ in ("advcl", "conj", "xcomp") and _child(head, "nsubj") is None:
        head = head.head
    subj = _child(head, "nsubj")
    if subj is None:
        return None, None
    inside = ctx.sources.quote_covering(verb.idx, verb.idx + len(verb))
    if subj.lower_ in ("i", "we") and inside is not None:
        return inside.speaker, inside.id
    if inside is not None and subj.lower_ in PRONOUN_WORDS:
        return None, None
    return ctx.sources.actor_of_token(subj), inside.id if inside is not None else None


def _denial_of(ctx: Context, tok, actor: str, quote: str | None, statements: list[Claim], obj=None):
    accounts = resources.wordset("claim_account_nouns.txt")
    obj = obj if obj is not None else _child(tok, "dobj")
    clause = _child(tok, "ccomp")
    target, target_actor, about, obj_text = None, None, frozenset(), None
    since = _paragraphs_back(ctx, tok.idx, 2)
    statements = [c for c in statements if c.actor]  # a denial disputes a source, not the narrator
    earlier = [c for c in statements if c.actor != actor and c.start is not None and since <= c.start < tok.idx]
    content = next((c for c in obj.children if c.dep_ in ("acl", "relcl", "ccomp")), None) if obj is not None else None
    pointing = obj is not None and (_child(obj, "poss") is not None or any(
        c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those", "the", "such") for c in obj.children))
    if obj is not None and obj.lower_ in accounts and content is not None:  # "denied reports that ..."
        clause = content
        poss = _child(obj, "poss")
        owner = ctx.sources.actor_of_token(poss) if poss is not None else None
        if owner and owner != actor:  # "rejected the ministry's claim that ...": both sides in one sentence
            yield from _owned_denial(ctx, tok, actor, quote, owner, content, statements)
            return
    if obj is not None and obj.lower_ in accounts and content is None:
        if not pointing:  # "denied allegations" in general points at no claim
            return
        obj_text = _np_text(obj)
        poss = _child(obj, "poss")
        owner = ctx.sources.actor_of_token(poss) if poss is not None else None
        kinds = {a.id: a.kind for a in ctx.analysis.actors}
        outlet_word = poss is not None and poss.lemma_.lower() in OUTLET_HEADS
        pools = ([c for c in earlier if c.actor == owner] if owner else [],
                 [c for c in earlier if kinds.get(c.actor) == "outlet"] if outlet_word else [],
                 earlier)
        pool = next((p for p in pools if p), [])
        if pool:
            target = pool[-1]
    elif clause is not None:
        about = content_lemmas(clause.subtree)
        obj_text = "".join(t.text_with_ws for t in clause.subtree).strip()
        target = _best_overlap(about, [c for c in statements if c.actor != actor], minimum=2,
                               verb=clause.lemma_.lower() if clause.pos_ in ("VERB", "AUX") else None)
    else:
        return
    if target is not None:
        target_actor = target.actor
    sent = tok.sent
    yield ctx.claim(actor=actor, text=short(sent.text, 300), kind="denial", event=target.event if target else None,
                    quote=quote, polarity=False,
                    value={"target": target.id if target else None, "target_actor": target_actor,
                           "object": obj_text, "about": sorted(about)},
                    start=sent.start_char, end=sent.end_char)


def _owned_denial(ctx: Context, tok, actor: str, quote, owner: str, content, statements: list[Claim]):
    """The owner's claim is their statement that matches the content clause, or the clause itself."""
    tokens = [t for t in content.subtree if not (t.dep_ == "mark" and t.head.i == content.i)]
    about = content_lemmas(tokens)
    text = "".join(t.text_with_ws for t in tokens).strip()
    target = _best_overlap(about, [c for c in statements if c.actor == owner], minimum=2)
    if target is None:
        target = ctx.claim(actor=owner, text=text, kind="statement", value={"about": sorted(about), "reported": True},
                           start=tokens[0].idx, end=tokens[-1].idx + len(tokens[-1]))
        statements.append(target)
        yield target  # numbered by the caller before the denial below reads its id
    sent = tok.sent
    yield ctx.claim(actor=actor, text=short(sent.text, 300), kind="denial", event=target.event, quote=quote,
                    polarity=False, value={"target": target.id, "target_actor": owner, "object": text,
                                           "about": sorted(about)},
                    start=sent.start_char, end=sent.end_char)


def _best_overlap(about: frozenset[str], claims: list[Claim], minimum: int, verb: str | None = None) -> Claim | None:
    """The claim sharing most content words (at least `minimum`, the denied clause's verb among them)."""
    from .claims_text import overlap, stems
    scored = [(overlap(about, c.value.get("about", [])), -(c.start or 0), c) for c in claims if c.value]
    scored = [s for s in scored if s[0] >= minimum
              and (verb is None or stems([verb]) <= stems(s[2].value.get("about", [])))]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _paragraphs_back(ctx: Context, offset: int, n: int) -> int:
    """Where the paragraph `n` paragraphs before the one holding `offset` starts."""
    paragraphs = ctx.parsed.paragraphs()
    here = next((i for i, p in enumerate(paragraphs) if p.start <= offset < p.end), None)
    if here is None:
        return 0
    return paragraphs[max(0, here - n)].start
