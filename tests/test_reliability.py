"""Issue 18: one bad input never stops the others, nothing reads without limit, nothing runs forever.

Each case here failed before the fix (an "internal error" that stopped the run, a read that grew to
gigabytes, a hang, a traceback). Articles are short ones written for these tests."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import pytest

from conftest import EXAMPLES, ROOT
from test_store_support import pg_url  # noqa: F401  (a fresh PostgreSQL schema per test)

GOOD = EXAMPLES / "harbour-strike.txt"
ARTICLE = ("Quay reopens after storm\n\nThe harbour master said on Friday that the quay would reopen on "
           "Monday.\n\n\"The repairs are done,\" harbour master Lena Ostrow said.\n")


def errors(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.strip()]


def run_cli(*args, stdin=None, timeout=60, env=None, **kw) -> subprocess.CompletedProcess:
    """`nonpaper ARGS` as a user runs it: a real process, real file descriptors."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    full_env.pop("NONPAPER_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "nonpaper", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, stdin=stdin, env=full_env, cwd=ROOT, **kw)


def assert_one_line_each(stderr: str, names: list[str]) -> None:
    lines = errors(stderr)
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    for name in names:
        assert sum(name in ln for ln in lines) == 1, (name, stderr)


# ---------------------------------------------------------------- one bad input never stops the others

