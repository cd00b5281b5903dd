"""Rebuttals framed by the report (issue 15): a source's account that the writer sets against another
source's account before it, without a denial verb aimed at it.

News marks a contradiction in how it reports the second account more often than in the words of the
second source: "But the ministry said ...", "However, Raab said he did not know ...", "X insisted that
...", "..., while Israel said ...", or the second source calling what was said "lies" or "not accurate".
The denial finders (`claims.denials`) need the rejected claim named ("denied reports that ...",
"disputes that"); this finder takes the framing instead and pairs the framed account with the latest
earlier account by another source on the same topic (shared content words), within two paragraphs.
It yields denial claims (kind "denial", `value.how` "framed"), so the denial check turns them into
disputes with both sides and their provenance."""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Iterator

from .. import lexicon as resources
from .denials import _paragraphs_back, _run_of
from .find import Context, negated
from .targets import owners_account
from .text import overlap, short
from ..model import Claim, Quote

if TYPE_CHECKING:
    from spacy.tokens import Token

# how many content words two accounts must share to be about one thing: one when the second answers
# the account right before it, two when other accounts come between
NEXT_TO = 1
FURTHER = 2


TYPED = ("order", "date", "status", "value", "duration", "cause")


def rebuttal_claims(ctx: Context, statements: list[Claim], denials: list[Claim],
                    typed: list[Claim]) -> Iterator[Claim]:
    denied = {(d.actor, d.start) for d in denials}  # a sentence already read as a denial by its source
    typed_at = _typed_starts(typed)  # once, not a scan of every typed claim per statement (issue 19)
    for claim in statements:
        if _typed_inside(claim, typed_at):
            continue  # what it says has a kind (a cause, a figure, a status): that kind's check weighs it
        q = _quote_of(ctx, claim)
        if q is None or claim.start is None or q.cue_start is None:
            continue
        cue = _cue_token(ctx, q)
        if cue is None or (claim.actor, cue.sent.start_char) in denied:
            continue
        framing = _framing(ctx, cue, claim)
        if framing is None or _agrees(cue):
            continue
        author = _false_author(ctx, claim)  # "a fiction made up by the Wall Street Journal": that account
        target = _authored(ctx, claim, author, statements) if author else None
        target = target or _answered(ctx, claim, statements, same_sentence=framing == "while")
        if target is None:
            continue
        sent = cue.sent
        yield ctx.claim(actor=claim.actor, text=short(sent.text, 300), kind="denial", event=target.event or claim.event,
                        quote=claim.quote, polarity=False,
                        value={"target": target.id, "target_actor": target.actor,
                               "targets": [i for i in _run_of(ctx, target, statements)
                                           if any(c.id == i and c.actor == target.actor for c in statements)],
                               "support": [claim.id], "object": None, "called": None, "how": "framed",
                               "framing": framing, "about": claim.value.get("about", [])},
                        start=sent.start_char, end=sent.end_char)


def _typed_starts(typed: list[Claim]) -> dict[str | None, list[int]]:
    """The starts of the claims of a kind in TYPED, by actor, sorted."""
    out: dict[str | None, list[int]] = {}
    for t in typed:
        if t.kind in TYPED and t.start is not None:
            out.setdefault(t.actor, []).append(t.start)
    return {actor: sorted(starts) for actor, starts in out.items()}


def _typed_inside(claim: Claim, typed_at: dict[str | None, list[int]]) -> bool:
    """Does a claim of a kind in TYPED by the same actor start inside the claim?"""
    starts = typed_at.get(claim.actor, [])
    if not starts or claim.start is None:
        return False
    k = bisect_left(starts, claim.start)
    return k < len(starts) and starts[k] < (claim.end or claim.start + 1)


def _quote_of(ctx: Context, claim: Claim) -> Quote | None:
    if not claim.quote or not claim.actor:
        return None
    return next((q for q in ctx.sources.quotes if q.id == claim.quote), None)


