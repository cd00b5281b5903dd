"""Events beyond the trigger list: clauses and nominalisations that say something happened, will
happen or did not ("returned to work on Monday", "made the offer on Friday", "a rise of 6 percent").

- A clause event is a main verb heading a clause (not an auxiliary, a modifier or a verb that is no
  event on its own, `skip_verbs`); its type is its lemma.
- A noun event is a noun from `nouns`, or a nominalisation (`suffixes`, not `not_events`); its type is
  its lemma.
- A light verb with an event noun ("made the offer", "held talks", "the offer was put on the table")
  is that noun's event: the verb becomes an alias of the noun's mention, so a time expression or a
  signal on the verb reaches it.
- An event noun that is the subject of a verb of beginning, resuming or ending ("talks resumed") is one
  happening with the verb: the noun is hosted by the verb's event.
The words: `lexicon/data/event_nouns.json`. The events stage keeps these mentions when the text dates
or orders them (`events.extract`); all of them are scored as event mentions (bench/timeline.py).
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..lexicon import mapping, speech_verbs
from .mentions import EventMention, _in_any, _np_text, _participants, _vp_text

if TYPE_CHECKING:
    from ..text.parse import Parsed

_NOT_CLAUSE = {"amod", "compound", "aux", "auxpass", "nmod", "npadvmod", "prep", "det"}


@functools.lru_cache(maxsize=1)
def words() -> dict:
    data = mapping("event_nouns.json")
    return {k: (frozenset(v) if isinstance(v, list) else v) for k, v in data.items() if not k.startswith("_")}


def is_event_noun(tok) -> bool:
    """A noun that names a happening: listed, or a nominalisation by its ending."""
    if tok.pos_ != "NOUN" or tok.dep_ == "compound" or not tok.is_alpha:
        return False
    w = words()
    lemma = tok.lemma_.lower()
    if lemma in w["nouns"] or tok.lower_ in w["nouns"]:
        return True
    if lemma in w["not_events"] or tok.lower_ in w["not_events"] or len(lemma) < w["min_length"]:
        return False
    return lemma.endswith(tuple(w["suffixes"]))


def is_clause_verb(tok) -> bool:
    """A main verb heading a clause of its own, or a copula heading one (a state: "shares were down")."""
    if tok.pos_ == "AUX" and tok.lemma_.lower() == "be" and tok.dep_ in ("ROOT", "ccomp", "conj", "advcl", "relcl"):
        return not any(c.pos_ in ("VERB", "AUX") and c.dep_ in ("xcomp", "ccomp") for c in tok.children)
    return (tok.pos_ == "VERB" and tok.tag_ != "MD" and tok.dep_ not in _NOT_CLAUSE
            and tok.lemma_.lower() not in words()["skip_verbs"] and tok.is_alpha)


def _verb_phrase(tok) -> tuple[int, int]:
    """The verb with its object, or with the place it goes to ("returned to work"), never running
    into a time expression ("accepted a rise on Sunday" reads "accepted a rise")."""
    start, end = _vp_text(tok, tok.i)
    if not any(c.dep_ in ("dobj", "dative", "prt") for c in tok.children):
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.i == tok.i + 1), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None and obj.ent_type_ not in ("DATE", "TIME") and obj.i - tok.i <= 4:
            end = max(end, obj.idx + len(obj.text))
    for t in tok.doc[tok.i + 1:]:
        if t.idx >= end:
            break
        if t.ent_type_ in ("DATE", "TIME") or (t.pos_ == "ADP" and t.i + 1 < len(t.doc)
                                               and t.doc[t.i + 1].ent_type_ in ("DATE", "TIME")):
            end = t.doc[t.i - 1].idx + len(t.doc[t.i - 1].text)
            break
    return start, max(end, tok.idx + len(tok.text))


def _event_object(verb, nouns: dict[int, EventMention]) -> EventMention | None:
    """The event noun a light verb carries: its object, or its passive subject."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.i in nouns:
            return nouns[c.i]
    return None


def clause_mentions(parsed: Parsed, registry, paragraphs: list[tuple[int, int]], covered: set[int],
                    broad: bool) -> list[EventMention]:
    """Clause and noun event mentions on tokens no trigger took. `broad`: every one (the benchmark's
    mention layer); else reporting verbs are left to the quote stage."""
    doc, text = parsed.doc, parsed.text
    inside = _in_any(paragraphs)
    sent_start = {t.i: s.start_char for s in doc.sents for t in s}
    reporting = speech_verbs("told") if not broad else frozenset()
    out: list[EventMention] = []
    for tok in doc:
        if tok.i in covered or not inside(tok.idx):
            continue
        if is_clause_verb(tok) and tok.lemma_.lower() not in reporting:
            start, end = _verb_phrase(tok)
            kind = "verb"
        elif is_event_noun(tok):
            start, end = _np_text(tok)
            kind = "noun"
        else:
            continue
        dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
        out.append(EventMention(
            i=tok.i, start=start, end=end, text=text[start:end], type=tok.lemma_.lower(), kind=kind,
            sent_start=sent_start[tok.i], clause=True,
            definite=kind == "noun" and (any(d in ("the", "this", "that", "its", "their", "his", "her") for d in dets)
                                         or any(c.dep_ == "poss" for c in tok.children)),
            participants=_participants(tok, kind, registry)))
    return out


def join_light_and_aspectual(doc, text: str, mentions: list[EventMention]) -> list[EventMention]:
    """Light verbs become aliases of their event noun; an event noun subject of an aspectual verb is
    hosted by it ("talks resumed"). Returns the mentions that stay."""
    w = words()
    nouns = {m.i: m for m in mentions if m.kind == "noun"}
    drop: set[int] = set()
    for m in mentions:
        if m.kind != "verb":
            continue
        tok = doc[m.i]
        noun = _event_object(tok, nouns)
        if noun is not None and m.clause and tok.lemma_.lower() in w["light_verbs"]:
            noun.aliases.append(m.i)  # "made the offer": the offer is the event
            noun.participants += [p for p in m.participants if p not in noun.participants]
            drop.add(m.i)
            continue
        if noun is not None and noun.clause and not noun.definite and doc[noun.i].dep_ == "dobj":
            noun.host = m.i  # "accepted a pay rise": what the verb does to it is the happening
        if m.type in w["aspectual_verbs"]:
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in nouns), None)
            if subj is not None and subj.i < tok.i:
                nouns[subj.i].host = m.i
                m.start = min(m.start, nouns[subj.i].start)
                m.text = text[m.start:m.end]
    return [m for m in mentions if m.i not in drop]
