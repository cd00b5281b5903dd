"""The incremental corpus step (issue 19): articles added to a large store update only the actors,
events and disputes they touch.

A full recompute (`Store.recompute(full=True)`, `merge.corpus_level` over every article) reads every
analysis; its cost grows with the corpus, and after every ingest that is a poor bargain for a few new
articles. `update` instead reads the new articles (those past the watermark `corpus_seen`, the last
article a corpus step included) and, from the store's indexes, only their neighbours:

- actors: the new articles' actors are merged among themselves and with the stored corpus actors that
  share a name, surname or alias with them (the same `pipeline.corpus_actors` rules); the others are
  not read as analyses;
- events: the stored articles with an event of the same type on the same day, or naming one of the
  same people or bodies, are linked with the new ones (`merge.link_events`); a corpus event a new
  article joins keeps every member it had;
- disputes: the cross-article checks run over the new articles and the stored ones that share a named
  person or body with them (the candidate pairs of `disputes.pairs`; a name in more than a quarter of
  the corpus ties nothing, as in `disputes.find`); disputes with a side in a new article are added.

Global statistics (how common a word or name is in the whole corpus) are taken over that
neighbourhood, so an incremental step can differ slightly from a full recompute. Which one runs is
decided in one place, `full_needed`: a full recompute when the corpus has doubled (FULL_GROWTH) since
the last one, an incremental step otherwise. A full recompute costs about linear in the corpus, so
spread over the articles that doubled it, it costs each at most twice its own share; and the
corpus-level rows are never further from a full recompute's than the articles added since.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any, Iterable

from ..model import Actor, Analysis, analysis_from_dict
from .. import pipeline
from ..disputes.find import WINDOW_DAYS
from . import counts, merge

Store = Any  # a `store.base.Store` (not imported: base imports this module)

FULL_GROWTH = 2.0  # a corpus that doubled since the last full recompute is recomputed in full
BATCH_SHARE = 4  # ... and so is one whose new articles are a quarter of it or more
COMMON_SHARE = 0.25  # a name in more than this share of the articles ties no two stories (disputes.find)
UNTIED = ("unnamed", "outlet", "government")  # kinds too common to tie two stories (as in disputes.find)


def full_needed(stored: int, at_last_full: int, new: int) -> bool:
    """A full recompute rather than an incremental step: the first one, when the corpus has grown
    FULL_GROWTH times since the last full recompute, or when the new articles are 1/BATCH_SHARE of the
    store or more (their neighbours are then most of it: measured, an incremental step adding 250
    articles to 500 cost more than the full recompute of 500)."""
    return at_last_full <= 0 or stored >= FULL_GROWTH * at_last_full or new * BATCH_SHARE >= stored


def slim(analysis: Analysis) -> Analysis:
    """What the corpus step reads of an analysis: quotes, time expressions, relations and layout are
    not read there, and leaving them out keeps its memory to a third."""
    analysis.quotes, analysis.timexes, analysis.relations = [], [], []
    analysis.article.blocks = []
    return analysis


def read(store: Store, where: str, params: Iterable, page: int = 200) -> list[Analysis]:
    """Slim analyses of the articles `where` selects (in store order), read a page at a time."""
    out, last = [], -1
    params = list(params)
    while True:
        rows = store._all(f"SELECT pk, analysis FROM articles WHERE status = 'ok' AND pk > ? AND ({where}) "
                          "ORDER BY pk LIMIT ?", [last, *params, page])
        if not rows:
            return out
        last = rows[-1]["pk"]
        out += [slim(analysis_from_dict(json.loads(r["analysis"]))) for r in rows]


def update(store: Store, seen: int, top: int) -> merge.CorpusLevel:
    """The corpus-level rows the articles with pk in (seen, top] add: see the module's docstring."""
    new = read(store, "pk > ? AND pk <= ?", [seen, top])
    out = merge.CorpusLevel()
    stored = _stored_actors(store, seen)
    out.actor_map, out.actors, out.warnings = merge.extend_actors(new, stored)
    new_ids = {a.article.id for a in new}
    neighbours = _neighbours(store, seen, new, out.actor_map)
    around = _read_ids(store, neighbours - new_ids)
    local = _local_map(store, [a.article.id for a in around])
    actor_map = {**local, **out.actor_map}
    taken = {r["id"] for r in store._all("SELECT id FROM corpus_events")}
    events, event_map = merge.link_events(around + new, actor_map, taken=set(taken))
    out.events = [e for e in events if set(e["articles"]) & new_ids]
    kept = {e["id"] for e in out.events}
    out.event_map = {k: v for k, v in event_map.items() if v in kept}
    corpus_actors = merge.actors_of(around + new, actor_map, stored, out.actors)
    try:
        found = list(pipeline.corpus_disputes(around + new, corpus_actors, only=new_ids) or [])
    except Exception as exc:
        out.warnings.append(f"cross-article disputes failed ({type(exc).__name__}: {exc}); none stored")
        found = []
    seen_ids: set[str] = set()  # two new articles of one story both find their dispute: keep it once
    once = [d for d in found if merge.dispute_id(d) not in seen_ids and not seen_ids.add(merge.dispute_id(d))]
    out.disputes = [d for d in merge.cross_only(once) if set(d.articles) & new_ids]
    return out


