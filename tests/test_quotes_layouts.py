"""Quotes on more layouts of real news (issue 16, tune2 round), one mechanism per test, on short articles
written for these tests (fiction): pull quotes signed on a long line, quoted fragments inside a stance's
object, labels that are no quotes, datelines and date labels before a speaker, interview answers over
several paragraphs, and verbs that do not report speech."""
from __future__ import annotations

import pytest

from nonpaper import actors, quotes
from nonpaper.ingest import article_from_string
from nonpaper.text import parse as nlp


def run(text: str):
    """(quotes, registry) of a short article; its first line is the headline."""
    art = article_from_string(text, published="2026-03-02")
    parsed = nlp.parse(art)
    registry = actors.find_actors(parsed)
    return quotes.extract_quotes(parsed, registry), registry


def speaker(registry, quote) -> str | None:
    actor = registry.get(quote.speaker)
    return actor.name if actor else None


def having(found, fragment: str):
    hits = [q for q in found if fragment in q.text]
    assert len(hits) == 1, [q.text for q in found]
    return hits[0]


# -- pull quotes signed on a long line ------------------------------------------------------------

@pytest.mark.parametrize("signature,name", [
    ("— Ilse Marren, MD, of the Tovel University Medical Centre’s Institute for Harbour Health, on the "
     "risks of the new ferry schedule for night workers.", "Ilse Marren"),
    ("— Oskar Lind, PhD, of Calvessa College in Norrick, discussing the harbour survey.", "Oskar Lind"),
    ("— Ilse Marren", "Ilse Marren"),
])
def test_pull_quote_signed_on_a_long_line(signature, name):
    text = ("What we heard this week\n\n“The night ferries are a real risk.” " + signature
            + "\n“Nobody measured the noise.” — Pia Holm, of the Tovel Port Authority, on the new quay.")
    found, reg = run(text)
    assert speaker(reg, having(found, "night ferries")) == name
    assert speaker(reg, having(found, "Nobody measured")) == "Pia Holm"
