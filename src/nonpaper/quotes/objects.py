"""Stage 5, the object as content: what a verb of stance or naming reports through its object.

"called for new elections" → "new elections", "urged voters to stay home" → "voters to stay home",
"described the plan as a mistake" → "the plan as a mistake". It decides which objects are not reports
("called a strike", "called Ines Varga", "calls it her retirement", "citing the council") and where
such a content ends (before the occasion, the circumstance or a second cue).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import speech_verbs, wordset
from .bounds import CLOSING_MARKS, trim
from .cues import cue_lemmas, human, source_like

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


OBJECT_DEPS = ("dobj", "xcomp", "oprd", "dative")


OBJECT_PREPS = ("for", "on", "as", "of", "about", "to", "against")


ABOUT_PREPS = ("about", "of", "against")


def object_content(tok: Token) -> tuple[int, int] | None:
    """"called for new elections" → "new elections"; "urged voters to stay home" → "voters to stay
    home"; "described the plan as a mistake" → "the plan as a mistake"."""
    comps = _objects(tok)
    if not comps or not _object_reports(tok, comps):
        return None
    first = comps[0]
    a = first.left_edge.i
    if first.dep_ in ("prep", "prt") and first.i == a:
        pobj = [c for c in first.children if c.dep_ in ("pobj", "pcomp")]
        if not pobj:
            return None
        a = pobj[0].left_edge.i
        if pobj[0].ent_type_ in ("DATE", "TIME"):
            if len(comps) > 1 and comps[1].dep_ == "dobj":  # "announced on Friday the arrest of a man"
                first, a = comps[1], comps[1].left_edge.i
            else:
                return None  # "… on Tuesday": when, not what
    b = max(c.right_edge.i for c in comps if c is first or not _when_phrase(c))  # (not "support on Thursday")
    if first.dep_ == "xcomp" and first.pos_ not in ("VERB", "AUX") \
            and not (tok.lemma_.lower() == "call" and first.right_edge.i > first.i):
        return None  # (but "calling Trump a fascist", the label hung on the name, is what was called)
    b = _through_verb_conjuncts(tok, first, b)
    if tok.lemma_.lower() in ("show", "find", "put", "give", "have"):
        b = _result_tail(tok, b)
    b = _before_occasion(comps, a, b)
    b = _through_noun_infinitive(tok, first, b)
    return trim(tok.doc, a, _before_circumstance(tok.doc, a, _before_second_cue(tok, a, b)))


def _objects(tok: Token) -> list[Token]:
    """The objects and object phrases of a verb after it: its object, "for …", "on …", "as …", "of …", …
    (only "about", "of", "against" for the verbs that report a topic)."""
    about = tok.lemma_.lower() in speech_verbs("about")
    with_ = tok.lemma_.lower() in speech_verbs("with")  # "disagrees with the ministry on the toll"
    preps = (ABOUT_PREPS + ("with",) if with_ else ABOUT_PREPS) if about else OBJECT_PREPS
    return [c for c in tok.rights if (c.dep_ in OBJECT_DEPS and not about)
            or (c.dep_ == "prep" and c.lower_ in preps) or calls_on(tok, c)
            or (c.dep_ == "prep" and c.lower_ == "by" and tok.lemma_.lower() in ("respond", "reply", "react"))
            or (c.dep_ == "advcl" and tells_to(tok) and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children))]


