"""Disputes: claims that cannot all be true, in one article or across several (issue 5).

`find_disputes` runs the checks of `disputes_checks` over one article's claims. `find_cross_disputes`
runs the same checks over the claims of several articles, keeping only disputes with a party from
each of two related articles (articles that share an actor); events are matched across articles by
their content words and type, since event ids are per article.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

from .claims_sources import actor_name
from .disputes_checks import Found, run_all
from .model import Actor, Analysis, Claim, Dispute, DisputeClaim


WINDOW_DAYS = 14  # articles this close in time, sharing a named actor, may tell one story
COMMON_CAPITALS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                   "february", "march", "april", "june", "july", "august", "september", "october", "november",
                   "december", "reporting", "editing", "president", "minister", "council", "government",
                   "police", "court", "company", "city", "state", "national", "north", "south", "east", "west"}


def find_disputes(analysis: Analysis) -> list[Dispute]:
    actors = {a.id: a for a in analysis.actors}
    outlet = analysis.article.outlet

    def name_of(actor_id):
        return actor_name(actors, actor_id, outlet)

    found = run_all(analysis.claims, name_of, lambda a, b: True)
    return [_dispute(f, f"d{i}", analysis.article.id) for i, f in enumerate(found, 1)]


def find_cross_disputes(analyses: list[Analysis], actors: list[Actor]) -> list[Dispute]:
    table: dict[str, Actor] = {}
    for a in analyses:
        for actor in a.actors:
            table.setdefault(actor.id, actor)
    table.update({a.id: a for a in actors})

    def name_of(actor_id):
        return actor_name(table, actor_id)

    to_corpus = _corpus_ids(analyses, actors)
    claims: list[Claim] = []
    for a in analyses:
        for c in a.claims:
            c.article = c.article or a.article.id
            claims.append(c)
    related = _related_articles(analyses, to_corpus)

    def pair_ok(a: Claim, b: Claim) -> bool:
        return a.article != b.article and frozenset((a.article, b.article)) in related

    found = run_all(claims, name_of, pair_ok, pool=claims)
    out = []
    for f in found:
        d = _dispute(f, f"x{len(out) + 1}", None)
        for dc in d.claims:  # name the corpus-level actor, which the corpus output lists
            dc.actor = to_corpus.get((dc.article, dc.actor), dc.actor)
        if len(set(d.articles)) > 1 and not _already_in_one(d, analyses, to_corpus):
            out.append(d)
    return out


def _corpus_ids(analyses: list[Analysis], corpus: list[Actor]) -> dict[tuple[str, str], str]:
    """(article id, article actor id) → the corpus actor it was merged into (same id, or its name
    among the corpus actor's names)."""
    ids = {a.id for a in corpus}
    names: dict[str, str] = {}
    listed: dict[tuple[str, str], str] = {}  # (article, name) → the corpus actor that lists the article
    for a in corpus:
        for n in [a.name, *a.aliases]:
            names.setdefault(n.lower(), a.id)
            for article in a.articles or []:
                listed.setdefault((article, n.lower()), a.id)
    out = {}
    for an in analyses:
        for x in an.actors:
            here = listed.get((an.article.id, x.name.lower()))
            out[(an.article.id, x.id)] = here or (x.id if x.id in ids else names.get(x.name.lower(), x.id))
    return out


def _related_articles(analyses: list[Analysis], to_corpus: dict[tuple[str, str], str]) -> set[frozenset[str]]:
    """Pairs of articles about one story: two shared named actors, or one shared within two weeks
    of each other. Governments, outlets and unnamed sources are too common to tie stories together."""
    named, when, words = {}, {}, {}
    for a in analyses:
        named[a.article.id] = {to_corpus.get((a.article.id, x.id), x.id) for x in a.actors
                               if x.kind not in ("unnamed", "outlet", "government")}
        when[a.article.id] = _day(a.article.published)
        words[a.article.id] = _proper_words(a.article.text)
    _drop_common(named)
    _drop_common(words)
    out = set()
    ids = list(named)
    for i, x in enumerate(ids):
        for y in ids[i + 1:]:
            shared = len(named[x] & named[y])
            near = when[x] is not None and when[y] is not None and abs((when[x] - when[y]).days) <= WINDOW_DAYS
            if shared >= 2 or (near and (shared or len(words[x] & words[y]) >= 3)):
                out.add(frozenset((x, y)))
    return out


COMMON_SHARE = 0.25  # in a corpus of MIN_CORPUS articles or more, a name in more than this share of them
MIN_CORPUS = 8       # ties no two stories together ("Trump" and "Clinton" in a campaign season)


def _drop_common(by_article: dict[str, set[str]]) -> None:
    """Remove the names a large corpus mentions everywhere: two election stories that both name the
    candidates are not one story, so their "meetings" and "elections" are not one event."""
    if len(by_article) < MIN_CORPUS:
        return
    df = Counter(n for names in by_article.values() for n in names)
    common = {n for n, k in df.items() if k > max(2, COMMON_SHARE * len(by_article))}
    for names in by_article.values():
        names -= common


def _proper_words(text: str) -> set[str]:
    """Capitalised words inside sentences (not sentence openers): the story's places, firms and people
    even when the actor stage did not make actors of them."""
    out = set()
    for m in re.finditer(r"(?<=[a-z,;] )([A-Z][a-z]{3,})", text):
        word = m.group(1)
        if word.lower() not in COMMON_CAPITALS:
            out.add(word)
    return out


def _day(value: str | None):
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _already_in_one(d: Dispute, analyses: list[Analysis], to_corpus: dict[tuple[str, str], str]) -> bool:
    """A cross dispute whose parties already disagree inside one article adds nothing."""
    parties = {c.actor for c in d.claims}
    for a in analyses:
        for own in a.disputes:
            theirs = {to_corpus.get((a.article.id, c.actor), c.actor) for c in own.claims}
            if own.kind == d.kind and parties <= theirs:
                return True
    return False


def _dispute(f: Found, ident: str, article: str | None) -> Dispute:
    claims, seen = [], set()
    for c in f.claims:
        key = (c.actor, c.text, c.article)
        if key not in seen:  # one source's words once, even when they carry two claims
            seen.add(key)
            claims.append(DisputeClaim(actor=c.actor, text=c.text, quote=c.quote, article=c.article or article,
                                       claim=c.id))
    articles = []
    for c in claims:
        if c.article and c.article not in articles:
            articles.append(c.article)
    return Dispute(id=ident, kind=f.kind, summary=f.summary, claims=claims, event=f.event, articles=articles)
