"""Speakers without a coreference model: the actor a subject token stands for (a name, a pronoun, a
role noun, "the paper", "Moscow", "a senior official"), with the mention it rests on (`resolve_token`).

The rules follow docs/design.md: names by alias and surname; pronouns to the most salient compatible
person before them; role nouns against the actors' titles; "the paper" to the latest outlet; "the
company" to the latest organization; capitals to the country's government; anonymous sources to an
`unnamed` actor named by their own words (added to the registry as they are met).

`continues_clause`, `subject_of` (subjects.py), `full_mention` (mentions.py) and `resolve_text`
(roster.py) are re-exported here for the quote stage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon import wordset
from ..text.names import ents_of, entity_at, gender_of_words, is_title_word, norm_key
from .genders import POSSESSIVE, PERSONAL, gender_in_relative
from .kinds import noun_kind, org_kind, person_signals
from .mentions import DASHES, description_span, full_mention, mention_span
from .roles import by_title
from .roster import (BODY_KINDS, ActorRegistry, actor_at, add_mention_alias, latest_of_kind, pronoun_table,
                     resolve_pronoun, resolve_text)
from .subjects import NOT_SPEAKER_ENTS, continues_clause, expletive, subject_of
from .unnamed import describe, group_before, one_of, unnamed_group_before

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Resolved", "continues_clause", "full_mention", "resolve_text", "resolve_token", "subject_of"]


RELATIVE = {"who", "which", "that", "whom"}
PLURAL = {"they", "them"}
NEUTER = {"it"}
FIRST_SECOND = {"i", "we", "you", "me", "us"}
INDEFINITE = {"a", "an", "some", "several", "many", "one", "two", "three", "few", "other", "another"}


@dataclass
class Resolved:
    actor: str | None
    text: str
    start: int
    end: int


def resolve_token(registry: ActorRegistry, head, *, para_start: int = 0, in_quote_of: str | None = None) -> Resolved:
    """The actor a subject token stands for, with the mention span it rests on."""
    doc = head.doc
    head = _past_dateline(head)
    low = head.lower_
    if low in RELATIVE and head.head.dep_ == "relcl":
        antecedent = head.head.head
        if antecedent.dep_ == "appos" and antecedent.pos_ == "NOUN" and antecedent.head.pos_ in ("NOUN", "PROPN"):
            antecedent = antecedent.head  # "The customer, a mother of two who asked not to be named": the customer
        inner = resolve_token(registry, antecedent, para_start=para_start)
        return Resolved(inner.actor, head.text, head.idx, head.idx + len(head.text))
    if head.pos_ == "PRON" and low not in pronoun_table() and low not in RELATIVE:
        # "some of his rivals", "those who voted": a quantity or a demonstrative heads a phrase
        whole = full_mention(head)
        span = mention_span(head)
        actor = None
        if len(span) > 2 and len(span.text) < 90 and any(t.pos_ in ("NOUN", "PROPN") for t in span):
            actor = registry.add(span.text, "unnamed")  # "some of her rivals", not "all of them"
        return Resolved(actor, whole.text, whole.start_char, whole.end_char)
    if head.pos_ == "PRON" or low in PERSONAL or low in PLURAL or low in NEUTER or low in FIRST_SECOND:
        actor = None
        if low in FIRST_SECOND:
            actor = in_quote_of
        elif expletive(head):
            actor = None  # "It was a potent punch, …": an empty subject stands for nobody
        else:
            actor = resolve_pronoun(registry, low, head.idx, sentence_start=head.sent.start_char,
                                    paragraph_start=_line_start(head), quoted=_quoted_before(head))
            if actor and low in PERSONAL:
                registry.pronouns.append((head.idx, actor, PERSONAL[low]))
        if any(c.dep_ == "conj" for c in head.children):  # "She and her aides": the whole pair says it
            whole = full_mention(head)
            return Resolved(actor, whole.text, whole.start_char, whole.end_char)
        return Resolved(actor, head.text, head.idx, head.idx + len(head.text))
    span = mention_span(head)
    actor = _resolve_span(registry, span, head)
    if actor is None:
        group = one_of(head)
        if group is not None and group.lower_ in ("them", "those"):
            actor = group_before(registry, head.idx)  # "One of them said", after "two diplomats familiar with …"
        elif group is not None:  # "one of the people said": one of the people named before
            actor = resolve_token(registry, group, para_start=para_start).actor
    whole = full_mention(head)
    return Resolved(actor, whole.text, whole.start_char, whole.end_char)


OPENERS = {"“": "”", "\"": "\"", "''": "''", "``": "''"}
SYMMETRIC = {"\"", "''"}  # marks that open and close alike


def _quoted_before(tok) -> list[tuple[int, int]]:
    """Character ranges quoted in the token's sentence before it: in "“Jonas did nothing wrong,” he
    said", Jonas is a name inside the quotation, not the subject "he" picks up."""
    out, open_at, closer = [], None, None
    for t in tok.doc[tok.sent.start:tok.i]:
        if open_at is None and t.text in OPENERS:
            open_at, closer = t.idx, OPENERS[t.text]
        elif open_at is not None and t.text == closer or (closer == "”" and t.text == "\"" and open_at is not None):
            out.append((open_at, t.idx))
            open_at = None
    if open_at is not None and closer in SYMMETRIC and not out:
        out.append((tok.sent.start_char, open_at))  # a straight mark left open closes a quotation begun before
    elif open_at is None and not out:
        # a quotation that opened in an earlier sentence: everything before the closing mark is quoted
        close = next((t for t in reversed(tok.doc[tok.sent.start:tok.i]) if t.text == "”"), None)
        if close is not None:
            out.append((tok.sent.start_char, close.idx))
    return out


