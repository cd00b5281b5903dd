"""Disputes: claims that cannot all be true, in one article or across several (issue 5).

`find_disputes` runs the checks of `disputes.checks` over one article's claims. `find_cross_disputes`
runs the same checks over the claims of several articles, keeping only disputes with a party from
each of two articles that tell one story; events are matched across articles by their content words
and type, since event ids are per article.

Two articles tell one story (`_story_links`) when they share actors (`_related_articles`) and their
claims' words are alike: the tf-idf cosine of the two articles' word counts, as in news "story link
detection", reaches LINK (CLOSE, twice that, for articles more than WINDOW_DAYS apart). Across two
articles, a word two claims share counts by how specific it is to their story (`Specificity`): fully
when the corpus's other stories do not use it, little when they all do ("the primary", "the meeting"
in a campaign corpus); a status topic that other stories use commonly ties two claims only when
their articles read alike (cosine CLOSE or more). In a corpus of one story, or of two articles, every
word counts fully.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from datetime import date

from .. import lexicon as resources
from ..claims.sources import actor_name
from ..claims.text import stems
from . import pairs
from .causes import cause
from .knowledge import knowledge
from .checks import Found, run_all
from .retold import retold
from ..model import Actor, Analysis, Claim, Dispute, DisputeClaim


PREPOSITIONS = {"of", "for", "with", "at", "in", "on", "to", "from", "by", "about", "close"}
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

    found = run_all(analysis.claims, name_of, lambda a, b: True) + cause(analysis.claims, name_of, lambda a, b: True) \
        + knowledge(analysis.claims, name_of, lambda a, b: True)
    found = [g for f in found if (g := _credible_sides(f, actors)) is not None]
    return [_dispute(f, f"d{i}", analysis.article.id) for i, f in enumerate(found, 1)]


def _credible_sides(f: Found, actors: dict[str, Actor]) -> Found | None:
    """The dispute among the sources that can assert: a named actor, or an unnamed one headed by a word
    for a source, a body or a title ("three sources familiar with the matter", "Dalby police", "the
    mayor's chief of staff"). A phrase the speaker step took for a source ("phone", "that clashes with
    the president's statement") makes no side; without two sides left there is no dispute."""
    kept = [c for c in f.claims if c.actor is None or _credible(actors.get(c.actor))]
    if len({c.actor for c in kept if c.actor}) < 2:
        return None
    return f if len(kept) == len(f.claims) else Found(f.kind, f.summary, kept, f.event)


@functools.lru_cache(maxsize=1)
def _source_heads() -> frozenset[str]:
    """Head nouns of unnamed actors that can assert: sources, agents, bodies, titles."""
    return frozenset().union(*(resources.wordset(name) for name in (
        "anonymous_heads.txt", "claim_agent_nouns.txt", "org_nouns.txt", "government_nouns.txt", "titles.txt",
        "claim_source_heads.txt", "outlet_nouns.txt")))


def _credible(a: Actor | None) -> bool:
    if a is None:
        return True
    heads = _source_heads()
    words = re.findall(r"[\w-]+", a.name.lower())
    if not words or words[0] in ("that", "which", "this", "it", "what"):
        return False
    head = words[:next((i for i, w in enumerate(words) if w in PREPOSITIONS), len(words))]
    return a.kind != "unnamed" or bool(set(head) & heads)  # "Organisers of the march": before 'of'


def find_cross_disputes(analyses: list[Analysis], actors: list[Actor], only: set[str] | None = None) -> list[Dispute]:
    """`only`: the articles an incremental corpus step adds (store/update.py); just the pairs of
    articles with one of them are compared."""
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
    bags = _word_bags(analyses)
    links = _story_links(analyses, _related_articles(analyses, to_corpus, only), bags)
    related = set(links)
    specific = Specificity(bags, links, {a.article.id: _day(a.article.published) for a in analyses})

    def pair_ok(a: Claim, b: Claim) -> bool:
        return a.article != b.article and frozenset((a.article, b.article)) in related

    found, caused = [], []
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article, []).append(c)
    order = [a.article.id for a in analyses]
    # no pair of claims links two stories; in an incremental step, only pairs with a new article count
    groups = pairs.stories(related, order) if only is None else pairs.stars(related, only, order)
    for story in groups:
        if len(story) > 1:
            group = [c for art in story for c in by_article.get(art, ())]
            found += run_all(group, name_of, pair_ok, pool=group, across=specific)
            caused += cause(group, name_of, pair_ok, specific) + knowledge(group, name_of, pair_ok, specific)
    found = [g for f in found + caused if (g := _credible_sides(f, table)) is not None]
    out = []
    for f in found:
        d = _dispute(f, f"x{len(out) + 1}", None)
        for dc in d.claims:  # name the corpus-level actor, which the corpus output lists
            dc.actor = to_corpus.get((dc.article, dc.actor), dc.actor)
            dc.via = to_corpus.get((dc.article, dc.via), dc.via) if dc.via else None
        # one corpus actor on every side ("Trump" in one outlet, "Donald Trump" in another) is no dispute
        if len(set(d.articles)) > 1 and len({dc.actor for dc in d.claims if dc.actor}) > 1:
            out.append(d)
    for d in retold(analyses, to_corpus, related, out, only):  # one disagreement several outlets report
        d.id = f"x{len(out) + 1}"
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


