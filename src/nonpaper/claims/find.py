"""Claim finders (issue 5): the shared `Context` and parse helpers, and `statement_claims`.

The finders are small generators over one parsed article, each yielding `Claim`s:
- `statement_claims` (here): every attributed quote, and the narrator's own sentences;
- `claims.time.order_claims` / `date_claims`: BEFORE/AFTER orderings (from the event stage's relations
  and from the parse: "found ... a week before inspectors examined it", "nobody saw a crack before the
  inspectors did") and dates ("arrested on Friday");
- `claims.status.status_claims`: called off / postponed / held / suspended / temporary / indefinite;
- `claims.values.value_claims`: measured or counted values ("0.4 kilograms", "eleven concerts");
- `claims.denials.denial_claims`: a source rejecting another's claim ("dismissed this account").

Claims carry what the dispute checks compare in `value` (a dict): the lemmas of what they are about
(`about`, and `target_about` for orderings), so events can be matched across articles by content when
the event stage's ids (per article) cannot be.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from .. import lexicon as resources
from .provenance import provenance
from .sources import Sources
from .text import content_lemmas, eventish
from ..model import Analysis, Claim
from ..text.parse import Parsed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
        # looked up once: Doc.sents and Doc.ents build new Span objects on every access
        self.sents = list(self.doc.sents)
        self.date_ents = [(e.start_char, e.text) for e in self.doc.ents if e.label_ == "DATE"]

    def trigger_events(self, token: Token) -> list[str]:
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
            span = span_of(self.doc, m.start, m.end)
            if span is not None:
                out |= content_lemmas(span)
        if e.type and e.type not in out:  # a clause event's type is its own lemma: no second word
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
        if q is not None and kw.get("kind") in ("order", "status", "value", "duration") and len(q.text) < len(kw.get("text") or ""):
            kw["text"] = q.text
        origin, origin_text, relays = provenance(self.sources, self.parsed.article, kw.get("actor"), q)
        claim = Claim(id="", origin=origin, origin_text=origin_text, relays=relays, **kw)
        self._proposition(claim)
        return claim

    def _proposition(self, claim: Claim) -> None:
        """Who the claim speaks of, its main verb and its hedging, read from its span (a statement's
        own words; for a figure, status or ordering, the sentence that holds it)."""
        own = span_of(self.doc, claim.start, claim.end)
        if own is None:
            return
        span = own if claim.kind == "statement" else own.sent
        skip = {claim.actor, claim.origin}
        claim.participants = [a for a in self.sources.actors_in(span.start_char, span.end_char) if a not in skip]
        # the verb of the claim's own words ("agreed" in "had agreed to a ceasefire"), not the cue's
        verbs = [t for t in own if t.pos_ in ("VERB", "AUX")]
        root = own.root if own.root.pos_ in ("VERB", "AUX") else (verbs[0] if verbs else None)
        claim.predicate = root.lemma_.lower() if root is not None else None
        claim.hedged = hedged(span.sent)



def span_of(doc: Doc, start: int | None, end: int | None) -> Span | None:
    """The tokens over [start, end), or None for offsets that do not fit the text."""
    # not len(doc.text): Doc.text joins every token's text on each call
    n = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if start is None or not 0 <= start < n:
        return None
    end = end if end is not None and start < end <= n else min(n, start + 1)
    return doc.char_span(start, end, alignment_mode="expand")


CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "acl", "csubj", "parataxis"}


def negated(token: Token) -> bool:
    """A negation on the token or the words it hangs from, up to its clause's verb, or a 'nobody'
    subject ("nobody is talking about shutting it for good"). A 'not' after the token, on a word it
    hangs from, negates what follows it: "paused, not cancelled" (parsed with 'paused' under
    'cancelled') does not deny the pause."""
    for t in [token, *list(token.ancestors)[:5]]:
        if any(c.dep_ == "neg" and (t.i == token.i or c.i < token.i) for c in t.children):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in NEGATORS or _no_det(c)) for c in t.children):
            return True  # "nobody is talking about it", "no deal had been reached"
        if t.i == token.i and _no_det(t):  # "there is no agreement"
            return True
        if t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS:
            break
    return False


def _no_det(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def rejected_alternative(span: Span) -> bool:
    """'a postponement rather than a cancellation', 'instead of a cancellation', 'not a cancellation'."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 4):span.start]]
    joined = " ".join(before)
    if "rather than" in joined or "instead of" in joined:
        return True
    return bool(before) and before[-1] in ("not", "no") or (len(before) > 1 and before[-2] in ("not", "no")
                                                           and before[-1] in ("a", "an", "the"))


def hedged(sent: Span) -> bool:
    hedges = resources.wordset("claim_hedges.txt")
    return any(t.lower_ in hedges or t.lemma_.lower() in hedges for t in sent)


# ---------------------------------------------------------------- statements

def statement_claims(ctx: Context) -> Iterator[Claim]:
    """Every attributed quote, then the sentences no quote touches: the narrator's own, or a source's
    when the sentence still names one ("…, Petra Lunde, said on Monday.")."""
    for q in ctx.sources.quotes:
        if not q.speaker or q.negated:
            continue  # "CBS News had not confirmed the account": CBS asserts nothing of it
        span = span_of(ctx.doc, q.start, q.end)
        lemmas = content_lemmas(span) if span is not None else frozenset()
        events = ctx.events_at(q.start, q.end)
        yield ctx.claim(actor=q.speaker, text=q.text, kind="statement", event=events[0] if events else None,
                        value={"about": sorted(lemmas), "quote_kind": q.kind, "cue": q.cue},
                        quote=q.id, start=q.start, end=q.end)
    paragraphs = ctx.parsed.paragraphs()
    for sent in ctx.sents:
        inside = any(p.start <= sent.start_char < p.end for p in paragraphs) if paragraphs else True
        touched = any(q.start < sent.end_char and sent.start_char < q.end for q in ctx.sources.quotes) or \
            ctx.sources.quotes_in_sentence(sent)
        if not inside or touched or not sent.text.strip() or sent.root.pos_ not in ("VERB", "AUX"):
            continue
        events = ctx.events_at(sent.start_char, sent.end_char)
        src = ctx.sources.sentence_source(sent)  # "…, the union's head, Petra Lunde, said on Monday."
        yield ctx.claim(actor=src.actor, text=sent.text.strip(), kind="statement", event=events[0] if events else None,
                        value={"about": sorted(content_lemmas(sent)), "narrator": src.actor is None},
                        start=sent.start_char, end=sent.end_char)


def verb_ancestor(token: Token) -> Token | None:
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX") or (t.pos_ == "NOUN" and eventish(t.lemma_.lower())):
            return t
    return None


def np_text(token: Token) -> str:
    if token.pos_ in ("NOUN", "PROPN"):
        left = min([token.i] + [min(x.i for x in c.subtree) if c.dep_ == "poss" else c.i  # "the union's claims"
                                for c in token.children if c.dep_ in ("det", "amod", "compound", "poss", "nummod")])
        return token.doc[left:token.i + 1].text
    return token.text


def child(token: Token | None, *deps: str) -> Token | None:
    if token is None:
        return None
    for dep in deps:
        found = next((c for c in token.children if c.dep_ == dep), None)
        if found is not None:
            return found
    return None


def clause_subject(token: Token) -> Token | None:
    for t in [token, *list(token.ancestors)[:4]]:
        subj = child(t, "nsubj", "nsubjpass")
        if subj is not None:
            return subj
    return None
