"""Cause claims (issue 15): what a source says caused an event, or who is to blame for it.

"The health ministry blamed an Israeli air strike for the blast"; "Israel said a failed rocket launch
was responsible"; "the fire was caused by a faulty cable". Each gives the cause (its content words),
the agent when the cause names one (an actor: "an Israeli air strike", "a launch by Islamic Jihad"),
and the effect (the event or the words of what was caused, when the sentence says it). Two sources
giving one effect different causes or agents are a cause dispute (`disputes/causes.py`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from .find import Context, child, denied_content, hedged, negated
from .text import content_lemmas, short, subtree_text
from ..model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Token

# The verbs and adjectives that say what caused what; `_cause_and_effect` reads where each puts the cause
# and the effect: "blame Y for E", "blame E on Y", "Y caused E", "E was caused by Y", "Y was responsible
# for E", "attributed E to Y", and what struck a place: "a failed rocket hit the hospital", "the
# hospital was struck by an air strike".
CAUSE_WORDS = frozenset({"blame", "cause", "responsible", "attribute", "hit", "strike", "accuse", "destroy", "blow"})


# Nouns of a deliberate act that name their doer after "by" ("a deliberate act of sabotage by Ukraine",
# "this was sabotage by the Ukrainian side"), said of what happened: the doer is the agent of its cause.
ACT_NOUNS = frozenset({"sabotage", "attack", "bombing", "shelling", "terrorism", "aggression"})
# Nouns that name their doer after "of": "the destruction is the work of Russian terrorists".
WORK_NOUNS = frozenset({"work", "handiwork", "doing"})


def cause_claims(ctx: Context) -> Iterator[Claim]:
    for tok in ctx.doc:
        acted = tok.pos_ == "NOUN" and _act_by(tok)
        if not acted and (tok.lemma_.lower() not in CAUSE_WORDS or tok.pos_ not in ("VERB", "ADJ") or negated(tok)):
            continue
        if denied_content(tok):
            continue  # "Peskov denied accusations that Russian forces had blown up the dam": not Peskov's cause
        found = _act_said_of(tok) if acted else _cause_and_effect(tok)
        if found is None:
            continue
        cause, effect = found
        src = ctx.sources.at(tok.idx, tok.idx + len(tok))
        actor = src.actor
        if actor is None and (tok.lemma_.lower() in ("blame", "accuse") or (acted and tok.dep_ == "oprd")):
            # "the ministry blamed …", "the Kremlin called it sabotage by …": the blamer speaks
            subj = child(tok if not acted else tok.head, "nsubj")
            actor = ctx.sources.actor_of_token(subj) if subj is not None else None
        if actor is None:
            continue
        agent = _agent(ctx, cause)
        inside = {t.i for t in effect.head.subtree} if effect is not None and effect.head.head.i == cause.i else set()
        tokens = [t for t in cause.subtree if t.i not in inside]  # the cause without an effect hung on it
        what = content_lemmas(tokens, names=False)
        if not what and agent is None:
            continue
        effect_words = content_lemmas(effect.subtree, names=False) if effect is not None else frozenset()
        events = ctx.events_at(effect.idx, effect.idx + len(effect)) if effect is not None else []
        sent = tok.sent
        yield ctx.claim(actor=actor, text=short(sent.text, 300), kind="cause", event=events[0] if events else None,
                        quote=src.quote, start=tok.idx, end=tok.idx + len(tok),
                        value={"cause": sorted(what), "cause_text": "".join(t.text_with_ws for t in tokens).strip(),
                               "agent": agent,
                               "agent_group": None if agent else _group(cause),
                               "effect": sorted(effect_words), "effect_text": subtree_text(effect) if effect is not None else None,
                               "hedged": hedged(sent), "about": sorted(effect_words | what)})


def _cause_and_effect(tok: Token) -> tuple[Token, Token | None] | None:
    """(the cause's head, the effect's head or None) for one cause word, by how it is built."""
    lemma = tok.lemma_.lower()
    preps = {c.lower_: child(c, "pobj", "pcomp") for c in tok.children if c.dep_ == "prep"}
    if lemma == "blame":
        obj = child(tok, "dobj")
        if obj is None:
            return None
        on = preps.get("on")
        if on is not None and on.ent_type_ not in ("DATE", "TIME"):  # "blamed the blast on a rocket" (not "on Tuesday")
            return on, obj
        effect = preps.get("for")
        if effect is None:  # "blamed an Israeli airstrike for the explosion", the 'for' hung on the strike
            inner = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "for"), None)
            effect = child(inner, "pobj") if inner is not None else None
        return obj, effect  # "blamed an air strike (for the blast)"
    if lemma == "cause":
        if child(tok, "nsubjpass") is not None:  # "the blast was caused by a rocket"
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            by = child(agent, "pobj") if agent is not None else None
            return (by, child(tok, "nsubjpass")) if by is not None else None
        subj, obj = child(tok, "nsubj"), child(tok, "dobj")
        return (subj, obj) if subj is not None and obj is not None and subj.pos_ != "PRON" else None
    if lemma == "accuse":  # "accused Kyiv of blowing up the dam": Kyiv, for what the 'of' says
        obj, of = child(tok, "dobj"), preps.get("of")
        return (obj, of) if obj is not None and of is not None else None
    if lemma in ("destroy", "blow"):  # "Russian forces blew up the dam", "was destroyed by shelling"
        if lemma == "blow" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
            return None
        if child(tok, "nsubjpass") is not None:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            by = child(agent, "pobj") if agent is not None else None
            return (by, child(tok, "nsubjpass")) if by is not None else None
        subj, obj = child(tok, "nsubj"), child(tok, "dobj")
        return (subj, obj) if subj is not None and obj is not None and subj.pos_ != "PRON" else None
    if lemma in ("hit", "strike"):  # the thing that struck, not a person hitting someone
        if child(tok, "nsubjpass") is not None:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            by = child(agent, "pobj") if agent is not None else None
            return (by, child(tok, "nsubjpass")) if by is not None and by.pos_ == "NOUN" else None
        subj, obj = child(tok, "nsubj"), child(tok, "dobj")
        return (subj, obj) if subj is not None and obj is not None and subj.pos_ == "NOUN" else None
    if lemma == "responsible":  # "a failed rocket launch was responsible (for the blast)"
        subj = child(tok.head, "nsubj") if tok.dep_ == "acomp" else None
        return (subj, preps.get("for")) if subj is not None and subj.pos_ != "PRON" else None
    if lemma == "attribute":  # "attributed the blast to a rocket"
        obj = child(tok, "dobj") or child(tok, "nsubjpass")
        return (preps["to"], obj) if preps.get("to") is not None and obj is not None else None
    return None


def _act_by(noun: Token) -> bool:
    """'sabotage by Ukraine', 'an act of sabotage by Ukraine': a deliberate act with its doer after 'by'."""
    lemma = noun.lemma_.lower()
    acts = [noun]
    if lemma == "act":  # "an act of sabotage by Ukraine": the 'by' may hang on either noun
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        acts += [g for g in (of.children if of is not None else ()) if g.dep_ == "pobj" and g.lemma_.lower() in ACT_NOUNS]
        if len(acts) == 1:
            return False
    elif lemma in WORK_NOUNS:
        return any(c.dep_ == "prep" and c.lower_ == "of" and child(c, "pobj") is not None for c in noun.children)
    elif lemma not in ACT_NOUNS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "by" and child(c, "pobj") is not None for a in acts for c in a.children)


def _act_said_of(noun: Token) -> tuple[Token, Token | None] | None:
    """(the act, what it is said of): "the destruction was sabotage by X" (the subject), "called the
    destruction an act of sabotage by X" (the object called so); None when the act is no predicate."""
    if noun.dep_ == "attr" and noun.head.lemma_ == "be" and not negated(noun.head):
        subj = child(noun.head, "nsubj")
        return (noun, subj if subj is not None and subj.pos_ != "PRON" else None)
    if noun.dep_ in ("oprd", "xcomp") and noun.head.lemma_.lower() in ("call", "describe", "label", "brand") \
            and not negated(noun.head):
        return noun, child(noun.head, "dobj")
    return None