def _cue_token(ctx: Context, q: Quote) -> Token | None:
    span = ctx.doc.char_span(q.cue_start, q.cue_end or q.cue_start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    return verbs[0] if verbs else span.root


def _framing(ctx: Context, cue: Token, claim: Claim) -> str | None:
    """How the report sets this account against another, or None: a contrast word opening the cue's
    sentence or on the cue's clause; "while"/"whereas" joining it to another source's clause; a
    rebutting cue verb; the account calling something lies or untrue."""
    sent = cue.sent
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    openers = resources.wordset("claim_contrast_openers.txt")
    inside = first is not None and ctx.sources.quote_covering(first.idx, first.idx + len(first)) is not None
    if first is not None and first.lower_ in openers and first.i < cue.i and not inside:
        return first.lower_  # (a "But" inside the quotation is the speaker's own turn, not the writer's framing)
    if any(c.dep_ == "advmod" and c.lower_ in openers for c in cue.children):
        return next(c.lower_ for c in cue.children if c.dep_ == "advmod" and c.lower_ in openers)
    if cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in cue.children):
        return "while"
    rebut = resources.wordset("claim_rebuttal_verbs.txt") | resources.wordset("claim_denial_cues.txt")
    if cue.lemma_.lower() in rebut and not negated(cue):
        return cue.lemma_.lower()
    return _calls_false(ctx, claim)


def _false_words() -> frozenset[str]:
    """Words that call an account false, with the noun forms of lying."""
    return resources.wordset("claim_false_words.txt") | {"lie", "lies", "falsehood", "falsehoods"}


def _calls_false(ctx: Context, claim: Claim) -> str | None:
    """The account itself calls something false: "There are numerous lies here", "that is not
    accurate", "untrue" — a word of falsity, or a word of truth under a negation."""
    span = ctx.doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None:
        return None
    falses = _false_words()
    trues = resources.wordset("claim_true_words.txt")
    for t in span:
        if (t.lower_ in falses or t.lemma_.lower() in ("lie",) and t.pos_ == "NOUN") and not negated(t):
            return t.lower_
        if t.lower_ in trues and t.dep_ in ("acomp", "attr") and negated(t):
            return "not " + t.lower_
    return None


def _false_author(ctx: Context, claim: Claim) -> str | None:
    """Whom the account says the falsehood comes from: "a fiction made up by the Wall Street Journal",
    "lies from the Times", "the Post's fabrication": an actor on another side, or None."""
    span = ctx.doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None:
        return None
    falses = _false_words()
    for t in span:
        if t.lower_ not in falses or negated(t):
            continue
        heads = [t, *(c for c in t.children if c.dep_ in ("acl", "relcl"))]  # "a fiction [made up] by X"
        for h in heads:
            for c in h.children:
                who = c if c.dep_ == "poss" else None
                if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "from"):
                    who = next((g for g in c.children if g.dep_ == "pobj"), None)
                actor = ctx.sources.actor_of_token(who) if who is not None else None
                if actor and not ctx.sources.same_side(actor, claim.actor):
                    return actor
    return None


def _authored(ctx: Context, claim: Claim, author: str, statements: list[Claim]) -> Claim | None:
    """The named author's account the falsehood answers (news often tells the rebuttal first)."""
    return owners_account(author, claim.value.get("about", []), claim.start, statements, skip=lambda c: c.id == claim.id)


def _agrees(cue: Token) -> bool:
    """'also said', 'agreed', 'echoed': the report sides with the account before it."""
    agree = resources.wordset("claim_agreement_words.txt")
    return cue.lemma_.lower() in agree or any(c.lower_ in agree for c in cue.children if c.dep_ == "advmod")


def _answered(ctx: Context, claim: Claim, statements: list[Claim], same_sentence: bool) -> Claim | None:
    """The account the framed one answers: the latest earlier claim by another named source (not one
    speaking for the same side) on the same topic, within two paragraphs; for "while", in its sentence."""
    since = _paragraphs_back(ctx, claim.start, 2)
    about = claim.value.get("about", [])
    earlier = [c for c in statements if c.actor and c.start is not None and since <= c.start < claim.start
               and not ctx.sources.same_side(c.actor, claim.actor)]
    if same_sentence:
        sent = ctx.doc.char_span(claim.start, claim.end, alignment_mode="expand")
        earlier = [c for c in earlier if sent is not None and c.start >= sent.sent.start_char]
    for i, c in enumerate(reversed(earlier)):
        need = NEXT_TO if i == 0 else FURTHER
        if overlap(about, c.value.get("about", [])) >= need:
            return c
    return None

