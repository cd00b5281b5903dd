"""The words a mention of an actor covers: the noun phrase a subject heads (`mention_span`, without
its relative clauses and appositives, to name an actor; `Phrase` with what resolution reads of it),
the whole phrase as annotators mark it (`full_mention`), "Name, a description" pairs
(`appositive_pairs`), and where a mention sits (the quotations before it, its paragraph's start)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, NamedTuple

from ..lexicon import speech_verbs, wordset
from ..text.names import entity_at, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


DASHES = {"—", "–", "-", "--"}
FOCUS_WORDS = {"even", "just", "virtually"}  # "Even the mayor said": the writer's word, not the mention's
POSSESSIVE_MARKS = {"’", "'", "’s", "'s"}


@dataclass(frozen=True)
class Phrase:
    """A noun phrase that may name a speaker, with what the steps resolving it read: its words (without
    punctuation), its determiner, its head's lemma, and whether the head is a people noun ("official",
    "spokeswoman", "people") rather than a thing."""
    span: Span
    head: Token
    words: list[Token]
    det: str
    lemma: str
    people_head: bool

    @classmethod
    def of(cls, span: Span, head: Token) -> Phrase:
        words = [t for t in span if not t.is_punct]
        lemma = head.lemma_.lower()
        people_head = lemma in wordset("anonymous_heads.txt") or head.lower_ in wordset("anonymous_heads.txt") \
            or is_title_word(head.text)
        return cls(span, head, words, words[0].lower_ if words else "", lemma, people_head)


class Appositive(NamedTuple):
    """"Della Fenwick, a spokeswoman for Brackwater": the name, the description and its head noun."""
    name: Span
    description: Span
    head: Token


@functools.lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    return speech_verbs("clause") | speech_verbs("strong")


def mention_span(head: Token) -> Span:
    """The noun phrase a subject token heads, without relative clauses, appositives and what follows
    a comma: "An engineer familiar with the inspection" from "An engineer …, who spoke …,"."""
    doc = head.doc
    if head.ent_type_ and head.ent_iob_ != "O":
        ent = entity_at(head)  # by bisect, not a scan of every entity (issue 19)
    else:
        ent = None
    cut = {head.i}
    for tok in head.subtree:
        cut.add(tok.i)
    right = head.i
    for child in head.rights:
        if child.dep_ in ("relcl", "appos", "punct", "cc", "conj", "acl") and child.dep_ != "acl":
            break
        if child.dep_ == "acl" and child.tag_ in ("VBG", "VBN"):
            break
        right = max(right, max(t.i for t in child.subtree))
    left = min(t.i for t in head.subtree if t.i <= head.i)
    # drop a leading conjunction/punctuation and trailing punctuation
    while left < head.i and (doc[left].is_punct or doc[left].dep_ in ("cc", "preconj")
                             or (doc[left].lower_ in FOCUS_WORDS and doc[left].dep_ in ("advmod", "predet", "quantmod"))):
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    # a comma inside the span ends it (appositive parsed as a modifier)
    for i in range(head.i + 1, right + 1):
        if doc[i].text in (",", "—", "–", "(", ";"):
            right = i - 1
            break
    span = doc[left:right + 1]
    if ent is not None and (ent.start < span.start or ent.end > span.end):
        span = doc[min(ent.start, span.start):max(ent.end, span.end)]
    return span


def full_mention(head: Token) -> Span:
    """The whole noun phrase a subject heads, appositives and relative clauses included ("Jeff
    Weaver, Sanders' campaign manager,"): the mention an attribution rests on, as annotators mark it."""
    doc = head.doc
    a, b = head.left_edge.i, head.right_edge.i
    for i in range(a, head.i):  # "WASHINGTON — Sen. Ilse Marr": a dateline is not part of the name
        if doc[i].text in DASHES and doc[i].whitespace_ and i > 0 and doc[i - 1].whitespace_:
            a = i + 1
    while a < head.i and (doc[a].is_punct or doc[a].is_space or doc[a].dep_ == "cc"):
        a += 1
    while b > head.i and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    while b > a and doc[b].dep_ == "case":  # "Kade's claim": the owner, not the possessive mark
        b -= 1
    a = _stray_premodifiers(head, a, b)
    b = _before_participle(head, b)
    b = _before_date(head, b)
    while a < head.i and doc[a].lower_ in FOCUS_WORDS and doc[a].dep_ in ("advmod", "preconj", "det", "predet", "quantmod"):
        a += 1  # "Even the mayor said": the focus word is the writer's, not part of the mention
    span = doc[a:b + 1]
    if len(span.text) > 200:
        return mention_span(head)
    return span


def _before_date(head: Token, b: int) -> int:
    """"a group of doctors in 2015 called for …": a date the parser hung on the noun says when, not who."""
    doc = head.doc
    for child in head.rights:
        if child.dep_ == "prep" and child.i <= b and child.right_edge.i >= b - 1 \
                and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in child.children):
            b = min(b, child.i - 1)
    while b > head.i and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    return b


