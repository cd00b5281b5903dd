"""The tense of the clause a time expression sits in: past, perfect, future or present.

The tense sets the direction a date without a year or a plain weekday is resolved in ("met on Monday"
looks back from the anchor, "will meet on Monday" forward; see `time.values`). It is read from the
spaCy parse: the verb that governs the expression, its tag and auxiliaries, with a few repairs where
the parse hangs a date on the wrong verb (a reporting verb, a trailing attribution).
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..lexicon import mapping, speech_verbs
from ..text.parse import Parsed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_FUTURE_AUX = {"will", "'ll", "’ll", "shall", "wo", "would", "'d", "’d"}
_PAST_AUX = {"had", "did", "was", "were"}
_SCHEDULE_VERBS = {"schedule", "plan", "expect", "due", "set", "slate", "intend", "aim", "hope"}
# A preposition that fixes the direction whatever the verb's tense ("until Friday", "since March").
_DIRECTION_PREP = {"until": "future", "till": "future", "since": "past", "ago": "past"}


def _governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "MD":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _verb_tense(verb: Token, depth: int = 0) -> str | None:
    """past | perfect | future | present | None, from the verb's tag and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if verb.dep_ == "conj" and not auxes and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") \
            and verb.tag_ in ("VB", "VBD", "VBN") and depth < 4:
        # "will close four plants and cut jobs", "had met and agreed": a verb coordinated without an
        # auxiliary of its own shares its first conjunct's ("cut" is no past here)
        return _verb_tense(verb.head, depth + 1)
    if verb.dep_ == "advcl" and verb.head.i != verb.i and depth < 4 and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once", "after", "before", "until", "as")
            for c in verb.children) and _verb_tense(verb.head, depth + 1) == "future":
        return "future"  # "would be infused when they opened on Friday": the tense follows the main clause
    if words & {"would", "'d", "’d"} and verb.lemma_ in ("like", "love", "prefer") and not words - {"would", "'d", "’d"}:
        return "present"  # "we would like to thank": a wish told now, not a future
    if words & _FUTURE_AUX or any(c.lower_ == "going" for c in auxes):
        return "future"
    if verb.lemma_ in _SCHEDULE_VERBS and not (verb.tag_ == "VBD" and any(c.dep_ == "dobj" for c in verb.children)
                                               and not any(c.lower_ == "for" for c in verb.children)):
        return "future"  # "a hearing has been scheduled for June 3"; not "the firm set prices in March"
    if any(c.tag_ == "TO" for c in auxes):
        if words & {"have", "'ve", "’ve"}:
            return "past"  # "predicted to have dipped in March"
        gov = verb.head if verb.head.i != verb.i else None
        if gov is not None and depth < 4 and (gov.lemma_ in _words("stance_verbs") or _ranked(verb, gov)):
            ranked = gov if gov.pos_ in ("VERB", "AUX") else _clause_of(gov)
            return _verb_tense(ranked, depth + 1) if ranked is not None else None
        if gov is not None and gov.pos_ in ("VERB", "AUX") and depth < 4:  # "plans to meet on Friday"
            t = _verb_tense(gov, depth + 1)
            return "future" if t in ("present", "future", None) else t
        return "future"
    if words & {"has", "have", "'ve", "’ve"} and not words & {"had"}:
        return "perfect"
    if words & _PAST_AUX or any(c.tag_ == "VBD" for c in auxes) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("ccomp", "xcomp", "oprd") and depth < 4 \
            and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return _verb_tense(verb.head, depth + 1)  # "will see the ferries delivered": when its verb is
    if verb.tag_ == "VBN" and not auxes:  # a participle clause: "the document, sent on Monday"
        return "past"
    if verb.tag_ == "VBG" and any(c.lower_ in ("is", "are", "am", "'re", "’re") for c in auxes):
        return "future"  # "is meeting on Friday"
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am", "do", "does"}:
        if verb.dep_ == "advcl" and verb.head.i != verb.i and depth < 4:  # "will wear it when it arrives on ..."
            if _verb_tense(verb.head, depth + 1) == "future":
                return "future"
        return "present"
    return None


@functools.lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    """ "stance_verbs": "claims to own the marks" is now; "rank_words": "the first jet to be built" is of
    its clause's time (`lexicon/data/time_words.json`)."""
    return frozenset(mapping("time_words.json")[key])


def _ranked(verb: Token, gov: Token) -> bool:
    """ "the first jet to be built of composites": an infinitive relative on a ranked noun."""
    return verb.dep_ in ("relcl", "acl") and gov.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and any(
        c.dep_ in ("amod", "advmod") and (c.lower_ in _words("rank_words") or c.tag_ == "JJS") for c in gov.children)


def _clause_of(tok: Token) -> Token | None:
    """The verb of the clause a noun sits in ("will be the first jet ...": "be")."""
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def clause_tense(parsed: Parsed, start: int, end: int) -> str | None:
    """past | perfect | future | present | None for the clause a span sits in."""
    m = re.search(r"(\w+)\W*$", parsed.text[max(0, start - 20):start])
    if m and m.group(1).lower() in _DIRECTION_PREP:
        return _DIRECTION_PREP[m.group(1).lower()]
    said = _said_before(parsed.doc, start)
    verb = said or _governing_verb(parsed.doc, start, end)
    if verb is not None and said is None:
        verb = _reported_verb(verb, start) or verb
    return _verb_tense(verb) if verb is not None else None


def _reported_verb(verb: Token, start: int) -> Token | None:
    """"… will start on September 7, the board announced": a date before a trailing attribution
    belongs to the reported clause, whatever the parser attached it to."""
    if verb.lemma_ not in speech_verbs("told"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or verb.i < subj.i or start >= subj.left_edge.idx:
        return None
    if verb.dep_ in ("advcl", "parataxis", "ccomp") and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head  # the parser hung the attribution under the reported verb
    return next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")
                 and c.idx < subj.left_edge.idx), None)


def _said_before(doc: Doc, start: int) -> Token | None:
    """ "said on Monday it would ...": a date right after a reporting verb dates the saying, whatever
    the parser attached it to."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    i = span[0].i - 1
    if i >= 0 and doc[i].pos_ == "ADP":
        i -= 1
    if i >= 0 and doc[i].pos_ == "VERB" and doc[i].lemma_ in speech_verbs("told"):
        return doc[i]
    return None


def verb_tense(verb: Token) -> str | None:
    """past | perfect | future | present | None for one verb (an event's own clause), as above."""
    return _verb_tense(verb)
