"""Denial claims (issue 5): a source rejecting another's claim ("dismissed this account", "denied that ...",
"rejected the ministry's claim that ...", "the union's claims were untrue", "The council disputes that.",
"'That is not true,' she said"), linked to the claim it rejects (`target`, with the rest of that source's
account in `targets`) and to what the denier offers against it in the next sentence (`support`)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from .. import lexicon as resources
from .targets import (BLAME_NOUNS, REPORT_NOUNS, answered_account, blaming, named_accuser, nearest_account,
                      reported_account)
from .find import PRONOUN_WORDS, Context, child, clause_subject, negated, np_text
from .sources import OUTLET_HEADS
from .text import content_lemmas, overlap, short, stems, subtree_text
from ..model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Token


# ---------------------------------------------------------------- denials

POINTERS = {"that", "this", "these", "those"}
LIE_WORDS = {"lie": "lying", "mislead": "misleading", "deceive": "deceiving"}  # how a summary calls it


def denial_claims(ctx: Context, statements: list[Claim]) -> Iterator[Claim]:
    cues = resources.wordset("claim_denial_cues.txt")
    falses = resources.wordset("claim_false_words.txt")
    for tok in ctx.doc:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in cues and child(tok, "agent") is not None:
            yield from _passive_denial(ctx, tok, statements)  # "a claim refuted by the ministry"
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in cues and not negated(tok):
            actor, quote = _denier(ctx, tok)
            if actor and _points_back(tok):
                yield from _pointed_denial(ctx, tok, actor, quote, statements)
            elif actor:
                yield from _denial_of(ctx, tok, actor, quote, statements)
        elif tok.lower_ in falses and tok.dep_ in ("acomp", "attr") and not negated(tok):
            subj = clause_subject(tok)
            src = ctx.sources.at(tok.idx, tok.idx + len(tok))
            if subj is not None and src.actor and subj.lower_ in resources.wordset("claim_account_nouns.txt"):
                yield from _denial_of(ctx, tok, src.actor, src.quote, statements, obj=subj, called=tok.text)
            elif subj is not None and src.actor and _bare_pointer(subj):  # "That is simply false," she said.
                yield from _pointed_denial(ctx, tok, src.actor, src.quote, statements, called=tok.text)
            elif subj is not None and src.actor:  # "The Gazette is wrong": the source itself called wrong
                yield from _source_denial(ctx, tok, src.actor, src.quote, subj, statements, called=tok.text)
        elif _lie_told(tok):  # "Reuters is lying", "No 10 did not tell the truth"
            src = ctx.sources.at(tok.idx, tok.idx + len(tok))
            subj = clause_subject(tok)
            if subj is not None and src.actor:
                yield from _source_denial(ctx, tok, src.actor, src.quote, subj, statements,
                                          called=LIE_WORDS.get(tok.lemma_.lower(), "not truthful"))
        elif tok.lower_ in resources.wordset("claim_true_words.txt") and tok.dep_ in ("acomp", "attr") \
                and negated(tok):  # "That is not true."
            subj = clause_subject(tok)
            src = ctx.sources.at(tok.idx, tok.idx + len(tok))
            if subj is not None and src.actor and _bare_pointer(subj):
                yield from _pointed_denial(ctx, tok, src.actor, src.quote, statements, called="not " + tok.text)
            elif subj is not None and src.actor and subj.lower_ in resources.wordset("claim_account_nouns.txt"):
                # "the reports are not accurate": the reports' owner's account
                yield from _denial_of(ctx, tok, src.actor, src.quote, statements, obj=subj, called="not " + tok.text)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in ("cast", "raise", "throw") and \
                (doubted := _doubt_on(tok)) is not None:
            actor, quote = _denier(ctx, tok)  # "Musk quickly cast doubt on the claims made by the report"
            if actor:
                yield from _denial_of(ctx, tok, actor, quote, statements, obj=doubted, called="doubtful")
        elif tok.lower_ == "truth" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            yield from _no_truth(ctx, tok, statements)  # "There is no truth to the report"
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in resources.wordset("claim_rebuke_verbs.txt") and not negated(tok) \
                and (obj := child(tok, "dobj")) is not None and obj.lower_ in resources.wordset("claim_account_nouns.txt"):
            actor, quote = _denier(ctx, tok)  # "condemned the Wall Street Journal report"
            if actor:
                yield from _denial_of(ctx, tok, actor, quote, statements, obj=obj)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in resources.wordset("claim_calling_verbs.txt"):
            called = _called_account_false(tok)  # "Musk called the report 'false'"
            if called is not None:
                actor, quote = _denier(ctx, tok)
                if actor:  # the account noun as a compound ("the report propaganda") keeps its article
                    yield from _denial_of(ctx, tok, actor, quote, statements, obj=called[0], called=called[1],
                                          definite=called[0].dep_ == "compound")


def _lie_told(tok: Token) -> bool:
    """A verb that says its subject tells untruths: "is lying", "lied", "misled", or "did not tell the truth"."""
    if tok.pos_ != "VERB":
        return False
    if tok.lemma_.lower() in ("mislead", "deceive") and not negated(tok):
        return True  # "the Teamsters have continued to mislead the public"
    if tok.lemma_.lower() == "lie" and tok.tag_ in ("VBG", "VBD", "VBZ") and not negated(tok):
        return not any(c.dep_ == "prep" and c.lower_ in ("on", "in", "down", "low", "at") for c in tok.children) \
            and not any(c.dep_ == "prt" for c in tok.children)  # "lay on the floor", "lying low": no lie told
    return tok.lemma_.lower() == "tell" and negated(tok) and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "truth" for c in tok.children)


def _source_denial(ctx: Context, tok: Token, actor: str, quote: str | None, subj: Token,
                   statements: list[Claim], called: str):
    """A source called a liar or wrong by another ("Reuters is lying (again)," Musk wrote): the denial
    rejects the account of the source it names, its latest claim before (else its first after) in the
    article, with the rest of that run of its claims."""
    if subj.lower_ in PRONOUN_WORDS:
        return  # "he is lying": who is meant is not resolved here
    owner = ctx.sources.actor_of_token(subj)
    if owner is None and subj.pos_ == "NOUN":
        owner = ctx.sources.actor_by_head(subj)  # "the union has continued to mislead": the dockers' union
    if owner is None or owner == actor or ctx.sources.speaks_for(actor, owner):
        return
    own = [c for c in statements if c.actor and (c.actor == owner or ctx.sources.speaks_for(c.actor, owner))
           and c.start is not None]
    before = [c for c in own if c.start < tok.idx]
    target = before[-1] if before else (own[0] if own else None)
    sent = tok.sent
    yield ctx.claim(actor=actor, text=short(sent.text, 300), kind="denial", event=target.event if target else None,
                    quote=quote, polarity=False,
                    value={"target": target.id if target else None, "target_actor": owner,
                           "targets": _run_of(ctx, target, statements) if target else [],
                           "support": _support(ctx, sent, actor, owner, statements),
                           "object": np_text(subj), "called": called, "about": []},
                    start=sent.start_char, end=sent.end_char)


def _made_by(clause) -> Token | None:
    """'claims made by the report', 'allegations published by the Gazette': the maker after 'by'."""
    if clause is None or clause.dep_ != "acl" or clause.tag_ != "VBN":
        return None
    agent = child(clause, "agent")
    return child(agent, "pobj") if agent is not None else None


def _doubt_on(verb: Token) -> Token | None:
    """'cast doubt on the claims', 'raised doubts over the report': the account noun doubted."""
    if not any(c.dep_ == "dobj" and c.lemma_.lower() == "doubt" for c in verb.children):
        return None
    for holder in [verb, *[c for c in verb.children if c.dep_ == "dobj"]]:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "over", "about"):
                obj = child(prep, "pobj")
                if obj is not None and obj.lower_ in resources.wordset("claim_account_nouns.txt"):
                    return obj
    return None


def _no_truth(ctx: Context, tok: Token, statements: list[Claim]):
    """"There is no truth to the report", "no truth in these claims": the speaker denies the account
    named after 'to' / 'in'; with none named, the account just told (a bare 'that')."""
    src = ctx.sources.at(tok.idx, tok.idx + len(tok))
    if not src.actor:
        return
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "in")), None)
    obj = child(prep, "pobj") if prep is not None else None
    if obj is not None and obj.lower_ in resources.wordset("claim_account_nouns.txt"):
        yield from _denial_of(ctx, tok, src.actor, src.quote, statements, obj=obj, called="untrue")
    elif obj is None or obj.lower_ in POINTERS | {"it"}:
        yield from _pointed_denial(ctx, tok, src.actor, src.quote, statements, called="untrue")


def _owner_by(obj: Token) -> Token | None:
    """'a report by the Wall Street Journal', 'claims in the Times', 'the story from Reuters': the
    proper noun after by / in / from on an account noun."""
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "in", "from"):
            pobj = child(prep, "pobj")
            if pobj is not None and pobj.pos_ == "PROPN":
                return pobj
    return None


def _called_account_false(verb: Token) -> tuple[Token, str] | None:
    """'called the report "false"', 'labelled the story fake news': (the account noun, the false word)."""
    obj = child(verb, "dobj")
    falses = resources.wordset("claim_false_words.txt")
    accounts = resources.wordset("claim_account_nouns.txt")
    if obj is not None and obj.lower_ in falses:  # "called the report propaganda", parsed as one noun phrase
        inner = next((c for c in obj.children if c.dep_ == "compound" and c.lower_ in accounts), None)
        return (inner, obj.text) if inner is not None else None
    if obj is None or obj.lower_ not in accounts:
        return None
    for c in verb.children:
        if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp", "advcl", "attr") or (c.dep_ == "prep" and c.lower_ == "as"):
            word = next((t for t in c.subtree if t.lower_ in falses), None)
            if word is not None:
                return obj, word.text
    word = next((t for t in obj.subtree if t.lower_ in falses and t.dep_ in ("amod", "appos")), None)
    return (obj, word.text) if word is not None else None


def _passive_denial(ctx: Context, verb: Token, statements: list[Claim]):
    """'a claim refuted by the ministry', 'The account was disputed by the union': the denier is the
    agent; what is denied is the noun the participle is said of (an account noun with its owner)."""
    agent = child(verb, "agent")
    by = child(agent, "pobj") if agent is not None else None
    actor = ctx.sources.actor_of_token(by) if by is not None else None
    if actor is None:
        return
    said = verb.head if verb.dep_ in ("acl", "relcl") else child(verb, "nsubjpass")
    if said is None or said.lower_ not in resources.wordset("claim_account_nouns.txt"):
        return
    if said.dep_ == "appos" and not any(c.dep_ == "poss" for c in said.children):
        # "X reported that ..., a claim refuted by Y": the claim is what the sentence just reported
        sent = verb.sent
        told = [c for c in statements if c.actor and c.actor != actor and c.start is not None
                and sent.start_char <= c.start < said.idx]
        if told:
            target = told[-1]
            yield ctx.claim(actor=actor, text=short(sent.text, 300), kind="denial", event=target.event,
                            polarity=False, value={"target": target.id, "target_actor": target.actor,
                                                   "targets": [target.id], "support": [], "object": np_text(said),
                                                   "called": None, "about": []},
                            start=sent.start_char, end=sent.end_char)
        return
    yield from _denial_of(ctx, verb, actor, None, statements, obj=said)


def _bare_pointer(subj) -> bool:
    """'That' / 'this' alone as the subject, opening its clause: the words it points back to."""
    return subj.lower_ in POINTERS and not list(subj.children) and subj.i == subj.sent.start + sum(
        1 for t in subj.sent if t.i < subj.i and (t.is_punct or t.is_space))


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
        # "X shows that ..., contradicting ...": the participle's subject is X, the subject of the verb it
        # hangs from ("Bolton wrote, slightly contradicting ..."), else of the sentence
        head = verb.head
        while head.dep_ != "ROOT" and any(c.dep_ == "mark" for c in head.children):
            head = head.head  # out of a that-clause: "Video shows that Cole had his hands up, contradicting ..."
        head = head if child(head, "nsubj") is not None else verb.sent.root
    while head.dep_ in ("advcl", "conj", "xcomp") and child(head, "nsubj") is None:
        head = head.head
    subj = child(head, "nsubj")
    inside = ctx.sources.quote_covering(verb.idx, verb.idx + len(verb))
    if subj is None:
        # "Poroshenko responded by flatly denying Russia's claims": the reported words' speaker denies
        in_words = inside is not None and inside.speaker and inside.kind != "direct"
        return (inside.speaker, inside.id) if in_words else (None, None)
    if subj.lower_ in ("i", "we") and inside is not None:
        return inside.speaker, inside.id
    if inside is not None and subj.lower_ in PRONOUN_WORDS:
        return None, None
    actor = ctx.sources.actor_of_token(subj)
    if actor is None and subj.lemma_.lower() in resources.wordset("claim_remark_nouns.txt") and \
            all(c.dep_ != "poss" or c.lower_ in ("his", "her", "its", "their") for c in subj.children):
        said = _latest_said(ctx, verb.sent.start_char)  # "The statement directly contradicts Trump's announcement"
        return (said.speaker, said.id) if said is not None else (None, None)
    return actor, inside.id if inside is not None else None


def _latest_said(ctx: Context, offset: int):
    """The latest attributed quote ending before `offset`, within the paragraph before or this one:
    what "the statement" or "his remarks" opening the next sentence refers to."""
    since = _paragraphs_back(ctx, offset, 1)
    said = [q for q in ctx.sources.quotes if q.speaker and since <= q.start and q.end <= offset]
    return max(said, key=lambda q: q.end, default=None)


def _denial_of(ctx: Context, tok, actor: str, quote: str | None, statements: list[Claim], obj=None,
               called: str | None = None, definite: bool = False):
    accounts = resources.wordset("claim_account_nouns.txt")
    obj = obj if obj is not None else child(tok, "dobj")
    clause = child(tok, "ccomp")
    target, target_actor, about, obj_text = None, None, frozenset(), None
    several: list[str] = []
    since = _paragraphs_back(ctx, tok.idx, 2)
    statements = [c for c in statements if c.actor]  # a denial disputes a source, not the narrator
    other = [c for c in statements if not ctx.sources.same_side(c.actor, actor)]  # not its own spokesman's
    earlier = [c for c in other if c.start is not None and since <= c.start < tok.idx]
    content = next((c for c in obj.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i != tok.i), None) \
        if obj is not None else None  # not the denial itself: "a claim refuted by the ministry"
    made_by = _made_by(content)
    if made_by is not None:  # "the claims made by the report": whose they are, not what they say
        content = None
    pointing = obj is not None and (definite or child(obj, "poss") is not None or any(
        c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those", "the", "such") for c in obj.children))
    if obj is not None and obj.lower_ in accounts and content is not None:  # "denied reports that ..."
        clause = content
        poss = child(obj, "poss") or _owner_by(obj) or next(
            (c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)  # "a Bloomberg report that
        owner = ctx.sources.actor_of_token(poss) if poss is not None else None
        if owner and owner != actor:  # "rejected the ministry's claim that ...": both sides in one sentence
            yield from _owned_denial(ctx, tok, actor, quote, owner, content, statements)
            return
    if obj is not None and obj.lower_ in accounts and content is None:
        if not pointing:  # "denied allegations" in general points at no claim
            return
        obj_text = np_text(obj)
        poss = child(obj, "poss") or next((c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None) \
            or _owner_by(obj) or (made_by if made_by is not None and made_by.pos_ == "PROPN" else None)
        owner = ctx.sources.actor_of_token(poss) if poss is not None else None
        if owner is None and poss is not None:
            owner = ctx.sources.actor_by_head(poss)  # "the union's claims": the pilots' union
        kinds = {a.id: a.kind for a in ctx.analysis.actors}
        outlet_word = poss is not None and poss.lemma_.lower() in OUTLET_HEADS
        named = poss is not None and not outlet_word  # "the AP report", "Smith's account": that owner's only
        pools = ([c for c in earlier if c.actor == owner] if owner else [],
                 [c for c in earlier if kinds.get(c.actor) == "outlet"] if outlet_word else [],
                 [] if named else earlier)
        if owner:  # "the union's claims": the union's, or those of who speaks for it (its chair)
            pools = ([c for c in earlier if ctx.sources.same_side(c.actor, owner)],) + pools[1:]
            # "contradicts Trump's announcement": the owner's account told further up, else just after
            told = [c for c in statements if c.actor == owner and c.start is not None and c.actor != actor]
            pools += ([c for c in told if c.start < tok.idx],
                      [c for c in told if tok.sent.start_char <= c.start < tok.sent.end_char],
                      # "dismissed the WSJ report as misleading", the report told further down
                      [c for c in told if c.start >= tok.sent.end_char][:1])
        pool = next((p for p in pools if p), [])
        demonstrative = any(c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those", "such")
                            for c in obj.children)
        if poss is None and not demonstrative:  # "denied the charges": only charges the sentence speaks of
            denier = child(tok, "nsubj")
            who = {t.i for t in denier.subtree} if denier is not None else set()
            said = content_lemmas(t for t in tok.sent if t.i != obj.i and t.i != tok.i and t.i not in who)
            if said:  # "But No.10 disputed the account.": the one just given
                talked = [c for c in pool if overlap(said, c.value.get("about", []))]
                # "called the report false": when nothing else ties it, the report is an outlet's
                of_report = obj.lemma_.lower() in REPORT_NOUNS or (made_by is not None and made_by.lemma_.lower() in REPORT_NOUNS)
                reports = [c for c in pool if kinds.get(c.actor) == "outlet"] if of_report else []
                # "The Sunday Times reported that ... He did not respond to the BBC but denied the
                # allegations": with no word tying them, the allegations are those told just before
                recent = [c for c in pool if c.start >= _paragraphs_back(ctx, tok.idx, 0)] \
                    if obj.tag_ in ("NNS", "NNPS") else []
                pool = talked or reports or recent
            elif obj.tag_ in ("NNS", "NNPS"):  # "He denied the allegations.": those just told, next to it
                near = _paragraphs_back(ctx, tok.idx, 1)
                pool = [c for c in pool if c.start >= near]
        if pool:
            target = pool[-1]
            if obj.tag_ in ("NNS", "NNPS"):  # "the union's claims": all it said in that run
                several = _run_of(ctx, target, statements)
    elif clause is not None:
        about = content_lemmas(clause.subtree)
        obj_text = subtree_text(clause)
        # a denial answers what was said before it ("… reported that X. Her team denied that X"), not a
        # claim made further on by someone else
        before = [c for c in other if c.start is not None and c.start < tok.sent.end_char]
        target = _best_overlap(about, before, minimum=2,
                               verb=clause.lemma_.lower() if clause.pos_ in ("VERB", "AUX") else None) \
            or answered_account(ctx, about, obj_text, actor, statements, tok.sent.start_char)
        if target is None and obj is not None and obj.lemma_.lower() in REPORT_NOUNS:
            target = reported_account(ctx, about, other)  # "denied a report that ...": the reporter's account
    elif obj is not None and obj.lemma_.lower() in BLAME_NOUNS:
        obj_text = np_text(obj)  # "denied responsibility for the attack": the account that blames it
        target = blaming(ctx, actor, [c for c in statements if not ctx.sources.same_side(c.actor, actor)]
                         + [c for c in ctx.found if c.kind == "cause"])
    else:
        return
    if target is None and (accuser := named_accuser(ctx, tok, actor)) is not None:
        yield from _owned_denial(ctx, tok, actor, quote, *accuser, statements)  # "..., after NBC reported that ..."
        return
    if target is None:
        target = nearest_account(ctx, tok, other)
    if target is not None:
        target_actor = target.actor
    sent = tok.sent
    yield ctx.claim(actor=actor, text=short(sent.text, 300), kind="denial", event=target.event if target else None,
                    quote=quote, polarity=False,
                    value={"target": target.id if target else None, "target_actor": target_actor,
                           "targets": several or ([target.id] if target else []),
                           "support": _support(ctx, sent, actor, target_actor, statements),
                           "object": obj_text, "called": called, "about": sorted(about)},
                    start=sent.start_char, end=sent.end_char)


def _points_back(verb) -> bool:
    """'disputes that.', 'dismissed that as "fiction"', 'rejects this as nonsense', 'denied it': the verb's
    object is a bare 'that'/'this' (the parser may hang it elsewhere: read the words after the verb)."""
    doc = verb.doc
    # "denied it" too, for the verbs whose object can only be a claim (claim_denial_pointed.txt)
    pointers = POINTERS | ({"it"} if verb.lemma_.lower() in resources.wordset("claim_denial_pointed.txt") else set())
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ not in pointers:
        return False
    if verb.dep_ != "ROOT" or any(t.text == "," for t in doc[verb.sent.start:verb.i]):
        return False  # "..., although Israel disputes this": 'this' is the sentence's own clause
    pointer = doc[verb.i + 1]
    after = doc[pointer.i + 1] if pointer.i + 1 < len(doc) else None
    if pointer.dep_ == "dobj" and not list(pointer.children):
        return True
    return after is None or after.is_punct or (after.lower_ == "as" and after.head.i == verb.i)


def _pointed_denial(ctx: Context, tok, actor: str, quote: str | None, statements: list[Claim],
                    called: str | None = None):
    """"The council disputes that.", "The Kremlin dismissed that as 'fiction.'", "'That is not true,' she
    said": the denial points at what the sentence before it reports. That report must be another named
    source's; its source's claims in the run of sentences that ends there are the denied account, the
    first of them its head. 'dismiss' and 'reject' point at a claim only when they call it false ("as
    fiction"): one can reject a proposal."""
    if called is None:
        called = _called_false(tok)
        if tok.lemma_.lower() not in resources.wordset("claim_denial_pointed.txt") and called is None:
            return
    sent = tok.sent
    targets = _previous_claims(ctx, sent, actor, statements)
    if not targets:
        return
    target = targets[0]
    yield ctx.claim(actor=actor, text=short(sent.text, 300), kind="denial", event=target.event,
                    quote=quote, polarity=False,
                    value={"target": target.id, "target_actor": target.actor, "targets": [c.id for c in targets],
                           "support": _support(ctx, sent, actor, target.actor, statements),
                           "object": None, "called": called, "about": []},
                    start=sent.start_char, end=sent.end_char)


def _called_false(verb) -> str | None:
    """'dismissed that as "fiction"', 'rejected this as false': the false word, else None."""
    falses = resources.wordset("claim_false_words.txt")
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            word = next((t for t in prep.subtree if t.lower_ in falses), None)
            if word is not None:
                return word.text
    return None


def _sentence_index(ctx: Context, offset: int) -> int | None:
    return next((i for i, s in enumerate(ctx.sents) if s.start_char <= offset < s.end_char), None)


def _neighbour(ctx: Context, sent, step: int):
    """The sentence before (step -1) or after (+1), passing over stray marks and blank lines."""
    i = _sentence_index(ctx, sent.start_char)
    if i is None:
        return None
    i += step
    while 0 <= i < len(ctx.sents):
        if any(t.is_alpha for t in ctx.sents[i]):
            return ctx.sents[i]
        i += step
    return None


def _claims_in(sent, statements: list[Claim]) -> list[Claim]:
    return [c for c in statements if c.start is not None and c.end is not None
            and c.start < sent.end_char and sent.start_char < c.end]


def _previous_claims(ctx: Context, sent, actor: str, statements: list[Claim]) -> list[Claim]:
    """The claims a pointing denial ("disputes that") rejects: those of the source of the sentence
    just before (in this paragraph or the one before it), with that source's claims in the sentences
    before it in the same paragraph; none when that sentence is the narrator's or the denier's own."""
    prev = _neighbour(ctx, sent, -1)
    if prev is None or prev.start_char < _paragraphs_back(ctx, sent.start_char, 1):
        return []
    named = [c for c in _claims_in(prev, statements) if c.actor]
    if not named:
        return []
    last = max(named, key=lambda c: c.start)
    if last.actor == actor or ctx.sources.speaks_for(last.actor, actor, _quote(ctx, last)):
        return []
    return [c for c in statements if c.id in _run_of(ctx, last, statements)]


def _run_of(ctx: Context, claim: Claim, statements: list[Claim]) -> list[str]:
    """Ids of the claims by the same source in its paragraph's sentences up to this claim's, back to
    the first sentence another named source speaks in."""
    block = ctx.parsed.block_at(claim.start)
    i = _sentence_index(ctx, claim.start)
    if i is None:
        return [claim.id]
    out: list[Claim] = []
    while i >= 0 and (block is None or ctx.sents[i].start_char >= block.start):
        here = _claims_in(ctx.sents[i], statements)
        if any(c.actor and c.actor != claim.actor for c in here) and out:
            break
        out = [c for c in here if c.actor == claim.actor and c.start <= claim.start and c not in out] + out
        i -= 1
    return [c.id for c in out] or [claim.id]


def _support(ctx: Context, sent, denier: str, target_actor: str | None, statements: list[Claim]) -> list[str]:
    """What the denier offers against the claim: the claims of the sentence right after the denial, in
    its paragraph, by the denier or by who speaks for it ("A council spokesman said officials had met
    traders twice"; "Its spokesman said the inspection had lasted no more than six hours")."""
    nxt = _neighbour(ctx, sent, 1)
    block = ctx.parsed.block_at(sent.start_char)
    if nxt is None or (block is not None and nxt.start_char >= block.end):
        return []
    refusals = resources.wordset("claim_refusal_verbs.txt")
    if nxt.root.lemma_.lower() in refusals:
        return []  # "She declined to discuss the findings, saying the company would comment later"
    return [c.id for c in _claims_in(nxt, statements) if c.actor and c.actor != target_actor
            and ctx.sources.speaks_for(c.actor, denier, _quote(ctx, c)) and not _forecast_of(ctx, c)]


def _forecast_of(ctx: Context, claim: Claim) -> bool:
    """A claim about what will or would be ('would comment once it had seen the report') offers no
    fact against another's."""
    words = resources.wordset("claim_forecast_words.txt") | {"will", "shall"}
    span = ctx.doc.char_span(claim.start, claim.end, alignment_mode="expand")
    return span is not None and any(t.dep_ == "aux" and t.lower_ in words for t in span)


def _quote(ctx: Context, claim: Claim):
    return next((q for q in ctx.sources.quotes if q.id == claim.quote), None) if claim.quote else None


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
    scored = [(overlap(about, c.value.get("about", [])), -(c.start or 0), c) for c in claims if c.value]
    scored = [s for s in scored if s[0] >= minimum
              and (verb is None or stems([verb]) <= stems(s[2].value.get("about", [])))]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _paragraphs_back(ctx: Context, offset: int, n: int) -> int:
    """Where the paragraph `n` paragraphs before the one holding `offset` starts."""
    found = ctx.paragraph_range(offset, n)
    return found[0] if found is not None else 0
