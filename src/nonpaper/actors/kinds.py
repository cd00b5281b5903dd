"""What kind of actor a name is, if any: a person (by the marks a person's name carries), an outlet,
a government or an organization (by the words of its name), the same body under two names ("FT" and
"Financial Times"), or no actor at all (a dateline)."""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..lexicon import mapping, wordset
from ..text.names import gender_of_words, honorific, initials, is_title_word, norm_key, strip_det, title_before

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def is_dateline(ent: Span) -> bool:
    """"OSTRAVA — Norvik Air said …": a place in capitals opening a paragraph before a dash is the
    dateline (where the story was filed), never an actor; left in, it links every body named after
    the city ("Ostrava Aviation Union", "Ostrava Herald") into one."""
    doc = ent.doc
    if not ent.text.isupper() or ent.end >= len(doc) or doc[ent.end].text not in ("—", "–", "-", "--"):
        return False
    return ent.start == 0 or "\n" in doc[ent.start - 1].text_with_ws or doc[ent.start - 1].is_space


def body_words() -> frozenset[str]:
    return wordset("outlet_words.txt") | wordset("government_words.txt") | wordset("business_words.txt")


def looks_like_person(ent: Span) -> bool:
    """A PERSON entity, or an ORG one that carries a person's marks: a title or honorific in front
    ("Councillor Ottilie Marsh"), a person-title appositive ("Della Fenwick, a spokeswoman"), or a
    "who" clause ("Marsh, who chairs …"). spaCy's small model tags unusual names either way."""
    words = [t.text for t in ent]
    last = words[-1].lower().strip(".’'") if words else ""
    if last in wordset("non_person_words.txt") or last in body_words() or not words:
        return False
    if ent.label_ == "PERSON":
        if len(words) == 1 and ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("the", "a", "an"):
            return False  # "the Aurel": a building or a thing called after someone
        if len(words) == 1 and ent[0].tag_ == "NNS":
            return False  # "Supporters' trust chair …" at the start of a sentence: a plural noun, no name
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.dep_ == "compound" and ent.start <= before.head.i < ent.end \
                and before.lemma_.lower() in wordset("org_nouns.txt") | wordset("outlet_nouns.txt"):
            return False  # "Consumer group Fair Shelf", "the firm Brackwater": the noun in front says a body
        return True
    if ent.label_ in ("GPE", "LOC"):  # "union organiser Pia Lund" tagged as a place: a title makes a person
        return (len(words) > 1 and person_signals(ent)) or age_after(ent)
    if ent.label_ != "ORG" or any(w.lower() in wordset("outlet_words.txt") | wordset("government_words.txt") for w in words):
        return False
    return person_signals(ent)


def person_signals(ent: Span) -> bool:
    """The marks of a person on a name-like span (an entity, or proper nouns spaCy left untagged)."""
    words = [t.text for t in ent]
    if not words:
        return False
    if honorific(words[0]) or (is_title_word(words[0]) and len(words) > 1 and words[1][:1].isupper()):
        return True
    if title_before(ent) or age_after(ent):
        return True
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and (is_title_word(child.text) or _people_noun(child)):
            return True  # "Della Fenwick, a spokeswoman", "Keith Scott, a 43-year-old black man"
        if child.dep_ == "relcl" and any(c.lower_ == "who" for c in child.children):
            return True
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and (is_title_word(root.head.text) or _people_noun(root.head)):
        return True  # "the company's spokeswoman, Della Fenwick", "his former interpreter, Ippei Mizuhara"
    return False


def _people_noun(tok: Token) -> bool:
    """A singular noun that only a person can be: "man", "mother", "doctor", "official"."""
    return tok.tag_ == "NN" and (gender_of_words([tok.text]) is not None or tok.lower_ in wordset("anonymous_heads.txt"))


def age_after(ent: Span) -> bool:
    """"Mbeki, 19, was making her second start": a bare age set off by commas follows only a person."""
    doc = ent.doc
    i = ent.end
    return i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == "," \
        and doc[i + 1].text.isdigit() and 1 <= int(doc[i + 1].text) <= 110


def org_kind(name: str, outlet: str | None) -> str:
    words = set(norm_key(name).split())
    if outlet and norm_key(strip_det(outlet)) == norm_key(strip_det(name)):
        return "outlet"
    if words & wordset("outlet_words.txt") and not words & {"press"} - wordset("outlet_words.txt"):
        return "outlet"
    if words & wordset("government_words.txt"):
        return "government"
    return "organization"


