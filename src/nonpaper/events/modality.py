"""Polarity, certainty, modality and tense of an event mention, read off its own clause.

- polarity: "negative" when the clause or the phrase negates the event ("did not walk out", "no
  agreement had been signed", "never met", "without a deal", "no longer"), what a negated implicative
  verb or a called-off plan leads to ("did not manage to sell", "the cancelled plan to lease"), what is brought to
  an end; not the object of a verb that only tells of it ("never disclosed the loss"), else "positive";
- certainty: "possible" (may, might, could; tried or considered), "probable" (should, likely, unlikely,
  expected), else "certain";
- modality: "hypothetical" (an if-clause, or would/could/might; "would have fallen" in the past),
  "planned" (will, going to, plans to, a time still to come), else "asserted";
- tense: the clause's tense (`time.tense.verb_tense`), "future" for a planned noun event.
The words are in `lexicon/data/event_modality.json`.
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING, NamedTuple

from ..lexicon import mapping, speech_verbs
from ..time.tense import verb_tense

if TYPE_CHECKING:
    from spacy.tokens import Token


class Modality(NamedTuple):
    polarity: str  # positive | negative
    certainty: str  # certain | probable | possible
    modality: str  # asserted | planned | hypothetical
    tense: str | None  # past | perfect | present | future | None


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in mapping("event_modality.json").items() if not k.startswith("_")}


def _clause_verb(tok: Token) -> Token | None:
    """The verb whose clause a noun event sits in ("signed" for "no agreement had been signed")."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _negated(tok: Token, verb: Token | None, w) -> bool:
    if _has_negator(tok, w):
        return True
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ in w["negating_preps"]:
        return True
    if _prevented(tok, w):
        return True
    if verb is not None and verb.i != tok.i:
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and tok.head.i == verb.i and not _told_of(verb, w):
            return _negated(verb, None, w)  # "did not sign the deal": the deal is not made either
        return False
    if verb is None:
        return False
    # "no agreement had been signed", "nobody saw it": a negative subject or object negates the verb
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (c.lower_ in w["negative_pronouns"] or any(
                d.dep_ == "det" and d.lower_ in w["negators"] for d in c.children)):
            return True
    # "failed to reach a deal", "refused to sign": the complement did not happen
    head = verb.head
    if head.i == verb.i:
        return False
    if verb.dep_ == "xcomp" and head.lemma_ in w["negating_verbs"]:
        return True
    # "did not manage to sell", "never bothered to reply": what a negated implicative verb leads to did not
    # happen either; "did not agree to sell", "does not need to buy" say nothing of the sale or the buying
    if verb.dep_ == "xcomp" and head.lemma_.lower() in w["implicative_verbs"] and _has_negator(head, w):
        return True
    # "the cancelled plan to lease ten ferries", "no plan to sell": the content of what is called off
    return verb.dep_ == "acl" and head.pos_ == "NOUN" and any(c.tag_ == "TO" for c in verb.children) \
        and (_has_negator(head, w) or _prevented(head, w))


def _told_of(verb: Token, w) -> bool:
    """ "never disclosed the loss", "did not rule out a strike": a verb that tells of its object, or rules
    it out, does not undo it when negated (the loss happened; the strike may)."""
    return verb.lemma_.lower() in speech_verbs("object") or verb.lemma_.lower() in w["negating_verbs"] or (
        verb.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children))


def _has_negator(tok: Token, w) -> bool:
    """ "not", "never", "no agreement", and "no longer" / "no more" on the word itself; not "will not
    reopen until May", which says when it will."""
    if any(c.dep_ == "prep" and c.lower_ in ("until", "till") for c in tok.children) and tok.pos_ in ("VERB", "AUX"):
        return False
    for c in tok.children:
        if c.dep_ in ("neg", "advmod", "det") and (c.dep_ == "neg" or c.lower_ in w["negators"]):
            return True
        if c.dep_ == "advmod" and any(d.lower_ == "no" for d in c.children):
            return True
    return False


def _prevented(tok: Token, w) -> bool:
    """ "the deal had been killed", "delayed the delivery", "a delay in delivery", "stop selling": what
    is called off, held up or stopped has not happened."""
    if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "amod" and c.lemma_.lower() in w["preventing_words"]
                                              for c in tok.children):
        return True  # "the now-cancelled deal", "the postponed vote"
    head = tok.head
    if head.i == tok.i:
        return False
    if tok.dep_ in ("nsubjpass", "dobj", "xcomp") and head.lemma_.lower() in w["preventing_words"]:
        return True
    if _brought_to_an_end(tok, head, w):
        return True
    # "a delay in delivery", "the suspension of trading"; not "a drop in sales", which is a fall
    return (tok.dep_ == "pobj" and head.head.i != head.i and head.head.lemma_.lower() in w["preventing_nouns"]
            and head.head.pos_ == "NOUN")


