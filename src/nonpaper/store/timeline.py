"""The store's timeline: events with their date ranges, who asserts each date and ordering, and how
the text tells them (negated, planned, hypothetical, reported), filtered by actor, words and dates.
`Store.timeline` calls `timeline_rows`; the columns are migration 4's."""
from __future__ import annotations

import json
from typing import Any

# The timeline columns of `events` (migration 4), stored as the analysis gives them.
EVENT_TIMELINE = ("date_earliest", "date_latest", "date_precision", "date_asserted_by", "polarity", "certainty",
                  "modality", "tense", "reported_by")


def _load(text: str | None, default: Any = None) -> Any:
    return json.loads(text) if text else default


def _like(text: str) -> str:
    return f"%{text.lower()}%"


def timeline_rows(store, actor: str | None = None, event: str | None = None, since: str | None = None,
                  until: str | None = None) -> list[dict]:
    """Events by date (undated last): id, article_id, text, type, date, its range, precision and who
    asserts it, status, polarity, modality, tense, reported_by, participants (corpus actor ids),
    participant_names, corpus_event (the same happening in other articles), articles, and
    "relations": orderings each with who asserts it. `actor` matches an event the actor takes part
    in, dates, reports or orders; `event` its words or type; `since`/`until` (ISO dates) its date range."""
    where, params = ["1 = 1"], []
    if event:
        where.append("(lower(e.text) LIKE ? OR lower(e.type) LIKE ?)")
        params += [_like(event), _like(event)]
    if since:  # the event's latest possible day is on or after `since`
        where.append("COALESCE(e.date_latest, e.date) >= ?")
        params.append(since)
    if until:
        where.append("COALESCE(e.date_earliest, e.date) <= ?")
        params.append(until)
    rows = store._all("SELECT e.article_id, e.id, e.text, e.type, e.date, e.status, e.participants, "
                     "e.corpus_event, ce.articles AS corpus_articles, a.published, "
                     + ", ".join(f"e.{c}" for c in EVENT_TIMELINE) + " "
                     "FROM events e JOIN articles a ON a.id = e.article_id "
                     "LEFT JOIN corpus_events ce ON ce.id = e.corpus_event "
                     f"WHERE {' AND '.join(where)} "
                     "ORDER BY COALESCE(e.date, e.date_earliest) IS NULL, COALESCE(e.date, e.date_earliest), "
                     "a.published, a.pk, e.seq", params)
    names = store._local_actors({r["article_id"] for r in rows})
    wanted = set(store._actor_ids(actor)) if actor else None
    rel_rows = _relations(store, {r["article_id"] for r in rows})
    texts = {(r["article_id"], r["id"]): r["text"] for r in rows}
    out = []
    for r in rows:
        art = r["article_id"]
        parts = [names.get((art, p), (None, p)) for p in _load(r["participants"], [])]
        ids = [cid or "" for cid, _ in parts]
        relations = [{**_relation_row(x, names), "target_text": texts.get((art, x["target"]))}
                     for x in rel_rows.get((art, r["id"]), [])]
        dater, reporter = (names.get((art, r[k]), (None, r[k])) if r[k] else (None, None)
                           for k in ("date_asserted_by", "reported_by"))
        if wanted is not None and not wanted & ({*ids, dater[0], reporter[0]}
                                                | {x["asserted_by"] for x in relations}):
            continue
        out.append({
            "id": f"{art}:{r['id']}", "article_id": art, "text": r["text"], "type": r["type"],
            "date": r["date"], "date_earliest": r["date_earliest"], "date_latest": r["date_latest"],
            "date_precision": r["date_precision"], "date_asserted_by": dater[0],
            "date_asserted_by_name": dater[1], "status": r["status"], "polarity": r["polarity"],
            "certainty": r["certainty"], "modality": r["modality"], "tense": r["tense"],
            "reported_by": reporter[0], "reported_by_name": reporter[1], "participants": ids,
            "participant_names": [name for _, name in parts], "corpus_event": r["corpus_event"],
            "articles": _load(r["corpus_articles"], [art]), "relations": relations,
        })
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
