"""`nlp.add_pipe("nonpaper_quotes")` for spaCy users."""
from __future__ import annotations

import spacy

import nonpaper.components  # noqa: F401  (registers the factory)
from nonpaper.text.parse import MODEL


def test_component_fills_doc_quotes():
    nlp = spacy.load(MODEL)
    nlp.add_pipe("nonpaper_paragraphs", before="parser")
    nlp.add_pipe("nonpaper_quotes")
    text = ("Dockers vote\n\nDana Okafor leads the dockworkers’ union.\n\n"
            "“We were never shown the text,” Okafor said, “and we will not negotiate.”")
    doc = nlp(text)
    assert [q.text for q in doc._.quotes] == ["We were never shown the text,", "and we will not negotiate."]
    speakers = {q.speaker for q in doc._.quotes}
    assert len(speakers) == 1
    names = {a.id: a.name for a in doc._.actors}
    assert names[speakers.pop()] == "Dana Okafor"
    q = doc._.quotes[0]
    assert doc.text[q.start:q.end] == q.text