def test_odd_length_utf16_is_read_with_a_warning_and_the_others_go_on(cli_run, tmp_path):
    bad = tmp_path / "bad16.txt"
    bad.write_bytes(b"\xff\xfeH\x00i\x00!")  # "Hi" and half a character
    result = cli_run("analyze", GOOD, bad, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert_one_line_each(result.stderr, ["bad16.txt"])
    assert "UTF-16" in result.stderr
    ids = [a["article"]["id"] for a in json.loads(result.stdout)["articles"]]
    assert ids == ["harbour-strike", "bad16"]


@pytest.mark.parametrize("field, value", [("title", 5), ("outlet", [1]), ("author", {"a": 1}), ("url", True),
                                          ("published", 20260301), ("id", [1])])
def test_jsonl_field_of_the_wrong_type_is_a_warning(cli_run, tmp_path, field, value):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"text": ARTICLE, field: value}) + "\n"
                    + json.dumps({"text": ARTICLE.replace("Friday", "Sunday"), "id": "two"}) + "\n")
    result = cli_run("analyze", dump, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert_one_line_each(result.stderr, ["dump.jsonl:1"])
    assert f'"{field}"' in result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 2


def test_lone_surrogate_in_jsonl_is_replaced(cli_run, tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": "s", "title": "Odd \\ud800 title", "text": "Quay news\\n\\nThe mayor \\udfff said '
                    'yes on Friday."}\n' + json.dumps({"text": ARTICLE, "id": "ok"}) + "\n")
    result = cli_run("analyze", dump, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert_one_line_each(result.stderr, ["dump.jsonl:1"])
    data = json.loads(result.stdout)
    first = data["articles"][0]["article"]
    assert first["title"] == "Odd \ufffd title" and "mayor \ufffd said" in first["text"]


def test_stdin_closed_is_one_line_and_the_file_is_still_analysed():
    result = run_cli("analyze", GOOD, "-", "--format", "json", stdin=subprocess.DEVNULL,
                     preexec_fn=lambda: os.close(0))
    assert result.returncode == 1, result.stderr
    assert_one_line_each(result.stderr, ["-: stdin is closed"])
    assert json.loads(result.stdout)["article"]["id"] == "harbour-strike"


def test_nul_after_the_first_8kb_is_replaced_alike_for_every_store(cli_run, tmp_path):
    text = ARTICLE + "\n\n" + "More words about the quay and the storm. " * 250 + "\x00 after the NUL.\n"
    path = tmp_path / "nul.txt"
    path.write_bytes(text.encode("utf-8"))
    result = cli_run("analyze", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "NUL" in result.stderr and len(errors(result.stderr)) == 1
    body = json.loads(result.stdout)["article"]["text"]
    assert "\x00" not in body and "\ufffd after the NUL" in body


def test_nul_in_a_jsonl_string_never_reaches_a_store(tmp_path):
    from nonpaper.corpus import ingest
    from nonpaper.store import open_store

    dump = tmp_path / "nul.jsonl"
    dump.write_text(json.dumps({"id": "n", "text": ARTICLE + "Then \x00 a NUL.", "title": "Quay\x00"}) + "\n")
    with open_store(tmp_path / "c.db") as store:
        summary = ingest([str(dump)], store, progress=False)
        assert summary.ingested == 1 and summary.failed == 0
        text = store.analysis("n").article.text
        assert "\x00" not in text and "Then \ufffd a NUL." in text


def test_deeply_nested_html_is_not_an_empty_article(cli_run, tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<html><head><title>Quay reopens</title></head><body>" + "<div>" * 400
                    + "<p>The harbour master said on Friday that the quay would reopen.</p>" + "</div>" * 400
                    + "</body></html>")
    result = cli_run("analyze", page, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "nested deeper" in result.stderr and len(errors(result.stderr)) == 1
    art = json.loads(result.stdout)["article"]
    assert "quay would reopen" in art["text"] and art["title"] == "Quay reopens"


def test_an_analysis_that_breaks_one_article_never_stops_the_others(cli_run, tmp_path, monkeypatch):
    import nonpaper.pipeline as pipeline

    real = pipeline.analyze_parsed

    def fragile(parsed):
        if "Bogwater" in parsed.article.text:
            raise IndexError("a stage tripped")
        return real(parsed)

    monkeypatch.setattr(pipeline, "analyze_parsed", fragile)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("harbour master", "Bogwater harbour master"))
    result = cli_run("analyze", tmp_path / "a.txt", tmp_path / "b.txt", "--format", "json")
    assert result.exit_code == 1
    assert_one_line_each(result.stderr, ["b.txt"])
    assert "IndexError" in result.stderr
    assert json.loads(result.stdout)["article"]["id"] == "a"


# ---------------------------------------------------------------- bounded reads

def test_dev_zero_is_refused_after_the_limit():
    started = time.monotonic()
    result = run_cli("analyze", "/dev/zero", timeout=60)
    assert result.returncode == 2 and time.monotonic() - started < 30
    assert_one_line_each(result.stderr, ["/dev/zero"])


def test_endless_stdin_is_refused_after_the_limit():
    yes = subprocess.Popen(["yes", "text"], stdout=subprocess.PIPE)
    try:
        result = run_cli("analyze", "-", stdin=yes.stdout, timeout=60)
    finally:
        yes.kill()
        yes.wait()
    assert result.returncode == 2
    assert_one_line_each(result.stderr, ["-: "])
    assert "10 MB limit" in result.stderr


def test_a_fifo_nobody_writes_to_is_given_up(cli_run, tmp_path, monkeypatch):
    import nonpaper.ingest.streams as streams

    monkeypatch.setattr(streams, "READ_IDLE", 0.5)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = cli_run("analyze", fifo, GOOD, "--format", "json")
    assert time.monotonic() - started < 20
    assert result.exit_code == 1
    assert_one_line_each(result.stderr, ["pipe.txt"])
    assert "writing to it" in result.stderr


def test_a_fifo_with_a_writer_is_read(cli_run, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def write():
        time.sleep(0.3)
        with open(fifo, "w") as fh:
            fh.write(ARTICLE)

    writer = threading.Thread(target=write)
    writer.start()
    result = cli_run("analyze", fifo, "--format", "json")
    writer.join()
    assert result.exit_code == 0, result.stderr
    assert "quay would reopen" in json.loads(result.stdout)["article"]["text"]


def test_jsonl_is_read_line_by_line():
    """A JSONL dump is never read whole: the reader holds one line at a time."""
    from nonpaper.ingest.streams import Stream

    class Endless:
        """A dump that never ends: reading it whole would never return."""
        def __init__(self):
            self.n = 0

        def read(self, n):
            self.n += 1
            return (json.dumps({"text": ARTICLE, "id": f"a{self.n}"}) + "\n").encode()

    from nonpaper.ingest.readers import articles_from_stream
    stream = Stream(fh=Endless())
    arts = articles_from_stream(stream, source="endless.jsonl", path=None, report=lambda p: None)
    assert [next(arts).id for _ in range(3)] == ["a1", "a2", "a3"]


def test_an_oversized_jsonl_line_is_skipped_without_being_held(cli_run, tmp_path, monkeypatch):
    import nonpaper.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 1000)
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"text": "x " * 2000, "id": "big"}) + "\n" + json.dumps({"text": ARTICLE, "id": "ok"})
                    + "\n")
    result = cli_run("analyze", dump, "--format", "json")
    assert result.exit_code == 1
    assert_one_line_each(result.stderr, ["dump.jsonl:1"])
    assert json.loads(result.stdout)["article"]["id"] == "ok"


