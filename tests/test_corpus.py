"""Batch ingest: deduplication, resume, failures kept with their error, local processes and Dask giving
the same store, a kill -9 mid-run that neither corrupts nor duplicates. Articles are fiction written
for these tests."""
from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nonpaper.corpus import Corpus, Progress, analyze_batch, ingest
from nonpaper.store import open_store
from test_store_support import pg_url, store_url  # noqa: F401 (fixtures: SQLite and PostgreSQL)

ARTICLES = {
    "strike.txt": """Dockers end strike after pay deal

VELMAR, March 12 (Kestrel Wire) - Dockers at the Port of Velmar returned to work on Wednesday after a
four-day strike, their union said.

"We have a deal that our members can accept," said Tomas Feld, the union's secretary. "Nobody wanted the
cranes to stand still for another week."

The Port Authority said the agreement would cost about 2 million crowns a year. Its spokesman, Anders
Brell, told reporters the harbour would be fully open by Friday.
""",
    "bridge.txt": """Velmar bridge to close for repairs

The old Kessel bridge will close for six weeks from April 2, the city council announced on Monday.

"The bearings are worn and we cannot wait another winter," council leader Hana Dross said. Drivers will
be sent over the ring road, she added.

Shopkeepers on Bridge Street said they feared losing customers during the works.
""",
    "school.txt": """New school year to start later

Schools in Velmar will start the new year a week later than usual, the education board said on Tuesday.

Board chair Emil Ravn said the change would give builders time to finish the new gymnasium. "The
children deserve a safe building," Ravn said.
""",
}


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def stored(db) -> dict[str, dict]:
    """Every stored analysis as JSON, by article id (what must not depend on how it was computed)."""
    with open_store(db) as store:
        return {r["id"]: store.analysis(r["id"]).to_dict() for r in store.articles(limit=None, status="ok")}


def test_ingest_dedups_and_resumes(tmp_path, store_url):
    src = write_articles(tmp_path / "in")
    with open_store(store_url) as store:
        first = ingest([str(src)], store, progress=False)
        assert (first.read, first.ingested, first.duplicates, first.failed) == (3, 3, 0, 0)
        again = ingest([str(src)], store, progress=False)
        assert (again.ingested, again.duplicates) == (0, 3)
        # The same text under another name is a duplicate too; a new article is the only one analysed.
        (src / "copy-of-bridge.txt").write_text(ARTICLES["bridge.txt"], encoding="utf-8")
        (src / "more.txt").write_text(ARTICLES["school.txt"].replace("a week", "two weeks"), encoding="utf-8")
        third = ingest([str(src)], store, progress=False)
        assert (third.ingested, third.duplicates) == (1, 4)
        assert store.counts()["articles"] == 4
        assert not store.stale()
        assert "ingested" in third.line() and "skipped as duplicates" in third.line()


def test_the_corpus_merge_can_be_deferred(tmp_path):
    src = write_articles(tmp_path / "in")
    with open_store(tmp_path / "c.db") as store:
        summary = ingest([str(src)], store, progress=False, merge=False)
        assert summary.ingested == 3 and summary.merge_seconds == 0 and store.stale()
        later = ingest([str(src)], store, progress=False)  # nothing new, but the merge is owed
        assert later.ingested == 0 and later.merge_seconds > 0 and not store.stale()


def test_failures_are_stored_and_the_run_goes_on(tmp_path, monkeypatch):
    import nonpaper.pipeline

    src = write_articles(tmp_path / "in")
    (src / "garbage.txt").write_bytes(b"\x00\x01\x02 not text")
    real = nonpaper.pipeline.analyze_parsed

    def flaky(parsed):
        if "bearings" in parsed.article.text:
            raise ValueError("stage exploded")
        return real(parsed)

    monkeypatch.setattr(nonpaper.pipeline, "analyze_parsed", flaky)
    messages: list[str] = []
    with open_store(tmp_path / "c.db") as store:
        summary = ingest([str(src)], store, progress=False, warn=messages.append)
        assert (summary.ingested, summary.failed) == (2, 2)
        failed = {Path(r["source"]).name: r["error"] for r in store.articles(status="failed")}
        assert "binary file" in failed["garbage.txt"]
        assert "ValueError: stage exploded" in failed["bridge.txt"]
        assert any("stage exploded" in m for m in messages)
        # Fixed: the re-run retries the failed article and its failure is replaced.
        monkeypatch.setattr(nonpaper.pipeline, "analyze_parsed", real)
        rerun = ingest([str(src)], store, progress=False)
        assert (rerun.ingested, rerun.duplicates) == (1, 2)
        assert store.counts()["articles"] == 3
        assert [Path(r["source"]).name for r in store.articles(status="failed")] == ["garbage.txt"]


def test_a_stuck_article_is_stopped_and_stored_as_failed(tmp_path, monkeypatch):
    import nonpaper.pipeline

    src = write_articles(tmp_path / "in")
    real = nonpaper.pipeline.analyze_parsed

    def stuck(parsed):
        if "gymnasium" in parsed.article.text:
            time.sleep(30)
        return real(parsed)

    monkeypatch.setattr(nonpaper.pipeline, "analyze_parsed", stuck)
    started = time.monotonic()
    with open_store(tmp_path / "c.db") as store:
        summary = ingest([str(src)], store, progress=False, timeout=0.5)
        assert (summary.ingested, summary.failed) == (2, 1)
        error = store.articles(status="failed")[0]["error"]
    assert "stopped after 0.5s" in error
    assert time.monotonic() - started < 20


