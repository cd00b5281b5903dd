"""Stage 5, the content of a cue: which tokens a reporting cue reports.

By the kind of cue: the clausal complement without "that" (found here, bounded in `clauses.py`), the
rest of the sentence for "according to X", the clause around a parenthetical, trailing or "as" cue,
the clause after a noun of report, what a stance adjective is about, the subject of a passive cue
with an agent, a gerund after a clause verb, or the object (`objects.py`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors import subject_of
from ..lexicon import wordset
from .marks import ALL_MARKS
from .context import Attribution, Context
from .bounds import cut_tail, trim
from .cues import (adjective_content, cue_lemmas, indirect_lemmas, labels_as_quoted, noun_object, object_lemmas,
                   sees_as, sentence_pp_cue)
from .objects import after_comma, calls_on, object_content, tells_story, tells_to
from .clauses import clause_content

if TYPE_CHECKING:
    from spacy.tokens import Token


def content_span(ctx: Context, att: Attribution) -> tuple[int, int] | None:
    """The (start, end) offsets of what a cue reports, or None; which tokens is decided by the kind of cue."""
    found = reported(ctx, att)
    return None if found is None else found[:2]


def reported(ctx: Context, att: Attribution) -> tuple[int, int, bool] | None:
    """(start, end, stance) of what a cue reports, or None. `stance` is True when the content is only a noun
    phrase or an infinitive, the object of a verb, noun or adjective of stance ("opposed the legislation",
    "announced a breakthrough", "her criticism of the plan"), not a reported proposition (a clause)."""
    tok = att.token
    if any(c.dep_ == "mark" and c.lower_ == "than" for c in tok.children):
        return None  # "three days later than the town has said": a comparison, however the parser hung it
    if sentence_pp_cue(att):
        return _clause(_rest_of_sentence(tok))
    if tok.pos_ == "ADJ" or (tok.dep_ == "attr" and tok.lemma_.lower() in wordset("stance_role_nouns.txt")):
        span = adjective_content(tok)
        return None if span is None else _stance(trim(tok.doc, *span))
    if tok.pos_ == "NOUN":
        span = _noun_content(tok)
        return _stance(span) if noun_object(tok) is not None and not _noun_clause(tok) else _clause(span)
    comp = _complement(tok)
    if comp is not None:
        return _clause(clause_content(tok, comp))
    if (tok.lemma_.lower() in object_lemmas() or tells_to(tok) or tells_story(tok) or labels_as_quoted(ctx, tok)
            or sees_as(tok)) \
            and not any(c.dep_ == "prt" and not calls_on(tok, c) for c in tok.children):
        span = object_content(tok)  # ("called off" is no report)
        if span is not None and span[1] <= tok.idx and tok.lemma_.lower() in indirect_lemmas():
            return _clause(span)  # "A house … exploded with firefighters inside, authorities said": a misparsed clause
        if span is not None:
            return _stance(span)
    if _as_clause(tok):
        # "…, as police have said." / "As the Courier reported, …": the clause the cue is hung on
        a, b, inside = _clause_around(tok)
        return None if inside else _clause(trim(tok.doc, a, b))
    trailing = _trailing_report(tok)
    if trailing is not None:
        return _clause(trailing)
    passive = _passive_subject(tok)
    if passive is not None:  # "Soothing words were offered by the mayor": a noun phrase, as an object is
        return _stance(passive)
    gerund = _gerund(tok)
    if gerund is not None:
        return _clause(gerund)
    if tok.dep_ in ("parataxis", "ccomp") and tok.head.i != tok.i:
        return _clause(_parenthetical_content(tok))
    return None


def _clause(span: tuple[int, int] | None) -> tuple[int, int, bool] | None:
    return None if span is None else (span[0], span[1], False)


def _stance(span: tuple[int, int] | None) -> tuple[int, int, bool] | None:
    return None if span is None else (span[0], span[1], True)


def _noun_clause(tok: Token) -> bool:
    return any(c.dep_ in ("acl", "ccomp", "relcl") for c in tok.children)


def _rest_of_sentence(tok: Token) -> tuple[int, int] | None:
    """"according to X", "in X's view": the longer side of the sentence around the phrase, or the whole
    sentence when the phrase stands between commas in it."""
    doc = tok.doc
    sent = tok.sent
    pp = _pp_extent(tok)
    if tok.head.i == tok.i and pp[1] >= sent.end - 2:
        return None
    lo, hi = sent.start, sent.end - 1
    left = (lo, pp[0] - 1)
    right = (pp[1] + 1, hi)
    left_n = left[1] - left[0] + 1
    right_n = right[1] - right[0] + 1
    a, b = left if left_n >= right_n else right
    if min(left_n, right_n) >= 4 and doc[pp[0] - 1].text == "," and pp[1] + 1 < len(doc) \
            and doc[pp[1] + 1].text == "," and doc[lo].is_sent_start and not doc[lo].is_punct:
        return trim(doc, lo, hi, cut=False)  # "The top 1 percent, according to X, would see …"
    return trim(doc, a, b)


def _noun_content(tok: Token) -> tuple[int, int] | None:
    """"Kade's claim that …": the clause after the noun; "her criticism of the plan": what it is about."""
    doc = tok.doc
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
    if clause is None:
        pobj = noun_object(tok)
        return None if pobj is None else trim(doc, pobj.left_edge.i, pobj.right_edge.i)
    a, b = clause.left_edge.i, clause.right_edge.i
    if doc[a].lower_ == "to":
        a += 1
    return trim(doc, a, b)


def _complement(tok: Token) -> Token | None:
    """The clause a verb reports: a clause after the cue is what was said; one before it only in "…, he
    said" (a misparse can hang an opening "While he acknowledged …" on the cue as well)."""
    lemma = tok.lemma_.lower()
    comps = [c for c in tok.children if c.dep_ == "ccomp"]
    comp = next((c for c in comps if c.i > tok.i), comps[0] if comps else None)
    if comp is not None and comp.i < tok.i and any(c.dep_ in ("xcomp", "dobj") and c.i > tok.i and not _addressee(tok, c)
                                                   and not after_comma(tok, c) for c in tok.children):
        comp = None  # "In his book, “Make Your Kid a Millionaire,” he suggested looking at …": what follows
    if comp is None and (lemma in indirect_lemmas() or lemma in object_lemmas()):
        comp = _misparsed_clause(tok)
    if comp is None and lemma in indirect_lemmas():
        comp = _that_clause_in_phrase(tok)
    if comp is None:
        comp = next((c for c in tok.children if c.dep_ in ("xcomp",) and c.lemma_ in ("be",)), None)
    return comp


