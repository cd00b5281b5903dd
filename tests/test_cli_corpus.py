"""The corpus commands: each a thin shell over one library call, with table/json/csv output and
one-line errors."""
from __future__ import annotations

import csv
import io
import json

import pytest

from nonpaper.store import open_store
from test_corpus import ARTICLES, write_articles
from test_store_support import make_analysis

VERBS = ("ingest", "articles", "actors", "quotes", "timeline", "disputes", "export")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.db"
    with open_store(path) as store:
        store.add(make_analysis(1))
        store.add(make_analysis(2, speaker="Tomas Feld", alias="Feld", quote="The strike is over for now"))
        store.record_failure("broken.txt", None, "binary file, not an article")
        store.recompute()
    return str(path)


@pytest.mark.parametrize("verb", VERBS)
def test_every_command_has_an_example_and_db_option(cli_run, verb):
    result = cli_run(verb, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout and "--db" in result.stdout and "NONPAPER_DB" in result.stdout


@pytest.mark.parametrize("verb", ("articles", "actors", "quotes", "timeline", "disputes"))
def test_query_formats(cli_run, db, verb):
    as_json = cli_run(verb, "--db", db, "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    rows = json.loads(as_json.stdout)
    assert rows and isinstance(rows, list)
    as_csv = cli_run(verb, "--db", db, "--format", "csv")
    parsed = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(parsed) == len(rows) and set(parsed[0]) == set(rows[0])
    table = cli_run(verb, "--db", db)
    assert table.exit_code == 0 and "┃" in table.stdout


def test_quotes_filters_on_the_command_line(cli_run, db):
    rows = json.loads(cli_run("quotes", "--db", db, "--speaker", "okafor", "--format", "json").stdout)
    assert [r["speaker_name"] for r in rows] == ["Dana Okafor"]
    rows = json.loads(cli_run("quotes", "--db", db, "--since", "2026-03-12", "--format", "json").stdout)
    assert [r["speaker_name"] for r in rows] == ["Tomas Feld"]
    rows = json.loads(cli_run("quotes", "--db", db, "--search", "strike", "--format", "json").stdout)
    assert [r["text"] for r in rows] == ["The strike is over for now"]
    none = cli_run("quotes", "--db", db, "--speaker", "Nobody")
    assert none.exit_code == 0 and none.stdout == "" and "no quotes match" in none.stderr


def test_articles_failed_and_timeline_filters(cli_run, db):
    failed = json.loads(cli_run("articles", "--db", db, "--failed", "--format", "json").stdout)
    assert [(r["source"], r["error"]) for r in failed] == [("broken.txt", "binary file, not an article")]
    events = json.loads(cli_run("timeline", "--db", db, "--actor", "Feld", "--format", "json").stdout)
    assert {e["article_id"] for e in events} == {"story-2"}
    talks = json.loads(cli_run("timeline", "--db", db, "--event", "talks", "--format", "json").stdout)
    assert {e["type"] for e in talks} == {"talks"}


def test_db_from_the_environment(cli_run, db, monkeypatch):
    monkeypatch.setenv("NONPAPER_DB", db)
    rows = json.loads(cli_run("actors", "--format", "json").stdout)
    assert {r["name"] for r in rows} >= {"Dana Okafor", "Tomas Feld"}


@pytest.mark.parametrize("what", ("articles", "quotes", "actors", "events", "disputes"))
def test_export(cli_run, db, tmp_path, what):
    jsonl = cli_run("export", "--db", db, "--what", what)
    assert jsonl.exit_code == 0
    lines = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert lines
    out = tmp_path / f"{what}.csv"
    written = cli_run("export", "--db", db, "--what", what, "--format", "csv", "-o", out)
    assert written.exit_code == 0 and f"written to {out}" in written.stderr
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == len(lines)
    if what == "articles":
        assert {line["schema"] for line in lines} == {"nonpaper/1"}


def test_ingest_command_summary_and_exit_codes(cli_run, tmp_path):
    src = write_articles(tmp_path / "in", {"school.txt": ARTICLES["school.txt"]})
    db = str(tmp_path / "new.db")
    first = cli_run("ingest", src, "--db", db, "--no-progress")
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("1 ingested, 0 skipped as duplicates, 0 failed")
    assert "1 articles" in first.stdout
    again = cli_run("ingest", src, "--db", db, "--no-progress")
    assert again.stdout.startswith("0 ingested, 1 skipped as duplicates, 0 failed")
    (src / "bad.txt").write_bytes(b"\x00\x00binary")
    partly = cli_run("ingest", src, "--db", db, "--no-progress")
    assert partly.exit_code == 1 and "1 failed" in partly.stdout and "bad.txt: binary file" in partly.stderr
    nothing = cli_run("ingest", tmp_path / "missing", "--db", db, "--no-progress")
    assert nothing.exit_code == 2 and "no such file or directory" in nothing.stderr


@pytest.mark.parametrize("args, message", [
    (("quotes", "--db", "{tmp}/none.db"), "no store at"),
    (("quotes", "--db", "{tmp}/notes.txt"), "not a nonpaper store"),
    (("quotes", "--db", "{db}", "--since", "last blursday"), "cannot read"),
    (("ingest", "x.txt", "--db", "{db}", "--workers", "2", "--dask", "tcp://h:8786"), "not both"),
    (("actors", "--db", "mysql://host/db"), "unknown store"),
])
def test_errors_are_one_line(cli_run, db, tmp_path, args, message):
    (tmp_path / "notes.txt").write_text("plain notes " * 50)
    result = cli_run(*(a.format(tmp=tmp_path, db=db) for a in args))
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output
    assert len([line for line in result.stderr.splitlines() if line.strip()]) <= 3


# ---------------------------------------------------------------- issue 20: complete lists, narrow terminals

@pytest.fixture
def db60(tmp_path):
    path = tmp_path / "sixty.db"
    with open_store(path) as store:
        for n in range(1, 61):
            store.add(make_analysis(n, article_id=f"harbour-story-number-{n}", published=f"2026-04-{n % 28 + 1:02d}",
                                    outlet="Kestrel Wire and Harbour Evening Post"))
        store.recompute()
    return str(path)


@pytest.mark.parametrize("verb", ("articles", "actors", "quotes", "timeline", "disputes"))
def test_json_and_csv_give_every_row(cli_run, db60, verb):
    rows = json.loads(cli_run(verb, "--db", db60, "--format", "json").stdout)
    expected = {"articles": 60, "quotes": 60, "timeline": 120, "disputes": 60}.get(verb)
    if expected:
        assert len(rows) == expected
    as_csv = cli_run(verb, "--db", db60, "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(as_csv.stdout)))) == len(rows)
    assert as_csv.stderr == ""  # nothing left out, nothing to say


def test_a_cut_list_says_what_was_left_out(cli_run, db60):
    table = cli_run("articles", "--db", db60)
    assert table.stdout.count("harbour-story-number-") == 50
    assert "50 of 60 articles shown" in table.stderr and "--offset 50" in table.stderr
    page = cli_run("articles", "--db", db60, "--format", "json", "--limit", "20", "--offset", "50")
    assert len(json.loads(page.stdout)) == 10 and "10 of 60 articles shown (from 51)" in page.stderr
    rest = cli_run("quotes", "--db", db60, "--format", "json", "--offset", "55")
    assert len(json.loads(rest.stdout)) == 5 and "5 of 60 quotes shown" in rest.stderr


@pytest.mark.parametrize("verb", ("articles", "actors", "quotes", "timeline", "disputes"))
def test_tables_fit_an_80_column_terminal(cli_run, db60, monkeypatch, verb):
    monkeypatch.setenv("COLUMNS", "80")
    out = cli_run(verb, "--db", db60, "--limit", "12")
    assert out.exit_code == 0
    assert max(len(line) for line in out.stdout.splitlines()) <= 80
    if verb == "articles":  # ids and titles stay whole, not a few letters a line
        shown = json.loads(cli_run(verb, "--db", db60, "--limit", "12", "--format", "json").stdout)
        assert all(f"{a['id']} " in out.stdout and a["title"] in out.stdout for a in shown)
        assert "left out to fit 80 columns: outlet" in out.stderr
