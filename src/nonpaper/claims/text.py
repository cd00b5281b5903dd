"""Small text helpers shared by the claim finders and the dispute checks (issue 5)."""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Iterable

from .. import lexicon as resources

if TYPE_CHECKING:
    from spacy.tokens import Token

# Lemmas that say nothing about what a claim is about.
GENERIC = frozenset("""
be have do say tell make get go come take give know think see also there here this that these those
thing way time year day week month people one other own any some all no nobody none anyone everybody
which who what whom whose it its they them their he she his her we our you your i me my us
""".split())

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "half": 0.5,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def content_lemmas(tokens: Iterable[Token], names: bool = True) -> frozenset[str]:
    """Lowercased lemmas of the content words (nouns, verbs, adjectives, and names unless not
    `names`) in `tokens`."""
    keep = ("NOUN", "PROPN", "VERB", "ADJ") if names else ("NOUN", "VERB", "ADJ")
    out = set()
    for t in tokens:
        if t.pos_ in keep and t.is_alpha:
            lemma = t.lemma_.lower()
            if lemma not in GENERIC and len(lemma) > 2:
                out.add(lemma)
    return frozenset(out)


def subtree_text(token: Token) -> str:
    """The words a token heads, with what hangs from them ("people familiar with the matter")."""
    return "".join(t.text_with_ws for t in token.subtree).strip()


def stem(word: str) -> str:
    """A crude stem so 'inspection' meets 'inspector' and 'removing' meets 'removed'."""
    return word[:6] if len(word) > 6 else word


def stems(lemmas) -> frozenset[str]:
    """Stems of the lemmas, synonyms folded to their class ('draft' and 'memo' are both 'document');
    'type:call' tags (an event's type) stay whole."""
    classes = _synonyms()
    return frozenset(w if ":" in w else classes.get(w, stem(w)) for w in lemmas)


@functools.lru_cache(maxsize=1)  # built once: `stems` asks for it for every claim compared (issue 19)
def _synonyms() -> dict[str, str]:
    table = resources.mapping("claim_topics.json").get("synonyms", {})
    return {w: "=" + cls for cls, words in table.items() for w in words}


def overlap(a, b) -> int:
    return len(stems(a) & stems(b))


def parse_number(text: str) -> float | None:
    """'0.4', '2,000', 'eleven', '22 million', 'a hundred', 'more than a million' → a number; None when not a number."""
    words = text.lower().replace(",", "").replace("-", " ").split()
    value: float | None = None
    for w in words:
        if re.fullmatch(r"\d+(\.\d+)?", w):
            value = (value or 0) + float(w)
        elif w in SCALES:  # "22 million", and "a million" with the article read as one
            value = (value if value is not None else 1) * SCALES[w]
        elif w in NUMBER_WORDS:
            value = (value or 0) + NUMBER_WORDS[w] if w not in SCALES else (value or 1) * SCALES[w]
        elif w in ("a", "an", "about", "around", "almost", "nearly", "some", "over", "more", "than", "roughly",
                   "only", "just", "at", "least", "most", "less", "fewer", "up", "to", "under", "approximately"):
            continue
        else:
            break
    return value


def canonical_topic(lemma: str) -> str:
    table = resources.mapping("claim_topics.json")["canonical"]
    return table.get(lemma, lemma)


def eventish(lemma: str) -> bool:
    return lemma in _eventish()


def _eventish() -> frozenset[str]:
    return frozenset(resources.mapping("claim_topics.json")["eventish"])


def short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