def _brought_to_an_end(tok: Token, head: Token, w) -> bool:
    """ "brought production to an end", "talks ground to a halt", "put an end to the dispute": what is
    ended or halted is not going on."""
    ends = w["ending_nouns"]
    has_object = any(c.dep_ == "dobj" for c in head.children)
    if (tok.dep_ == "dobj" or (tok.dep_ in ("nsubj", "nsubjpass") and not has_object)) and head.pos_ in ("VERB", "AUX"):
        return any(c.dep_ == "prep" and c.lower_ == "to" and any(
            g.dep_ == "pobj" and _an_end(g, ends) for g in c.children) for c in head.children)
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.i != head.i:
        put = head.head  # "put an end to it": "to" on the noun, or on the verb beside its object
        return (_an_end(put, ends) and put.dep_ == "dobj") or any(
            c.dep_ == "dobj" and _an_end(c, ends) for c in put.children)
    return False


def _an_end(tok: Token, ends) -> bool:
    """ "an end", "a halt": not "the end of the pier", a place."""
    return tok.lemma_.lower() in ends and not any(
        c.dep_ == "prep" or (c.dep_ == "det" and c.lower_ not in ("a", "an")) for c in tok.children)


def _expected(verb: Token | None, w) -> bool:
    """ "expects to cut 4,300 jobs", "it is expected that the plane will land": what is expected or
    intended is probable, not yet known."""
    return verb is not None and verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i \
        and verb.head.lemma_.lower() in w["expectation_verbs"]


def _tried(tok: Token, verb: Token | None, w) -> bool:
    """ "attempted to address the reports", "appears to be running": what is tried or seems so may not be;
    "is considering a strike", "weighs selling the unit": what is considered may not come about."""
    if verb is not None and verb.dep_ == "xcomp" and verb.head.i != verb.i and (
            verb.head.lemma_.lower() in w["trying_verbs"] or verb.head.lemma_.lower() in w["considering_verbs"]):
        return True
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in w["considering_verbs"]


def _likely(verb: Token | None, w) -> str | None:
    """ "is likely to cut rates": probable; "is unlikely to reopen": probable, and negative."""
    if verb is None or verb.dep_ != "xcomp" or verb.head.i == verb.i:
        return None
    word = verb.head.lower_
    return word if word in w["probable_words"] or word in w["unlikely_words"] else None


def _is_to(verb: Token) -> bool:
    """ "is to be held", "are to meet": a plan told with be + to."""
    head = verb.head
    return (any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.dep_ == "xcomp"
            and head.i != verb.i and head.lemma_ == "be")


def _modals(verb: Token | None) -> set[str]:
    if verb is None:
        return set()
    out = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"}
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i:  # "could decide to sell"
        out |= {c.lower_ for c in verb.head.children if c.dep_ == "aux" and c.tag_ == "MD"}
    return out


def _conditional(verb: Token | None, w) -> bool:
    for _ in range(3):
        if verb is None:
            return False
        if any(c.dep_ == "mark" and c.lower_ in w["conditional_marks"] for c in verb.children):
            return True
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in verb.children):
            return True  # "could strike if the talks fail": the strike hangs on the condition
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _planned(tok: Token, verb: Token | None, w, future_time: bool) -> bool:
    if future_time:
        return True
    if any(c.lower_ in w["planned_words"] for c in tok.children if c.dep_ in ("amod", "compound")):
        return True
    if verb is not None and verb.dep_ == "xcomp" and verb.head.lemma_ in w["intention_verbs"] \
            and not _has_negator(verb.head, w):
        return True  # "plans to sell"; not "never intended to close", which plans nothing
    if verb is not None and tok.i != verb.i and tok.dep_ == "dobj" and verb.lemma_ in w["intention_verbs"]:
        return True
    return False


