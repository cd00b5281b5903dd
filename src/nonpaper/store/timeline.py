"""The store's timeline: events with their date ranges, who asserts each date and ordering, and how
the text tells them (negated, planned, hypothetical, reported), filtered by actor, words and dates.
`Store.timeline` calls `timeline_rows`; the columns are migration 4's."""
from __future__ import annotations

import json
from typing import Any

from .queries import LIKE, like

# The timeline columns of `events` (migration 4), stored as the analysis gives them.
EVENT_TIMELINE = ("date_earliest", "date_latest", "date_precision", "date_asserted_by", "polarity", "certainty",
                  "modality", "tense", "reported_by")


def _load(text: str | None, default: Any = None) -> Any:
    return json.loads(text) if text else default


def _events(store, actor: str | None, event: str | None, since: str | None, until: str | None,
            event_id: str | None) -> tuple[str, list, set[str] | None] | None:
    """(SQL for the events the filters may keep, its parameters, the actor's corpus ids). An actor
    narrows the SQL to the articles it appears in (an uncorrelated subquery); which of their events
    it takes part in, dates, reports or orders is read in Python. None: nothing can match."""
    where, params = ["1 = 1"], []
    wanted = None
    if actor:
        wanted = set(store._actor_ids(actor, exact_id=True))  # an actor id is that actor alone
        if not wanted:
            return None
        marks = ", ".join("?" * len(wanted))
        where.append(f"e.article_id IN (SELECT article_id FROM actors WHERE corpus_id IN ({marks}))")
        params += sorted(wanted)
        local = store._all(f"SELECT DISTINCT id FROM actors WHERE corpus_id IN ({marks})", sorted(wanted))
        if not any('"' in r["id"] or "\\" in r["id"] for r in local):  # ids JSON writes as they are
            # which events it takes part in, dates, reports or orders, said in SQL: the page is cut and
            # counted there, not after building every event of its articles (0.8 s for a frequent actor)
            where.append(_INVOLVES.format(marks=marks))
            params += sorted(wanted)
            wanted = None
    if event:  # LIKE wildcards in the words are literal
        where.append(f"(lower(e.text) {LIKE} OR lower(e.type) {LIKE})")
        params += [like(event), like(event)]
    if event_id:  # one event, by its id in the store ("article:e3")
        art, _, local = event_id.rpartition(":")
        where.append("e.article_id = ? AND e.id = ?")
        params += [art, local]
    if since:  # the event's latest possible day is on or after `since`
        where.append("COALESCE(e.date_latest, e.date) >= ?")
        params.append(since)
    if until:
        where.append("COALESCE(e.date_earliest, e.date) <= ?")
        params.append(until)
    return " AND ".join(where), params, wanted


# An actor of the event's article, one of the wanted corpus actors, that takes part in the event (its
# id, quoted, in the participants' JSON list), dates it, reports it or asserts one of its orderings.
# The index on actors (article_id, corpus_id) (migration 6) finds them: by corpus id alone SQLite read
# every article's actor of a frequent name for each event (5 s for one page).
_INVOLVES = ("EXISTS (SELECT 1 FROM actors x WHERE x.article_id = e.article_id AND x.corpus_id IN ({marks}) "
             "AND (x.id = e.date_asserted_by OR x.id = e.reported_by "
             "OR e.participants LIKE '%\"' || replace(replace(replace(x.id, '\\', '\\\\'), '%', '\\%'), '_', '\\_') "
             "|| '\"%' ESCAPE '\\' "
             "OR EXISTS (SELECT 1 FROM relations r WHERE r.article_id = e.article_id AND r.source = e.id "
             "AND r.asserted_by = x.id)))")


def _select(where: str) -> str:
    return ("SELECT e.article_id, e.id, e.text, e.type, e.date, e.status, e.participants, "
            "e.corpus_event, ce.n_articles AS corpus_articles, a.published, "
            + ", ".join(f"e.{c}" for c in EVENT_TIMELINE) + " "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN corpus_events ce ON ce.id = e.corpus_event "
            f"WHERE {where} "
            "ORDER BY COALESCE(e.date, e.date_earliest) IS NULL, COALESCE(e.date, e.date_earliest), "
            "a.published, a.pk, e.seq")


def timeline_rows(store, actor: str | None = None, event: str | None = None, since: str | None = None,
                  until: str | None = None, limit: int | None = None, offset: int = 0,
                  event_id: str | None = None) -> list[dict]:
    """Events by date (undated last): id, article_id, text, type, date, its range, precision and who
    asserts it, status, polarity, modality, tense, reported_by, participants (corpus actor ids),
    participant_names, corpus_event (the same happening in other articles, by id), articles (this
    event's own), articles_count (how many articles report its corpus event), and
    "relations": orderings each with who asserts it. `actor` matches an event the actor takes part
    in, dates, reports or orders (an actor id: that actor alone; else part of a name); `event` its
    words or type; `since`/`until` (ISO dates) its date range; `event_id` one event. `limit` and
    `offset` page the result (in SQL unless an actor filters it)."""
    found = _events(store, actor, event, since, until, event_id)
    if found is None:
        return []
    where, params, wanted = found
    if wanted is None:
        rows = store._all(*store._page(_select(where), params, limit, offset))
        return _rows(store, rows)
    kept = _involving(store, store._all(_select(where), params), wanted)
    return _rows(store, kept[offset:] if limit is None else kept[offset:offset + limit])