def _agent(ctx: Context, cause: Token) -> str | None:
    """Who the cause names as acting: the cause itself ("blamed Israel"), its maker ("a launch by Islamic
    Jihad", "Hamas's rocket"), or a nationality on it ("an Israeli air strike")."""
    own = ctx.sources.actor_of_token(cause) if cause.pos_ == "PROPN" else None
    if own and own in ctx.sources.actors:
        return own
    for t in cause.subtree:
        if t.i == cause.i:
            continue
        by = t.head.lower_ == "by" or (t.head.lower_ == "of" and cause.lemma_.lower() in WORK_NOUNS)
        if (t.dep_ == "pobj" and by) or t.dep_ == "poss" or \
                (t.dep_ in ("amod", "compound") and t.ent_type_ in ("NORP", "GPE", "ORG")):
            actor = ctx.sources.actor_of_token(t)
            if actor:
                return actor
            if t.ent_type_ == "NORP":
                nation = _nation(ctx, t)
                if nation:
                    return nation
    return None


def _nation(ctx: Context, adjective: Token) -> str | None:
    """"Israeli", "Russian", "Kenyan": the government actor whose country name the adjective begins with."""
    word = adjective.lower_
    found = {a.id for a in ctx.sources.actors.values() if a.kind == "government" and len(a.name) >= 4
             and word.startswith(a.name.lower()[:max(4, len(a.name) - 1)])}
    return found.pop() if len(found) == 1 else None


def _group(cause: Token) -> str | None:
    """A nationality on the cause when no actor is named ("Kessian forces", "Russian shelling"): who
    acted, as the source says it, to compare with another source's agent."""
    for t in cause.subtree:
        if t.ent_type_ == "NORP" and t.dep_ in ("amod", "compound", "nsubj", "dobj", "pobj") or \
                (t.i == cause.i and t.ent_type_ == "NORP"):
            return t.lower_
    return None
