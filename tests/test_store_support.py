"""Shared fixtures for the store, corpus and CLI corpus tests: a store on each backend, and small
hand-made analyses (so store behaviour is tested without waiting for spaCy).

PostgreSQL tests are marked `postgres` and need NONPAPER_TEST_PG_URL (see scripts/test-postgres.sh);
they skip without it, except under CI (env CI set), where a missing server is a failure.
"""
from __future__ import annotations

import os
import uuid

import pytest

from nonpaper.model import (Actor, Analysis, Article, Claim, Dispute, DisputeClaim, Event, Quote, Relation,
                            Timex)

PG_URL = os.environ.get("NONPAPER_TEST_PG_URL")


def require_postgres() -> str:
    if PG_URL:
        return PG_URL
    if os.environ.get("CI"):
        pytest.fail("CI is set but NONPAPER_TEST_PG_URL is not: start a server with "
                    "`export NONPAPER_TEST_PG_URL=$(bash scripts/test-postgres.sh)`")
    pytest.skip("NONPAPER_TEST_PG_URL not set (start a server with scripts/test-postgres.sh)")


@pytest.fixture
def pg_url():
    """A URL whose search_path is a fresh schema, dropped after the test: tests never see each other."""
    import psycopg

    base = require_postgres()
    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url):
    from nonpaper.store import open_store

    s = open_store(store_url)
    yield s
    s.close()


def make_analysis(n: int, *, speaker: str = "Dana Okafor", alias: str = "Okafor", published: str | None = None,
                  text: str | None = None, article_id: str | None = None, outlet: str = "Kestrel Wire",
                  quote: str = "We were never shown the text of the agreement", event_date: str = "2026-03-10",
                  event_type: str = "strike") -> Analysis:
    """A small article analysis written for the tests: one speaker, one quote, two events, one ordering,
    one claim, one dispute within the article."""
    body = text or (f"Harbour story number {n}. \u201c{quote},\u201d {alias} said. "
                    f"The dockers walked out on Tuesday before the talks.")
    art = Article(id=article_id or f"story-{n}", text=body, title=f"Harbour story {n}", outlet=outlet,
                  published=published or f"2026-03-{10 + n:02d}", source=f"story-{n}.txt",
                  content_hash=f"{n:064x}" if text is None else None)
    slug = speaker.lower().replace(" ", "-")
    start = body.index(quote)
    return Analysis(
        article=art,
        actors=[Actor(id=slug, name=speaker, kind="person", aliases=[alias], titles=["spokeswoman"]),
                Actor(id="port-authority", name="Port Authority", kind="organization")],
        quotes=[Quote(id="q1", kind="direct", text=quote, start=start, end=start + len(quote), speaker=slug,
                      speaker_text=alias, cue="said")],
        timexes=[Timex(id="t1", text="Tuesday", start=0, end=7, type="DATE", value=event_date)],
        events=[Event(id="e1", text="walked out", start=0, end=10, date=event_date, type=event_type,
                      participants=[slug]),
                Event(id="e2", text="the talks", start=11, end=20, type="talks", participants=["port-authority"])],
        relations=[Relation(source="e1", relation="BEFORE", target="e2", asserted_by=slug,
                            evidence="The dockers walked out on Tuesday before the talks.")],
        claims=[Claim(id="c1", actor=slug, text=quote, kind="statement", event="e1", quote="q1")],
        disputes=[Dispute(id="d1", kind="status", summary=f"{speaker} and the Port Authority disagree",
                          claims=[DisputeClaim(actor=slug, text="it was called off", quote="q1"),
                                  DisputeClaim(actor="port-authority", text="it was postponed")])],
    )
