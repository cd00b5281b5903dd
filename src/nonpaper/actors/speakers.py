"""Speakers without a coreference model: the actor a subject token stands for (a name, a pronoun, a
role noun, "the paper", "Moscow", "a senior official"), with the mention it rests on (`resolve_token`).

The rules follow docs/design.md: names by alias and surname; pronouns to the most salient compatible
person before them; role nouns against the actors' titles; "the paper" to the latest outlet; "the
company" to the latest organization; capitals to the country's government; anonymous sources to an
`unnamed` actor named by their own words (added to the registry as they are met).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, NamedTuple

from ..lexicon import wordset
from ..text.names import entity_at, ents_within, gender_of_words, is_title_word, norm_key
from ..text.offsets import entity_holding
from .genders import PERSONAL, POSSESSIVE
from .kinds import noun_kind, org_kind, person_signals, without_place
from .mentions import DASHES, Phrase, description_span, full_mention, line_start, mention_span, quoted_before
from .roles import by_title, is_epithet
from .roster import (BODY_KINDS, ActorRegistry, PronounUse, actor_at, add_mention_alias, latest_of_kind,
                     pronoun_table, resolve_pronoun)
from .subjects import NOT_SPEAKER_ENTS, expletive, subject_of
from .unnamed import group_before, one_of, unnamed_speaker

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Resolved", "resolve_token"]


RELATIVE = {"who", "which", "that", "whom"}
PLURAL = {"they", "them"}
NEUTER = {"it"}
FIRST_SECOND = {"i", "we", "you", "me", "us"}
INDEFINITE = {"a", "an", "some", "several", "many", "one", "two", "three", "few", "other", "another"}


@dataclass
class Resolved:
    """The actor a subject stands for (None: nobody found) and the mention it rests on (text, offsets)."""
    actor: str | None
    text: str
    start: int
    end: int


def resolve_token(registry: ActorRegistry, head: Token, *, para_start: int = 0, in_quote_of: str | None = None) -> Resolved:
    """The actor a subject token stands for, with the mention span it rests on: a relative pronoun
    stands for its antecedent, a quantity ("some of his rivals") for an unnamed group, a personal
    pronoun for the most salient person before it (I/we for the quoted speaker), a noun phrase for
    what the steps of `SPAN_STEPS` make of it."""
    head = _past_dateline(head)
    low = head.lower_
    if low in RELATIVE and head.head.dep_ == "relcl":
        return _resolve_relative(registry, head, para_start)
    if head.pos_ == "PRON" and low not in pronoun_table() and low not in RELATIVE:
        return _resolve_quantity(registry, head)
    if head.pos_ == "PRON" or low in PERSONAL or low in PLURAL or low in NEUTER or low in FIRST_SECOND:
        return _resolve_personal(registry, head, in_quote_of)
    return _resolve_phrase(registry, head, para_start)


def _resolved_as(actor: str | None, span: Span) -> Resolved:
    return Resolved(actor, span.text, span.start_char, span.end_char)


def _resolved_at(actor: str | None, tok: Token) -> Resolved:
    return Resolved(actor, tok.text, tok.idx, tok.idx + len(tok.text))


def _resolve_relative(registry: ActorRegistry, head: Token, para_start: int) -> Resolved:
    """"who", "which": the antecedent of the relative clause says."""
    antecedent = head.head.head
    if antecedent.dep_ == "appos" and antecedent.pos_ == "NOUN" and antecedent.head.pos_ in ("NOUN", "PROPN"):
        antecedent = antecedent.head  # "The customer, a mother of two who asked not to be named": the customer
    inner = resolve_token(registry, antecedent, para_start=para_start)
    return _resolved_at(inner.actor, head)


def _resolve_quantity(registry: ActorRegistry, head: Token) -> Resolved:
    """"some of his rivals", "those who voted": a quantity or a demonstrative heads a phrase."""
    whole = full_mention(head)
    span = mention_span(head)
    actor = None
    if len(span) > 2 and len(span.text) < 90 and any(t.pos_ in ("NOUN", "PROPN") for t in span):
        actor = registry.add(span.text, "unnamed")  # "some of her rivals", not "all of them"
    return _resolved_as(actor, whole)


def _resolve_personal(registry: ActorRegistry, head: Token, in_quote_of: str | None) -> Resolved:
    """he/she/they/it to the most salient actor before them; I/we/you to the speaker quoted around them."""
    low = head.lower_
    actor = None
    if low in FIRST_SECOND:
        actor = in_quote_of
    elif expletive(head):
        actor = None  # "It was a potent punch, …": an empty subject stands for nobody
    else:
        actor = resolve_pronoun(registry, low, head.idx, sentence_start=head.sent.start_char,
                                paragraph_start=line_start(head), quoted=quoted_before(head))
        if actor and low in PERSONAL:
            registry.pronouns.append(PronounUse(head.idx, actor, PERSONAL[low]))
    if any(c.dep_ == "conj" for c in head.children):  # "She and her aides": the whole pair says it
        return _resolved_as(actor, full_mention(head))
    return _resolved_at(actor, head)


def _resolve_phrase(registry: ActorRegistry, head: Token, para_start: int) -> Resolved:
    """A noun phrase through the steps; failing them, "one of the people" is one of a group named before."""
    span = mention_span(head)
    actor = _resolve_span(registry, span, head)
    if actor is None:
        group = one_of(head)
        if group is not None and group.lower_ in ("them", "those"):
            actor = group_before(registry, head.idx)  # "One of them said", after "two diplomats familiar with …"
        elif group is not None:  # "one of the people said": one of the people named before
            actor = resolve_token(registry, group, para_start=para_start).actor
    mention = full_mention(head)
    glued = DATELINE_GLUED.match(mention.text)
    if glued:  # "SAN FRANCISCO (Reuters) -Nvidia CEO Jensen Huang": the dateline is not the speaker's name
        rest = head.doc.char_span(mention.start_char + glued.end(), mention.end_char, alignment_mode="expand")
        if rest is not None and _in_dateline(actor, registry, mention.text[:glued.end()]):
            # nor the speaker ("PODGORICA (Reuters) -Police in Montenegro said": the police, not the city)
            actor = _resolve_span(registry, rest, head)
        return Resolved(actor, mention.text[glued.end():], mention.start_char + glued.end(), mention.end_char)
    return _resolved_as(actor, mention)


def _in_dateline(actor: str | None, registry: ActorRegistry, dateline: str) -> bool:
    """Is the actor only named in the dateline ("PODGORICA (Reuters) -": the city, the agency)?"""
    found = registry.get(actor) if actor else None
    return found is not None and any(alias.lower() in dateline.lower() for alias in {found.name, *found.aliases})


DATELINE_GLUED = re.compile(r"^[A-Z][A-Z .,'’/-]*(?:\([^)]{1,30}\))?\s*[-–—]+\s*(?=[A-Z])")


def _past_dateline(head: Token) -> Token:
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
    if head.i - head.sent.start <= 2 and (head.lower_ == "date" or head.ent_type_ == "DATE"):
        # "date 2023-10-19 Israel said": a date label opening the text, the name hung on it
        for child in head.rights:
            # ("date 2023-06-22 Minister in the Presidency Ana Vell says": the name may be in the title's phrase)
            named = [t for t in child.subtree if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")]
            if child.dep_ == "appos" and child.pos_ == "PROPN" and named \
                    and any(t.ent_type_ == "DATE" for t in doc[head.i:child.i]):
                return child if child.ent_type_ else named[-1]
    return head


class Decided(NamedTuple):
    """A step's answer: the actor a phrase names, or None when it names nobody (no later step runs).
    A step that does not apply returns None instead of a `Decided`."""
    actor: str | None


Step = Callable[[ActorRegistry, Phrase], "Decided | None"]


def _resolve_span(registry: ActorRegistry, span: Span, head: Token) -> str | None:
    """The actor a noun phrase names: the first step of `SPAN_STEPS` that decides."""
    phrase = Phrase.of(span, head)
    for step in SPAN_STEPS:
        decided = step(registry, phrase)
        if decided is not None:
            return decided.actor
    return None


def _entity_actor(registry: ActorRegistry, ent: Span) -> str | None:
    """The actor noted at the entity's place, else the one its text names."""
    return actor_at(registry, ent.start_char, ent.end_char) or registry.resolve(ent.text, ent.start_char)


