"""Stage 5, a reported clause: where the clause a verb reports begins and ends.

It decides that the clause starts at its first word (or after a "that" set off by commas, or at the
subject of a misparsed clause) and runs on through what the parser cut off it — a clause beside it, a
conjunct with the "would" of reported speech, a subordinate clause, a colon, a second "that" clause, a
conjunct carrying quoted words — and stops before a conjunct that reports on its own.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors import continues_clause, subject_of
from .marks import ALL_MARKS
from .bounds import trim
from .cues import cue_lemmas, indirect_lemmas, object_lemmas, reports_a_clause

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def clause_content(tok: Token, comp: Token) -> tuple[int, int] | None:
    """The reported clause, from its first word (or its "that") to its end, through what the parser cut
    off it, and not past a conjunct that reports on its own."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    if lemma not in indirect_lemmas() and not reports_a_clause(tok) \
            and not (lemma in object_lemmas() and comp.i > tok.i and comp.pos_ in ("VERB", "AUX")):
        # ("called for X to be clawed back" reports; "refers to it with the marks audible" does not)
        return None
    comps = [c for c in tok.children if c.dep_ == "ccomp"]
    a, b = comp.left_edge.i, comp.right_edge.i
    # "discovered that attempts … | were made by …": a misparse cuts one clause into two, side by side
    b = max([b] + [c.right_edge.i for c in comps if c.i > comp.i and c.left_edge.i == b + 1
                   and c.lemma_.lower() not in cue_lemmas()])  # (not "…, and three-quarters said the same")
    mark = next((m for m in comp.children if m.dep_ == "mark" and m.lower_ == "that" and m.i > a), None)
    if mark is not None and any(t.text == "," for t in doc[a:mark.i]):
        a = mark.i  # "reported, citing an internal memo, that the repairs …": what was reported follows "that"
    if comp.dep_ == "advcl":  # the misparsed clause: from its subject on, not the phrase before it
        a = next(x for x in comp.children if x.dep_ in ("nsubj", "nsubjpass")).left_edge.i
    b = _before_reporting_conjunct(comp, b)
    b = _before_reporting_relative(comp, b)
    b = _through_colon(doc, _through_advcl(tok, _through_reported_modal(tok, b)), tok.i)
    b = _second_that_clause(tok, b)
    if a < tok.i < comp.i and doc[a].lower_ in ("which", "that", "what", "who"):
        a = tok.i + 1  # "donations, which he said were tied to favours": what he said follows the cue
    subj = subject_of(tok)
    if subj is not None and a <= subj.i <= b:
        return None
    if comp.i < tok.i:  # "…, the agency said in a report, and the bottom fifth paid …"
        b = _content_after_aside(tok, b)
        a = _first_conjunct(tok, a)
    else:  # "said he had offers, but “the offers were …”"
        b = _quoted_conjunct(tok, b)
    return trim(doc, a, b)


def _before_reporting_conjunct(comp: Token, b: int) -> int:
    """"… was likely to be “indefinite” and insisted that …": a reporting conjunct ends the clause."""
    for c in comp.children:
        if c.dep_ == "conj" and c.i > comp.i and _reports_on_its_own(c) and subject_of(c) is not None \
                and not any(m.dep_ == "mark" for m in c.children) and not continues_clause(c):
            # ("… but that it would add …", "… and had shown remorse" go on)
            cc = [x.i for x in comp.children if x.dep_ == "cc" and comp.i < x.i < c.i]
            return (cc[-1] if cc else c.left_edge.i) - 1
    return b


def _before_reporting_relative(comp: Token, b: int) -> int:
    """"said Ghasemi had lowered the margins, which the company called “falsehoods”": a relative clause after
    a comma at the end, whose verb reports with a subject of its own, is another voice answering the first."""
    doc = comp.doc
    for t in comp.subtree:
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # (the relative is what the verb reports on, its object: "which he said was …" stays the first voice's)
        if t.dep_ == "relcl" and t.right_edge.i >= b - 1 and _reports_on_its_own(t) and subj is not None \
                and any(c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in t.children) \
                and doc[t.left_edge.i - 1].text == ",":
            return t.left_edge.i - 2
    return b


def _reports_on_its_own(c: Token) -> bool:
    """A verb joined to a reported clause that reports in its turn: a verb of saying, or a past-tense verb
    with an object ("said he'd battled pneumonia and called it a common ailment")."""
    return c.lemma_.lower() in indirect_lemmas() or (c.lemma_.lower() in object_lemmas() and c.tag_ in ("VBD", "VBZ"))


REPORTED_MODALS = frozenset({"would", "could", "might", "should"})


def _through_reported_modal(tok: Token, b: int) -> int:
    """"said she hoped to get her account back, and then would continue to …": a conjunct of the cue with no
    subject of its own and the "would" of reported speech goes on with what was said."""
    if tok.tag_ != "VBD":
        return b
    for c in tok.rights:
        if c.dep_ == "conj" and c.i > b and not any(x.dep_ == "ccomp" for x in c.children) \
                and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children) \
                and any(x.dep_ == "aux" and x.lower_ in REPORTED_MODALS for x in c.children):
            b = c.right_edge.i
        elif c.dep_ == "conj" and c.i > b and _backshifted_clause(c) \
                and all(t.is_punct or t.dep_ == "cc" for t in tok.doc[b + 1:c.left_edge.i]):
            b = c.right_edge.i  # "said there had been a breakthrough and there was a deal on the table"
    return b


BACKSHIFT_AUX = REPORTED_MODALS | {"had"}