def _object_reports(tok: Token, comps: list[Token]) -> bool:
    """The first object is what was said, not a description, a name, an event, a person phoned or a source."""
    first = comps[0]
    lemma = tok.lemma_.lower()
    if first.dep_ == "dobj" and after_comma(tok, first):
        return False  # "Mrs. Clinton said, a hint of frustration in her voice": the writer's description
    if lemma == "report" and first.dep_ == "prep" and first.lower_ == "to":
        return False  # "Mannix reported daily to Louis B. Mayer": whom he answered to, not what he reported
    if first.dep_ == "dobj" and first.pos_ == "PRON" and not _judgement(tok, first):
        return False  # "calls it her “retirement”": a name for something, not a report
    if lemma == "call" and first.dep_ == "dobj" and first.lemma_.lower() in wordset("called_events.txt") \
            and not any(c.dep_ in ("oprd", "xcomp") for c in tok.children):
        return False  # "called a strike", "called an emergency meeting": organised, not said
    if lemma == "call" and len(comps) == 1 and first.pos_ == "PROPN" and first.dep_ in ("dobj", "oprd"):
        return False  # "They called Ines Varga, who said …": phoned, not named
    if lemma in ("cite", "quote") and first.dep_ == "dobj" and source_like(first):
        return False  # "citing the city council": the source of a report, not what it says
    if lemma in ("respond", "reply", "react") and first.dep_ == "prep" and not _words_responded_to(first) \
            and not any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
        return False  # "Fire crews are responding to a house explosion": an event met, not words answered
    if lemma == "offer" and any(c.dep_ == "nsubj" and c.lower_ == "which" for c in tok.children):
        return False  # "MIRI, which offers spatial resolution": what a thing provides (people are "who")
    return True


def _words_responded_to(prep: Token) -> bool:
    """"responded to the criticism", "replied to a question", "responded to a Gold Star mother by saying":
    the object is words (a report, a document, a question or a demand) or someone, not an event."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    lemma = pobj.lemma_.lower()
    return pobj.pos_ in ("PRON", "PROPN") or human(pobj) or any(lemma in wordset(name) for name in (
        "reply_nouns.txt", "cue_nouns.txt", "cue_nouns_object.txt", "cue_nouns_made.txt", "issued_nouns.txt",
        "document_nouns.txt"))


def _through_verb_conjuncts(tok: Token, first: Token, b: int) -> int:
    """"wants to triple the program, grow the corps and create a reserve"; "mentioned refinancing loans
    and forcing universities to …" (a gerund the parser took for a second verb): the verbs joined to
    the object without a subject of their own go on with it."""
    for c in tok.rights:
        gerund = c.tag_ == "VBG" and tok.tag_ != "VBG"
        if c.dep_ == "conj" and c.i > b and c.pos_ == "VERB" and (first.dep_ == "xcomp" or gerund) \
                and c.tag_ in ("VB", "VBG") \
                and c.lemma_.lower() not in cue_lemmas() and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
            b = c.right_edge.i
    return b


CIRCUMSTANCE_PREPS = frozenset({"during", "while", "after", "before"})


def _through_noun_infinitive(tok: Token, first: Token, b: int) -> int:
    """"defended his call to raise the minimum wage": the infinitive the parser hung on the verb belongs
    to the object when the object is a noun of report (call, pledge, plan, …) and the infinitive follows it."""
    if first.dep_ != "dobj" or first.lemma_.lower() not in wordset("cue_nouns.txt"):
        return b
    for c in tok.rights:
        if c.dep_ in ("advcl", "xcomp") and c.left_edge.i == b + 1 and c.left_edge.lower_ == "to":
            return c.right_edge.i
    return b


OCCASION_MARKS = frozenset({"after", "before", "when", "because", "since", "while"})


def _before_occasion(comps: list[Token], a: int, b: int) -> int:
    """"warned officials to boost their election security after hackers targeted two states": what the
    warning asked for ends before the clause saying what prompted it."""
    for c in comps:
        if c.dep_ != "xcomp":
            continue
        for x in c.children:
            if x.dep_ == "advcl" and x.i > c.i and x.left_edge.lower_ in OCCASION_MARKS and x.left_edge.i > a:
                b = min(b, x.left_edge.i - 1)
    return b


def _before_circumstance(doc: Doc, a: int, b: int) -> int:
    """"criticized the act as a “crazy system” during a campaign stop in Flint", "blasted her as a “disgrace”
    Wednesday on a radio show": when the label was put, after its closing mark, is the writer's (where is not
    told apart from what: "likened them to a “vicious snake” in a song about …")."""
    closes = [t.i for t in doc[a:b + 1] if t.text in CLOSING_MARKS or t.text == '"' and t.i > a]
    if not closes or closes[-1] >= b:
        return b
    nxt = doc[closes[-1] + 1]
    if nxt.ent_type_ in ("DATE", "TIME") or (nxt.dep_ == "prep" and nxt.lower_ in CIRCUMSTANCE_PREPS):
        return closes[-1]
    return b


def _when_phrase(prep: Token) -> bool:
    """"on Thursday", "on multiple occasions": a phrase of time after the object (but "thanked the coach for
    five remarkable years" is what he was thanked for)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return prep.dep_ == "prep" and prep.lower_ in ("on", "at", "in", "during", "over") and pobj is not None and (
        pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in ("occasion", "time", "hour", "day", "week"))