def _before_participle(head: Token, b: int) -> int:
    """"by a group backing the mayor", "“…,” said a panel led by …": when the speaker is not the
    verb's own subject (an agent, an inverted or misparsed subject) a participle after its noun is the
    sentence's business, not the mention's. Subjects and "according to" sources keep theirs ("a poll
    released Thursday found …", as annotators mark it)."""
    if head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "pobj" and head.head.lower_ == "to"):
        return b
    doc = head.doc
    for child in head.rights:
        if child.dep_ == "acl" and child.tag_ in ("VBG", "VBN") and child.i <= b \
                and doc[child.left_edge.i - 1].text not in (",", "(", "—", "–"):
            return min(b, child.left_edge.i - 1)
    return b


def _stray_premodifiers(head: Token, a: int, b: int) -> int:
    """Words of a name's title that the parser hung on the verb instead of the name ("Tennis great
    Ana Holm said", "Presumptive nominee Ana Holm told", "co-host Ana Holm asked", "Kert Radio's
    Ana Holm"): extend the mention's start over them."""
    doc = head.doc
    start = head.sent.start
    verb = head.head.i
    while a > start:
        t = doc[a - 1]
        if t.text == "-" and not t.whitespace_ and a - 2 >= start and not doc[a - 2].whitespace_:
            a -= 1  # "co-host": the hyphen, then the word before it
            continue
        if t.text in POSSESSIVE_MARKS and a - 2 >= start and not doc[a - 2].whitespace_ \
                and doc[a - 2].text[:1].isupper() and doc[a - 2].pos_ in ("PROPN", "NOUN"):
            a -= 2  # "Kert Radio's Ana Holm": the owner too
            continue
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb and t.pos_ in ("NOUN", "PROPN") \
                and head.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i >= start:
            a = t.left_edge.i  # "Former envoy and frontrunner Ana Holm is": a second subject is the name's title
            continue
        if t.tag_ in ("PRP$", "DT") and a <= t.head.i <= b:
            a -= 1  # "His ex-wife": the determiner of a word already taken
            break
        if t.is_punct or t.is_space or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") \
                or t.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB"):
            break
        if t.i == verb or (t.head.i != verb and not a <= t.head.i <= b) or t.lemma_.lower() in cue_lemmas():
            break  # "Said Ana Holm, …": the verb itself
        if not (t.text[:1].isupper() or is_title_word(t.text) or (doc[a].text == "-" and not t.whitespace_)):
            break
        a -= 1
    return a