def test_a_feed_over_its_limit_is_refused_before_it_is_read(cli_run, tmp_path, monkeypatch):
    import nonpaper.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_FEED_BYTES", 1000)
    feed = tmp_path / "big.xml"
    feed.write_text("<rss><channel>" + "<item><title>T</title><description>Words.</description></item>" * 100
                    + "</channel></rss>")
    result = cli_run("analyze", feed, GOOD)
    assert result.exit_code == 1
    assert_one_line_each(result.stderr, ["big.xml"])
    assert "limit for one feed" in result.stderr


# ---------------------------------------------------------------- time limits

def test_analyze_stops_an_article_that_takes_too_long(cli_run, tmp_path, monkeypatch):
    import nonpaper.pipeline as pipeline

    real = pipeline.analyze_parsed

    def slow(parsed):
        if "Bogwater" in parsed.article.text:
            time.sleep(30)
        return real(parsed)

    monkeypatch.setattr(pipeline, "analyze_parsed", slow)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "slow.txt").write_text(ARTICLE.replace("harbour master", "Bogwater harbour master"))
    started = time.monotonic()
    result = cli_run("analyze", tmp_path / "a.txt", tmp_path / "slow.txt", "--timeout", "1", "--format", "json")
    assert time.monotonic() - started < 15
    assert result.exit_code == 1
    assert_one_line_each(result.stderr, ["slow.txt"])
    assert "stopped after 1s" in result.stderr and "--timeout" in result.stderr
    assert json.loads(result.stdout)["article"]["id"] == "a"


def test_time_limit_works_outside_the_main_thread():
    """Dask workers and the web server analyse in threads, where SIGALRM cannot reach."""
    from nonpaper.corpus import ArticleTimeout, AnalysisCancelled, time_limit

    outcome = {}

    def busy(key, seconds=None, cancel=None):
        started = time.monotonic()
        try:
            with time_limit(seconds, cancel):
                while time.monotonic() - started < 20:
                    sum(range(1000))
            outcome[key] = "ran out"
        except (ArticleTimeout, AnalysisCancelled) as exc:
            outcome[key] = (type(exc).__name__, str(exc), round(time.monotonic() - started))

    cancel = threading.Event()
    threads = [threading.Thread(target=busy, args=("timeout", 0.5)),
               threading.Thread(target=busy, args=("cancel", None, cancel))]
    for t in threads:
        t.start()
    time.sleep(0.5)
    cancel.set()
    for t in threads:
        t.join(25)
    assert outcome["timeout"][0] == "ArticleTimeout" and "stopped after 0.5s" in outcome["timeout"][1]
    assert outcome["cancel"][0] == "AnalysisCancelled" and outcome["cancel"][2] < 5


# ---------------------------------------------------------------- ingest

def test_full_disk_with_two_workers_is_one_line(tmp_path):
    """The store fails mid-run (here: a full disk, simulated); the workers are stopped in the main
    thread, so no "cannot join current thread" traceback from the pool."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(8):
        (folder / f"a{i}.txt").write_text(ARTICLE.replace("Friday", f"Friday {i}"))
    script = tmp_path / "full.py"
    script.write_text(f"""
import sqlite3, sys
from nonpaper.store.sqlite import SQLiteStore
real = SQLiteStore.add
calls = [0]
def add(self, data):
    calls[0] += 1
    if calls[0] > 2:
        raise sqlite3.OperationalError("database or disk is full")
    return real(self, data)
SQLiteStore.add = add
if __name__ == "__main__":
    from nonpaper.cli.main import main
    sys.argv = ["nonpaper", "ingest", {str(folder)!r}, "--db", {str(tmp_path / 'c.db')!r}, "--workers", "2"]
    main()
