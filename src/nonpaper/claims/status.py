"""Status claims (issue 5): called off / postponed / held / suspended / temporary / indefinite ... of an
event or topic, with negation, rejected alternatives ("rather than") and hedges. The statuses and the
words that say them are the one status vocabulary, `events.status`."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from .. import lexicon as resources
from ..events.status import bounded, claim_patterns, not_with_aux, of_person
from .find import (Context, child, clause_subject, denied_content, hedged, negated, rejected_alternative,
                   span_of)
from .text import canonical_topic, eventish, short
from ..model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# ---------------------------------------------------------------- statuses (the words: events/status.py)

def _matches(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, trying only the offsets in `starts` (every offset where the pattern can
    match): one scan of the text for all the patterns instead of one scan per pattern."""
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(text, start)  # \b still sees the character before `start`
        if m is not None:
            yield m
            pos = max(m.end(), start + 1)


def status_claims(ctx: Context) -> Iterator[Claim]:
    seen: set[int] = set()
    patterns, anywhere = claim_patterns()
    starts = [m.start() for m in anywhere.finditer(ctx.text)]
    said: set[tuple] = set()  # one status per sentence, source and polarity: two patterns, one phrase
    for status, pattern in patterns:
        for m in _matches(pattern, ctx.text, starts):
            if m.start() in seen:
                continue
            span = span_of(ctx.doc, m.start(), m.end())
            if span is None:
                continue
            seen.add(m.start())
            for claim in _status_at(ctx, status, span):
                key = (claim.value.get("status"), span.sent.start, claim.actor, claim.polarity, claim.value.get("of"))
                if claim.kind != "status" or key not in said:
                    said.add(key)
                    yield claim


def _status_at(ctx: Context, status: str, span) -> Iterator[Claim]:
    if of_person(status):
        yield from _exit_at(ctx, status, span)
        return
    token = span.root
    if any(c.dep_ == "aux" and c.lemma_.lower() in not_with_aux(status) for c in token.children):
        return  # "will take place" is planned, not held ("did not take place" stays held, negated)
    event_id, topic, word = _topic(ctx, token, span)
    if topic is None and event_id is None:
        return
    rejected = rejected_alternative(span)
    # "denied that the summit had been called off" says it was not
    polarity = (not (rejected or negated(token) or _kept_from(token))) != denied_content(token)
    src = ctx.sources.at(span.start_char, span.end_char)
    sent = span.sent
    value = {"status": status, "topic": topic, "hedged": hedged(sent), "date": ctx.event_date(event_id),
             "about": sorted(ctx.event_lemmas(event_id) | ({topic} if topic else set()))}
    if word is not None and word.pos_ in ("NOUN", "PROPN"):  # how the source names it, for summaries
        value["topic_text"] = word.lower_
        value["topic_plural"] = word.tag_ in ("NNS", "NNPS")
    yield ctx.claim(actor=src.actor, text=short(sent.text, 300), kind="status", event=event_id, value=value,
                    polarity=polarity, quote=src.quote, start=span.start_char, end=span.end_char)
    if polarity and _bounded(ctx, status, token):  # "on hold until spring": a pause with an end is temporary
        yield ctx.claim(actor=src.actor, text=short(sent.text, 300), kind="status", event=event_id,
                        value={**value, "status": "temporary"}, polarity=True, quote=src.quote,
                        start=span.start_char, end=span.end_char)
    if rejected and src.actor:
        yield from _remark_holders(ctx, sent, src.actor, status, event_id, value)


def _kept_from(token) -> bool:
    """'refusing to reach an agreement', 'failed to agree': the status is said not to hold (the events
    stage's verbs whose complement did not happen, event_modality.json negating_verbs)."""
    verbs = resources.mapping("event_modality.json")["negating_verbs"]
    head = token
    while head.dep_ in ("xcomp", "dobj") and head.head.pos_ in ("VERB", "AUX"):
        head = head.head
        if head.lemma_.lower() in verbs and not negated(head):
            return True
    return False


