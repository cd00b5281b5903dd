"""Denial claims (issue 5): a source rejecting another's claim ("dismissed this account", "denied that ...",
"rejected the ministry's claim that ..."), linked to the claim it rejects."""
from __future__ import annotations

from typing import Iterator

from . import resources
from .claims_find import PRONOUN_WORDS, Context, child, clause_subject, negated, np_text
from .claims_sources import OUTLET_HEADS
from .claims_text import content_lemmas, overlap, short
from .model import Claim


# ---------------------------------------------------------------- denials

def denial_claims(ctx: Context, statements: list[Claim]) -> Iterator[Claim]:
    cues = resources.wordset("claim_denial_cues.txt")
    falses = resources.wordset("claim_false_words.txt")
    for tok in ctx.doc:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in cues and not negated(tok):
            actor, quote = _denier(ctx, tok)
            if actor:
                yield from _denial_of(ctx, tok, actor, quote, statements)
        elif tok.lower_ in falses and tok.dep_ in ("acomp", "attr") and not negated(tok):
            subj = clause_subject(tok)
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
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and child(verb, "nsubj") is None:
        head = verb.sent.root  # "X shows that ..., contradicting ...": the participle's subject is X
    while head.dep_ in ("advcl", "conj", "xcomp") and child(head, "nsubj") is None:
        head = head.head
    subj = child(head, "nsubj")
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
    obj = obj if obj is not None else child(tok, "dobj")
    clause = child(tok, "ccomp")
    target, target_actor, about, obj_text = None, None, frozenset(), None
    since = _paragraphs_back(ctx, tok.idx, 2)
    statements = [c for c in statements if c.actor]  # a denial disputes a source, not the narrator
    earlier = [c for c in statements if c.actor != actor and c.start is not None and since <= c.start < tok.idx]
    content = next((c for c in obj.children if c.dep_ in ("acl", "relcl", "ccomp")), None) if obj is not None else None
    pointing = obj is not None and (child(obj, "poss") is not None or any(
        c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those", "the", "such") for c in obj.children))
    if obj is not None and obj.lower_ in accounts and content is not None:  # "denied reports that ..."
        clause = content
        poss = child(obj, "poss")
        owner = ctx.sources.actor_of_token(poss) if poss is not None else None
        if owner and owner != actor:  # "rejected the ministry's claim that ...": both sides in one sentence
            yield from _owned_denial(ctx, tok, actor, quote, owner, content, statements)
            return
    if obj is not None and obj.lower_ in accounts and content is None:
        if not pointing:  # "denied allegations" in general points at no claim
            return
        obj_text = np_text(obj)
        poss = child(obj, "poss") or next((c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        owner = ctx.sources.actor_of_token(poss) if poss is not None else None
        kinds = {a.id: a.kind for a in ctx.analysis.actors}
        outlet_word = poss is not None and poss.lemma_.lower() in OUTLET_HEADS
        named = poss is not None and not outlet_word  # "the AP report", "Smith's account": that owner's only
        pools = ([c for c in earlier if c.actor == owner] if owner else [],
                 [c for c in earlier if kinds.get(c.actor) == "outlet"] if outlet_word else [],
                 [] if named else earlier)
        pool = next((p for p in pools if p), [])
        demonstrative = any(c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those", "such")
                            for c in obj.children)
        if poss is None and not demonstrative:  # "denied the charges": only charges the sentence speaks of
            said = content_lemmas(t for t in tok.sent if t.i != obj.i and t.i != tok.i)
            pool = [c for c in pool if overlap(said, c.value.get("about", []))]
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