""")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=180, env=env)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "cannot join" not in result.stderr, result.stderr
    assert errors(result.stderr) == [ln for ln in errors(result.stderr) if "disk is full" in ln]
    assert "run the same command again" in result.stderr


def test_ingest_streams_its_inputs(tmp_path, monkeypatch):
    """Articles are read as the workers ask for them, not all before the first is analysed."""
    import nonpaper.corpus as corpus
    from nonpaper.store import open_store

    dump = tmp_path / "d.jsonl"
    dump.write_text("".join(json.dumps({"text": ARTICLE.replace("Friday", f"day {i}"), "id": f"a{i}"}) + "\n"
                            for i in range(6)))
    seen = []
    real = corpus.analyze_batch

    def spy(articles, timeout=None):
        seen.append(summary_read[0])
        return real(articles, timeout)

    summary_read = [0]
    real_read = corpus.read_sources

    def counting(*args, **kw):
        for art in real_read(*args, **kw):
            summary_read[0] += 1
            yield art

    monkeypatch.setattr(corpus, "analyze_batch", spy)
    monkeypatch.setattr(corpus, "read_sources", counting)
    with open_store(tmp_path / "c.db") as store:
        summary = corpus.ingest([str(dump)], store, progress=False, chunk=2)
    assert summary.ingested == 6
    assert seen[0] == 2  # the first chunk was analysed when only two articles had been read


# ---------------------------------------------------------------- output files and the token

@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600])
def test_output_keeps_the_mode_of_the_file_it_replaces(cli_run, tmp_path, mode):
    out = tmp_path / "out.json"
    out.write_text("old")
    out.chmod(mode)
    assert cli_run("analyze", GOOD, "--format", "json", "-o", out).exit_code == 0
    assert out.stat().st_mode & 0o777 == mode and out.read_text() != "old"


def test_a_new_output_gets_the_umask_mode(cli_run, tmp_path):
    previous = os.umask(0o022)
    try:
        assert cli_run("analyze", GOOD, "-o", tmp_path / "new.txt").exit_code == 0
    finally:
        os.umask(previous)
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o644


# ---------------------------------------------------------------- opening a store

def _sqlite_file_of_another_app(path) -> bytes:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_opening_a_foreign_sqlite_file_changes_nothing(cli_run, tmp_path):
    other = tmp_path / "someapp.sqlite"
    before = _sqlite_file_of_another_app(other)
    for command in ("articles", "quotes", "counts" if False else "actors"):
        result = cli_run(command, "--db", other)
        assert result.exit_code == 2
        assert len(errors(result.stderr)) == 1 and "something else" in result.stderr and "invoices" in result.stderr
    ingest = cli_run("ingest", GOOD, "--db", other)
    assert ingest.exit_code == 2 and "left unchanged" in ingest.stderr
    assert other.read_bytes() == before  # still in its rollback journal mode, no tables added
    assert sorted(p.name for p in tmp_path.iterdir()) == ["someapp.sqlite"]


def test_serve_refuses_a_foreign_sqlite_file(cli_run, tmp_path):
    other = tmp_path / "someapp.sqlite"
    before = _sqlite_file_of_another_app(other)
    result = cli_run("serve", "--db", other, "--port", "0")
    assert result.exit_code == 2 and "something else" in result.output
    assert other.read_bytes() == before


@pytest.fixture
def immutable_store(tmp_path, cli_run):
    """A store on what the system will not let anyone write (chattr +i, so even root cannot)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "c.db"
    assert cli_run("ingest", GOOD, "--db", db).exit_code == 0
    from nonpaper.store import open_store
    with open_store(db) as s:
        s._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for extra in folder.glob("c.db-*"):
        extra.unlink()
    locked = subprocess.run(["chattr", "+i", str(db), str(folder)], capture_output=True)
    if locked.returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        yield db
    finally:
        subprocess.run(["chattr", "-i", str(db), str(folder)])


