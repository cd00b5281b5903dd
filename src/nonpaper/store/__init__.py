"""The corpus store: SQLite by default (a file), PostgreSQL for a team (a URL); one schema, one behaviour.

    >>> from nonpaper.store import open_store
    >>> store = open_store("nonpaper.db")          # or "postgresql://user@host:5432/db"
    >>> store.add(analysis)                          # ('article-id', True); False when already stored
    >>> store.quotes(speaker="Lavrov", since="2025-10-01")
    >>> store.close()

Every query returns plain dicts. `add` writes one article in one transaction, so an interrupted
ingest loses at most the articles in flight and never leaves half an article behind.
"""
from __future__ import annotations

import os

from .base import Store, StoreError

DEFAULT = "nonpaper.db"
__all__ = ["open_store", "Store", "StoreError", "DEFAULT", "is_postgres"]


def is_postgres(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def open_store(url_or_path: str | os.PathLike | None = None) -> Store:
    """Open (creating and migrating as needed) the store at a path or a postgresql:// URL.
    None means $NONPAPER_DB, else nonpaper.db in the current folder."""
    target = str(url_or_path or os.environ.get("NONPAPER_DB") or DEFAULT)
    if is_postgres(target):
        from .postgres import PostgresStore
        return PostgresStore(target)
    if "://" in target:
        raise StoreError(f"unknown store {target!r}: give a file path (SQLite) or a postgresql:// URL")
    from .sqlite import SQLiteStore
    return SQLiteStore(target)