def _backshifted_clause(c: Token) -> bool:
    """A clause the parser joined to a past cue that reads as more of what was said: its own subject,
    no verb of saying, and the tense of reported speech ("would", "had") or an existential "there was"
    (not "…, and the crowd cheered")."""
    if c.pos_ not in ("VERB", "AUX") or c.lemma_.lower() in cue_lemmas():
        return False
    subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None or any(x.dep_ == "ccomp" for x in c.children):
        return False
    if any(t.lemma_.lower() in cue_lemmas() and t.pos_ == "VERB" and any(x.dep_ == "ccomp" for x in t.children)
           for t in c.subtree):
        return False  # "…, but they could not resist pointing out that …": a report of its own
    return subj.dep_ == "expl" or any(x.dep_ == "aux" and x.lower_ in BACKSHIFT_AUX for x in c.children)


ADVCL_MARKS = frozenset({"when", "because", "if", "although", "though", "while", "since", "unless", "so"})


def _through_advcl(tok: Token, b: int) -> int:
    """"Lynch said there remains a gap, when it comes to …": a subordinate clause the parser hung on
    the cue verb, right after the content, is still part of what was said."""
    doc = tok.doc
    for c in tok.rights:
        if c.dep_ != "advcl" or c.left_edge.i <= b:
            continue
        gap = [t for t in doc[b + 1:c.left_edge.i] if not t.is_punct]
        if not gap and doc[c.left_edge.i].lower_ in ADVCL_MARKS:
            b = c.right_edge.i
    return b


def _through_colon(doc: Doc, b: int, cue: int) -> int:
    """"… three things are happening at once: home values are rising, …" — a colon right after the
    clause announces more of what was said; the content runs on to the end of the sentence. Not when
    the cue comes right after the colon ("More than 2 million people demonstrated: said the union's
    leader"): the colon closes what was said."""
    if b + 2 >= len(doc) or doc[b + 1].text != ":" or doc[b + 2].text in ALL_MARKS or cue == b + 2:
        return b
    end = doc[b].sent.end - 1
    return end if end > b + 1 else b


def _second_that_clause(tok: Token, b: int) -> int:
    """"telling CBS that the laws are set and that he had seen support": a second "that" clause the
    parser coordinated with the cue verb is more of what was said."""
    doc = tok.doc
    # ("spoke to one of the interlocutors, Qatar's Prime Minister …, and that they would …": the parser
    # may hang the appositive of the first clause on the cue; it bridges the two clauses)
    bridge = {t.i for x in tok.rights if x.dep_ in ("npadvmod", "appos") and x.pos_ == "PROPN" for t in x.subtree}
    for c in tok.rights:
        if c.i > b and c.dep_ in ("conj", "ccomp") and c.left_edge.i > b \
                and any(x.lower_ == "that" and x.dep_ == "mark" for x in c.children) \
                and all(t.is_punct or t.dep_ == "cc" or t.i in bridge for t in doc[b + 1:c.left_edge.i]):
            b = c.right_edge.i
    return b


def _content_after_aside(tok: Token, b: int) -> int:
    """"The middle fifth paid 8.9 percent, the agency said in a June report, and the bottom fifth paid
    0.8 percent": a clause joined to a cue set off by commas goes on with what was said."""
    subj = subject_of(tok)
    doc = tok.doc
    if subj is None or subj.i > tok.i or doc[subj.left_edge.i - 1].text != ",":
        return b
    for c in tok.rights:
        if c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX") or c.lemma_.lower() in indirect_lemmas():
            continue
        csubj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if csubj is None or csubj.pos_ == "PRON" and csubj.lower_ not in ("it", "they", "those", "this", "that"):
            continue
        if doc[c.left_edge.i - 1].text not in ("and", "but") or doc[c.left_edge.i - 2].text != ",":
            continue
        return c.right_edge.i
    return b


def _first_conjunct(tok: Token, a: int) -> int:
    """"The mayor wanted the money, but the council refused, the source added.": a cue closing the
    sentence that the parser joined to the first clause reports both clauses, not just the last."""
    head = tok.head
    if tok.dep_ == "conj" and head.i < a and head.left_edge.i == tok.sent.start \
            and all(t.is_punct or t.dep_ in ("nsubj", "det", "compound", "amod", "poss", "case")
                    or t.i == tok.i for t in tok.doc[a:tok.sent.end] if t.i > tok.i):
        return head.left_edge.i
    return a


def _quoted_conjunct(tok: Token, b: int) -> int:
    """"Zimmerman said he had offers for the gun, but “the offers were …”": a clause the parser joined
    to the cue rather than to what was said goes on with it when it carries the speaker's words."""
    doc = tok.doc
    for c in tok.rights:
        if c.dep_ == "prep" and c.i > b and doc[c.i - 1].dep_ == "cc" \
                and any(t.text in ALL_MARKS or t.text == "''" for t in doc[c.i:c.right_edge.i + 1]) \
                and all(t.is_punct or t.dep_ == "cc" for t in doc[b + 1:c.i]):
            return c.right_edge.i  # "said the event brought back memories of her father, and of “all the people …”"
        if c.dep_ != "conj" or c.i <= b or c.pos_ not in ("VERB", "AUX") or c.lemma_.lower() in indirect_lemmas():
            continue
        if not any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children):
            continue
        if not any(t.text in ALL_MARKS for t in doc[c.left_edge.i:c.right_edge.i + 1]):
            continue
        between = doc[b + 1:c.left_edge.i]
        if not all(t.is_punct or t.dep_ == "cc" for t in between):
            continue
        return c.right_edge.i
    return b
