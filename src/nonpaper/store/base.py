"""The store: analyses in, corpus-level rows out. One class; the backends differ only in connection,
placeholders, transactions and full-text search.

Every row a query returns is a plain dict (JSON-ready), so the CLI prints it as a table, JSON or CSV
and the web app renders it as is. Each article is written in one transaction: a process killed
mid-run leaves the store as it was before the article in flight.
"""
from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Iterator

from ..model import Analysis, analysis_from_dict
from . import counts, merge, update
from .migrations import LATEST, MIGRATIONS
from .queries import Queries
from .stories import Stories
from .timeline import EVENT_TIMELINE, count_timeline, timeline_rows


EXPORT_PAGE = 2000  # rows an export reads at a time
WHOLE = {"article", "actors", "quotes", "timexes", "events", "relations", "claims", "disputes"}  # a whole analysis


class StoreError(RuntimeError):
    """The store cannot be opened or used; the message is one line for the user."""


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store(Queries, Stories):
    """A nonpaper corpus store. Use `nonpaper.store.open_store(url_or_path)` to get one."""

    backend = "?"
    IntegrityError: type[Exception] = Exception

    def __init__(self, target: str) -> None:
        self.target = target
        self._lock = threading.RLock()
        self._conn = self._connect()
        self._migrate()

    # ---------------------------------------------------------------- backend hooks

    def _connect(self):
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        """Backend SQL from the shared text (placeholders are written `?`)."""
        return sql

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        """A write transaction; yields a cursor; rolls back on any error."""
        raise NotImplementedError

    def _cursor(self):
        raise NotImplementedError

    def _fts_articles(self, text: str) -> tuple[str, str, list, str, list]:
        """(join, condition, params, order, order params) restricting `articles a` to a full-text match,
        best first."""
        raise NotImplementedError

    def _fts_quotes(self, text: str) -> tuple[str, str, list, str, list]:
        raise NotImplementedError

    def _snippet_articles(self, text: str) -> tuple[str, list]:
        """(SQL expression, params): the words of an article around the hits of a search, hits in HIT marks."""
        raise NotImplementedError

    def _snippet_quotes(self, text: str) -> tuple[str, list]:
        raise NotImplementedError

    def _lock_migrations(self, cur) -> None:
        """Serialise concurrent openers while the schema is created."""

    def _analyze(self) -> None:
        """Bring the query planner's statistics up to date after the corpus changed (SQLite; PostgreSQL's
        autovacuum does it)."""

    # ---------------------------------------------------------------- helpers

    def _all(self, sql: str, params: tuple | list = ()) -> list[dict]:
        with self._lock:
            cur = self._cursor()
            cur.execute(self._sql(sql), tuple(params))
            return [dict(r) for r in cur.fetchall()]

    def _one(self, sql: str, params: tuple | list = ()) -> dict | None:
        rows = self._all(sql, params)
        return rows[0] if rows else None

    def _x(self, cur, sql: str, params: tuple | list = ()) -> None:
        cur.execute(self._sql(sql), tuple(params))

    def _many(self, cur, sql: str, rows: list[tuple]) -> None:
        if rows:
            cur.executemany(self._sql(sql), rows)

    def _fetch(self, cur, sql: str, params: tuple | list = ()) -> list[dict]:
        cur.execute(self._sql(sql), tuple(params))
        return [dict(r) for r in cur.fetchall()]

    # ---------------------------------------------------------------- schema

    def _has_table(self, name: str) -> bool:
        raise NotImplementedError

    def _migrate(self) -> None:
        if self._has_table("schema_migrations"):  # the common case reads only (works on a read-only store)
            done = {r["version"] for r in self._all("SELECT version FROM schema_migrations")}
            if done and max(done) > LATEST:
                raise StoreError(f"{self.display} has schema version {max(done)}, newer than this nonpaper "
                                 f"understands ({LATEST}); upgrade nonpaper")
            if done >= {m.version for m in MIGRATIONS}:
                return
        with self._lock, self._tx() as cur:
            self._lock_migrations(cur)
            self._x(cur, "CREATE TABLE IF NOT EXISTS schema_migrations "
                         "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            done = {r["version"] for r in self._fetch(cur, "SELECT version FROM schema_migrations")}
        if done and max(done) > LATEST:
            raise StoreError(f"{self.display} has schema version {max(done)}, newer than this nonpaper "
                             f"understands ({LATEST}); upgrade nonpaper")
        for m in MIGRATIONS:
            if m.version in done:
                continue
            with self._lock, self._tx() as cur:
                self._lock_migrations(cur)
                if self._fetch(cur, "SELECT version FROM schema_migrations WHERE version = ?", (m.version,)):
                    continue  # another process applied it meanwhile
                for statement in m.statements(self.backend):
                    cur.execute(statement)
                self._x(cur, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                        (m.version, m.name, _now()))

    def schema_version(self) -> int:
        row = self._one("SELECT MAX(version) AS v FROM schema_migrations")
        return int(row["v"] or 0) if row else 0

    @property
    def display(self) -> str:
        return self.target

    # ---------------------------------------------------------------- writing

    def has(self, content_hash: str) -> bool:
        """True when an article with this content hash is stored (failures do not count)."""
        return self._one("SELECT 1 AS x FROM articles WHERE content_hash = ? AND status = 'ok'",
                         (content_hash,)) is not None

    def hashes(self) -> set[str]:
        """Every stored content hash (one query, for deduplicating a large batch)."""
        return {r["content_hash"] for r in
                self._all("SELECT content_hash FROM articles WHERE status = 'ok' AND content_hash IS NOT NULL")}

    def add(self, analysis: Analysis | dict) -> tuple[str, bool]:
        """Store one analysis in one transaction: (article id, inserted?). An article whose content hash
        is already stored is not inserted again; a stored failure with that hash is replaced."""
        if isinstance(analysis, dict) and not WHOLE <= set(analysis):
            analysis = analysis_from_dict(analysis)  # a partial dict: fill in the defaults
        if isinstance(analysis, dict):  # a worker's `to_dict()`: stored as it is, not rebuilt twice
            data = {**analysis, "article": dict(analysis["article"])}
        else:
            data = analysis.to_dict()
        art = data["article"]
        digest = art.get("content_hash") or merge.text_hash(art.get("text") or "")
        art["content_hash"] = digest
        try:
            with self._lock, self._tx() as cur:
                found = self._fetch(cur, "SELECT id, status FROM articles WHERE content_hash = ?", (digest,))
                if found and found[0]["status"] == "ok":
                    return found[0]["id"], False
                if found:
                    self._delete_article(cur, found[0]["id"])
                if art.get("source"):  # the input was fixed: its earlier failure is history
                    self._x(cur, "DELETE FROM articles WHERE status = 'failed' AND source = ?", (art["source"],))
                article_id = self._free_id(cur, art.get("id") or digest[:12], digest)
                if article_id != art.get("id"):
                    merge.rename_article(data, article_id)
                self._insert_analysis(cur, data)
                self._x(cur, "INSERT INTO meta (key, value) VALUES ('corpus_stale', '1') "
                             "ON CONFLICT (key) DO UPDATE SET value = '1'")
                return article_id, True
        except self.IntegrityError:
            # Another writer stored the same text between our check and our insert.
            row = self._one("SELECT id FROM articles WHERE content_hash = ? AND status = 'ok'", (digest,))
            if row:
                return row["id"], False
            raise

    def record_failure(self, source: str | None, content_hash: str | None, error: str) -> str:
        """Keep a per-article failure with its error (shown by `articles`, counted by `counts`).
        A later successful `add` of the same text replaces it; re-recording updates the error."""
        key = content_hash or merge.text_hash(f"source:{source}")
        article_id = f"failed-{key[:12]}"
        with self._lock, self._tx() as cur:
            row = self._fetch(cur, "SELECT id, status FROM articles WHERE content_hash = ? OR id = ?",
                              (content_hash or "", article_id))
            if row and row[0]["status"] == "ok":
                return row[0]["id"]
            if row:
                self._x(cur, "UPDATE articles SET error = ?, source = ?, added_at = ? WHERE id = ?",
                        (error, source, _now(), row[0]["id"]))
                return row[0]["id"]
            self._x(cur, "INSERT INTO articles (id, content_hash, status, error, source, added_at) "
                         "VALUES (?, ?, 'failed', ?, ?, ?)", (article_id, content_hash, error, source, _now()))
        return article_id

    def _free_id(self, cur, wanted: str, digest: str) -> str:
        """The article id, made unique in the corpus (same file names in two folders)."""
        candidate, n = wanted, 0
        while self._fetch(cur, "SELECT 1 AS x FROM articles WHERE id = ?", (candidate,)):
            n += 1
            candidate = f"{wanted}-{digest[:6]}" if n == 1 else f"{wanted}-{digest[:6]}-{n}"
        return candidate

    def _delete_article(self, cur, article_id: str) -> None:
        for table in ("actors", "quotes", "timexes", "events", "relations", "claims", "disputes"):
            self._x(cur, f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self._x(cur, "DELETE FROM articles WHERE id = ?", (article_id,))

    def _insert_analysis(self, cur, data: dict) -> None:
        art = data["article"]
        aid = art["id"]
        self._x(cur, "INSERT INTO articles (id, content_hash, status, source, url, outlet, title, subtitle, author, "
                     "published, text, n_quotes, n_disputes, analysis, added_at) "
                     "VALUES (?, ?, 'ok', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (aid, art["content_hash"], art.get("source"), art.get("url"), art.get("outlet"), art.get("title"),
                 art.get("subtitle"), art.get("author"), art.get("published"), art.get("text"),
                 len(data["quotes"]), len(data["disputes"]), _dump(data), _now()))
        actors = data["actors"]
        provisional = {a["id"]: merge.slug(a["name"]) or a["id"] for a in actors}
        self._many(cur, "INSERT INTO actors (article_id, id, name, kind, aliases, titles, corpus_id) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [(aid, a["id"], a["name"], a["kind"], _dump(a["aliases"]), _dump(a["titles"]),
                     provisional[a["id"]]) for a in actors])
        # Provisional corpus actors (by name) until the next `recompute` merges them properly.
        self._many(cur, "INSERT INTO corpus_actors (id, name, kind, aliases, titles) VALUES (?, ?, ?, ?, ?) "
                        "ON CONFLICT (id) DO NOTHING",
                   [(provisional[a["id"]], a["name"], a["kind"], _dump(a["aliases"]), _dump(a["titles"]))
                    for a in actors])
        self._many(cur, "INSERT INTO quotes (article_id, id, seq, kind, text, speaker, speaker_text, cue, "
                        "start_char, end_char, field, confidence, stance, negated) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [(aid, q["id"], n, q["kind"], q["text"], q["speaker"], q.get("speaker_text"), q.get("cue"),
                     q.get("start"), q.get("end"), q.get("field"), q.get("confidence"), int(bool(q.get("stance"))),
                     int(bool(q.get("negated")))) for n, q in enumerate(data["quotes"])])
        self._many(cur, "INSERT INTO timexes (article_id, id, text, type, value, anchor, mod, start_char, end_char, "
                        "field) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [(aid, t["id"], t["text"], t["type"], t["value"], t.get("anchor"), t.get("mod"), t["start"],
                     t["end"], t.get("field") or "text") for t in data["timexes"]])
        self._many(cur, "INSERT INTO events (article_id, id, seq, text, type, date, status, participants, "
                        "start_char, end_char, " + ", ".join(EVENT_TIMELINE) + ") "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + ", ?" * len(EVENT_TIMELINE) + ")",
                   [(aid, e["id"], n, e["text"], e.get("type"), e.get("date"), e.get("status"),
                     _dump(e.get("participants") or []), e["start"], e["end"], *(e.get(c) for c in EVENT_TIMELINE))
                    for n, e in enumerate(data["events"])])
        self._many(cur, "INSERT INTO relations (article_id, source, relation, target, asserted_by, evidence, "
                        "time_offset, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [(aid, r["source"], r["relation"], r["target"], r.get("asserted_by"), r.get("evidence"),
                     r.get("offset"), r.get("quote")) for r in data["relations"]])
        self._many(cur, "INSERT INTO claims (article_id, id, actor, kind, text, event, value, polarity, quote) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [(aid, c["id"], c.get("actor"), c["kind"], c["text"], c.get("event"), _dump(c.get("value")),
                     int(bool(c.get("polarity", True))), c.get("quote")) for c in data["claims"]])
        self._many(cur, "INSERT INTO disputes (id, scope, article_id, kind, summary, event, articles, claims) "
                        "VALUES (?, 'article', ?, ?, ?, ?, ?, ?)",
                   [(f"{aid}:{d['id']}", aid, d["kind"], d["summary"], d.get("event"),
                     _dump(d.get("articles") or [aid]),
                     _dump([{**c, "article": c.get("article") or aid} for c in d.get("claims") or []]))
                    for d in data["disputes"]])
        counts.refresh_actor_counts(self, cur, set(provisional.values()))

    # ---------------------------------------------------------------- corpus-level merging

    def stale(self) -> bool:
        """True when articles were added since the corpus-level actors and disputes were computed."""
        row = self._one("SELECT value FROM meta WHERE key = 'corpus_stale'")
        return bool(row and row["value"] == "1")

    def recompute(self, full: bool | None = None) -> list[str]:
        """The corpus-level rows (merged actors, linked events, cross-article disputes) brought up to
        date with the stored articles. `full=True` recomputes them from every article, in one
        transaction; `full=False` adds what the articles stored since the last corpus step touch
        (`store/update.py`); None lets `update.full_needed` choose. Returns warnings (e.g. a merge
        step that failed and fell back to merging by name)."""
        top = self._one("SELECT MAX(pk) AS pk FROM articles")["pk"] or 0
        seen, at_full = self._meta_int("corpus_seen"), self._meta_int("corpus_full_n")
        stored = int(self._one("SELECT COUNT(*) AS n FROM articles WHERE status = 'ok' AND pk <= ?", (top,))["n"])
        fresh = int(self._one("SELECT COUNT(*) AS n FROM articles WHERE status = 'ok' AND pk > ? AND pk <= ?",
                              (seen, top))["n"])
        if full is None:
            full = update.full_needed(stored, at_full, fresh)
        if full:
            result = merge.corpus_level(update.read(self, "pk <= ?", [top]))
        else:
            result = update.update(self, seen, top)
        with self._lock, self._tx() as cur:
            if full:
                self._write_full(cur, result)
                self._set_meta(cur, "corpus_full_n", str(stored))
            else:
                update.write(self, cur, result, seen, top)
            self._set_meta(cur, "corpus_seen", str(top))
            # Articles another writer added while we merged are not in this result: stay stale for them.
            newer = self._fetch(cur, "SELECT 1 AS x FROM articles WHERE pk > ? AND status = 'ok' LIMIT 1", (top,))
            self._set_meta(cur, "corpus_stale", "1" if newer else "0")
            if full:  # every stored count (an incremental step recounts the actors it touched, update.write)
                counts.refresh_actor_counts(self, cur)
        self._analyze()
        return result.warnings

    def _meta_int(self, key: str) -> int:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        try:
            return int(row["value"]) if row else 0
        except ValueError:
            return 0

    def _set_meta(self, cur, key: str, value: str) -> None:
        self._x(cur, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
                (key, value, value))

    def _write_full(self, cur, result: merge.CorpusLevel) -> None:
        """Replace every corpus-level row with a full recompute's."""
        self._x(cur, "DELETE FROM corpus_actors")
        self._many(cur, "INSERT INTO corpus_actors (id, name, kind, aliases, titles) VALUES (?, ?, ?, ?, ?)",
                   [(a.id, a.name, a.kind, _dump(a.aliases), _dump(a.titles)) for a in result.actors])
        self._many(cur, "UPDATE actors SET corpus_id = ? WHERE article_id = ? AND id = ?",
                   [(cid, art, local) for (art, local), cid in result.actor_map.items()])
        self._x(cur, "DELETE FROM corpus_events")
        self._many(cur, "INSERT INTO corpus_events (id, type, date, text, participants, articles, n_articles) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [(e["id"], e["type"], e["date"], e["text"], _dump(e["participants"]), _dump(e["articles"]),
                     len(e["articles"])) for e in result.events])
        self._x(cur, "UPDATE events SET corpus_event = NULL")
        self._many(cur, "UPDATE events SET corpus_event = ? WHERE article_id = ? AND id = ?",
                   [(cid, art, local) for (art, local), cid in result.event_map.items()])
        self._x(cur, "DELETE FROM disputes WHERE scope = 'corpus'")
        self._many(cur, "INSERT INTO disputes (id, scope, article_id, kind, summary, event, articles, claims) "
                        "VALUES (?, 'corpus', NULL, ?, ?, ?, ?, ?)",
                   [(f"corpus:{d.id}", d.kind, d.summary, d.event, _dump(d.articles),
                     _dump([c.__dict__ for c in d.claims])) for d in result.disputes])

    def _analyses(self, page: int = 200, up_to: int | None = None) -> Iterator[Analysis]:
        """Every stored analysis in insertion order, read a page at a time (exports stay small in memory)."""
        last = -1
        while True:
            rows = self._all("SELECT pk, analysis FROM articles WHERE status = 'ok' AND pk > ? AND pk <= ? "
                             "ORDER BY pk LIMIT ?", (last, up_to if up_to is not None else 2 ** 62, page))
            if not rows:
                return
            last = rows[-1]["pk"]
            for r in rows:
                yield analysis_from_dict(json.loads(r["analysis"]))

    # ---------------------------------------------------------------- reading

    def analysis(self, article_id: str) -> Analysis | None:
        """The full nonpaper/1 analysis of one stored article, as stored."""
        row = self._one("SELECT analysis FROM articles WHERE id = ? AND status = 'ok'", (article_id,))
        return analysis_from_dict(json.loads(row["analysis"])) if row else None

    def timeline(self, actor: str | None = None, event: str | None = None, since: str | None = None,
                 until: str | None = None, limit: int | None = None, offset: int = 0,
                 event_id: str | None = None) -> list[dict]:
        """Events by date (undated last), with their orderings and who asserts each: `store.timeline`."""
        return timeline_rows(self, actor=actor, event=event, since=since, until=until, limit=limit, offset=offset,
                             event_id=event_id)

    def count_timeline(self, actor: str | None = None, event: str | None = None, since: str | None = None,
                       until: str | None = None, event_id: str | None = None) -> int:
        """How many events `timeline` gives with these filters, all pages together."""
        return count_timeline(self, actor=actor, event=event, since=since, until=until, event_id=event_id)

    # ---------------------------------------------------------------- export

    def export_rows(self, what: str) -> Iterator[dict]:
        """Rows for `nonpaper export`: articles (full analyses), quotes, actors, events, disputes."""
        if what == "articles":
            yield from (a.to_dict() for a in self._analyses())
        elif what in ("quotes", "actors", "events", "disputes"):
            # a page at a time, in the list's own (total) order: memory stays that of one page
            fetch = {"quotes": self.quotes, "actors": self.actors, "events": self.timeline,
                     "disputes": self.disputes}[what]
            offset = 0
            while True:
                rows = fetch(limit=EXPORT_PAGE, offset=offset)
                yield from rows
                if len(rows) < EXPORT_PAGE:
                    return
                offset += len(rows)
        else:
            raise ValueError(f"cannot export {what!r}; choose articles, quotes, actors, events or disputes")

    # ---------------------------------------------------------------- lifetime

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