def _bounded(ctx: Context, status: str, token) -> bool:
    """A pause or postponement said to last until a time ("on hold until spring", "postponed till
    March"): the status word's own 'until' or its clause verb's, whose object is a date."""
    spec = bounded()
    if status not in spec.statuses:
        return False
    preps = spec.preps
    holders = [token, token.head] + ([token.head.head] if token.head.dep_ == "prep" else [])
    for h in holders:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and _is_time(ctx, obj):
                    return True
    return False


def _is_time(ctx: Context, token) -> bool:
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    return any(t.type in ("DATE", "TIME") and t.start <= token.idx < t.end for t in ctx.analysis.timexes)


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


# A subject that says no such thing exists: the clause denies a proposition ("Nothing of the sort
# happened"); it is no status of an event, and the latest event noun before it is not what it speaks of.
NEGATIVE_PRONOUNS = frozenset({"nothing", "none", "nobody", "neither"})


def _topic(ctx: Context, token, span) -> tuple[str | None, str | None, object]:
    """What a status word is said of: (event id, canonical topic lemma, the word naming it)."""
    cand = None
    if token.pos_ in ("VERB", "AUX"):
        if eventish(canonical_topic(token.lemma_.lower())) and canonical_topic(token.lemma_.lower()) != token.lemma_.lower():
            cand = token
        else:
            args = [c for dep in ("nsubjpass", "dobj") for c in token.children if c.dep_ == dep and c not in span]
            # "agreed to a complete ceasefire", "reached a binding deal": the status words hold their topic
            own = [t for t in span if t.pos_ == "NOUN" and eventish(canonical_topic(t.lemma_.lower()))]
            cand = next((c for c in args if _topic_word(c) or ctx.trigger_events(c)), None) or \
                (own[-1] if own else None) or (args[0] if args else _nonperson_subject(ctx, token))
    elif token.pos_ in ("NOUN", "PROPN"):
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        cand = child(of, "pobj") if of is not None else None
        if cand is None and eventish(canonical_topic(token.lemma_.lower())):
            cand = token  # "there is no agreement": the status word names its topic
    elif token.pos_ == "ADJ":
        cand = token.head if token.dep_ == "amod" else clause_subject(token)
    else:  # adverbs and 'for good': what the verb they modify is said of
        head = token.head
        cand = head if _topic_word(head) else (child(head, "nsubjpass", "dobj") or clause_subject(head))
    if cand is not None and cand.pos_ == "PRON":
        if cand.lower_ in NEGATIVE_PRONOUNS:
            return None, None, None  # "Nothing of the sort happened" denies what was said, of no event
        cand = None
    if cand is not None:
        events = ctx.trigger_events(cand)
        lemma = _topic_word(cand) or canonical_topic(cand.lemma_.lower())
        if events or _topic_word(cand) or _happening_subject(ctx, token, cand):
            return (events[0] if events else None), lemma, cand
        return None, None, None  # said of something that is no event ("temporary steel props")
    return _context_topic(ctx, token)


HAPPENING_VERBS = {"go", "take", "happen", "occur", "proceed"}  # "go ahead", "take place": said of a happening