def write(store: Store, cur, result: merge.CorpusLevel, seen: int, top: int) -> None:
    """Store an incremental step's rows (in the caller's transaction): new corpus actors and the new
    articles' mapping onto them; corpus events joined or made by new events (an earlier corpus event
    they join is folded into the new one, its members kept); disputes with a side in a new article."""
    dump = _dump
    provisional = {r["corpus_id"] for r in store._fetch(
        cur, "SELECT DISTINCT x.corpus_id FROM actors x JOIN articles a ON a.id = x.article_id "
             "WHERE a.pk > ? AND a.pk <= ? AND x.corpus_id IS NOT NULL", (seen, top))}
    store._many(cur, "INSERT INTO corpus_actors (id, name, kind, aliases, titles) VALUES (?, ?, ?, ?, ?) "
                     "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
                     "aliases = excluded.aliases, titles = excluded.titles",
                [(a.id, a.name, a.kind, dump(a.aliases), dump(a.titles)) for a in result.actors])
    store._many(cur, "UPDATE actors SET corpus_id = ? WHERE article_id = ? AND id = ?",
                [(cid, art, local) for (art, local), cid in sorted(result.actor_map.items())])
    kept = {a.id for a in result.actors}
    store._many(cur, "DELETE FROM corpus_actors WHERE id = ? AND NOT EXISTS "
                     "(SELECT 1 FROM actors x WHERE x.corpus_id = ?)",
                [(p, p) for p in sorted(provisional - kept)])
    counts.refresh_actor_counts(store, cur, provisional | kept)  # counts of the actors this step touched
    _write_events(store, cur, result)
    store._many(cur, "INSERT INTO disputes (id, scope, article_id, kind, summary, event, articles, claims) "
                     "VALUES (?, 'corpus', NULL, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                [(f"corpus:{d.id}", d.kind, d.summary, d.event, dump(d.articles),
                  dump([c.__dict__ for c in d.claims])) for d in result.disputes])


def _write_events(store: Store, cur, result: merge.CorpusLevel) -> None:
    members: dict[str, list[tuple[str, str]]] = {}
    for key, cid in sorted(result.event_map.items()):
        members.setdefault(cid, []).append(key)
    folded: set[str] = set()
    for event in result.events:
        own = members.get(event["id"], [])
        earlier = set()
        for chunk in _chunks(sorted({art for art, _ in own})):
            marks = ", ".join("?" * len(chunk))
            earlier |= {r["corpus_event"] for r in store._fetch(
                cur, f"SELECT article_id, id, corpus_event FROM events WHERE article_id IN ({marks}) "
                     "AND corpus_event IS NOT NULL", chunk) if (r["article_id"], r["id"]) in set(own)}
        articles, people = set(event["articles"]), set(event["participants"])
        for old in sorted(earlier - folded):
            row = store._fetch(cur, "SELECT articles, participants FROM corpus_events WHERE id = ?", (old,))
            if row:
                articles |= set(json.loads(row[0]["articles"] or "[]"))
                people |= set(json.loads(row[0]["participants"] or "[]"))
            store._x(cur, "UPDATE events SET corpus_event = ? WHERE corpus_event = ?", (event["id"], old))
            store._x(cur, "DELETE FROM corpus_events WHERE id = ?", (old,))
            folded.add(old)
        store._x(cur, "INSERT INTO corpus_events (id, type, date, text, participants, articles, n_articles) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)",
                 (event["id"], event["type"], event["date"], event["text"], _dump(sorted(people)),
                  _dump(sorted(articles)), len(articles)))
        store._many(cur, "UPDATE events SET corpus_event = ? WHERE article_id = ? AND id = ?",
                    [(event["id"], art, local) for art, local in own])


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _stored_actors(store: Store, seen: int) -> list[Actor]:
    """The corpus actors that stored articles (up to `seen`) map to."""
    rows = store._all("SELECT c.id, c.name, c.kind, c.aliases, c.titles FROM corpus_actors c WHERE c.id IN "
                      "(SELECT x.corpus_id FROM actors x JOIN articles a ON a.id = x.article_id WHERE a.pk <= ?)",
                      [seen])
    return [Actor(id=r["id"], name=r["name"], kind=r["kind"], aliases=json.loads(r["aliases"] or "[]"),
                  titles=json.loads(r["titles"] or "[]"), articles=[]) for r in rows]


