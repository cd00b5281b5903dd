"""Disagreement told by the writer (issue 15): "George Floyd's family disagrees with the Hennepin County
Medical Examiner's Office on Floyd's cause of death", "the ministry contradicted the union", "Police
disputed the organisers". The sentence names both sources and says they disagree; what each holds is
told elsewhere in the article. This finder yields a denial by the first source of the second one's
account (`claims.targets.owners_account`): of the second source's claims, the one sharing most words with
the sentence (the topic, "on the cause of death"), one told before it on a tie."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from .. import lexicon as resources
from .find import PRONOUN_WORDS, Context, child, negated, np_text
from .targets import owners_account
from .text import content_lemmas, short
from ..model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Token


def disagreement_claims(ctx: Context, statements: list[Claim], denied: set[int]) -> Iterator[Claim]:
    """`denied`: the sentences (start offsets) already read as a denial, which this leaves alone."""
    with_verbs = resources.wordset("claim_disagreement_verbs.txt")
    object_verbs = resources.wordset("claim_denial_cues.txt")
    rebukes = resources.wordset("claim_rebuke_verbs.txt")
    for tok in ctx.doc:
        if tok.pos_ != "VERB" or negated(tok) or tok.sent.start_char in denied:
            continue
        lemma = tok.lemma_.lower()
        if lemma in with_verbs:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "from")), None)
            other = child(prep, "pobj") if prep is not None else None
        elif lemma in object_verbs:
            other = child(tok, "dobj")  # "contradicted the ministry": a source, not an account noun
            if other is not None and other.lower_ in resources.wordset("claim_account_nouns.txt"):
                continue
        elif lemma in rebukes and _over_an_account(tok):
            other = child(tok, "dobj")  # "slammed the Journal over its report": the Journal's account
        else:
            continue
        yield from _disagreement(ctx, tok, other, statements)


def _over_an_account(verb: Token) -> bool:
    """'... over its report', '... for its claims': the rebuke is of an account."""
    return any(c.dep_ == "prep" and c.lower_ in ("over", "for") and any(
        g.dep_ == "pobj" and g.lower_ in resources.wordset("claim_account_nouns.txt") for g in c.children)
        for c in verb.children)


def _disagreement(ctx: Context, tok: Token, other: Token | None, statements: list[Claim]) -> Iterator[Claim]:
    subj = child(tok, "nsubj")
    if other is None or subj is None or subj.lower_ in PRONOUN_WORDS or other.lower_ in PRONOUN_WORDS:
        return
    actor, owner = ctx.sources.actor_of_token(subj), ctx.sources.actor_of_token(other)
    if not actor or not owner or ctx.sources.same_side(actor, owner):
        return
    sent = tok.sent
    names = {t.i for t in subj.subtree} | {t.i for t in other.subtree}
    topic = content_lemmas(t for t in sent if t.i not in names and t.i != tok.i)
    target = owners_account(owner, topic, sent.start_char, statements,
                            skip=lambda c: sent.start_char <= c.start < sent.end_char)
    if target is None:
        return
    src = ctx.sources.at(tok.idx, tok.idx + len(tok))
    yield ctx.claim(actor=actor, text=short(sent.text, 300), kind="denial", event=target.event,
                    quote=src.quote if src.actor == actor else None, polarity=False,
                    value={"target": target.id, "target_actor": owner, "targets": [target.id],
                           "support": [c.id for c in statements if c.actor == actor and c.start is not None
                                       and not sent.start_char <= c.start < sent.end_char][:1],
                           "object": np_text(other), "called": None, "how": "disagrees", "about": sorted(topic)},
                    start=sent.start_char, end=sent.end_char)
