"""Reports told inside a quotation (issue 15): the inner source's account is a claim of its own.

News often carries one source's account in another's words: '"A Bloomberg report on Oct. 4 cited 17
unidentified sources that claimed Chinese spies had placed chips ...," Rai reports', or '"Ippei told my
representatives that I paid off a friend's debt," Ohtani said'. Read as the outer speaker's statement only,
the inner account has no source of its own, so a denial of it ("Super Micro denied the allegations made
in the report") answers the relaying speaker instead, and the inner source's accounts never meet. This
finder yields the inner account as a statement of the inner source, carried by the quoted speaker (the
first of its `relays`)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from .. import lexicon as resources
from .find import Context, child, negated, span_of
from .targets import REPORT_NOUNS
from .text import content_lemmas
from ..model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Token

REPORTS = REPORT_NOUNS | {"investigation"}  # what an outlet publishes: "A Bloomberg report cited ..."
FIRST_PERSON = {"i", "we", "me", "us"}


def nested_claims(ctx: Context) -> Iterator[Claim]:
    verbs = resources.speech_verbs("clause")
    for q in ctx.sources.quotes:
        if not q.speaker or q.negated or q.kind == "indirect":
            continue  # an indirect quote is a clause the parser already gives its own speaker
        span = span_of(ctx.doc, q.start, q.end)
        if span is None:
            continue
        for verb in span:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs or negated(verb):
                continue
            content = _content(verb)
            who = _inner_source(ctx, child(verb, "nsubj"))
            if content is None or who is None or who == q.speaker or ctx.sources.same_side(who, q.speaker):
                continue
            tokens = list(content.subtree)
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            if not (q.start <= start and end <= q.end):
                continue
            claim = ctx.claim(actor=who, text=ctx.parsed.text[start:end], kind="statement",
                              value={"about": sorted(content_lemmas(tokens)), "quote_kind": "nested",
                                     "cue": verb.text}, quote=q.id, start=start, end=end)
            claim.relays = [q.speaker, *(r for r in claim.relays if r != q.speaker)]
            yield claim


def _content(verb: Token) -> Token | None:
    """What the inner source says: the verb's clause ("told them that ..."), or the clause of the sources
    it cites ("cited 17 sources that claimed ...")."""
    clause = child(verb, "ccomp")
    if clause is not None:
        return clause
    cited = child(verb, "dobj")
    for rel in (cited.subtree if cited is not None else ()):  # "17 sources from agencies that claimed ...'
        if rel.dep_ == "relcl" and (inner := child(rel, "ccomp")) is not None:
            return inner
    return None


def _inner_source(ctx: Context, subj: Token | None) -> str | None:
    """The named actor who speaks inside the quotation: a named subject, or the owner of "a Bloomberg
    report"; never a pronoun, whose antecedent (often the quoted speaker) is not resolved here."""
    if subj is None or subj.pos_ == "PRON" or subj.lower_ in FIRST_PERSON:
        return None
    if subj.lemma_.lower() in REPORTS:
        subj = child(subj, "poss") or next(
            (c for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    actor = ctx.sources.actor_of_token(subj) if subj is not None else None
    # a named one: "officials told him ..." inside a report is where the report comes from, not a side
    return actor if actor is not None and ctx.sources.actors[actor].kind != "unnamed" else None


def to_inner_accounts(ctx: Context, denials: list[Claim], statements: list[Claim]) -> None:
    """A denial aimed at a quotation that relays another source's account answers that source: "Super
    Micro denied the allegations made in the report" after '"A Bloomberg report cited sources that
    claimed ...," Rai reports' rejects Bloomberg's account, not Rai's."""
    inner: dict[str, list[Claim]] = {}
    for c in statements:
        if isinstance(c.value, dict) and c.value.get("quote_kind") == "nested" and c.quote:
            inner.setdefault(c.quote, []).append(c)
    if not inner:
        return
    by_id = {c.id: c for c in statements}
    for d in denials:
        target = by_id.get((d.value or {}).get("target")) if isinstance(d.value, dict) else None
        if target is None or not target.quote or (target.value or {}).get("quote_kind") == "nested":
            continue
        told = [c for c in inner.get(target.quote, []) if not ctx.sources.same_side(c.actor, d.actor)]
        if told:
            d.value.update(target=told[0].id, target_actor=told[0].actor,
                           targets=[c.id for c in told if c.actor == told[0].actor])
            d.event = d.event or told[0].event
