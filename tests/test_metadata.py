"""Issue 17: corpora whose dates and outlets are kept in a separate CSV, TSV or JSONL file
(`--metadata`), on `analyze`, on `ingest`, and from Python. Articles written for these tests."""
from __future__ import annotations

import json

from click.testing import CliRunner

from nonpaper.cli.main import cli
from nonpaper.ingest.metadata import read_metadata, with_metadata
from nonpaper.ingest.readers import read_sources

STRIKE = "Dockers walk out\n\nDockers at the port walked out on Monday, the union said.\n"
FERRY = "Ferry back\n\nThe ferry sailed again on Friday after repairs, the operator said.\n"


def corpus(tmp_path):
    text = tmp_path / "text"
    text.mkdir()
    (text / "strike-story.txt").write_text(STRIKE, encoding="utf-8")
    (text / "ferry-story.txt").write_text(FERRY, encoding="utf-8")
    return text


def read(folder, table):
    problems = []
    arts = list(with_metadata(read_sources([str(folder)], report=problems.append), table, problems.append))
    return {a.id: a for a in arts}, problems


def test_tsv_by_stem_with_other_column_names(tmp_path):
    folder = corpus(tmp_path)
    meta = tmp_path / "metadata.tsv"
    meta.write_text("compartment\tfilename\tpublisher\tpublication_date\tauthor\ttitle\n"
                    "dev\tstrike-story\tHarbour Gazette\t2026-03-10\tIna Holm\tDockers walk out over pay\n"
                    "dev\tferry-story\tIsland Post\t2026-02-01\tNone\tFerry sails again\n", encoding="utf-8")
    arts, problems = read(folder, str(meta))
    assert problems == []
    strike, ferry = arts["strike-story"], arts["ferry-story"]
    assert (strike.published, strike.published_source, strike.outlet) == ("2026-03-10", "input", "Harbour Gazette")
    assert (strike.author, strike.title) == ("Ina Holm", "Dockers walk out over pay")
    assert (ferry.published, ferry.outlet, ferry.author) == ("2026-02-01", "Island Post", None)


def test_csv_and_jsonl_by_file_name(tmp_path):
    folder = corpus(tmp_path)
    csv_file = tmp_path / "meta.csv"
    csv_file.write_text("file,published,outlet,url\nstrike-story.txt,10 March 2026,Harbour Gazette,"
                        "https://example.org/strike\n", encoding="utf-8")
    arts, problems = read(folder, str(csv_file))
    assert arts["strike-story"].published == "2026-03-10" and arts["strike-story"].url == "https://example.org/strike"
    assert any("1 article(s) have no row" in str(p) and "ferry-story" in str(p) for p in problems)
    jsonl = tmp_path / "meta.jsonl"
    jsonl.write_text(json.dumps({"path": "ferry-story.txt", "published": "2026-02-01", "outlet": "Island Post"})
                     + "\n", encoding="utf-8")
    arts, _ = read(folder, str(jsonl))
    assert (arts["ferry-story"].published, arts["ferry-story"].outlet) == ("2026-02-01", "Island Post")


def test_a_bad_date_is_one_warning_and_the_rest_is_used(tmp_path):
    folder = corpus(tmp_path)
    meta = tmp_path / "meta.tsv"
    meta.write_text("file\tpublished\toutlet\nstrike-story\tsoon\tHarbour Gazette\n", encoding="utf-8")
    arts, problems = read(folder, str(meta))
    assert arts["strike-story"].outlet == "Harbour Gazette" and arts["strike-story"].published is None
    assert any("publication date ignored" in str(p) and not p.fatal for p in problems)


def test_the_command_line_argument_still_wins(tmp_path):
    folder = corpus(tmp_path)
    meta = tmp_path / "meta.tsv"
    meta.write_text("file\tpublished\nstrike-story\t2026-03-10\n", encoding="utf-8")
    problems = []
    arts = list(with_metadata(read_sources([str(folder)], report=problems.append, published="2026-04-01"),
                              str(meta), problems.append))
    assert {a.published for a in arts} == {"2026-04-01"}


def test_a_metadata_file_without_rows_is_refused(tmp_path):
    meta = tmp_path / "empty.csv"
    meta.write_text("file,published\n", encoding="utf-8")
    try:
        read_metadata(str(meta), lambda p: None)
    except ValueError as exc:
        assert "no rows" in str(exc)
    else:
        raise AssertionError("an empty metadata file must be refused")


def test_analyze_and_ingest_take_metadata(tmp_path):
    folder = corpus(tmp_path)
    meta = tmp_path / "metadata.tsv"
    meta.write_text("filename\tpublisher\tpublication_date\nstrike-story\tHarbour Gazette\t2026-03-10\n"
                    "ferry-story\tIsland Post\t2026-02-06\n", encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(cli, ["analyze", str(folder), "--metadata", str(meta), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    by_id = {a["article"]["id"]: a for a in data["articles"]}
    assert by_id["strike-story"]["article"]["outlet"] == "Harbour Gazette"
    walked = next(e for e in by_id["strike-story"]["events"] if "walked out" in e["text"])
    assert walked["date"] == "2026-03-09"  # Monday, against the metadata's date
    db = tmp_path / "news.db"
    out = runner.invoke(cli, ["ingest", str(folder), "--metadata", str(meta), "--db", str(db), "--no-progress"])
    assert out.exit_code == 0, out.output
    out = runner.invoke(cli, ["articles", "--db", str(db), "--format", "json"])
    rows = {r["id"]: r for r in json.loads(out.stdout)}
    assert {(r["published"], r["outlet"]) for r in rows.values()} == {("2026-03-10", "Harbour Gazette"),
                                                                     ("2026-02-06", "Island Post")}
    out = runner.invoke(cli, ["ingest", str(folder), "--metadata", str(tmp_path / "missing.tsv"), "--db", str(db)])
    assert out.exit_code != 0 and "missing.tsv" in out.output