def count_timeline(store, actor: str | None = None, event: str | None = None, since: str | None = None,
                   until: str | None = None, event_id: str | None = None) -> int:
    """How many events `timeline_rows` gives with these filters, all pages together."""
    found = _events(store, actor, event, since, until, event_id)
    if found is None:
        return 0
    where, params, wanted = found
    if wanted is None:
        return int(store._all(f"SELECT COUNT(*) AS n FROM events e WHERE {where}", params)[0]["n"])
    return len(_involving(store, store._all(_select(where), params), wanted))


def _involving(store, rows: list[dict], wanted: set[str]) -> list[dict]:
    """The event rows the actor takes part in, dates, reports or orders, decided on the article-level
    ids that are the actor (read once, by the corpus-id index) before any row is built: only the page
    kept is then built (a much-named actor's articles hold thousands of events)."""
    arts = sorted({r["article_id"] for r in rows})
    marks = ", ".join("?" * len(wanted))
    mine: set[tuple[str, str]] = set()
    asserted: set[tuple[str, str]] = set()  # (article, event) ordered by the actor
    for i in range(0, len(arts), 500):
        chunk = arts[i:i + 500]
        inside = ", ".join("?" * len(chunk))
        found = {(r["article_id"], r["id"]) for r in store._all(
            f"SELECT article_id, id FROM actors WHERE corpus_id IN ({marks}) AND article_id IN ({inside})",
            [*sorted(wanted), *chunk])}
        mine |= found
        for r in store._all(f"SELECT article_id, source, asserted_by FROM relations WHERE article_id IN ({inside}) "
                            "AND asserted_by IS NOT NULL", chunk):
            if (r["article_id"], r["asserted_by"]) in found:
                asserted.add((r["article_id"], r["source"]))
    out = []
    for r in rows:
        art = r["article_id"]
        ids = [*_load(r["participants"], []), *(r[k] for k in ("date_asserted_by", "reported_by") if r[k])]
        if (art, r["id"]) in asserted or any((art, x) in mine for x in ids):
            out.append(r)
    return out


def _rows(store, rows: list[dict]) -> list[dict]:
    """Timeline rows from event rows: actor ids and names, orderings and who asserts them."""
    rel_rows = _relations(store, {r["article_id"] for r in rows})
    named = set()  # the actors these rows name, not every actor of their articles (2,154 rows for a page)
    for r in rows:
        art = r["article_id"]
        named |= {(art, p) for p in _load(r["participants"], [])}
        named |= {(art, r[k]) for k in ("date_asserted_by", "reported_by") if r[k]}
        named |= {(art, x["asserted_by"]) for x in rel_rows.get((art, r["id"]), []) if x["asserted_by"]}
    names = store._actor_names(named)
    texts = _texts(store, {r["article_id"] for r in rows})  # an ordering's other event may be on another page
    out = []
    for r in rows:
        art = r["article_id"]
        parts = [names.get((art, p), (None, p)) for p in _load(r["participants"], [])]
        ids = [cid or "" for cid, _ in parts]
        relations = [{**_relation_row(x, names), "target_text": texts.get((art, x["target"]))}
                     for x in rel_rows.get((art, r["id"]), [])]
        dater, reporter = (names.get((art, r[k]), (None, r[k])) if r[k] else (None, None)
                           for k in ("date_asserted_by", "reported_by"))
        out.append({
            "id": f"{art}:{r['id']}", "article_id": art, "text": r["text"], "type": r["type"],
            "date": r["date"], "date_earliest": r["date_earliest"], "date_latest": r["date_latest"],
            "date_precision": r["date_precision"], "date_asserted_by": dater[0],
            "date_asserted_by_name": dater[1], "status": r["status"], "polarity": r["polarity"],
            "certainty": r["certainty"], "modality": r["modality"], "tense": r["tense"],
            "reported_by": reporter[0], "reported_by_name": reporter[1], "participants": ids,
            "participant_names": [name for _, name in parts], "corpus_event": r["corpus_event"],
            # the corpus event by id and count: its article list is one read away (`Store.corpus_event`),
            # not copied into each of its members (issue 19: that made the timeline quadratic)
            "articles": [art], "articles_count": r["corpus_articles"] or 1, "relations": relations,
        })
    return out


def _texts(store, article_ids: set[str]) -> dict[tuple[str, str], str]:
    out: dict = {}
    ids = sorted(article_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        for r in store._all(f"SELECT article_id, id, text FROM events WHERE article_id IN ({marks})", chunk):
            out[(r["article_id"], r["id"])] = r["text"]
    return out


def _relations(store, article_ids: set[str]) -> dict[tuple[str, str], list[dict]]:
    out: dict = {}
    ids = sorted(article_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in store._all("SELECT * FROM relations WHERE article_id IN "
                           f"({', '.join('?' * len(chunk))}) ORDER BY pk", chunk):
            out.setdefault((r["article_id"], r["source"]), []).append(r)
    return out

def _relation_row(r: dict, names: dict) -> dict:
    art = r["article_id"]
    who = names.get((art, r["asserted_by"]), (r["asserted_by"], r["asserted_by"])) if r["asserted_by"] else (None, None)
    return {"source": f"{art}:{r['source']}", "relation": r["relation"], "target": f"{art}:{r['target']}",
            "asserted_by": who[0], "asserted_by_name": who[1], "evidence": r["evidence"],
            "offset": r["time_offset"], "article_id": art}
