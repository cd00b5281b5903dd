"""The SQLite store: one file, WAL journal (readers never block the writer), FTS5 search."""
from __future__ import annotations

import os
import sqlite3
import urllib.parse
from contextlib import contextmanager
from typing import Iterator

from .base import Store, StoreError
from .counts import ANALYSIS_LIMIT
from .queries import HIT, Term, parse_search


NAME_INDEXES = {"actors": "actor_names", "corpus_actors": "corpus_actor_names"}  # migration 6


def _dict_row(cursor, row) -> dict:
    return {d[0]: row[i] for i, d in enumerate(cursor.description)}


def fts_query(text: str) -> str:
    """A search as an FTS5 query: each word a quoted term (so `-`, `:` or `"` in a word are never
    syntax), all required; "a phrase"; `clin*` a prefix; `-word` left out. With nothing to find (no
    term, or only left-out ones) it matches nothing."""
    terms = parse_search(text)

    def quoted(t: Term) -> str:
        return '"' + " ".join(w.replace('"', '""') for w in t.words) + '"' + ("*" if t.prefix else "")

    found = " ".join(quoted(t) for t in terms if not t.negated)
    if not found:
        return '""'
    return found + "".join(f" NOT {quoted(t)}" for t in terms if t.negated)


def _refuse_foreign(conn: sqlite3.Connection, target: str) -> None:
    """An SQLite file with tables but no nonpaper schema belongs to something else: refuse it, unchanged."""
    tables = sorted(r["name"] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"))
    if tables and "schema_migrations" not in tables:
        conn.close()
        shown = ", ".join(tables[:4]) + (", …" if len(tables) > 4 else "")
        raise StoreError(f"{target} is an SQLite database of something else (tables: {shown}), not a nonpaper "
                         "store; it was left unchanged: give a new file name for the store")


class SQLiteStore(Store):
    backend = "sqlite"
    IntegrityError = sqlite3.IntegrityError

    read_only = False

    def _connect(self):
        folder = os.path.dirname(os.path.abspath(self.target))
        if not os.path.isdir(folder):
            raise StoreError(f"cannot create the store {self.target}: folder {folder} does not exist")
        existing = self.target != ":memory:" and os.path.exists(self.target) and os.path.getsize(self.target) > 0
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per article.
            conn = sqlite3.connect(self.target, timeout=60, isolation_level=None, check_same_thread=False)
            conn.row_factory = _dict_row
            try:
                if existing:
                    _refuse_foreign(conn, self.target)  # before anything could write to someone else's file
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()["journal_mode"]
            except sqlite3.OperationalError:
                if not existing:
                    raise
                conn.close()  # a store on a read-only disk, or in a folder we cannot write: read it as it is
                conn = self._connect_read_only()
                _refuse_foreign(conn, self.target)
                return conn
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process never corrupts
            conn.execute("PRAGMA busy_timeout = 60000")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.target} is not a nonpaper store ({exc}); give a new file name "
                             "or an existing store") from None
        if mode.lower() != "wal" and self.target != ":memory:":
            raise StoreError(f"cannot use WAL journaling for {self.target} (got {mode}); put the store "
                             "on a local disk")
        return conn

    def _connect_read_only(self):
        """The store opened for reading only: queries work, writes say why they cannot. A WAL store whose
        folder cannot hold the -shm file is opened as immutable (nothing can write it meanwhile anyway)."""
        uri = "file:" + urllib.parse.quote(os.path.abspath(self.target))
        for flags in ("?mode=ro", "?mode=ro&immutable=1"):
            conn = sqlite3.connect(uri + flags, uri=True, timeout=60, isolation_level=None,
                                   check_same_thread=False)
            conn.row_factory = _dict_row
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                conn.close()
                continue
            self.read_only = True
            return conn
        raise StoreError(f"cannot open {self.target}: it is read-only and SQLite cannot read it as it is; "
                         "copy it to a folder you can write")

    def _cursor(self):
        if self._conn is None:
            raise StoreError("the store is closed")
        return self._conn.cursor()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Cursor]:
        if self.read_only:
            raise StoreError(f"{self.target} is read-only here (a read-only disk or folder): it can be queried and "
                             "served; to add articles, copy it somewhere writable")
        cur = self._cursor()
        cur.execute("BEGIN IMMEDIATE")  # take the write lock now: no upgrade deadlocks between writers
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        else:
            cur.execute("COMMIT")

    def _analyze(self) -> None:
        """Sampled ANALYZE (milliseconds at any size): without statistics the planner drove a search's
        count from every article and sorted every quote for a first page (50-80 ms each at 1,000 articles,
        under 1 ms with them)."""
        if self.read_only:
            return
        with self._lock:
            cur = self._cursor()
            cur.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
            cur.execute("ANALYZE")

    def _migrate(self) -> None:
        try:
            super()._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.target} is not a nonpaper store ({exc})") from None

    def _has_table(self, name: str) -> bool:
        return bool(self._all("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))

    def _fts_articles(self, text: str):
        return ("JOIN articles_fts f ON f.rowid = a.pk", "articles_fts MATCH ?", [fts_query(text)],
                "bm25(articles_fts), a.pk DESC", [])

    def _fts_quotes(self, text: str):
        return ("JOIN quotes_fts qf ON qf.rowid = q.pk", "quotes_fts MATCH ?", [fts_query(text)],
                "bm25(quotes_fts)", [])

    def _names_match(self, table: str, text: str):
        """Names through migration 6's trigram index (the part of a name typed, in any case): a LIKE scan of
        every actor of every article took 0.1 s at 1,000 articles and grew with the corpus. A trigram
        needs three characters: shorter text is scanned for."""
        if len(text) < 3:
            return super()._names_match(table, text)
        index = NAME_INDEXES[table]
        return f"rowid IN (SELECT rowid FROM {index} WHERE {index} MATCH ?)", ['"' + text.replace('"', '""') + '"']

    LATE_SNIPPETS = True
    KEEP_ORDER = "CROSS JOIN"  # SQLite keeps the tables of a CROSS JOIN in the order written

    def _snippets(self, what: str, text: str, pks: list[int]) -> dict[int, str]:
        table, expression = (("articles_fts", "snippet(articles_fts, -1, ?, ?, '…', 24)") if what == "articles"
                             else ("quotes_fts", "highlight(quotes_fts, 0, ?, ?)"))
        rows = self._all(f"SELECT rowid AS pk, {expression} AS snippet FROM {table} WHERE {table} MATCH ? "
                         f"AND rowid IN ({', '.join('?' * len(pks))})", [*HIT, fts_query(text), *pks])
        return {r["pk"]: r["snippet"] for r in rows}

    def _snippet_articles(self, text: str):
        """A few words of the text around the hits (-1: the column that matched best)."""
        return "snippet(articles_fts, -1, ?, ?, '…', 24)", list(HIT)

    def _snippet_quotes(self, text: str):
        return "highlight(quotes_fts, 0, ?, ?)", list(HIT)

    def integrity(self) -> list[str]:
        """Problems SQLite and FTS5 find in the file (empty when sound)."""
        problems = [r["integrity_check"] for r in self._all("PRAGMA integrity_check")
                    if r["integrity_check"] != "ok"]
        for table in ("articles_fts", "quotes_fts"):
            try:
                with self._tx() as cur:
                    cur.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(f"{table}: {exc}")
        return problems