def _happening_subject(ctx: Context, verb, cand) -> bool:
    """Is `cand` the subject of a verb that only a happening does ("the Games would go ahead", "the
    Olympiad will take place")? Then it names one, whatever the tagger calls it; not a person or a source."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in HAPPENING_VERBS or cand.dep_ != "nsubj" \
            or cand.head.i != verb.i or cand.ent_type_ in ("PERSON", "GPE", "NORP") or cand.pos_ == "PRON":
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return False  # "the council will go ahead with the plan": the council acts, the plan is the happening
    actor = ctx.sources.actors.get(ctx.sources.actor_of_token(cand) or "")
    return actor is None or actor.kind == "organization"  # "the Games", which the actor stage takes for a body


def _topic_word(token) -> str | None:
    """The canonical topic a word names ('talks' → 'meeting'), or None when it names no event."""
    for w in (token.lower_, token.lemma_.lower()):
        if eventish(canonical_topic(w)) or eventish(w):
            return canonical_topic(w)
    return None



def _nonperson_subject(ctx: Context, verb):
    subj = child(verb, "nsubj")
    if subj is not None and _happening_subject(ctx, verb, subj):
        return subj
    if subj is None or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or ctx.sources.actor_of_token(subj):
        return None
    return subj



def _context_topic(ctx: Context, token) -> tuple[str | None, str | None, object]:
    """The latest event mention or event noun before the token, in its paragraph or the one before."""
    lo = (ctx.paragraph_range(token.idx, 1) or (0,))[0]
    best = None
    for t in ctx.doc.char_span(lo, token.idx, alignment_mode="expand") or []:
        lemma = _topic_word(t)
        if t.pos_ in ("NOUN", "VERB") and lemma and t.i != token.i:
            events = ctx.trigger_events(t)
            best = (events[0] if events else None, lemma, t)
    return best if best else (None, None, None)


# ---------------------------------------------------------------- a person's exit

EXIT_NOUNS = frozenset({"resignation", "dismissal", "firing", "ouster", "exit", "departure"})
FIRST_PERSON = frozenset({"i", "me", "my"})


def _exit_at(ctx: Context, status: str, span: Span) -> Iterator[Claim]:
    """A person's exit ("fired Bolton", "asked John for his resignation", "I offered to resign"), said of
    the person who leaves: its topic is that person, so two sources' accounts of one exit meet however
    each words it, in one article or across several."""
    leaver = _leaver(ctx, status, span.root)
    if leaver is None:
        return
    src = ctx.sources.at(span.start_char, span.end_char)
    topic = f"exit:{leaver}"
    value = {"status": status, "topic": topic, "hedged": hedged(span.sent), "date": None, "about": [topic],
             "topic_text": ctx.sources.actors[leaver].name, "topic_named": True, "topic_plural": False}
    yield ctx.claim(actor=src.actor, text=short(span.sent.text, 300), kind="status", event=None, value=value,
                    polarity=not negated(span.root), quote=src.quote, start=span.start_char, end=span.end_char)


def _leaver(ctx: Context, status: str, token: Token) -> str | None:
    """Who leaves: the owner of "his resignation"; for a dismissal the object ("fired Bolton", "asked
    John to resign") or the passive subject ("was fired"); for a resignation, and for "resigned at his
    request", the subject ("Bolton resigned", "I offered to resign")."""
    candidates = [c for c in token.children if c.dep_ == "poss"] if token.lemma_.lower() in EXIT_NOUNS else []
    deps = ("dobj", "nsubjpass") if status == "dismissed" else ("nsubj", "nsubjpass")
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX"):
        token, deps = token.head.head, ("nsubj", "nsubjpass")  # "resigned at his request": the verb's subject
    if token.pos_ in ("VERB", "AUX"):
        for dep in deps:
            for c in token.children:
                if c.dep_ == dep:
                    # "his services are no longer needed": the owner of what is no longer needed
                    candidates += [c] + [p for p in c.children if p.dep_ == "poss"]
    return next((person for person in (_person_of(ctx, c) for c in candidates) if person), None)


def _person_of(ctx: Context, token: Token) -> str | None:
    """The person a token names; "I" inside a quotation is its speaker."""
    if token.lower_ in FIRST_PERSON:
        quote = ctx.sources.quote_covering(token.idx, token.idx + len(token))
        actor = quote.speaker if quote is not None else None
    else:
        actor = ctx.sources.actor_of_token(token)
    known = ctx.sources.actors.get(actor or "")
    if known is None or known.kind != "person":
        return None
    return _full_person(ctx, known) or actor


def _full_person(ctx: Context, known) -> str | None:
    """'asked John for his resignation' inside Trump's words: a first name alone is the person of the
    article whose name begins with it (the most named of them by far, when several do)."""
    if " " in known.name.strip():
        return None
    fuller = sorted((len(a.mentions), a.id) for a in ctx.sources.actors.values() if a.kind == "person"
                    and a.id != known.id and a.name.split()[:1] == [known.name])
    if len(fuller) == 1 or (len(fuller) > 1 and fuller[-1][0] >= 2 * fuller[-2][0]):
        return fuller[-1][1]  # the one, or the one the article names far more often than the others
    return None

