"""Negated restatements (issue 15): a source saying "not X" where another source said X.

"I am not donating $45 million a month to Trump" answers the Journal's "Musk was planning to donate
$45 million a month" without a denial verb, a framing word or the Journal named: the second account
repeats the first one's verb and what it is about, under a negation. This finder pairs a statement
whose main verb is negated with an account by another side (anywhere in the article: the answer often
comes first) that uses the same verb and either gives the same figure or shares two more content words,
and is not itself negated. It yields denial claims (kind "denial", `value.how` "negated"), so the denial
check sets the two accounts against each other. A negated statement with a figure that answers no
account in its own article is yielded without a target, for the corpus to match across articles."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from .targets import figures_in
from .find import Context, span_of
from .text import short, stems
from ..model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Token

MORE_WORDS = 2  # content words besides the verb two accounts must share without a common figure


def negation_claims(ctx: Context, statements: list[Claim], denials: list[Claim]) -> Iterator[Claim]:
    denied = {(d.actor, d.start) for d in denials}  # a sentence already read as a denial by its source
    for claim in statements:
        verb = _negated_verb(ctx, claim)
        if verb is None or not claim.actor:
            continue
        sent = verb.sent
        if (claim.actor, sent.start_char) in denied:
            continue
        target = _restated(ctx, claim, verb, statements)
        if target is None and not figures_in(claim.text):
            continue
        yield ctx.claim(actor=claim.actor, text=short(sent.text, 300), kind="denial",
                        event=(target.event if target is not None else None) or claim.event,
                        quote=claim.quote, polarity=False,
                        value={"target": target.id if target is not None else None,
                               "target_actor": target.actor if target is not None else None,
                               "targets": [target.id] if target is not None else [],
                               "support": [claim.id], "object": None, "called": None, "how": "negated",
                               "about": claim.value.get("about", [])},
                        start=sent.start_char, end=sent.end_char)


def _negated_verb(ctx: Context, claim: Claim) -> Token | None:
    """The claim's main verb when a negation governs it ("I am not donating", "we never sent")."""
    if not claim.quote:
        return None  # the narrator's own sentences are reported, not answered
    span = span_of(ctx.doc, claim.start, claim.end)
    if span is None:
        return None
    root = span.root
    if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() == "be":
        return None  # "is not true" and its kin are calls of falsity, which the denial finders read
    # a "not" or "never" on the verb itself: "nobody at the firm saw it" says who did not, not that
    # the other account is false
    return root if any(c.dep_ == "neg" for c in root.children) else None


def _restated(ctx: Context, claim: Claim, verb: Token, statements: list[Claim]) -> Claim | None:
    """The account the negated one repeats: another side's, with the same verb, not itself negated,
    sharing a figure or two more content words; the one sharing most."""
    about = stems(claim.value.get("about", []))
    head = stems([verb.lemma_.lower()])
    figures = figures_in(claim.text)

    def score(c: Claim) -> int:
        theirs = stems(c.value.get("about", []))
        if not head <= theirs:
            return 0
        more = len((about & theirs) - head)
        same_figure = bool(figures & figures_in(c.text))
        # an answer after the account needs one word besides the verb ("had approved his study" /
        # "had never approved the study"); one before it, which answers nothing yet, two
        earlier = c.start is not None and claim.start is not None and c.start < claim.start
        enough = more >= (1 if earlier else MORE_WORDS)
        return more + 2 * same_figure if same_figure or enough else 0

    cands = [c for c in statements if c.actor and c.id != claim.id and isinstance(c.value, dict)
             and not ctx.sources.same_side(c.actor, claim.actor) and _negated_verb(ctx, c) is None
             and not _overlaps(c, claim)]  # a quotation inside another repeats it, not answers it
    best = max(cands, key=score, default=None)
    return best if best is not None and score(best) else None


def _overlaps(a: Claim, b: Claim) -> bool:
    return None not in (a.start, a.end, b.start, b.end) and a.start < b.end and b.start < a.end