def test_analyze_batch_isolates_failures():
    from nonpaper.ingest import article_from_string

    good = article_from_string(ARTICLES["school.txt"])
    out = analyze_batch([good])
    assert out[0][0] == good.content_hash and out[0][2] is None
    assert out[0][1]["article"]["title"] == "New school year to start later"


def test_two_local_workers_store_the_same(tmp_path):
    src = write_articles(tmp_path / "in")
    with open_store(tmp_path / "one.db") as store:
        ingest([str(src)], store, progress=False)
    with open_store(tmp_path / "two.db") as store:
        summary = ingest([str(src)], store, workers=2, chunk=1, progress=False)
        assert summary.ingested == 3
    assert stored(tmp_path / "one.db") == stored(tmp_path / "two.db")


def test_dask_local_cluster_stores_the_same(tmp_path):
    distributed = pytest.importorskip("distributed")
    src = write_articles(tmp_path / "in")
    with open_store(tmp_path / "one.db") as store:
        ingest([str(src)], store, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  memory_limit="2GB") as cluster:
        with open_store(tmp_path / "dask.db") as store:
            summary = ingest([str(src)], store, dask=cluster.scheduler_address, chunk=1, progress=False)
    assert summary.ingested == 3
    assert stored(tmp_path / "one.db") == stored(tmp_path / "dask.db")


def test_unreachable_dask_scheduler_is_one_line(tmp_path, monkeypatch):
    import nonpaper.corpus
    from nonpaper.corpus import CorpusError

    pytest.importorskip("distributed")
    monkeypatch.setattr(nonpaper.corpus, "DASK_TIMEOUT", "1s")
    src = write_articles(tmp_path / "in", {"a.txt": ARTICLES["school.txt"]})
    with open_store(tmp_path / "c.db") as store, pytest.raises(CorpusError, match="cannot reach the Dask scheduler"):
        list(ingest([str(src)], store, dask="tcp://127.0.0.1:1", progress=False).warnings)


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("workers", [1, 2])
def test_kill_9_mid_run_neither_corrupts_nor_duplicates(tmp_path, workers):
    total = 120
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(total):
        (folder / f"a{n:03d}.txt").write_text(
            f"Ferry timetable changes, notice {n}\n\nThe ferry to Kessel island will leave at {n % 12 + 1} "
            f"o'clock from pier {n}, the operator said on Monday.\n\n\u201cWe listened to the commuters,\u201d "
            f"said Jula Renn, the operations manager.\n", encoding="utf-8")
    db = tmp_path / "c.db"
    cmd = [sys.executable, "-m", "nonpaper", "ingest", str(folder), "--db", str(db), "--no-progress",
           "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    seen = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                seen = 0
        if seen >= 5:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest finished before it could be killed; give it more articles"
    children = _children(proc.pid)
    assert len(children) >= (workers if workers > 1 else 0)  # the worker processes (and a resource tracker)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # Workers die with the writer: nothing is left burning CPU after the kill.
    deadline = time.monotonic() + 10
    while any(_alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [c for c in children if _alive(c)]
    with open_store(db) as store:
        assert store.integrity() == []
        kept = store.counts()["articles"]
        assert 5 <= kept < total
        summary = ingest([str(folder)], store, progress=False)
        assert summary.ingested == total - kept and summary.duplicates == kept
        rows = store._all("SELECT content_hash, COUNT(*) AS n FROM articles GROUP BY content_hash")
        assert len(rows) == total and all(r["n"] == 1 for r in rows)
        assert store.integrity() == []
        assert not store.stale()


def test_progress_line_has_rate_and_eta():
    out = io.StringIO()
    bar = Progress(4, stream=out, every=0)
    for _ in range(4):
        bar.advance()
    bar.close()
    lines = out.getvalue().splitlines()
    assert len(lines) == 4 and lines[-1].startswith("nonpaper: ingesting 4/4 articles")
    assert "/s" in lines[0] and "ETA" in lines[0]
    quiet = io.StringIO()
    Progress(4, stream=quiet, enabled=False).advance()
    assert quiet.getvalue() == ""


def test_python_api(tmp_path):
    src = write_articles(tmp_path / "in")
    with Corpus(tmp_path / "c.db") as corpus:
        summary = corpus.ingest(str(src))
        assert summary.ingested == 3
        assert corpus.counts()["articles"] == 3
        assert {a["title"] for a in corpus.articles()} >= {"Velmar bridge to close for repairs"}
        assert corpus.search("bearings")["articles"][0]["title"] == "Velmar bridge to close for repairs"
        for rows in (corpus.actors(), corpus.quotes(), corpus.timeline(), corpus.disputes()):
            assert isinstance(rows, list)
        lines = corpus.export("articles", "jsonl").splitlines()
        assert len(lines) == 3 and json.loads(lines[0])["schema"] == "nonpaper/1"
        assert corpus.analysis(corpus.articles()[0]["id"]).article.text


def test_unnamed_sources_of_two_stories_stay_two_actors():
    from nonpaper import analyze_many
    c = analyze_many(["Port news\n\nA senior official said the port would reopen on Monday.",
                      "Rail news\n\nA senior official said the trains would run late all week."], published="2026-03-10")
    officials = [a for a in c.actors if a.name == "A senior official"]
    assert len(officials) == 2 and officials[0].id != officials[1].id
    assert [len(a.articles) for a in officials] == [1, 1]