def _neighbours(store: Store, seen: int, new: list[Analysis], actor_map: dict) -> set[str]:
    """Stored articles that may tell a new article's story or report one of its events: related to it
    as `disputes.find` relates two articles (two people or bodies in common, or one and published
    within WINDOW_DAYS; a name in more than a quarter of the corpus ties nothing), or with an event of
    a type on a day it has. Found in the store's index of actors, before any analysis is read."""
    total = int(store._one("SELECT COUNT(*) AS n FROM articles WHERE status = 'ok'")["n"])
    holders: dict[str, set[str]] = {}  # a named corpus actor -> the new articles naming it
    for a in new:
        for x in a.actors:
            if x.kind not in UNTIED:
                holders.setdefault(actor_map.get((a.article.id, x.id), x.id), set()).add(a.article.id)
    shared: dict[tuple[str, str], int] = {}
    for chunk in _chunks(sorted(holders)):
        marks = ", ".join("?" * len(chunk))
        counts = store._all(f"SELECT corpus_id, COUNT(DISTINCT article_id) AS n FROM actors WHERE corpus_id IN ({marks}) "
                            "GROUP BY corpus_id", chunk)
        rare = [r["corpus_id"] for r in counts if r["n"] <= max(2, COMMON_SHARE * total)]
        for part in _chunks(rare):
            marks = ", ".join("?" * len(part))
            for r in store._all(f"SELECT DISTINCT x.article_id, x.corpus_id FROM actors x JOIN articles a ON "
                                f"a.id = x.article_id WHERE x.corpus_id IN ({marks}) AND a.pk <= ? AND x.kind NOT IN "
                                f"('unnamed', 'outlet', 'government')", [*part, seen]):
                for n in holders[r["corpus_id"]]:
                    shared[(r["article_id"], n)] = shared.get((r["article_id"], n), 0) + 1
    when = {a.article.id: _day(a.article.published) for a in new}
    dates = _published(store, sorted({art for art, n in shared if shared[(art, n)] == 1}))
    found = {art for (art, n), k in shared.items()
             if k >= 2 or (dates.get(art) and when[n] and abs((dates[art] - when[n]).days) <= WINDOW_DAYS)}
    days = sorted({(e.type, e.date) for a in new for e in a.events if e.type and e.date})
    for chunk in _chunks(sorted({d for _, d in days})):
        marks = ", ".join("?" * len(chunk))
        found |= {r["article_id"] for r in store._all(
            f"SELECT DISTINCT e.article_id, e.type, e.date FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE e.date IN ({marks}) AND a.pk <= ?", [*chunk, seen]) if (r["type"], r["date"]) in set(days)}
    return found


def _published(store: Store, ids: list[str]) -> dict:
    out = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for r in store._all(f"SELECT id, published FROM articles WHERE id IN ({marks})", chunk):
            out[r["id"]] = _day(r["published"])
    return out


def _day(value):
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _read_ids(store: Store, ids: set[str]) -> list[Analysis]:
    out: list[Analysis] = []
    for chunk in _chunks(sorted(ids)):
        out += read(store, f"id IN ({', '.join('?' * len(chunk))})", chunk)
    return out


def _local_map(store: Store, articles: list[str]) -> dict[tuple[str, str], str]:
    """(article, local actor id) -> the corpus actor the store maps it to."""
    out = {}
    for chunk in _chunks(articles):
        marks = ", ".join("?" * len(chunk))
        for r in store._all(f"SELECT article_id, id, corpus_id FROM actors WHERE article_id IN ({marks})", chunk):
            out[(r["article_id"], r["id"])] = r["corpus_id"] or r["id"]
    return out


def _chunks(items: list, size: int = 500) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


__all__ = ["FULL_GROWTH", "full_needed", "update", "slim", "read"]
