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

import re
from bisect import bisect_right

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from .. import lexicon as resources
from .provenance import provenance
from .sources import Sources
from .text import content_lemmas, eventish
from ..model import Analysis, Claim, Quote
from ..text.offsets import Spans
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
    # the claims found so far, in the order extract_claims runs the finders: later finders read earlier
    # kinds (a denial of responsibility answers a cause claim)
    found: list[Claim] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sources = Sources(self.parsed, self.analysis)
        self.doc = self.parsed.doc
        self.text = self.parsed.text
        self.article_id = self.parsed.article.id
        # looked up once: Doc.sents and Doc.ents build new Span objects on every access
        self.sents = list(self.doc.sents)
        self.date_ents = [(e.start_char, e.text) for e in self.doc.ents if e.label_ == "DATE"]
        # the paragraphs once, with their starts: the finders ask which paragraphs lie around a claim
        self.paragraphs = self.parsed.paragraphs()
        self._paragraph_starts = [p.start for p in self.paragraphs]

    def paragraph_range(self, offset: int, before: int, after: int = 0) -> tuple[int, int] | None:
        """From the start of the paragraph `before` paragraphs before the one holding `offset` to the end
        of the one `after` paragraphs after it; None when no paragraph holds `offset`."""
        k = bisect_right(self._paragraph_starts, offset) - 1
        if k < 0 or offset >= self.paragraphs[k].end:
            return None
        return self.paragraphs[max(0, k - before)].start, self.paragraphs[min(len(self.paragraphs) - 1, k + after)].end

    def trigger_events(self, token: Token) -> list[str]:
        """Events whose mention has `token` as its head word (not merely an argument inside it:
        "props" in "removed temporary steel props" is no event)."""
        out = []
        _, owners, mentions, spans = self._event_index()
        for k in spans.overlapping(token.idx, token.idx + 1):  # the mentions holding the token, in order
            e, m = self.analysis.events[owners[k]], mentions[k]
            before = self.doc.char_span(m.start, token.idx, alignment_mode="expand") if m.start < token.idx else []
            if all(t.pos_ in ("DET", "ADJ", "PROPN", "NUM", "PUNCT", "PART") or t.dep_ in ("compound", "poss")
                   for t in before or []) and e.id not in out:
                out.append(e.id)
        return out

    def events_at(self, start: int, end: int) -> list[str]:
        """Ids of events with a mention overlapping [start, end)."""
        events, owners, _, spans = self._event_index()
        return list(dict.fromkeys(events[i].id for i in sorted({owners[k] for k in spans.overlapping(start, end)})))

    def _event_index(self) -> tuple[list, list[int], list, Spans]:
        """Every event mention (an event without mentions stands for itself) with its event's index,
        indexed by offset once: asked for every claim and token (issue 19). Also the events by id."""
        events = self.analysis.events
        if getattr(self, "_events_indexed", (None,))[0] is not events:
            pairs = [(i, m) for i, e in enumerate(events) for m in (e.mentions or [e])]
            self._events_by_id: dict = {}
            for e in events:
                self._events_by_id.setdefault(e.id, e)  # the first with the id, as a scan would find
            self._events_indexed = (events, [i for i, _ in pairs], [m for _, m in pairs],
                                    Spans((m.start, m.end) for _, m in pairs))
        return self._events_indexed

    def _event(self, event_id: str | None):
        self._event_index()
        return self._events_by_id.get(event_id)

    def event_lemmas(self, event_id: str | None) -> frozenset[str]:
        """Content lemmas of an event's mentions, plus its type, for matching across articles."""
        e = self._event(event_id)
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
        e = self._event(event_id)
        return e.text if e is not None else None

    def event_date(self, event_id: str | None) -> str | None:
        e = self._event(event_id)
        return e.date if e is not None else None

    def claim(self, **kw) -> Claim:
        """A claim of this article; an ordering, status or value inside a quote reads as the quote's
        words (the source's own), not the whole sentence around them."""
        kw.setdefault("article", self.article_id)
        if getattr(self, "_quote_ids", (None,))[0] is not self.sources.quotes:  # indexed once (issue 19)
            by_id: dict[str, Quote] = {}
            for quote in self.sources.quotes:
                by_id.setdefault(quote.id, quote)  # the first with the id, as a scan would find
            self._quote_ids = (self.sources.quotes, by_id)
        q = self._quote_ids[1].get(kw.get("quote"))
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
        # (the first verb found lazily: an ordering's span can run from one event to another across the article)
        root = own.root if own.root.pos_ in ("VERB", "AUX") else \
            next((t for t in own if t.pos_ in ("VERB", "AUX")), None)
        claim.predicate = root.lemma_.lower() if root is not None else None
        claim.hedged = hedged(span.sent)