def modality_of(tok: Token, future_time: bool = False) -> Modality:
    """The polarity, certainty, modality and tense of the event whose trigger is `tok`; `future_time`
    when a time expression still to come dates it ("a ballot next month")."""
    w = _words()
    verb = _clause_verb(tok)
    negative = _negated(tok, verb, w)
    modals = _modals(verb)
    if verb is not None and verb.dep_ == "ccomp" and verb.head.lemma_ in speech_verbs("told"):
        modals -= {"would", "'d"}  # "said the planes would meet demand": the future of the past, told as sure
    if verb is not None and verb.lemma_ in ("like", "love", "prefer") and verb_tense(verb) == "present":
        modals -= {"would", "'d"}  # "would like to thank": a wish told now
    likely = _likely(verb, w)
    negative = negative or likely in w["unlikely_words"]
    certainty = "possible" if modals & w["possible_modals"] or _tried(tok, verb, w) else \
        "probable" if modals & w["probable_modals"] or _expected(verb, w) or likely or (verb is not None and any(
            c.lower_ in w["probable_words"] for c in verb.children if c.dep_ in ("advmod", "acomp"))) else "certain"
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass") and verb is not None and tok.head.i == verb.i \
            and not _occurs(verb, w):
        certainty = "certain"  # "the repairs could push costs up": what the repairs may do is uncertain, not they
    tense = verb_tense(verb) if verb is not None else None
    if tense is None and verb is not None and verb.dep_ == "xcomp" and verb.tag_ == "VBG" and verb.head.i != verb.i:
        tense = verb_tense(verb.head)  # "would cease looking at designs": the gerund goes with its verb
    if verb is not None and verb.dep_ == "acomp" and verb.tag_ == "VBN" and verb.head.lemma_ == "be":
        tense = verb_tense(verb.head)  # "we are fully committed": the copula's tense, not a participle's past
    if verb is not None and tok.i == verb.i and tense == "future" and not modals and not future_time and not any(
            c.lower_ in ("will", "'ll", "shall", "going") for c in verb.children):
        # "they intend", "it is expected", "is exercising its options", "are reported to want": the verb's
        # own time is now, only what it looks forward to is still to come
        if verb.lemma_ in w["intention_verbs"] or (verb.tag_ in ("VBG", "VBN", "VBZ", "VBP", "VBD")
                                                   and not _future_of(verb)):
            tense = "past" if verb.tag_ == "VBD" or any(c.lower_ in ("was", "were", "had") for c in verb.children) \
                else "present"
    if tok.pos_ in ("NOUN", "PROPN") and verb is not None and not _argument(tok):
        tense = None  # a noun that is not an argument of the clause (one under a preposition) keeps no tense
    if verb is not None and modals & w["hypothetical_modals"] and any(c.lower_ == "have" for c in verb.children
                                                                      if c.dep_ == "aux"):
        tense = "past"  # "would have fallen without the bailout": what did not come about, in the past
    told = tense  # the clause's own tense, before a modal makes it future
    argument = tok.i == getattr(verb, "i", None) or _argument(tok)
    if argument and verb is not None and tense in (None, "present") and (
            modals - {"would", "'d", "can", "ca"} or _is_to(verb)):
        # "could push prices up", "is to be held in May": not yet done ("can fly" is ability, now); a noun
        # under a preposition is not ("will own the marks under this agreement": the agreement is made)
        tense = "future"
    if future_time and not argument:
        modality, tense = "planned", "future"  # "if members approved it in a ballot next month": the ballot is to come
    elif _conditional(verb, w) or (modals & w["hypothetical_modals"] and told != "future"):
        modality = "hypothetical"
    elif (tense == "future" or _planned(tok, verb, w, future_time)) and not _unwanted(verb, w):
        modality = "planned"
    else:
        modality = "asserted"
    if modality == "planned" and tense in (None, "past", "present"):
        tense = "future"
    return Modality("negative" if negative else "positive", certainty, modality, tense)


def _part_of(tok: Token) -> bool:
    """ "half of those cuts", "two of the flights": a noun under "of" after a quantity is the quantity's
    argument."""
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i and (
        head.head.lower_ in _words()["part_words"] or head.head.tag_ == "CD")


def _unwanted(verb: Token | None, w) -> bool:
    """ "does not need to buy ferries", "never intended to close the line": what a negated verb looks
    forward to is to come, if ever, but nobody plans it."""
    return verb is not None and verb.dep_ == "xcomp" and verb.head.i != verb.i and _has_negator(verb.head, w) \
        and not _modals(verb) - {"would", "'d"}


def _occurs(verb: Token, w) -> bool:
    """ "the vote could take place in April", "talks may resume": a verb telling that its subject happens,
    whose certainty is the subject's own."""
    return verb.lemma_.lower() in w["occurrence_verbs"] or (
        verb.lemma_ == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children))


def _future_of(verb: Token) -> bool:
    """ "said the engines would be replaced", "the first jet to be built" (under "will be"), "before the
    tour commenced" (under what will be done): a verb whose future comes from its "would", its "to" or the
    clause it is timed by is to come itself, whatever its own form."""
    return any((c.dep_ == "aux" and c.lower_ in ("would", "'d")) or c.tag_ == "TO" for c in verb.children) or (
        verb.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once", "after", "before",
                                                                                  "until", "as")
                                     for c in verb.children))


def _argument(tok: Token) -> bool:
    """A subject, object or predicate noun of its clause, or one coordinated with it ("maintenance,
    repair and operations could push the value up"), or the setting of its event ("at the hearing")."""
    for _ in range(6):
        if tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
        elif _part_of(tok):
            tok = tok.head.head  # "half of those cuts will be made": the cuts are what is made
        else:
            break
    # "would plead not guilty at the hearing": the setting of the clause's event shares its time
    setting = tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during") and tok.head.head.pos_ in ("VERB", "AUX")
    return setting or tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")


def future_in_past(tok: Token) -> bool:
    """ "announced that he would be on leave", "agreed that Apple would not sell music": "would" under a
    verb told in the past is the future seen from that past moment, not from the article's day. Such an
    event is to come for the speaker (its tense stays "future"), but against the publication date it is
    placed in the past unless a date of its own says otherwise."""
    verb = _clause_verb(tok)
    if verb is None or not any(c.lower_ in ("would", "'d") and c.dep_ == "aux" for c in verb.children):
        return False
    head = verb
    for _ in range(4):
        if head.dep_ not in ("ccomp", "relcl", "advcl", "conj", "xcomp", "pobj", "prep") or head.head.i == head.i:
            return False
        head = head.head
        if head.pos_ in ("VERB", "AUX") and head.tag_ != "MD":
            return verb_tense(head) in ("past", "perfect")
    return False