def _parenthetical_content(tok: Token) -> tuple[int, int] | None:
    """"The informal document, he explained, was meant …" / "…, the newspaper reported.": a cue set in
    or after a clause reports the clause, when it is a short cue of its own."""
    doc = tok.doc
    head = tok.head
    if tok.dep_ == "ccomp" and head.lemma_.lower() in cue_lemmas() and head.i > tok.i:
        return None  # "He may add to his leadership, he said.": what was said, not a cue
    if head.pos_ not in ("VERB", "AUX") and not (head.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in head.children)) \
            and not (head.dep_ == "ROOT" and _set_off(tok)):
        return None  # ("…, he added, amount to …" with the verb tagged as a noun still has its subject)
    if tok.lemma_.lower() not in indirect_lemmas():
        return None  # "how long her brand of magic can continue": a cue only next to a quotation
    goes_on = [c for c in tok.children if c.dep_ == "conj" and c.i > tok.i and c.lemma_.lower() not in cue_lemmas()
               and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)]
    own_end = max([tok.i] + [c.right_edge.i for c in tok.children if c.dep_ not in ("conj", "cc", "punct")])
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
    own_start = subj.left_edge.i if subj is not None else tok.left_edge.i  # (not "At times last year, …")
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") and not _addressee(tok, c) for c in tok.children) \
            or own_end - own_start > 10:
        return None
    if goes_on and tok.left_edge.i > head.left_edge.i:
        # "He had no known affiliations, the airline added, and had passed all checks": the parser hung
        # the rest of the clause on the cue; it goes on with what was said
        return trim(doc, head.left_edge.i, goes_on[-1].right_edge.i)
    a, b, inside = _clause_around(tok)  # a cue inside the clause stays in it
    if inside and cut_tail(doc, a, b) <= tok.right_edge.i + 1 and tok.left_edge.i > a:
        return trim(doc, a, tok.left_edge.i - 1)  # "…, one of the people said, asking not to be named."
    return trim(doc, a, b)


