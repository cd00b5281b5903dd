"""`nonpaper analyze`: sources, formats, output contract, and every bad input (issue 2)."""
import json
import os
import subprocess
import sys
import time

import pytest

from conftest import EXAMPLES, ROOT, analyze_text, shared_path
from nonpaper.schema import validate

ARTICLE = """Mill workers vote to strike

By Sara Vell

Workers at the Dunmore paper mill voted on Friday to strike from next week, their union said.

"We have waited long enough," union organiser Pol Garrick said.
"""


def one_line_error(result, code=2):
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "mill.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# ------------------------------------------------------------ sources and formats

def test_text_file_to_json_validates(cli_run, article_file):
    result = cli_run("analyze", article_file, "--published", "2026-03-02", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    validate(data)
    assert data["schema"] == "nonpaper/1"
    assert data["article"]["id"] == "mill"
    assert data["article"]["title"] == "Mill workers vote to strike"
    assert data["article"]["author"] == "Sara Vell"
    assert data["article"]["published"] == "2026-03-02"


@pytest.mark.parametrize("name", ["harbour-strike.txt", "page.html", "feed.xml", "dump.jsonl"])
def test_every_example_format_validates(cli_run, name):
    result = cli_run("analyze", EXAMPLES / name, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    validate(data)
    articles = data["articles"] if "articles" in data else [data]
    for a in articles:
        assert a["article"]["text"].strip()
        assert a["article"]["title"]


def test_html_metadata(cli_run):
    data = json.loads(cli_run("analyze", EXAMPLES / "page.html", "--format", "json").stdout)
    art = data["article"]
    assert art["title"] == "Velmar council approves new fish market"
    assert art["author"] == "Ines Carrow"
    assert art["outlet"] == "Velmar Gazette"
    assert art["published"] == "2026-03-13"
    assert "Home" not in art["text"] and "Subscribe" not in art["text"]


def test_feed_entries_are_articles(cli_run):
    data = json.loads(cli_run("analyze", EXAMPLES / "feed.xml", "--format", "json").stdout)
    assert [a["article"]["title"] for a in data["articles"]] == ["Ferry timetable changes from next week",
                                                               "Lighthouse restoration finished"]
    assert data["articles"][0]["article"]["published"] == "2026-03-11"
    assert data["articles"][0]["article"]["url"] == "https://gazette.example/ferry-timetable"


def test_jsonl_fields(cli_run):
    data = json.loads(cli_run("analyze", EXAMPLES / "dump.jsonl", "--format", "json").stdout)
    first = data["articles"][0]["article"]
    assert (first["id"], first["title"], first["outlet"], first["published"]) == (
        "velmar-bridge", "Velmar bridge to close for repairs", "Velmar Gazette", "2026-03-14")


def test_several_sources_make_a_corpus(cli_run, article_file):
    result = cli_run("analyze", article_file, EXAMPLES / "harbour-strike.txt", "--format", "json")
    data = json.loads(result.stdout)
    validate(data)
    assert set(data) >= {"schema", "articles", "actors", "disputes"}
    assert len(data["articles"]) == 2


def test_directory_is_read_recursively(cli_run, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARTICLE.replace("Friday", "Monday"), encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    data = json.loads(cli_run("analyze", tmp_path, "--format", "json").stdout)
    assert sorted(a["article"]["id"] for a in data["articles"]) == ["one", "two"]


def test_stdin(cli_run):
    result = cli_run("analyze", "-", "--format", "json", input=ARTICLE)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["title"] == "Mill workers vote to strike"


def test_brief_and_markdown(cli_run, article_file):
    brief = cli_run("analyze", article_file, "--published", "2026-03-02")
    assert brief.exit_code == 0 and "Mill workers vote to strike" in brief.stdout and "Sara Vell" in brief.stdout
    md = cli_run("analyze", article_file, "--format", "markdown")
    assert md.stdout.startswith("# Mill workers vote to strike")


def test_schema_command(cli_run):
    result = cli_run("schema")
    schema = json.loads(result.stdout)
    assert schema["$id"] == "nonpaper/1"


def test_python_api():
    import nonpaper

    result = nonpaper.analyze(ARTICLE, published="2026-03-02")
    assert result.article.title == "Mill workers vote to strike"
    validate(json.loads(result.to_json()))


def test_help_teaches(cli_run):
    out = cli_run("analyze", "--help").stdout
    assert "Example:" in out and "--published" in out and ".jsonl" in out


# ------------------------------------------------------------ bad input

def test_missing_path(cli_run, tmp_path):
    line = one_line_error(cli_run("analyze", tmp_path / "nope.txt"))
    assert "no such file" in line


def test_unreadable_file(cli_run, article_file, monkeypatch):
    if os.geteuid() == 0:  # root reads any file: make the read itself fail
        from nonpaper.ingest.streams import Stream

        def denied(path):
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr(Stream, "open", denied)
    else:
        article_file.chmod(0)
    line = one_line_error(cli_run("analyze", article_file))
    assert "permission denied" in line


def test_empty_file(cli_run, tmp_path):
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    assert "empty" in one_line_error(cli_run("analyze", tmp_path / "empty.txt"))


def test_binary_file(cli_run, tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in one_line_error(cli_run("analyze", tmp_path / "photo.txt"))


def test_invalid_utf8_is_replaced_with_a_warning(cli_run, tmp_path):
    (tmp_path / "latin.txt").write_bytes(ARTICLE.replace("Garrick", "Garr\xefck").encode("latin-1"))
    result = cli_run("analyze", tmp_path / "latin.txt", "--format", "json")
    assert result.exit_code == 0
    assert "invalid UTF-8" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Garr\ufffdck" in json.loads(result.stdout)["article"]["text"]


def test_huge_file_is_refused_quickly(cli_run, tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.write((b"A sentence that goes on and on. " * 32 + b"\n\n") * (50 * 1024 * 1024 // 1058))
    assert big.stat().st_size > 50_000_000
    started = time.monotonic()
    line = one_line_error(cli_run("analyze", big))
    assert "limit" in line and time.monotonic() - started < 5


def test_malformed_html_is_still_read(cli_run, tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<html><head><title>Quay plan</title><body><div><p>The quay plan was approved on Monday "
                    "by the council, which said work starts soon.<p>“It is a good day,” the mayor said.<div",
                    encoding="utf-8")
    result = cli_run("analyze", page, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "quay plan was approved" in json.loads(result.stdout)["article"]["text"]


def test_html_without_text(cli_run, tmp_path):
    page = tmp_path / "blank.html"
    page.write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    assert "no article text" in one_line_error(cli_run("analyze", page))


def test_malformed_feed(cli_run, tmp_path):
    feed = tmp_path / "broken.xml"
    feed.write_text("<?xml version='1.0'?><rss><channel><title>X</title><item><title>Half", encoding="utf-8")
    assert "feed" in one_line_error(cli_run("analyze", feed))


def test_jsonl_broken_line_warns_and_goes_on(cli_run, tmp_path):
    dump = tmp_path / "dump.jsonl"
    good = json.dumps({"text": ARTICLE, "id": "one"})
    dump.write_text(good + "\n{not json at all\n" + json.dumps({"title": "no text"}) + "\n"
                    + json.dumps({"text": ARTICLE, "id": "two"}) + "\n", encoding="utf-8")
    result = cli_run("analyze", dump, "--format", "json")
    assert result.exit_code == 1  # some input unusable, the rest analysed
    assert "dump.jsonl:2: invalid JSON" in result.stderr
    assert "dump.jsonl:3:" in result.stderr
    assert "Traceback" not in result.stderr
    assert [a["article"]["id"] for a in json.loads(result.stdout)["articles"]] == ["one", "two"]


@pytest.mark.parametrize("value", ["yesterday-ish", "2025-13-45", "31/31/2020"])
def test_unparseable_published(cli_run, article_file, value):
    line = one_line_error(cli_run("analyze", article_file, "--published", value))
    assert "--published" in line and "YYYY-MM-DD" in line


def test_some_sources_missing_exit_1(cli_run, article_file, tmp_path):
    result = cli_run("analyze", article_file, tmp_path / "missing.txt", "--format", "json")
    assert result.exit_code == 1
    assert "missing.txt: no such file" in result.stderr
    assert json.loads(result.stdout)["article"]["id"] == "mill"


# ------------------------------------------------------------ atomic output

def test_output_file_is_written(cli_run, article_file, tmp_path):
    out = tmp_path / "out.json"
    assert cli_run("analyze", article_file, "--format", "json", "-o", out).exit_code == 0
    validate(json.loads(out.read_text(encoding="utf-8")))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_never_half_written(cli_run, article_file, tmp_path, monkeypatch):
    out = tmp_path / "out.json"
    out.write_text("previous complete output", encoding="utf-8")

    def crash(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", crash)
    line = one_line_error(cli_run("analyze", article_file, "--format", "json", "-o", out))
    assert "No space left" in line
    assert out.read_text(encoding="utf-8") == "previous complete output"
    assert [p.name for p in tmp_path.iterdir()] == ["mill.txt", "out.json"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["mill.txt", "out.json"]


def test_output_folder_missing(cli_run, article_file, tmp_path):
    line = one_line_error(cli_run("analyze", article_file, "-o", tmp_path / "no" / "out.json"))
    assert "does not exist" in line


# ------------------------------------------------------------ the founding article, as a user runs it

def test_founding_article_metadata_6_of_6(tmp_path):
    article = shared_path("articles", "nonpaper-memo.txt")
    out = tmp_path / "out.json"
    subprocess.run([sys.executable, "-m", "nonpaper", "analyze", str(article), "--published", "2025-10-28",
                    "--format", "json", "-o", str(out)], check=True, cwd=ROOT)
    score = subprocess.run([sys.executable, str(shared_path("eval", "score.py")),
                            str(shared_path("gold", "nonpaper-memo.json")), str(out)],
                           capture_output=True, text=True, check=True)
    assert "metadata_correct: 6/6" in score.stdout


def test_article_over_the_character_limit_is_refused(cli_run, tmp_path):
    from nonpaper.ingest import MAX_ARTICLE_CHARS

    big = tmp_path / "long.txt"
    big.write_text("Long report\n\n" + ("Word after word in a very long report. " * (MAX_ARTICLE_CHARS // 38 + 10)),
                   encoding="utf-8")
    line = one_line_error(cli_run("analyze", big))
    assert "character limit" in line


def test_oversized_jsonl_line_is_skipped(cli_run, tmp_path):
    from nonpaper.ingest import MAX_ARTICLE_CHARS

    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "huge", "text": "x " * (MAX_ARTICLE_CHARS // 2 + 10)}) + "\n"
                    + json.dumps({"id": "ok", "text": ARTICLE}) + "\n", encoding="utf-8")
    result = cli_run("analyze", dump, "--format", "json")
    assert result.exit_code == 1 and "character limit" in result.stderr
    assert json.loads(result.stdout)["article"]["id"] == "ok"


def test_the_cast_shows_each_title_once_and_no_name_twice():
    from nonpaper.cli.render import _also_called
    a = analyze_text("Port news\n\nUnion secretary Tomas Feld spoke. Feld said the strike was over. The union secretary "
                     "left.", published="2026-03-10")
    feld = next(x for x in a.actors if x.name == "Tomas Feld")
    assert _also_called(feld) == "Union secretary"
