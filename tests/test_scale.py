"""Scale (issue 19): the same store however a corpus is ingested, an incremental corpus step that
finds what a full recompute finds, candidate pairs from an index, a timeline that does not copy
corpus events into every member, exports written as they are read. The articles are the project's
own fiction (tests/articles)."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from nonpaper.corpus import EXPORTS, export_rows, ingest, write_rows
from nonpaper.disputes import pairs
from nonpaper.store import open_store
from nonpaper.store import update

ARTICLES = sorted((Path(__file__).parent / "articles").glob("disputes-*.txt"))


def exports(db: Path) -> bytes:
    """Every export of the store, as `nonpaper export` writes it."""
    out = io.StringIO()
    with open_store(db) as store:
        for what in EXPORTS:
            out.write(f"== {what}\n")
            write_rows(export_rows(store, what), "jsonl", out)
    return out.getvalue().encode("utf-8")


@pytest.fixture(scope="module")
def one_run(tmp_path_factory) -> bytes:
    db = tmp_path_factory.mktemp("one") / "one.db"
    with open_store(db) as store:
        summary = ingest([str(p) for p in ARTICLES], store, progress=False)
    assert summary.ingested == len(ARTICLES)
    with open_store(db) as store:
        assert any(d["scope"] == "corpus" for d in store.disputes())  # the pairs do dispute across articles
    return exports(db)


def test_ten_batches_store_the_same_as_one_run(tmp_path, one_run):
    db = tmp_path / "ten.db"
    for k in range(10):
        with open_store(db) as store:
            batch = [str(p) for i, p in enumerate(ARTICLES) if i * 10 // len(ARTICLES) == k]
            ingest(batch, store, progress=False)
    assert exports(db) == one_run


def test_two_workers_store_the_same_as_one(tmp_path, one_run):
    db = tmp_path / "two.db"
    with open_store(db) as store:
        ingest([str(p) for p in ARTICLES], store, workers=2, chunk=1, progress=False)
    assert exports(db) == one_run


def test_dask_stores_the_same_as_one_worker(tmp_path, one_run):
    distributed = pytest.importorskip("distributed")
    db = tmp_path / "dask.db"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  memory_limit="2GB") as cluster:
        with open_store(db) as store:
            ingest([str(p) for p in ARTICLES], store, dask=cluster.scheduler_address, chunk=1, progress=False)
    assert exports(db) == one_run


def test_the_incremental_step_adds_what_a_full_recompute_finds(tmp_path):
    """The last article of a pair that disputes across articles, added to a store of all the others,
    is a growth under FULL_GROWTH: the corpus step runs incrementally, and gives the cross-article
    dispute, the linked events and the actors a full recompute gives."""
    last = next(p for p in ARTICLES if p.name == "disputes-ferry-wire.txt")
    rest = [p for p in ARTICLES if p != last]
    db = tmp_path / "inc.db"
    with open_store(db) as store:
        ingest([str(p) for p in rest], store, progress=False)
        before = {d["id"] for d in store.disputes() if d["scope"] == "corpus"}
        ingest([str(last)], store, progress=False, merge=False)
        assert not update.full_needed(len(ARTICLES), len(rest), 1)
        store.recompute()  # incremental: chosen by full_needed
        assert not store.stale()
        incremental = _corpus_rows(store)
        added = {d["id"] for d in store.disputes() if d["scope"] == "corpus"} - before
        assert added and all("disputes-ferry-wire" in d["articles"] for d in store.disputes()
                             if d["id"] in added)
        store.recompute(full=True)
        assert _corpus_rows(store) == incremental


def _corpus_rows(store) -> tuple:
    disputes = sorted((d["id"], d["kind"], tuple(d["articles"])) for d in store.disputes() if d["scope"] == "corpus")
    linked = sorted((e["id"], e["corpus_event"]) for e in store.timeline() if e["corpus_event"])
    actors = sorted((a["id"], a["n_articles"]) for a in store.actors(limit=None))
    return disputes, linked, actors


def test_candidate_pairs_are_those_sharing_a_key():
    named = {"a": {"p1"}, "b": {"p1", "p2"}, "c": {"p3"}, "d": set()}
    words = {"a": set(), "b": set(), "c": {"Kessel"}, "d": {"Kessel"}}
    assert set(pairs.sharing(named, words)) == {("a", "b"), ("c", "d")}
    assert pairs.stories([frozenset(("a", "b"))], ["a", "b", "c"]) == [["a", "b"], ["c"]]


def test_full_recompute_when_the_corpus_doubled():
    assert update.full_needed(stored=10, at_last_full=0, new=10)  # the first
    assert update.full_needed(stored=2000, at_last_full=1000, new=100)
    assert not update.full_needed(stored=10100, at_last_full=10000, new=100)
    assert not update.full_needed(stored=1100, at_last_full=1000, new=100)
    assert update.full_needed(stored=1500, at_last_full=1000, new=500)  # a third of the store is new


def test_exports_read_a_page_at_a_time(tmp_path, monkeypatch, one_run):
    """Paging the lists (here one row a page) gives the same export as reading them whole."""
    import nonpaper.store.base as base

    db = tmp_path / "paged.db"
    with open_store(db) as store:
        ingest([str(p) for p in ARTICLES], store, progress=False)
    monkeypatch.setattr(base, "EXPORT_PAGE", 1)
    assert exports(db) == one_run


def test_a_timeline_row_counts_its_corpus_event_without_copying_it(tmp_path):
    db = tmp_path / "t.db"
    with open_store(db) as store:
        ingest([str(p) for p in ARTICLES], store, progress=False)
        rows = [r for r in store.timeline() if r["corpus_event"]]
        assert rows, "the ferry pair reports one event"
        for r in rows:
            members = store.corpus_event(r["corpus_event"])["articles"]
            assert r["articles"] == [r["article_id"]] and r["articles_count"] == len(members) > 1