def _set_off(tok: Token) -> bool:
    """The cue's own words stand between commas in the middle of the sentence ("The hashtag, Mr. Abboud said,
    accompanied …"), however the parser hung them."""
    doc = tok.doc
    own = [c for c in tok.children if c.dep_ != "punct"]
    a, b = min([tok.i] + [c.left_edge.i for c in own]), max([tok.i] + [c.right_edge.i for c in own])
    return a > tok.sent.start and doc[a - 1].text == "," and b + 1 < tok.sent.end - 1 and doc[b + 1].text == ","


def _addressee(tok: Token, c: Token) -> bool:
    """"The solution, the partner told them, was simple": whom one tells is not what is told."""
    return tok.lemma_.lower() == "tell" and c.dep_ in ("dobj", "dative") and c.lemma_.lower() not in wordset("told_nouns.txt")


def _passive_subject(tok: Token) -> tuple[int, int] | None:
    """"Her death was confirmed by the Eagle Forum": what a passive cue with an agent reports is its subject."""
    if any(c.dep_ == "agent" for c in tok.children):
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and subj.pos_ != "PRON" and subj.i < tok.i:
            return trim(tok.doc, subj.left_edge.i, subj.right_edge.i)
    return None


def _gerund(tok: Token) -> tuple[int, int] | None:
    """"Trump suggested boycotting Apple if …": a gerund after a clause verb is what was said."""
    doc = tok.doc
    if tok.lemma_.lower() in indirect_lemmas():
        gerund = next((c for c in tok.rights if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        if gerund is not None:
            return trim(doc, gerund.left_edge.i, gerund.right_edge.i)
    return None


def _trailing_report(tok: Token) -> tuple[int, int] | None:
    """"Sanders remains committed to the race, his top aide, Tad Devine, told The Huffington Post.": a
    reporting verb closing the sentence after a comma, with at most its addressee and a time after it,
    reports everything before the comma however the parser hung the two together."""
    if tok.lemma_.lower() not in indirect_lemmas() or any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return None
    subj = subject_of(tok)
    doc, sent = tok.doc, tok.sent
    if subj is None or subj.head.i != tok.i or tok.dep_ in ("relcl", "acl", "xcomp", "advcl") \
            or subj.lower_ in ("who", "which", "that"):
        return None
    if subj.i > tok.i:  # "…, said the company's chief executive, John J. Ferriola."
        first, rest = tok.i, []
    else:
        first = subj.left_edge.i
        rest = [t for t in doc[tok.i + 1:sent.end] if not t.is_punct and not t.is_space]
    if not rest and subj.i < tok.i and first - sent.start >= 3 and doc[first - 1].text == "," \
            and sent.text.rstrip().endswith(".") and not any(t.text in ALL_MARKS for t in doc[sent.start:sent.end]):
        return trim(doc, sent.start, first - 1)  # "People like Scott, he said.": the words before are what was said
    if first - sent.start < 4 or doc[first - 1].text != "," or len(rest) > 6 \
            or not sent.text.rstrip().endswith((".", "!", "?")) \
            or any(t.text in (",", ";", ":") for t in doc[tok.i + 1:sent.end]) and subj.i < tok.i \
            or any(t.text in ALL_MARKS for t in doc[first:sent.end]):
        return None
    # what comes before must be a clause of its own, not an opening phrase ("In a 1963 speech, he declared …")
    tops = [t for t in doc[sent.start:first - 1] if not (sent.start <= t.head.i < first - 1) or t.head.i == t.i]
    if not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("advcl", "prep", "pcomp")
               and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children) for t in tops):
        return None
    return trim(doc, sent.start, first - 1)