def _line_start(tok) -> int:
    """Where the token's line (its paragraph) starts; walks the tokens, since `doc.text` is rebuilt on
    every call."""
    doc = tok.doc
    for i in range(tok.i - 1, -1, -1):
        if "\n" in doc[i].text_with_ws:
            return doc[i + 1].idx
    return 0


def _past_dateline(head):
    """"WASHINGTON -- President Ilse Varga said": the parser may take the dateline for the subject and
    hang the name on it; the speaker is the name after the dash."""
    doc = head.doc
    dash = head.i + 1
    if dash < len(doc) and doc[dash].text == "(":  # "KERT (Reuters) –": the agency's name first
        close = next((t.i for t in doc[dash:dash + 5] if t.text == ")"), None)
        dash = close + 1 if close is not None else dash
    if dash + 1 < len(doc) and doc[dash].text in DASHES and head.i - head.sent.start <= 3 \
            and (head.text.isupper() or head.ent_type_ in ("GPE", "LOC")):
        for child in head.rights:
            if child.dep_ == "appos" and child.i > dash:
                return child
    return head


def _resolve_span(registry: ActorRegistry, span, head) -> str | None:
    doc = span.doc
    # 1. a named entity at the head (or the head's compound name)
    for ent in ents_of(doc):
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and ent.start <= head.i < ent.end:
            found = actor_at(registry, ent.start_char, ent.end_char) or registry.resolve(ent.text, ent.start_char)
            if found:
                add_mention_alias(registry, found, span.text)
                return found
    # 2. "Her daughter, Marit Vance-Oduya": an appositive name
    for child in head.children:
        if child.dep_ == "appos":
            ent = entity_at(child)
            if ent is not None and ent.label_ in ("PERSON", "ORG"):
                found = actor_at(registry, ent.start_char, ent.end_char) or registry.resolve(ent.text, ent.start_char)
                if found:
                    add_mention_alias(registry, found, span.text)
                    return found
    # 2b. "A spokeswoman for Halvard, Greta Olsen, said": the parser hangs the name on the body
    if is_title_word(head.text):
        for prep in (c for c in head.children if c.dep_ == "prep"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for appos in (c for c in pobj.children if c.dep_ == "appos"):
                    ent = entity_at(appos)
                    if ent is not None and ent.label_ == "PERSON":
                        found = actor_at(registry, ent.start_char, ent.end_char) or registry.resolve(ent.text, ent.start_char)
                        if found:
                            add_mention_alias(registry, found, span.text)
                            return found
    words = [t for t in span if not t.is_punct]
    det = words[0].lower_ if words else ""
    lemma = head.lemma_.lower()
    # 3. role nouns: "the councillor", "the foreign minister", "Brackwater's managing director"
    if head.pos_ in ("NOUN", "PROPN") and is_title_word(head.text) and det not in INDEFINITE:
        found = by_title(registry, span, head)
        if found:
            add_mention_alias(registry, found, span.text)
            return found
    # 3c. epithets: "The former Aldenport defender said", "the 24-year-old said", "The Swede said": the
    # person the story is about at that point, as a pronoun would be
    if det == "the" and _epithet(head):
        found = resolve_pronoun(registry, "", head.idx, sentence_start=head.sent.start_char,
                                paragraph_start=_line_start(head), quoted=_quoted_before(head))
        if found:
            add_mention_alias(registry, found, span.text)
            return found
    # 4a. "The Velmar Dockers' Union": a capitalised name the tagger missed is a body of its own,
    # not "the union" named before
    if head.pos_ == "PROPN" and head.text[:1].isupper() and det == "the" \
            and any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span if t.i < head.i):
        name = span.text[len(words[0].text):].strip()
        return registry.resolve(name, span.start_char) or registry.add(name, org_kind(name, None))
    # 3b. "the letter said" after "In a letter to staff, he wrote …": the letter's writer
    if det in ("the", "this", "that") and lemma in wordset("document_nouns.txt"):
        found = _writer_of_earlier(registry, head)
        if found:
            return found
    # 4a. "her office", "his campaign": the person's own body speaks for them
    owner = next((t for t in head.children if t.dep_ == "poss" and t.lower_ in POSSESSIVE), None)
    if owner is not None and noun_kind(span, lemma):
        found = resolve_pronoun(registry, "he" if POSSESSIVE[owner.lower_] == "m" else "she", owner.idx,
                                sentence_start=owner.sent.start_char, unnamed=False)  # (an anonymous source has no office)
        if found:
            return found
    # 4. "the paper" → the latest outlet; "the company"/"the statement" → the latest organization
    if det in ("the", "this", "that") or head.dep_ == "poss" or any(t.dep_ == "poss" for t in head.children):
        kind = noun_kind(span, lemma)
        named_owner = next((t for t in head.children if t.dep_ == "poss" and t.pos_ in ("NOUN", "PROPN")), None)
        if kind and named_owner is not None:  # "the council's transport department": the council's body
            body = resolve_token(registry, named_owner).actor
            if body is not None and registry.get(body).kind in BODY_KINDS:
                return body
        own = _own_body(registry, span, head, kind) if kind == "government" else None
        if own:
            return own
        if kind:
            found = latest_of_kind(registry, span.start_char, kind, head_word=lemma)
            if found:
                add_mention_alias(registry, found, span.text)
                return found
    # 5. "researchers at the University of Aldenport", "officials in Moscow" → the body named inside
    inner = [e for e in ents_of(doc) if span.start <= e.start and e.end <= span.end and e.label_ in ("ORG", "GPE")]
    modifier = bool(inner) and inner[0].root.head.i == head.i and inner[0].root.dep_ in ("compound", "poss", "nmod")
    people_head = lemma in wordset("anonymous_heads.txt") or head.lower_ in wordset("anonymous_heads.txt") \
        or is_title_word(head.text)
    # ("a Financial Times publication" is the paper's; "an unnamed Ostravan diplomat" stays unnamed: one
    # of them, not the body)
    one_of_them = people_head and det in ("a", "an")
    # "A statement from the transport ministry said": the body the document comes from
    from_body = bool(inner) and lemma in wordset("issued_nouns.txt") and inner[0].root.head.lower_ in ("from", "by", "of") \
        and inner[0].root.head.head.i == head.i
    if inner and head.pos_ == "NOUN" and not one_of_them and (modifier or people_head or from_body):
        found = actor_at(registry, inner[0].start_char, inner[0].end_char) or registry.resolve(inner[0].text, inner[0].start_char)
        if found:
            add_mention_alias(registry, found, span.text)
            return found
    # 6. capital-city and seat-of-power metonyms without an entity tag ("the White House")
    gov = registry.resolve(span.text, span.start_char)
    if gov:
        return gov
    if head.ent_type_ in NOT_SPEAKER_ENTS:
        return None  # "in July, which showed …": a date, a sum or a count says nothing
    # 7. a name spaCy did not tag ("Della Fenwick, a spokeswoman …"): a person if it carries a
    # person's marks, else an organization
    if head.pos_ == "PROPN":
        return _untagged_name(registry, head)
    # 8. anonymous sources and other unnamed speakers: an actor named by its own words
    if head.pos_ == "NOUN" and len(span.text) < 90:
        name = re.sub(r"[’']s?$", "", span.text)  # "the council's (department)": the council
        kind = "unnamed"
        if len(words) == 1 and not people_head and not noun_kind(span, lemma) and head.tag_ == "NNS":
            return None  # "Ships began leaving": a bare plural that names no one
        if name.split()[0].lower() in ("the", "this") and is_title_word(head.text):
            mods = {t.lower_ for t in span if t.i != head.i and t.pos_ in ("NOUN", "PROPN", "ADJ")}
            group = unnamed_group_before(registry, span.start_char, {lemma, head.lower_}, mods)
            if group:  # "the official" after "a senior official, who asked not to be named"
                describe(registry, group, head)
                return group
        elif name.split()[0].lower() in ("the", "this"):
            if not (people_head or noun_kind(span, lemma)):
                return None  # "The informal document": a thing, not a speaker
            group = unnamed_group_before(registry, span.start_char, {lemma, head.lower_}) if people_head else None
            if group:  # "the people" after "two people familiar with the matter"
                describe(registry, group, head)
                return group
            kind = "unnamed" if people_head and not noun_kind(span, lemma) else "organization"  # ("The two men")
            name = name[0].upper() + name[1:]
        actor_id = registry.add(name, kind)
        if kind == "unnamed" and head.tag_ == "NNS" and people_head:
            registry.groups.add(actor_id)  # "Officials at the rail workers' union said …. They said …"
        if kind == "unnamed" and head.tag_ == "NN" and people_head and det in ("a", "an", "one") \
                and lemma not in wordset("asker_nouns.txt"):
            registry.singular.add(actor_id)  # "a local doctor … she said": one person, whom he/she can pick up
            g = gender_of_words([head.text]) or gender_in_relative(head)
            if g:
                registry.gender.setdefault(actor_id, g)
        return actor_id
    return None


