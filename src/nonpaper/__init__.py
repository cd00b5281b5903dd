"""nonpaper: who said what, when things happened, and which accounts contradict each other.

    >>> import nonpaper
    >>> result = nonpaper.analyze(text, published="2025-10-28")
    >>> result.quotes[0].speaker, result.to_json()
"""
from __future__ import annotations

from .model import SCHEMA, Analysis, Corpus

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_many", "Analysis", "Corpus", "SCHEMA", "__version__"]


def analyze(text_or_html: str, *, published: str | None = None, title: str | None = None,
            author: str | None = None, outlet: str | None = None, url: str | None = None,
            id: str | None = None) -> Analysis:
    """Analyse one article given as plain text or an HTML page.

    `published` (an ISO date, or any date `nonpaper analyze --published` accepts) anchors relative
    dates; metadata arguments override what is found in the text.
    """
    from .ingest.readers import article_from_string
    from .pipeline import analyze_article

    article = article_from_string(text_or_html, published=published, title=title, author=author,
                                  outlet=outlet, url=url, id=id)
    return analyze_article(article)


def analyze_many(texts, *, published: str | None = None) -> Corpus:
    """Analyse several articles together: per-article results plus cross-article actors and disputes."""
    from .ingest.readers import article_from_string
    from .pipeline import analyze_articles, build_corpus

    articles = [article_from_string(t, published=published) for t in texts]
    return build_corpus(list(analyze_articles(articles)))