def denied_content(tok: Token) -> bool:
    """Is the token inside what a denial verb rejects ("denied that ...", "denied accusations that ...",
    "rejected claims that ...")? Its source then says it is not so."""
    cues = resources.wordset("claim_denial_cues.txt")
    return any(t.lemma_.lower() in cues and t.pos_ == "VERB" for t in list(tok.ancestors)[:4])


def _contrasted(token: Token, head: Token) -> bool:
    """Is `token` a verb joined to `head` by "but" or "yet" (a turn that leaves the head's negation behind)?"""
    return token.dep_ == "conj" and token.head.i == head.i and \
        any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in head.children)


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
        if t.i != token.i and _contrasted(token, t):
            break  # "did not respond but denied the allegations": the 'not' stays with 'respond'
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
        if denying_cue(ctx, q):
            continue  # "denying that the flood killed 11,300": the denial claim carries it, not a statement
        if asks_only(q.text):
            continue  # "Are you still donating $45 million?": a question asserts nothing to dispute
        span = span_of(ctx.doc, q.start, q.end)
        lemmas = content_lemmas(span) if span is not None else frozenset()
        events = ctx.events_at(q.start, q.end)
        yield ctx.claim(actor=q.speaker, text=q.text, kind="statement", event=events[0] if events else None,
                        value={"about": sorted(lemmas), "quote_kind": q.kind, "cue": q.cue},
                        quote=q.id, start=q.start, end=q.end)
    paragraphs = ctx.paragraphs
    # by bisect, not a scan of every paragraph and quote per sentence (issue 19)
    in_paragraph = Spans((p.start, p.end) for p in paragraphs)
    quoted = Spans((q.start, q.end) for q in ctx.sources.quotes)
    lister = None  # the source of "X told a briefing that:" while the bulleted points after it go on
    for sent in ctx.sents:
        inside = in_paragraph.holds(sent.start_char) if paragraphs else True
        touched = quoted.overlaps(sent.start_char, sent.end_char) or ctx.sources.quotes_in_sentence(sent)
        bullet = _bulleted(ctx, sent)
        if not bullet:
            lister = ctx.sources.sentence_source(sent) if sent.text.rstrip().endswith(":") else None
        if not inside or touched or not re.search(r"\w", sent.text) or sent.root.pos_ not in ("VERB", "AUX"):
            continue
        events = ctx.events_at(sent.start_char, sent.end_char)
        src = lister if bullet and lister is not None and lister.actor else \
            ctx.sources.sentence_source(sent)  # "…, the union's head, Petra Lunde, said on Monday."
        yield ctx.claim(actor=src.actor, text=sent.text.strip(), kind="statement", event=events[0] if events else None,
                        value={"about": sorted(content_lemmas(sent)), "narrator": src.actor is None},
                        start=sent.start_char, end=sent.end_char)


BULLETS = ("\u2022", "\u00b7", "* ", "- ", "\u2013 ", "\u2014 ")


def _bulleted(ctx: Context, sent: Span) -> bool:
    """Does the sentence stand in a paragraph opening with a bullet ("• Ukrainian jets had flown ...")?
    A list after "X told a briefing that:" gives X's points, each a claim of X."""
    text = ctx.text  # (the article's string: Doc.text would join every token again, per sentence)
    start = text.rfind("\n", 0, sent.start_char) + 1  # the line the sentence stands on
    return text[start:start + 4].lstrip().startswith(BULLETS)


def asks_only(text: str) -> bool:
    """Is every sentence of the quoted text a question? ("Are you still going to donate? Are you still
    donating $45 million?"). One statement among them ("Why? Because we never did.") makes it a claim."""
    bare = text.strip().rstrip("\"'\u201d\u2019) ")
    return bare.endswith("?") and not re.search(r"[.!;](?=\s)", bare)


def denying_cue(ctx: Context, q) -> bool:
    """Is the quote's cue a verb of denial? Its text is then what the speaker says is not so."""
    if q.cue_start is None or q.cue_end is None or q.field != "text":
        return False
    span = ctx.doc.char_span(q.cue_start, q.cue_end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in resources.wordset("claim_denial_cues.txt") for t in span)


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