def _aliased(registry: ActorRegistry, actor_id: str, phrase: Phrase) -> Decided:
    """The phrase names the actor, and becomes one of its aliases."""
    add_mention_alias(registry, actor_id, phrase.span.text)
    return Decided(actor_id)


def _entity_at_head(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """A named entity at the head (or the head's compound name)."""
    ent = entity_holding(p.span.doc, p.head.i)  # by bisect: entities never overlap (issue 19)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
        found = _entity_actor(registry, ent)
        if found:
            return _aliased(registry, found, p)
    return None


def _name_in_apposition(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """"Her daughter, Marit Vance-Oduya": an appositive name. A body's name the tagger took for a place
    counts beside a body's noun: "Russia's civil aviation authority, Rosaviatsia, maintained" is
    Rosaviatsia speaking, not Russia, its owner."""
    body = noun_kind(p.span, p.lemma) is not None
    for child in p.head.children:
        if child.dep_ == "appos":
            ent = entity_at(child)
            if ent is not None and (ent.label_ in ("PERSON", "ORG") or body and ent.label_ == "GPE"):
                found = _entity_actor(registry, ent)
                if found:
                    return _aliased(registry, found, p)
    return None


def _name_hung_on_body(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """"A spokeswoman for Halvard, Greta Olsen, said": the parser hangs the name on the body."""
    if is_title_word(p.head.text):
        for prep in (c for c in p.head.children if c.dep_ == "prep"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for appos in (c for c in pobj.children if c.dep_ == "appos"):
                    ent = entity_at(appos)
                    if ent is not None and ent.label_ == "PERSON":
                        found = _entity_actor(registry, ent)
                        if found:
                            return _aliased(registry, found, p)
    return None


def _role_noun(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """Role nouns: "the councillor", "the foreign minister", "Brackwater's managing director"."""
    if p.head.pos_ in ("NOUN", "PROPN") and is_title_word(p.head.text) and p.det not in INDEFINITE:
        found = by_title(registry, p.span, p.head)
        if found:
            return _aliased(registry, found, p)
    return None


def _epithet(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """Epithets: "The former Aldenport defender said", "the 24-year-old said", "The Swede said": the
    person the story is about at that point, as a pronoun would be."""
    head = p.head
    if p.det == "the" and is_epithet(head):
        found = resolve_pronoun(registry, "", head.idx, sentence_start=head.sent.start_char,
                                paragraph_start=line_start(head), quoted=quoted_before(head))
        if found:
            return _aliased(registry, found, p)
    return None


def _capitalised_body(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """"The Velmar Dockers' Union": a capitalised name the tagger missed is a body of its own, not "the
    union" named before."""
    head, span = p.head, p.span
    if head.pos_ == "PROPN" and head.text[:1].isupper() and p.det == "the" \
            and any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span if t.i < head.i):
        name = without_place(span.text[len(p.words[0].text):].strip())
        return Decided(registry.resolve(name, span.start_char) or registry.add(name, org_kind(name, None)))
    return None


def _document(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """"the letter said" after "In a letter to staff, he wrote …": the letter's writer."""
    if p.det in ("the", "this", "that") and p.lemma in wordset("document_nouns.txt"):
        found = _writer_of_earlier(registry, p.head)
        if found:
            return Decided(found)
    return None


REPORT_HEADS = frozenset({"report", "reporting", "story", "article", "investigation", "analysis"})


def _report_by(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """"Reports from the Financial Times", "a report by Reuters", "an investigation in the Times": the
    outlet or body that published it speaks."""
    if p.lemma not in REPORT_HEADS and p.head.lower_.rstrip("s") not in REPORT_HEADS:  # "Reports" opening a sentence
        return None
    for prep in p.head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "in", "of"):
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            found = resolve_token(registry, obj).actor if obj is not None else None
            if found:
                return Decided(found)
    return None


ISSUING_VERBS = frozenset({"file", "issue", "write", "submit", "release", "send", "sign", "publish", "bring", "lodge",
                           "provide", "compile", "collect", "give", "conduct", "prepare", "produce", "author"})


def _issued_by(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """"A court filing from the Washington DC attorney general said", "The court document, filed by the
    attorney general for Washington DC, states": whoever issued the document speaks through it, named or
    not (a named body inside the phrase is `_body_inside`'s)."""
    if p.lemma not in wordset("issued_nouns.txt") and p.head.lower_ not in wordset("issued_nouns.txt"):
        return None  # (the lemma of "data" may be "datum")
    for child in p.head.children:
        prep = child if child.dep_ == "prep" and child.lower_ in ("from", "by") else None
        if child.dep_ == "acl" and child.lemma_.lower() in ISSUING_VERBS:
            prep = next((c for c in child.children if c.dep_ == "agent"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None and any(c.dep_ == "conj" for c in obj.children):
            return None  # "a study by Harvard and the University of California": several bodies, no one of them
        if obj is not None and (obj.pos_ == "PROPN" or is_title_word(obj.text) or noun_kind(obj.doc[obj.i:obj.i + 1], obj.lemma_.lower())):
            found = resolve_token(registry, obj).actor
            if found:
                return Decided(found)
    return None


def _owned_document(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """"The ME's report states", "the ministry's statement said", "Bloomberg's story claimed": the named
    owner of a document speaks through it (a pronoun owner, "its report", is left to the other steps)."""
    if p.lemma not in wordset("issued_nouns.txt") and p.head.lower_ not in wordset("issued_nouns.txt") \
            and p.lemma not in REPORT_HEADS and p.lemma not in ("autopsy", "finding", "ruling"):
        return None
    owner = next((t for t in p.head.children if t.dep_ == "poss" and t.pos_ in ("PROPN", "NOUN")), None)
    found = resolve_token(registry, owner).actor if owner is not None else None
    return Decided(found) if found else None


OWN_BODIES = frozenset({"office", "campaign", "team", "camp"})  # a person's own: they speak as the person


def _owners_body(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """"her office", "his campaign", "Racine's office": the person's own body speaks for them."""
    owner = next((t for t in p.head.children if t.dep_ == "poss" and t.lower_ in POSSESSIVE), None)
    if owner is not None and noun_kind(p.span, p.lemma):
        found = resolve_pronoun(registry, "he" if POSSESSIVE[owner.lower_] == "m" else "she", owner.idx,
                                sentence_start=owner.sent.start_char, unnamed=False)  # (an anonymous source has no office)
        if found:
            return Decided(found)
    named = next((t for t in p.head.children if t.dep_ == "poss" and t.pos_ == "PROPN"), None)
    if named is not None and p.lemma in OWN_BODIES:
        found = resolve_token(registry, named).actor
        if found and registry.get(found).kind == "person":
            return Decided(found)
    return None


def _body_noun(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """"the paper" → the latest outlet; "the company"/"the statement" → the latest organization; "the
    council's transport department" → the council; "the defence ministry" → a body of its own."""
    head, span = p.head, p.span
    if p.det in ("the", "this", "that") or head.dep_ == "poss" or any(t.dep_ == "poss" for t in head.children):
        kind = noun_kind(span, p.lemma)
        named_owner = next((t for t in head.children if t.dep_ == "poss" and t.pos_ in ("NOUN", "PROPN")), None)
        if kind and named_owner is not None:  # "the council's transport department": the council's body
            body = resolve_token(registry, named_owner).actor
            if body is not None and registry.get(body).kind in BODY_KINDS:
                return Decided(body)
        own = _own_body(registry, span, head, kind) if kind == "government" else None
        if own:
            return Decided(own)
        if kind and head.tag_ == "NNS" and named_owner is None and head.lower_ != p.lemma:
            return None  # "the parties said": several bodies, a group of its own, not the latest one named
        if kind:
            found = latest_of_kind(registry, span.start_char, kind, head_word=p.lemma)
            if found:
                return _aliased(registry, found, p)
    return None


def _body_inside(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """"researchers at the University of Aldenport", "officials in Moscow" → the body named inside."""
    head, span = p.head, p.span
    inner = [e for e in ents_within(span.doc, span.start, span.end) if e.label_ in ("ORG", "GPE")]  # by bisect (issue 19)
    modifier = bool(inner) and inner[0].root.head.i == head.i and inner[0].root.dep_ in ("compound", "poss", "nmod")
    # ("a Financial Times publication" is the paper's; "an unnamed Ostravan diplomat" stays unnamed: one
    # of them, not the body)
    one_of_them = p.people_head and p.det in ("a", "an")
    # "A statement from the transport ministry said": the body the document comes from
    from_body = bool(inner) and p.lemma in wordset("issued_nouns.txt") and inner[0].root.head.lower_ in ("from", "by", "of") \
        and inner[0].root.head.head.i == head.i
    if inner and any(c.dep_ == "conj" for c in inner[0].root.children):
        return None  # "Officials with mediators Qatar, Egypt and the US": several bodies, a group, not the first
    if inner and head.pos_ == "NOUN" and not one_of_them and (modifier or p.people_head or from_body):
        found = _entity_actor(registry, inner[0])
        if not found and inner[0].label_ == "ORG" and (p.people_head or from_body):
            # "The president of the Federation of Indian Pilots" before the federation was named anywhere
            # else: the body, named here for the first time
            name = without_place(re.sub(r"^(?i:the)\s+", "", inner[0].text))
            found = registry.resolve(name, inner[0].start_char) or registry.add(name, org_kind(name, None))
        if found:
            return _aliased(registry, found, p)
    return None


def _metonym(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """Capital-city and seat-of-power metonyms without an entity tag ("the White House")."""
    gov = registry.resolve(p.span.text, p.span.start_char)
    return Decided(gov) if gov else None


def _date_or_number(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """"in July, which showed …": a date, a sum or a count says nothing."""
    return Decided(None) if p.head.ent_type_ in NOT_SPEAKER_ENTS else None


def _untagged_name(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """A name spaCy did not tag ("Della Fenwick, a spokeswoman …"): a person if it carries a person's
    marks, else an organization."""
    return Decided(_actor_of_untagged_name(registry, p.head)) if p.head.pos_ == "PROPN" else None


def _unnamed(registry: ActorRegistry, p: Phrase) -> Decided | None:
    """Anonymous sources and other unnamed speakers: an actor named by its own words."""
    if p.det in ("a", "an") and p.lemma in wordset("issued_nouns.txt"):
        return Decided(None)  # "A bombshell report said": a document nobody is named as issuing speaks for no one
    if p.head.pos_ == "NOUN" and len(p.span.text) < 90:
        return Decided(unnamed_speaker(registry, p))
    return None


# The steps in order: the first that decides names the phrase's actor (or nobody).
SPAN_STEPS: tuple[Step, ...] = (
    _entity_at_head, _report_by, _issued_by, _owned_document, _name_in_apposition, _name_hung_on_body, _role_noun, _epithet, _capitalised_body,
    _document, _owners_body, _body_noun, _body_inside, _metonym, _date_or_number, _untagged_name, _unnamed)


def _own_body(registry: ActorRegistry, span: Span, head: Token, kind: str) -> str | None:
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
    # "the space agency" after the National Aeronautics and Space Administration: the one body of that
    # kind whose name holds the portfolio
    portfolio = {t.lower_ for t in mods}
    holders = {s.actor for s in registry.seen() if s.start < span.start_char and registry.get(s.actor).kind == kind
               and portfolio <= set(norm_key(registry.get(s.actor).name).split())}
    if len(holders) == 1:
        actor_id = holders.pop()
        add_mention_alias(registry, actor_id, span.text)
        return actor_id
    words = [t for t in span if t.dep_ not in ("det", "poss", "case") and not t.is_punct]
    if not words:
        return None
    name = span.doc[words[0].i:span.end].text
    return registry.add(name[0].upper() + name[1:], kind, alias=span.text)


def _actor_of_untagged_name(registry: ActorRegistry, head: Token) -> str:
    """The name a PROPN head ends, as a known actor, a person (with the title and description beside it)
    or a body."""
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


def _writer_of_earlier(registry: ActorRegistry, head: Token) -> str | None:
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