def _related_articles(analyses: list[Analysis], to_corpus: dict[tuple[str, str], str],
                      only: set[str] | None = None) -> set[frozenset[str]]:
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
    for x, y in pairs.sharing(named, words, only=only):  # only articles sharing a name or a word can qualify
        shared = len(named[x] & named[y])
        near = when[x] is not None and when[y] is not None and abs((when[x] - when[y]).days) <= WINDOW_DAYS
        if shared >= 2 or (near and (shared or len(words[x] & words[y]) >= 3)):
            out.add(frozenset((x, y)))
    return out


LINK = 0.15       # tf-idf cosine at which two articles sharing actors tell one story
CLOSE = 2 * LINK  # ... and at which they plainly do (also: needed when they are weeks apart)
PRIOR_ARTICLES = 50  # unseen articles assumed not to use a word, so that a small corpus is no proof
                     # that a word is common


def _word_bags(analyses: list[Analysis]) -> dict[str, Counter]:
    """Per article: how many of its claims use each word (stem) they are about."""
    out = {}
    for a in analyses:
        bag: Counter = Counter()
        for c in a.claims:
            if isinstance(c.value, dict):
                bag.update(stems(list(c.value.get("about") or []) + list(c.value.get("target_about") or [])))
        out[a.article.id] = bag
    return out


def _story_links(analyses: list[Analysis], related: set[frozenset[str]],
                 bags: dict[str, Counter]) -> dict[frozenset[str], float]:
    """The related pairs whose claims speak alike, with their tf-idf cosine (smoothed idf, log term
    counts, event type tags left out): at least LINK, or CLOSE when the articles are more than
    WINDOW_DAYS apart (the same story told again later reads much the same; a campaign's stories
    weeks apart do not)."""
    n = len(bags)
    df = Counter(w for bag in bags.values() for w in bag)
    vectors = {}
    for art, bag in bags.items():
        v = {w: (1 + math.log(k)) * (math.log((n + 1) / (df[w] + 1)) + 1) for w, k in bag.items() if ":" not in w}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors[art] = {w: x / norm for w, x in v.items()}
    when = {a.article.id: _day(a.article.published) for a in analyses}
    out = {}
    for pair in related:
        x, y = sorted(pair)
        u, v = sorted((vectors.get(x, {}), vectors.get(y, {})), key=len)
        cosine = sum(weight * v.get(w, 0.0) for w, weight in u.items())
        apart = when[x] is not None and when[y] is not None and abs((when[x] - when[y]).days) > WINDOW_DAYS
        if cosine >= (CLOSE if apart else LINK):
            out[pair] = cosine
    return out


class Specificity:
    """How much a word shared by claims of two linked articles says they speak of one thing: its idf
    among the articles of other stories (those linked to neither), with PRIOR_ARTICLES unseen ones,
    scaled so that a word no other story uses weighs 1 and one every article uses about 0. Two
    articles that read alike (cosine CLOSE or more) plainly tell one story; two published within
    WINDOW_DAYS of each other can report one piece of news, and so date it differently."""

    def __init__(self, bags: dict[str, Counter], links: dict[frozenset[str], float],
                 when: dict[str, date | None] | None = None):
        self.bags = bags
        self.when = when or {}
        self.close = {pair for pair, cosine in links.items() if cosine >= CLOSE}
        self.df = Counter(w for bag in bags.values() for w in bag)
        self.near: dict[str, set[str]] = {art: {art} for art in bags}
        for pair in links:
            x, y = tuple(pair)
            self.near[x].add(y)
            self.near[y].add(x)
        self._cache: dict[tuple[str, str, str], float] = {}

    def weigh(self, a: Claim, b: Claim, word: str) -> float:
        key = (a.article, b.article, word)
        if key not in self._cache:
            story = self.near.get(a.article, {a.article}) | self.near.get(b.article, {b.article})
            others = len(self.bags) - len(story) + PRIOR_ARTICLES
            used = self.df[word] - sum(1 for art in story if word in self.bags.get(art, ()))
            self._cache[key] = min(1.0, math.log(others / max(used, 1)) / math.log(others))
        return self._cache[key]

    def one_story(self, a: Claim, b: Claim) -> bool:
        return frozenset((a.article, b.article)) in self.close

    def same_news(self, a: Claim, b: Claim) -> bool:
        x, y = self.when.get(a.article), self.when.get(b.article)
        return x is None or y is None or abs((x - y).days) <= WINDOW_DAYS


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


def _dispute(f: Found, ident: str, article: str | None) -> Dispute:
    claims, seen = [], set()
    sides = {c.actor for c in f.claims}
    for c in f.claims:
        key = (c.actor, c.text, c.article)
        if key not in seen:  # one source's words once, even when they carry two claims
            seen.add(key)
            claims.append(DisputeClaim(actor=c.actor, text=c.text, quote=c.quote, article=c.article or article,
                                       claim=c.id, origin=c.origin, origin_text=c.origin_text, relays=list(c.relays)))
        body = c.voice_of
        if body and body not in sides and (body, c.text, c.article) not in seen:
            # the body a spokesperson speaks for is the side ("the State Department" through Nauert)
            seen.add((body, c.text, c.article))
            claims.append(DisputeClaim(actor=body, text=c.text, quote=c.quote, article=c.article or article,
                                       claim=c.id, origin=c.origin, origin_text=c.origin_text,
                                       relays=list(c.relays), via=c.actor))
    articles = []
    for c in claims:
        if c.article and c.article not in articles:
            articles.append(c.article)
    return Dispute(id=ident, kind=f.kind, summary=f.summary, claims=claims, event=f.event, articles=articles)
