"""The pipeline: an article through every stage into an `Analysis`; several into a `Corpus`.

Stages are pure functions of the parsed article and what earlier stages returned; no I/O here.
"""
from __future__ import annotations

from typing import Iterable

from . import actors, claims, disputes, events, quotes, time

from .text import parse as nlp
from .model import Actor, Analysis, Article, Corpus, Dispute


def analyze_parsed(parsed: nlp.Parsed) -> Analysis:
    """Every stage over one parsed article, each on what the earlier ones found: actors, quotes, time
    (against the reference date decided in `time.reference`), events (their status: `events.status`),
    claims, disputes."""
    registry = actors.find_actors(parsed)
    found_quotes = quotes.extract_quotes(parsed, registry)
    timexes = time.extract_timexes(parsed, found_quotes)
    found_events, relations = events.extract_events(parsed, registry, found_quotes, timexes)
    analysis = Analysis(article=parsed.article, actors=registry.actors(), quotes=found_quotes,
                        timexes=timexes, events=found_events, relations=relations)
    analysis.claims = claims.extract_claims(parsed, analysis)
    analysis.disputes = disputes.find_disputes(analysis)
    # headline timexes last: their offsets point into the title, so the body stages never see them
    analysis.timexes += time.extract_title_timexes(parsed, len(timexes) + 1)
    return analysis


def analyze_article(article: Article) -> Analysis:
    return analyze_parsed(nlp.parse(article))


def analyze_articles(articles: Iterable[Article], n_process: int = 1) -> Iterable[Analysis]:
    for parsed in nlp.parse_many(articles, n_process=n_process):
        yield analyze_parsed(parsed)


# -- the corpus level: the one place its stages are called, by `build_corpus` (a run of `nonpaper analyze`
# on several articles) and by the store's recompute after an ingest (`store/merge.py`, which adds ids).

def corpus_actors(analyses: list[Analysis]) -> list[Actor]:
    """The actors of all articles merged: one per person or body across the corpus."""
    return actors.merge_actors(analyses)


def corpus_disputes(analyses: list[Analysis], merged: list[Actor], only: set[str] | None = None) -> list[Dispute]:
    """Disputes between claims of different articles, their sides named by the merged actors; `only`:
    just those with a side in one of these articles (an incremental step's new ones)."""
    if only is None:
        return disputes.find_cross_disputes(analyses, merged)
    return disputes.find_cross_disputes(analyses, merged, only=only)


def build_corpus(analyses: list[Analysis]) -> Corpus:
    merged = corpus_actors(analyses)
    return Corpus(articles=analyses, actors=merged, disputes=corpus_disputes(analyses, merged))