def test_a_read_only_store_can_be_queried_and_served(cli_run, immutable_store):
    result = cli_run("articles", "--db", immutable_store, "--format", "json")
    assert result.exit_code == 0, result.output
    assert [a["id"] for a in json.loads(result.stdout)] == ["harbour-strike"]
    assert cli_run("quotes", "--db", immutable_store).exit_code == 0
    from fastapi.testclient import TestClient

    from nonpaper.web.app import create_app
    with TestClient(create_app(str(immutable_store))) as c:
        assert c.get("/api/counts").json()["articles"] == 1
        assert c.get("/articles/harbour-strike").status_code == 200


def test_writing_a_read_only_store_says_why(cli_run, immutable_store, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE)
    result = cli_run("ingest", other, "--db", immutable_store)
    assert result.exit_code == 2 and "read-only" in result.output and "Traceback" not in result.output


# ---------------------------------------------------------------- PostgreSQL

@pytest.mark.postgres
def test_nul_after_8kb_is_stored_alike_on_postgres(pg_url, tmp_path):
    """PostgreSQL refuses NUL in text (it stopped the ingest with DataError); SQLite kept it. Both now
    store U+FFFD in its place."""
    from nonpaper.corpus import ingest
    from nonpaper.store import open_store

    path = tmp_path / "nul.txt"
    path.write_bytes((ARTICLE + "\n\n" + "More words about the quay. " * 400 + "A \x00 NUL here.\n").encode())
    dump = tmp_path / "nul.jsonl"
    dump.write_text(json.dumps({"id": "j", "text": "Other quay news\n\nThe mayor said \x00 no on Monday."}) + "\n")
    texts = {}
    for name, url in (("pg", pg_url), ("sqlite", str(tmp_path / "c.db"))):
        with open_store(url) as store:
            summary = ingest([str(path), str(dump)], store, progress=False)
            assert summary.ingested == 2 and summary.failed == 0, name
            texts[name] = sorted(store.analysis(a["id"]).article.text for a in store.articles())
    assert texts["pg"] == texts["sqlite"] and all("\ufffd" in t for t in texts["pg"])


@pytest.mark.postgres
def test_a_postgres_schema_of_another_app_is_left_alone(pg_url):
    import psycopg

    from nonpaper.store import StoreError, open_store

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id serial PRIMARY KEY, total numeric)")
    with pytest.raises(StoreError, match="something else"):
        open_store(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        names = [r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables "
                                             "WHERE table_schema = current_schema()")]
    assert names == ["invoices"]


def test_a_stuck_article_is_stopped_on_a_dask_worker(tmp_path, monkeypatch):
    """Dask runs tasks in worker threads, where SIGALRM cannot reach: the watchdog stops the article."""
    distributed = pytest.importorskip("distributed")
    import nonpaper.pipeline as pipeline
    from nonpaper.corpus import ingest
    from nonpaper.store import open_store

    real = pipeline.analyze_parsed

    def stuck(parsed):
        if "Bogwater" in parsed.article.text:
            started = time.monotonic()
            while time.monotonic() - started < 60:  # a stage looping on this article
                sum(range(100))
        return real(parsed)

    monkeypatch.setattr(pipeline, "analyze_parsed", stuck)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "b.txt").write_text(ARTICLE.replace("harbour master", "Bogwater harbour master"))
    started = time.monotonic()
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with open_store(tmp_path / "c.db") as store:
            summary = ingest([str(folder)], store, dask=cluster.scheduler_address, chunk=1, progress=False,
                             timeout=1)
            failed = store.articles(status="failed")
            assert (summary.ingested, summary.failed) == (1, 1), [f["error"] for f in failed]
            assert "stopped after 1s" in failed[0]["error"]
    assert time.monotonic() - started < 40


def test_a_failing_cross_article_stage_still_writes_every_article(cli_run, tmp_path, monkeypatch):
    import nonpaper.cli.analyze as command

    def broken(analyses):
        raise KeyError("merge")

    monkeypatch.setattr(command, "build_corpus", broken)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Friday", "Sunday"))
    result = cli_run("analyze", tmp_path / "a.txt", tmp_path / "b.txt", "--format", "json")
    assert result.exit_code == 0 and "merge failed" in result.stderr and len(errors(result.stderr)) == 1
    assert [a["article"]["id"] for a in json.loads(result.stdout)["articles"]] == ["a", "b"]
