"""The PostgreSQL store: the same tables and behaviour as SQLite, for a team sharing one corpus.
Search uses generated tsvector columns (English configuration) with GIN indexes."""
from __future__ import annotations

import re
from contextlib import contextmanager
from typing import Iterator

from .base import Store, StoreError
from .queries import HIT, parse_search

MIGRATION_LOCK = 0x6E6F6E70  # "nonp": serialises concurrent openers creating the schema


class PostgresStore(Store):
    backend = "postgres"

    def __init__(self, target: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL needs psycopg: pip install 'nonpaper[postgres]'") from None
        self._psycopg = psycopg
        self.IntegrityError = psycopg.errors.UniqueViolation
        super().__init__(target)

    @property
    def display(self) -> str:
        return re.sub(r"://([^:@/]+):[^@/]*@", r"://\1:***@", self.target)  # never print a password

    def _connect(self):
        from psycopg.rows import dict_row
        try:
            conn = self._psycopg.connect(self.target, autocommit=True, row_factory=dict_row, connect_timeout=10)
        except self._psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to {self.display}: {reason}") from None
        self._refuse_foreign(conn)
        return conn

    def _refuse_foreign(self, conn) -> None:
        """A schema with tables but no nonpaper schema belongs to something else: add nothing to it."""
        tables = [r["table_name"] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "ORDER BY table_name").fetchall()]
        if tables and "schema_migrations" not in tables:
            conn.close()
            shown = ", ".join(tables[:4]) + (", …" if len(tables) > 4 else "")
            raise StoreError(f"{self.display} already holds tables of something else ({shown}), not a nonpaper "
                             "store; nothing was added: give a database (or a schema, with "
                             "?options=-csearch_path%3Dname) of its own")

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def _cursor(self):
        if self._conn is None:
            raise StoreError("the store is closed")
        return self._conn.cursor()

    @contextmanager
    def _tx(self) -> Iterator:
        with self._conn.transaction():
            with self._conn.cursor() as cur:
                yield cur

    def _lock_migrations(self, cur) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))

    def _has_table(self, name: str) -> bool:
        return self._one("SELECT to_regclass(?) IS NOT NULL AS x", (name,))["x"]

    def _fts_articles(self, text: str):
        query, params = tsquery(text)
        return ("", f"a.tsv @@ {query}", params, f"ts_rank(a.tsv, {query}) DESC, a.pk DESC", params)

    def _fts_quotes(self, text: str):
        query, params = tsquery(text)
        return "", f"q.tsv @@ {query}", params, "", []

    def _snippet_articles(self, text: str):
        query, params = tsquery(text)
        return (f"ts_headline('english', a.text, {query}, ?)", params + [HEADLINE + ", MaxWords=30, MinWords=12"])

    def _snippet_quotes(self, text: str):
        query, params = tsquery(text)
        return f"ts_headline('english', q.text, {query}, ?)", params + [HEADLINE + ", HighlightAll=true"]


HEADLINE = f"StartSel={HIT[0]}, StopSel={HIT[1]}"


def tsquery(text: str) -> tuple[str, list]:
    """A search as a tsquery expression with bound parameters: words and "phrases" required
    (phraseto_tsquery), `clin*` a prefix, `-word` left out; nothing to find matches nothing."""
    found, left_out = [], []
    for t in parse_search(text):
        if t.prefix:
            stem = re.sub(r"\W", "", t.words[0])
            term = ("to_tsquery('english', ?)", stem + ":*") if stem else None
        else:
            term = ("phraseto_tsquery('english', ?)", " ".join(t.words))
        if term:
            (left_out if t.negated else found).append(term)
    if not found:
        return "to_tsquery('english', '')", []
    exprs = [e for e, _ in found] + [f"!! {e}" for e, _ in left_out]
    return "(" + " && ".join(exprs) + ")", [v for _, v in found + left_out]
