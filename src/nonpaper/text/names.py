"""Small helpers on names: slugs, cleaning entity text, titles before a name, gender from words and
honorifics, whether two first names can be one person's, and the entity a token is in."""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
import unicodedata
from typing import TYPE_CHECKING, Iterable, NamedTuple

from ..lexicon import wordlist, wordset

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
DETS = ("the ", "The ", "THE ")


def slug(name: str) -> str:
    """"Sergey Lavrov" -> "sergey-lavrov"; "Financial Times" -> "financial-times"."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text or "actor"


def norm_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("’", "'")
    return " ".join(POSSESSIVE.sub("", w) for w in text.lower().split())


def strip_det(text: str) -> str:
    text = " ".join((text or "").split())
    for det in DETS:
        if text.startswith(det):
            return text[len(det):]
    return text


def clean_org(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:.\"“”‘’'")
    return POSSESSIVE.sub("", text).strip()


def initials(text: str) -> str:
    return "".join(w[0] for w in text.split() if w and w[0].isalpha())


@functools.lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return wordset("titles.txt") | frozenset(w.split()[-1] for w in wordset("titles.txt"))


def is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in _title_words() or word.lower() in _title_words()


@functools.lru_cache(maxsize=1)
def _honorific_set() -> frozenset[str]:
    return frozenset(line.split("\t")[0] for line in wordlist("honorifics.txt"))


def honorific(word: str) -> bool:
    return word.lower() in _honorific_set()


def honorific_gender(honorific: str) -> str | None:
    for line in _honorifics():
        if line[0] == honorific.lower():
            return line[1] if line[1] in ("m", "f") else None
    return None


def _honorifics() -> list[tuple[str, str]]:
    return [tuple(l.split("\t")) for l in wordlist("honorifics.txt") if "\t" in l]  # type: ignore[misc]


def first_compatible(a: str, b: str) -> bool:
    a, b = norm_key(a).rstrip("."), norm_key(b).rstrip(".")
    return a == b or a.startswith(b) or b.startswith(a)


ENTS_KEY = "nonpaper_ents"


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """The entities of the article's body, as `text.parse.Parsed` chose them (headings left out) when it
    was made; `doc.ents`, once per Doc, for a Doc no `Parsed` holds (spaCy rebuilds the tuple on every
    access)."""
    cached = doc.user_data.get(ENTS_KEY)
    if cached is None:
        cached = doc.user_data[ENTS_KEY] = tuple(doc.ents)
    return cached


ENT_STARTS_KEY = "nonpaper_ent_starts"


def _ent_starts(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    """The article's entities and their first tokens, in order (spaCy's entities never overlap), indexed
    once per Doc and again only when its entities change."""
    ents = ents_of(doc)
    cached = doc.user_data.get(ENT_STARTS_KEY)
    if cached is None or cached[0] is not ents:
        cached = doc.user_data[ENT_STARTS_KEY] = (ents, [e.start for e in ents])
    return cached


def entity_at(tok: Token) -> Span | None:
    """The entity the token is in, if any, by bisect (a scan of every entity per token was quadratic in
    a long article, issue 19)."""
    ents, starts = _ent_starts(tok.doc)
    k = bisect_right(starts, tok.i) - 1
    return ents[k] if k >= 0 and tok.i < ents[k].end else None


def ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities wholly inside tokens [start, end), in order, by bisect."""
    ents, starts = _ent_starts(doc)
    out = []
    for k in range(bisect_left(starts, start), bisect_left(starts, end)):
        if ents[k].end <= end:
            out.append(ents[k])
    return out


class PersonParts(NamedTuple):
    """A PERSON entity taken apart: "Mr. Sergey Lavrov" -> ("Sergey Lavrov", "Mr.", None)."""
    name: str
    honorific: str | None
    title: str | None


LEADING_CUES = frozenset({"said", "says", "added", "adds", "asked", "asks", "told", "tells", "wrote", "writes"})


def person_parts(ent: Span) -> PersonParts | None:
    """(clean name, honorific, leading title) of a PERSON entity; None when nothing name-like is left."""
    words = [t.text for t in ent if not t.is_space]
    if words and words[-1] in ("'s", "’s", "'", "’"):
        words = words[:-1]
    words = [POSSESSIVE.sub("", w) if i == len(words) - 1 else w for i, w in enumerate(words)]
    while len(words) > 1 and words[0].lower() in LEADING_CUES:
        words = words[1:]  # "Said Ellis: “…”": the model takes the cue into the name
    honor = None
    lead: list[str] = []
    while words and (honorific(words[0]) or (is_title_word(words[0]) and len(words) > 1)):
        if honorific(words[0]):
            honor = words[0]
        else:
            lead.append(words[0])
        words = words[1:]
    words = [w for w in words if w not in (",", ".")]
    if not words or not words[0][:1].isupper():
        return None
    name = " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    return PersonParts(name, honor, " ".join(lead) or None)


TITLE_DEPS = ("compound", "amod", "nmod", "npadvmod")


def title_before(ent: Span) -> str | None:
    """The title in front of a name, inside its noun phrase: "Russian Foreign Minister" in
    "Russian Foreign Minister Sergey Lavrov", "Orlay manager" in "Orlay manager Gareth Lindell"."""
    doc = ent.doc
    i = ent.start - 1
    inside = set(range(ent.start, ent.end))
    taken = []
    while i >= 0:
        tok = doc[i]
        if tok.is_punct or tok.is_space or tok.pos_ in ("DET", "ADP", "VERB", "AUX", "PRON", "CCONJ"):
            break
        if tok.dep_ not in TITLE_DEPS and tok.head.i not in inside:
            break
        if tok.ent_type_ == "PERSON":
            break
        taken.append(tok)
        inside.add(i)
        i -= 1
    if not taken:
        return None
    taken.reverse()
    if not any(is_title_word(t.text) for t in taken):
        return None
    return " ".join(t.text for t in taken)


@functools.lru_cache(maxsize=1)
def _gender_table() -> dict[str, str]:
    return dict(l.split("\t") for l in wordlist("gendered_nouns.txt") if "\t" in l)


def gender_of_words(words: Iterable[str]) -> str | None:
    table = _gender_table()
    for w in words:
        g = table.get(w.lower().strip(".,"))
        if g:
            return g
    return None