def _epithet(head) -> bool:
    """A noun phrase that re-describes someone already in the story rather than naming a role: "the
    former defender", "the 52-year-old", "the Swede" (a nationality for one person)."""
    if head.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ == "former" for c in head.children):
        return True
    if head.lower_ == "old" and any(c.lower_ == "year" and any(g.like_num for g in c.children) for c in head.children):
        return True
    return head.ent_type_ == "NORP" and head.tag_ == "NNP" and not head.text.endswith("s")


def _own_body(registry: ActorRegistry, span, head, kind: str) -> str | None:
    """"The defence ministry said" after the emergency agency was named: a body with its own portfolio
    is the body named with those words, or a body of its own, never merely the latest one."""
    # (lower-case words only: "the Obama administration" is the government named, "the defence
    # ministry" a body of its own; the tagger reads some lower-case words as proper nouns)
    mods = [t for t in head.lefts if t.text.islower() and (
            (t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN"))
            or (t.dep_ in ("amod", "compound") and head.lower_ in ("ministry", "department")
                and t.pos_ in ("ADJ", "PROPN")))]
    if not mods:
        return None
    need = {t.lower_ for t in mods} | {head.lower_}
    for s in reversed(registry.seen()):
        actor = registry.get(s.actor)
        if s.start < span.start_char and actor.kind in BODY_KINDS and need <= set(norm_key(actor.name).split()):
            add_mention_alias(registry, actor.id, span.text)
            return actor.id
    words = [t for t in span if t.dep_ not in ("det", "poss", "case") and not t.is_punct]
    if not words:
        return None
    name = span.doc[words[0].i:span.end].text
    return registry.add(name[0].upper() + name[1:], kind, alias=span.text)


def _untagged_name(registry: ActorRegistry, head) -> str | None:
    doc = head.doc
    toks = [t for t in head.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [head]
    left = min(t.i for t in toks)
    while left < head.i and is_title_word(doc[left].text):
        left += 1
    name_span = doc[left:head.i + 1]
    name = name_span.text
    found = registry.resolve(name, name_span.start_char)
    if found:
        return found
    if person_signals(name_span):
        actor_id = registry.add(name, "person")
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                g = gender_of_words([child.text])
                if g:
                    registry.gender.setdefault(actor_id, g)
                if is_title_word(child.text):
                    mods = [t for t in child.lefts if t.dep_ in ("compound", "amod") and not t.ent_type_]
                    registry.add_title(actor_id, " ".join(t.text for t in mods + [child]))
                    desc = description_span(child)
                    if desc is not None:
                        registry.add_alias(actor_id, desc.text)  # "a spokeswoman for Brackwater"
        return actor_id
    return registry.add(name, org_kind(name, None))


def _writer_of_earlier(registry: ActorRegistry, head) -> str | None:
    """Who wrote or sent the same document named earlier ("In a letter to staff seen by the Courier, he
    wrote that …" … "the letter said"): the subject of the verb the document hangs on."""
    doc = head.doc
    for t in reversed(doc[max(0, head.i - 200):head.i]):
        if t.lemma_.lower() == head.lemma_.lower() and t.sent.start != head.sent.start:
            verb = t.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            subj = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
            if subj is None or subj.i == t.i:
                return None
            actor = resolve_token(registry, subj).actor
            return actor if actor and registry.get(actor).kind in ("person", "organization", "government") else None
    return None
