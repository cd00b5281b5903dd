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

from .. import lexicon as resources
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
        denied.add((claim.actor, sent.start_char))
        yield _denial(ctx, claim, sent, target)
    yield from _disowned(ctx, statements, denied)


def _denial(ctx: Context, claim: Claim, sent, target: Claim | None, how: str = "negated") -> Claim:
    return ctx.claim(actor=claim.actor, text=short(sent.text, 300), kind="denial",
                     event=(target.event if target is not None else None) or claim.event,
                     quote=claim.quote, polarity=False,
                     value={"target": target.id if target is not None else None,
                            "target_actor": target.actor if target is not None else None,
                            "targets": [target.id] if target is not None else [],
                            "support": [claim.id], "object": None, "called": None, "how": how,
                            "about": claim.value.get("about", [])},
                     start=sent.start_char, end=sent.end_char)


# what a source disowns: "we never released these figures", "we haven't announced these numbers"
DISOWNING = {"release", "announce", "give", "provide", "issue", "publish", "report", "share", "put"}
FIGURE_NOUNS = {"figure", "number", "toll", "statistic", "data", "count", "estimate", "tally"}


def _disowned(ctx: Context, statements: list[Claim], denied: set) -> Iterator[Claim]:
    """A source saying it never gave the figures another source put out in its name ("the Red Crescent
    said it never released the death toll to the UN" against the UN's "11,300 dead", which cited it):
    a negated verb of giving out, whose object is a figure noun, in a source's words. Its target is the
    other side's claim with a figure that names the source (the one that cited it), else the latest
    such claim before it, else the first after it."""
    for claim in statements:
        if not claim.actor or not claim.quote:
            continue
        span = span_of(ctx.doc, claim.start, claim.end)
        verb = next((t for t in span or () if t.pos_ == "VERB" and t.lemma_.lower() in DISOWNING
                     and any(c.dep_ == "neg" for c in t.children)
                     and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in FIGURE_NOUNS
                             for c in t.children)), None)
        if verb is None or (claim.actor, verb.sent.start_char) in denied:
            continue
        target = _cited_figure(ctx, claim, statements)
        if target is not None:
            yield _denial(ctx, claim, verb.sent, target, how="disowned")


def _cited_figure(ctx: Context, claim: Claim, statements: list[Claim]) -> Claim | None:
    actor = ctx.sources.actors.get(claim.actor)
    names = {n.lower() for n in ([actor.name, *actor.aliases] if actor is not None else []) if len(n) > 3}
    cands = [c for c in statements if c.actor and c.id != claim.id and figures_in(c.text)
             and not ctx.sources.same_side(c.actor, claim.actor)]
    naming = [c for c in cands if c.origin == claim.actor or any(n in c.text.lower() for n in names)]
    before = [c for c in cands if c.start is not None and claim.start is not None and c.start < claim.start]
    after = [c for c in cands if c not in before]
    return (naming or before[-1:] or after[:1] or [None])[0]



def _negated_verb(ctx: Context, claim: Claim) -> Token | None:
    """The claim's main verb when a negation governs it ("I am not donating", "we never sent"); read once
    per claim (each negated claim asks it of every other: issue 19)."""
    memo = ctx.__dict__.setdefault("_negated_verbs", {})
    if id(claim) not in memo:
        memo[id(claim)] = (claim, _read_negated_verb(ctx, claim))  # (the claim kept, so its id stays its own)
    return memo[id(claim)][1]


def _read_negated_verb(ctx: Context, claim: Claim) -> Token | None:
    if not claim.quote:
        return None  # the narrator's own sentences are reported, not answered
    span = span_of(ctx.doc, claim.start, claim.end)
    if span is None:
        return None
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    if root.lemma_.lower() == "be":
        # "the kiss was not consensual": the quality said not to hold; "is not true" and its kin are
        # calls of falsity, which the denial finders read
        quality = next((c for c in root.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
        if quality is None or quality.lower_ in resources.wordset("claim_true_words.txt"):
            return None
        return quality if _says_no(root) else None
    # a "not" or "never" on the verb itself: "nobody at the firm saw it" says who did not, not that
    # the other account is false
    return root if _says_no(root) else None


def _says_no(verb: Token) -> bool:
    """'not', 'never', or 'at no time' / 'in no case' on the verb."""
    return any(c.dep_ == "neg" or (c.dep_ == "prep" and any(
        g.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in g.children) for g in c.children))
        for c in verb.children)


KIN_PARAGRAPHS = 2  # how far apart (in paragraphs) two accounts sharing only a kin word may be
KIN_PREFIX = 6  # 'consent', 'consented', 'consensual': one word of the dispute however it is inflected


def _kin(a: str, b: str) -> bool:
    return a == b or (len(a) >= KIN_PREFIX and len(b) >= KIN_PREFIX and a[:KIN_PREFIX] == b[:KIN_PREFIX])


def _restated(ctx: Context, claim: Claim, verb: Token, statements: list[Claim]) -> Claim | None:
    """The account the negated one repeats: another side's, with the same verb, not itself negated,
    sharing a figure or two more content words; the one sharing most."""
    about = stems(claim.value.get("about", []))
    head = stems([verb.lemma_.lower()])
    figures = figures_in(claim.text)

    said = verb.lemma_.lower()

    def score(c: Claim) -> int:
        theirs = stems(c.value.get("about", []))
        if not head <= theirs and not any(_kin(said, w) for w in c.value.get("about", [])):
            return 0  # the same verb, or a word of its kin ("did not consent" / "was consensual")
        more = len((about & theirs) - head - {w for w in theirs if _kin(said, w)})
        same_figure = bool(figures & figures_in(c.text))
        # an answer after the account needs one word besides the verb ("had approved his study" /
        # "had never approved the study"); one before it, which answers nothing yet, two
        earlier = c.start is not None and claim.start is not None and c.start < claim.start
        enough = more >= (1 if earlier else MORE_WORDS)
        if not enough and len(said) >= KIN_PREFIX and near(c) and (verb.pos_ == "ADJ" or said not in c.value.get("about", [])):
            # a quality said not to hold ("was not consensual" / "an act that both consented to"), or one
            # root in two forms ("did not consent" / "was consensual"), told close together; the same verb
            # alone ("has not been contacted" / "have contacted") is too often said of different things
            enough = True
        return 1 + more + 2 * same_figure if same_figure or enough else 0

    lo, hi = ctx.paragraph_range(claim.start, KIN_PARAGRAPHS, KIN_PARAGRAPHS) or (claim.start, claim.start + 1)

    def near(c: Claim) -> bool:
        return c.start is not None and lo <= c.start < hi

    cands = [c for c in statements if c.actor and c.id != claim.id and isinstance(c.value, dict)
             and not ctx.sources.same_side(c.actor, claim.actor) and _negated_verb(ctx, c) is None
             and not _overlaps(c, claim)]  # a quotation inside another repeats it, not answers it
    best = max(cands, key=score, default=None)
    return best if best is not None and score(best) else None


def _overlaps(a: Claim, b: Claim) -> bool:
    return None not in (a.start, a.end, b.start, b.end) and a.start < b.end and b.start < a.end