def _clause_around(tok: Token) -> tuple[int, int, bool]:
    """The clause a cue is hung on, without the cue's own clause when that opens or closes it;
    (start, end, whether the cue sits inside it)."""
    head = tok.head
    a, b = head.left_edge.i, head.right_edge.i
    ca, cb = tok.left_edge.i, tok.right_edge.i
    if cb >= b - 1:
        return a, ca - 1, False
    if ca <= a:
        return cb + 1, b, False
    return a, b, True


def _that_clause_in_phrase(tok: Token) -> Token | None:
    """"says in a statement that the race …", "said following a vote in 2001 that he had …": the parser
    hangs the "that" clause on a noun of the phrase between; it is what was said."""
    for c in tok.rights:
        if c.dep_ != "prep" and not (c.dep_ in ("dobj", "dative") and _addressee(tok, c)):
            continue  # ("told a meeting of island leaders that few people …": the clause hung on whom he told)
        for clause in c.subtree:
            if clause.dep_ in ("acl", "relcl", "ccomp") and clause.left_edge.lower_ == "that" \
                    and clause.left_edge.dep_ == "mark" and clause.head.pos_ in ("NOUN", "PROPN", "NUM") \
                    and clause.right_edge.i == clause.head.right_edge.i:  # the clause ends the noun's phrase
                return clause
    return None


def _misparsed_clause(tok: Token) -> Token | None:
    """"Trump said after the convention he would not accept …": with a phrase between the cue and
    the clause the parser may hang the clause on the cue as an adverbial; one with its own subject
    and no conjunction ("if", "when") is what was said, as is "called for the bonuses to be cut"."""
    for c in tok.rights:
        if c.dep_ == "advcl" and c.pos_ in ("VERB", "AUX") \
                and not any(m.dep_ == "mark" and m.lower_ != "for" or m.dep_ == "advmod" and m.lower_ in ("when", "while", "as")
                            for m in c.children) \
                and any(x.dep_ in ("nsubj", "nsubjpass") and x.i < c.i for x in c.children):
            return c
    return None


def _pp_extent(tok: Token) -> tuple[int, int]:
    """The tokens of "according to X" / "in X's view": up to the end of X's own phrase. The parser
    sometimes takes "According" for the root and hangs the rest of the sentence on X as an
    appositive; a comma after X's phrase then ends the cue."""
    a, b = tok.left_edge.i, tok.right_edge.i
    doc = tok.doc
    if tok.head.i == tok.i or tok.dep_ == "ROOT":
        noun = next((c for c in tok.subtree if c.dep_ == "pobj"), None)
        if noun is not None:
            stop = next((c.i for c in noun.children if c.dep_ in ("appos", "relcl") and c.i > noun.i), None)
            if stop is not None and doc[stop - 1].text == ",":
                return a, stop - 2
            comma = next((c.i for c in noun.rights if c.text == ","), None)
            if comma is not None:
                return a, comma - 1
    return a, b


def _as_clause(tok: Token) -> bool:
    """A reporting verb in an "as" clause of another verb ("…, as police have said")."""
    return (tok.dep_ == "advcl" and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX")
            and tok.lemma_.lower() in indirect_lemmas()
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children))

