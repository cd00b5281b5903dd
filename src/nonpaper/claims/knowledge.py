"""Who knew what, and since when (issue 15): "when did X know" is a dispute news tells often, in words
the other finders do not share: "he hadn't known anything about the manipulations" (Winterkorn) against
"Winterkorn knew about the risk ... as early as May 2014" (Bild); "Facebook first became aware of it in
December 2015" against "a Facebook employee warned the company in September 2015" (the attorney general).

Each statement is read for a knowing (`Knowing`): whose knowledge it is (the subject of "know", "learn",
"be aware"; the one "told", "briefed" or "warned"), whether it held (not under "not", "no knowledge",
"unaware"), its date, and whether that date is the first time ("first became aware", "only learned").
Each is yielded as a claim of kind "knowledge" (value: knower, knows, date, first, of); whether two of
them clash is decided with the other conflicts, in `disputes/checks.py` (`knowledge`), in one article
and across the articles of a story. The words are data: `lexicon/data/claim_knowledge.json`."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, NamedTuple

from .. import lexicon as resources
from .find import Context, child, negated, span_of
from .text import content_lemmas
from ..model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Token

BODIES = {"organization", "government", "outlet"}
YEAR_FIRST = re.compile(r"^\d{4}(-\d{2}){0,2}$")  # a calendar date, a month or a year


class Knowing(NamedTuple):
    claim: Claim
    knower: str  # actor id
    knows: bool  # False: "hadn't known", "was unaware", "had no knowledge"
    date: str | None  # the earliest calendar date in the clause ("2014-05")
    first: bool  # the date is the first time: "first became aware", "only learned"
    of: frozenset[str]  # what was known, its content words ("of any specific allegations"); empty when vague


def knowledge_claims(ctx: Context, statements: list[Claim]) -> Iterator[Claim]:
    for c in statements:
        if not c.actor:
            continue
        for k in _knowings(ctx, c):
            knower = ctx.sources.voice_of(k.knower) or k.knower  # "Facebook executives": Facebook's knowledge
            yield ctx.claim(actor=c.actor, text=c.text, kind="knowledge", event=c.event, quote=c.quote,
                            start=c.start, end=c.end,
                            value={"knower": knower, "knows": k.knows, "date": k.date, "first": k.first,
                                   "of": sorted(k.of), "about": c.value.get("about", [])})


def _knowings(ctx: Context, claim: Claim) -> Iterator[Knowing]:
    span = span_of(ctx.doc, claim.start, claim.end)
    if span is None:
        return
    words = resources.mapping("claim_knowledge.json")
    for t in span:
        lemma = t.lemma_.lower()
        if t.pos_ in ("VERB", "AUX") and lemma in words["know"]:
            if lemma == "receive" and not any(c.dep_ == "dobj" and c.lemma_.lower() in words["received"] for c in t.children):
                continue  # "received word that ...", not "received a payment"
            who, knows = child(t, "nsubj"), not negated(t)
        elif t.pos_ == "ADJ" and lemma in words["aware"] and t.dep_ in ("acomp", "amod"):
            who = child(t.head, "nsubj") if t.dep_ == "acomp" else None
            knows = not negated(t.head) and not negated(t) and lemma not in words["unaware"]
        elif t.pos_ == "VERB" and lemma in words["told"]:
            who, knows = child(t, "nsubjpass") or child(t, "dobj"), not negated(t)
        elif t.lemma_.lower() == "knowledge" and t.dep_ == "dobj" and t.head.lemma_.lower() == "have":
            who = child(t.head, "nsubj")  # "he had no knowledge of the software"
            knows = not any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) and not negated(t.head)
        else:
            continue
        if who is None and t.dep_ == "xcomp" and claim.quote:
            knower = claim.actor  # "Winterkorn has claimed to have only learned about it just before"
        else:
            knower = _knower(ctx, claim, who) if who is not None else None
        if knower is None:
            continue
        verb = t if t.pos_ in ("VERB", "AUX") else t.head
        if _unasserted(verb, span):
            continue
        yield Knowing(claim, knower, knows, _earliest_date(ctx, verb), _first(verb, words["first"]), _known(t))


VAGUE = {"anything", "something", "nothing", "it", "this", "that", "everything", "thing"}


def _known(t: Token) -> frozenset[str]:
    """What the knowing is of: the object after of / about, or the direct object of know / learn."""
    objects = [c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() != "knowledge"]
    objects += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "about") for g in c.children
                if g.dep_ == "pobj"]
    if t.lemma_.lower() == "knowledge" or any(o.lower_ in VAGUE for o in objects):
        objects += [g for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    words = content_lemmas(x for o in objects for x in o.subtree)
    return frozenset(w for w in words if w not in VAGUE)


def _unasserted(verb: Token, span) -> bool:
    """A knowing the claim does not assert: "did not know if Johnson had been briefed", "could have known",
    "tried to warn"."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in verb.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may", "should") for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("try", "attempt", "want", "plan", "seek", "hope"):
        return True  # "his envoy had tried to warn Qatar": an attempt, not a warning given
    return any(negated(h) for h in verb.ancestors if span.start <= h.i < span.end and h.pos_ in ("VERB", "AUX"))


def _knower(ctx: Context, claim: Claim, who: Token) -> str | None:
    """The actor the knowing is of: "I" / "we" the speaker; "he", "she", "it", "they" the speaker too in
    a source's own account ("Winterkorn said he hadn't known"); else the actor the words name."""
    low = who.lower_
    if low in ("i", "we", "me", "us"):
        return claim.actor
    if low in ("he", "she", "it", "they") and claim.quote:
        return claim.actor
    actor = ctx.sources.actor_of_token(who)
    kind = ctx.sources.actors[actor].kind if actor in ctx.sources.actors else None
    if kind in (None, "unnamed") and who.pos_ == "NOUN" and any(c.lower_ == "the" for c in who.children):
        # "warned the company": the body named last before it
        actor = ctx.sources.latest_actor_before(who.idx, kinds=BODIES)
        kind = ctx.sources.actors[actor].kind if actor in ctx.sources.actors else None
    return actor if kind not in (None, "unnamed") else None


def _earliest_date(ctx: Context, verb: Token) -> str | None:
    tokens = list(verb.subtree)
    lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    dates = [x.value for x in ctx.analysis.timexes if x.type == "DATE" and x.field == "text"
             and lo <= x.start < hi and YEAR_FIRST.match(x.value)]
    return min(dates, default=None)


def _first(verb: Token, words: list[str]) -> bool:
    return any(c.lower_ in words for c in verb.children if c.dep_ in ("advmod", "amod")) or \
        any(c.lower_ in words for c in verb.head.children if c.dep_ == "advmod" and verb.dep_ in ("acomp", "xcomp"))

