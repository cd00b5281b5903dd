"""A person's gender, learnt from the pronouns of their own clauses: "Teodora Vance guided her first
ship", "Vance said she would stay" (each use a vote; an honorific or a gendered title set earlier
stands; a tie leaves the person open), and from a source's relative clause ("who did not want to be
named for fear of losing her job")."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple

from ..text.names import entity_at, is_title_word, norm_key
from .mentions import cue_lemmas
from .roster import ActorRegistry, actor_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSONAL = {"he": "m", "him": "m", "she": "f", "her": "f"}
POSSESSIVE = {"his": "m", "her": "f"}  # ("her" is both)


class GenderVote(NamedTuple):
    """A named subject (`subject`) that a pronoun of its own clause refers to as "m" or "f" (`gender`)."""
    subject: Token
    gender: str


def learn_genders(registry: ActorRegistry, doc: Doc) -> None:
    """Gender from the pronouns a named person's own clause uses for them: a possessive or reflexive
    ("Teodora Vance guided her first ship", "Lindell praised his side's patience") or the subject of
    what they said ("Vance said she would stay"). Each use is a vote; an honorific or a gendered title
    set earlier stands, and a person whose votes tie stays open."""
    votes: dict[str, Counter] = {}
    for subj, g in gender_votes(doc, lambda t: _person_at(registry, t)):
        actor = actor_at(registry, subj.idx, subj.idx + len(subj.text))
        if actor and registry.get(actor).kind == "person":
            votes.setdefault(actor, Counter())[g] += 1
    for actor, count in votes.items():
        first = _majority(count)
        if first:
            registry.gender.setdefault(actor, first)


def _majority(count: Counter) -> str | None:
    (first, n1), *rest = count.most_common()
    return first if not rest or n1 > rest[0][1] else None


def name_genders(doc: Doc) -> dict[str, str]:
    """Genders of full names (norm_key of a two-word or longer PERSON entity) from the same votes,
    before the actors exist: "Anna Brill said she …" lets a later "Ms Brill" find Anna, not Thomas."""
    votes: dict[str, Counter] = {}
    for subj, g in gender_votes(doc, lambda t: False):
        ent = entity_at(subj)
        words = [t for t in ent if t.pos_ == "PROPN"] if ent is not None else []
        if ent is not None and ent.label_ == "PERSON" and len(words) >= 2:
            votes.setdefault(norm_key(" ".join(t.text for t in words)), Counter())[g] += 1
    return {name: g for name, count in votes.items() if (g := _majority(count))}


def gender_votes(doc: Doc, untagged_person: Callable[[Token], bool] = lambda tok: False) -> Iterator[GenderVote]:
    """(subject token, "m"|"f") for each pronoun that its own clause's named subject is referred by."""
    for tok in doc:
        g = _clause_pronoun_gender(tok)
        if not g:
            continue
        verb = tok.head
        while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb is None:
            continue
        in_subject = tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"))
        if in_subject and verb.dep_ == "ccomp":
            verb = verb.head  # "Vance said she would stay", "… said his government had …": the sayer of the clause
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.ent_type_ != "PERSON":  # "Velm's foreign minister, Karel Danek, said"
            subj = next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), subj)
        if subj is None or subj.i > tok.i:
            continue
        if subj.ent_type_ != "PERSON" and not (subj.pos_ in ("PROPN", "NOUN") and untagged_person(subj)):
            continue  # ("Dahl, who took over in January, has won six of her matches": a surname left untagged)
        if any(t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")) or t.lower_ in PERSONAL
               or (t.pos_ == "NOUN" and t.dep_ in ("dobj", "dative", "pobj") and is_title_word(t.text))
               for t in doc[subj.i + 1:tok.i] if t.head.i != subj.i and t.dep_ != "compound"):
            continue  # "Trump attacked Clinton for her support": another person stands between
        yield GenderVote(subj, g)


def _person_at(registry: ActorRegistry, tok: Token) -> bool:
    actor = actor_at(registry, tok.idx, tok.idx + len(tok.text))
    return actor is not None and registry.get(actor).kind == "person"


def _clause_pronoun_gender(tok: Token) -> str | None:
    low = tok.lower_
    if low in ("himself", "herself"):
        return "m" if low == "himself" else "f"
    if tok.dep_ == "poss" or (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp"
                              and tok.head.head.lemma_.lower() in cue_lemmas()):
        return PERSONAL.get(low) or POSSESSIVE.get(low)
    return None


def gender_in_relative(head: Token) -> str | None:
    """"A local doctor, who did not want to be named for fear of losing her job": the relative clause's
    pronouns give the source's gender (none, or both, gives nothing)."""
    found = set()
    for child in head.children:
        if child.dep_ in ("relcl", "acl"):
            for t in child.subtree:
                g = PERSONAL.get(t.lower_) or POSSESSIVE.get(t.lower_) or {"himself": "m", "herself": "f"}.get(t.lower_)
                if g:
                    found.add(g)
    return found.pop() if len(found) == 1 else None