def _before_second_cue(tok: Token, a: int, b: int) -> int:
    """"called on police to release the videos and called on people to protest": a second reporting verb
    joined to the object's clause is a report of its own, not part of the first one's content."""
    for t in tok.doc[a:b + 1]:
        if t.dep_ == "conj" and t.pos_ == "VERB" and t.lemma_.lower() == tok.lemma_.lower() and a <= t.head.i < t.i:
            cc = [x.i for x in t.head.children if x.dep_ == "cc" and x.i < t.i]
            return (cc[-1] if cc else t.left_edge.i) - 1
    return b


def after_comma(tok: Token, c: Token) -> bool:
    """A comma stands between the cue and its complement's phrase ("said in his 2012 book, “An American
    Son”"): what follows is set off, not the object."""
    return any(t.text == "," for t in tok.doc[tok.i + 1:c.left_edge.i])


def tells_story(tok: Token) -> bool:
    """"told the story of how he wooed her": a story told is what was said."""
    return tok.lemma_.lower() == "tell" and any(c.dep_ == "dobj" and c.lemma_.lower() in wordset("told_nouns.txt")
                                                for c in tok.children)


def tells_to(tok: Token) -> bool:
    """"told residents to stay home": whom a speaker tells is no report, but what they tell them to do is."""
    return tok.lemma_.lower() in ("tell", "advise") and any(
        c.dep_ in ("xcomp", "advcl") and c.i > tok.i and c.pos_ == "VERB"
        and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) for c in tok.children)


def calls_on(tok: Token, prt: Token) -> bool:
    """"called on police to release the videos": the parser takes "on" for a particle, but whom the call
    is on and what they should do is what was said (unlike "called off")."""
    return prt.dep_ == "prt" and prt.lower_ == "on" and tok.lemma_.lower() == "call" \
        and any(c.dep_ == "xcomp" for c in tok.children)


def _result_tail(tok: Token, b: int) -> int:
    """"a poll shows Clinton ahead by 3.7 points", "found Trump with a 16-point lead": what a poll or a
    study shows runs over the words after its object that say how things stand."""
    doc = tok.doc
    for c in tok.rights:
        if c.i <= b:
            continue
        if c.dep_ in ("advmod", "prep", "npadvmod", "acomp", "oprd", "xcomp", "ccomp") \
                and not any(t.text in (",", ";", ":") for t in doc[b + 1:c.left_edge.i]) \
                and c.ent_type_ not in ("DATE", "TIME") and not (c.dep_ == "prep" and c.lower_ in ("in", "on", "since")):
            b = c.right_edge.i
        else:
            break
    return b


def _judgement(tok: Token, obj: Token) -> bool:
    """"called him a political opportunist", "calling it a “fundamental mistake”", "accused him of lying":
    a pronoun object with a described complement or a charge is a verdict on someone, not a name for
    something ("calls it her retirement")."""
    return any(c.dep_ == "oprd" and c.i > obj.i and (
        _first_word(c).lower_ in ("a", "an") or any(m.dep_ == "amod" for m in c.children)) for c in tok.rights) \
        or any(c.dep_ == "prep" and c.i > obj.i and c.lower_ in ("of", "for")  # "accused him of lying"
               and any(x.dep_ in ("pobj", "pcomp") for x in c.children) for c in tok.rights)


def _first_word(tok: Token) -> Token:
    """The first word of a token's phrase, past an opening quotation mark (“a genius”)."""
    return next((t for t in tok.subtree if not t.is_punct), tok)