ACRONYM_SKIPS = frozenset({"and", "of", "for", "the", "on", "&"})


def content_initials(name: str) -> str:
    """The initials of the words an acronym keeps ("National Aeronautics and Space Administration" → NASA)."""
    return initials(" ".join(w for w in name.split() if w.lower() not in ACRONYM_SKIPS)).upper()


def same_org(a: str, b: str) -> bool:
    (ka, fa, wa, _), (kb, fb, wb, _) = a_key, b_key = _org_key(a), _org_key(b)
    if ka == kb or fa == fb:
        return True  # ("GOP" and "Republican Party": a nickname of body_nicknames.json)
    if not wa or not wb:
        return False
    short, long_, acronyms = (wa, wb, b_key[3]) if len(wa) <= len(wb) else (wb, wa, a_key[3])
    if len(long_) > len(short) and long_[:len(short)] == short and long_[-1] in wordset("member_body_nouns.txt"):
        return False  # "Harwick Savings" is not "Harwick Savings Depositors' Association"
    if long_[:len(short)] == short or long_[-len(short):] == short:
        return True  # "Brackwater" ~ "Brackwater Restoration", "Philharmonic" ~ "Castrel Philharmonic"
    if len(short) == 1 and len(short[0]) > 1 and short[0].upper() in acronyms:
        return True  # "FT" ~ "Financial Times", "NASA" ~ "National Aeronautics and Space Administration"
    return False


@functools.lru_cache(maxsize=1 << 16)
def _org_key(name: str) -> tuple[str, str, tuple[str, ...], tuple[str, str]]:
    """What `same_org` reads of a body name: its norm key, its full name's, its words and the two
    acronyms they make (`same_org` compares each body mentioned with every cluster's names: each name is
    read once, not once per pair, issue 19)."""
    key = norm_key(strip_det(name))
    words = tuple(key.split())
    joined = " ".join(words)
    return key, full_body_name(key), words, (initials(joined).upper(), content_initials(joined))


def full_body_name(name: str) -> str:
    """The full name of a body's nickname as a norm key ("the GOP" -> "republican party"), else the name's own."""
    key = norm_key(strip_det(name))
    return _nicknames().get(key, key)


_NICKNAMES: dict[str, str] = {}


def _nicknames() -> dict[str, str]:
    if not _NICKNAMES:
        _NICKNAMES.update({norm_key(k): norm_key(v) for k, v in mapping("body_nicknames.json")["names"].items()})
    return _NICKNAMES


BODY_HEADS = frozenset({"department", "office", "council", "police", "agency", "ministry", "committee",
                        "service", "authority", "court", "board", "commission"})

def without_place(text: str) -> str:
    """"Pompton Lakes Volunteer Fire Department in Passaic County" is the department: a place the tagger
    ran into a body's name after "in" is where it is, once the name before it ends in a body's word."""
    before, sep, after = text.partition(" in ")
    words = before.split()
    if sep and len(words) >= 2 and after[:1].isupper() and words[-1].lower() in body_words() | BODY_HEADS:
        return before
    return text


def city_of_outlet(short: str, name: str) -> bool:
    """"Ostrava" beside "Ostrava Herald": the city a paper is named after, not the paper."""
    words = norm_key(strip_det(name)).split()
    return len(words) > 1 and words[0] == norm_key(strip_det(short)) and words[-1] in wordset("outlet_words.txt")


def described_as_outlet(ent: Span) -> bool:
    """"The state broadcaster VTV", "VTV, the state broadcaster": a body its appositive calls an outlet."""
    root = ent.root
    nouns = wordset("outlet_nouns.txt")
    if root.dep_ == "appos" and root.head.lemma_.lower() in nouns:
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in nouns for c in root.children)


def noun_kind(span: Span, lemma: str) -> str | None:
    words = " ".join(t.lower_ for t in span if not t.is_punct)
    if lemma in wordset("outlet_nouns.txt") or any(w in words for w in wordset("outlet_nouns.txt") if " " in w):
        return "outlet"
    if lemma in wordset("government_nouns.txt"):
        return "government"
    if lemma in wordset("org_nouns.txt"):
        return "organization"
    return None