def appositive_pairs(doc: Doc) -> Iterator[Appositive]:
    """(name span, description span, description head) for "Name, a description" and
    "The description, Name"."""
    for tok in doc:
        if tok.dep_ != "appos":
            continue
        head = tok.head
        if head.ent_type_ in ("PERSON", "ORG") and tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("PERSON",):
            name = entity_at(head)
            desc = description_span(tok)
            if name is not None and desc is not None and not _overlaps(name, desc):
                yield Appositive(name, desc, tok)
        elif _named_person(tok, head) and head.pos_ == "NOUN" and not head.ent_type_:
            if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN" \
                    and is_title_word(head.head.head.text) and tok.i > 0 and tok.doc[tok.left_edge.i - 1].text == ",":
                head = head.head.head  # "A spokeswoman for the mayor, Ruth Glas": the spokeswoman, not the mayor
            name = entity_at(tok)
            desc = description_span(head, stop=tok)
            if name is not None and desc is not None and not _overlaps(name, desc):
                yield Appositive(name, desc, head)


def _named_person(tok: Token, head: Token) -> bool:
    """A person's name in apposition: tagged as a person, or a two-word name tagged as a place or body
    after a title ("her deputy, Ines Vogt" with "Ines Vogt" taken for a place)."""
    if tok.ent_type_ == "PERSON":
        return True
    ent = entity_at(tok) if tok.ent_type_ in ("GPE", "LOC", "ORG") else None
    return ent is not None and len(ent) > 1 and is_title_word(head.text)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def description_span(head: Token, stop: Token | None = None) -> Span | None:
    doc = head.doc
    clauses = {t.i for c in head.children if c.dep_ == "relcl" and c.i > head.i for t in c.subtree}
    # ("a farmer whose house was flooded": the relative clause is no part of the description)
    toks = [t for t in head.subtree if (stop is None or not (stop.left_edge.i <= t.i <= stop.right_edge.i))
            and t.i not in clauses]
    toks = [t for t in toks if t.i <= head.i or t.dep_ in ("prep", "pobj", "compound", "amod", "poss", "det", "case")
            or t.head.i > head.i and t.head.dep_ in ("prep", "pobj", "poss", "compound")]
    if not toks:
        return None
    left, right = min(t.i for t in toks), max(t.i for t in toks)
    for i in range(left, right + 1):
        if doc[i].text in (",", "(", ";", "—") or doc[i].dep_ == "relcl":
            if i > head.i:
                right = i - 1
                break
            left = i + 1
    while right > left and doc[right].is_punct:
        right -= 1
    if right < left:
        return None
    return doc[left:right + 1]


OPENERS = {"“": "”", "\"": "\"", "''": "''", "``": "''"}
SYMMETRIC = {"\"", "''"}  # marks that open and close alike


def quoted_before(tok: Token) -> list[tuple[int, int]]:
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
    return out + _quoted_earlier_in_paragraph(tok)


def _quoted_earlier_in_paragraph(tok: Token) -> list[tuple[int, int]]:
    """The quotations closed in the token's paragraph before its sentence: in "“… what President Biden
    laid out. And we are having to deal with that,” he says", Biden is the speaker's word, not "he"."""
    doc, out, open_at, closer = tok.doc, [], None, None
    start = line_start(tok)
    first = next((t.i for t in doc[max(0, tok.sent.start - 400):tok.sent.start] if t.idx >= start), tok.sent.start)
    for t in doc[first:tok.sent.start]:
        if open_at is None and t.text in OPENERS:
            open_at, closer = t.idx, OPENERS[t.text]
        elif open_at is not None and (t.text == closer or (closer == "”" and t.text == "\"")):
            out.append((open_at, t.idx))
            open_at = None
    if open_at is not None:
        out.append((open_at, tok.sent.start_char))  # still open where the sentence begins: quoted up to it
    return out


def line_start(tok: Token) -> int:
    """Where the token's line (its paragraph) starts; walks the tokens, since `doc.text` is rebuilt on
    every call."""
    doc = tok.doc
    for i in range(tok.i - 1, -1, -1):
        if "\n" in doc[i].text_with_ws:
            return doc[i + 1].idx
    return 0
