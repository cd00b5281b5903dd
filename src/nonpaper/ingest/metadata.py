"""Corpus metadata files: a CSV, TSV or JSONL table giving each article file its publication date,
outlet, URL, title and author, the form in which researchers keep plain-text corpora (PolNeAR's
`metadata.tsv`).

    file<TAB>published<TAB>outlet<TAB>title
    breitbart_2016-09-12_stealth-over-health<TAB>2016-09-12<TAB>breitbart<TAB>Stealth Over Health ...

A row names its file by path, file name or file stem (the column `file`, `filename`, `path`, `name`
or `id`); the other columns go by the names in `COLUMNS` (so `publication_date` and `publisher` work as
well as `published` and `outlet`); any other column is ignored. A date from the table is the article's
own ("input") date: it overrides a dateline and gives way to `--published`. A row that does not fit,
or a date that cannot be read, is one warning and the rest is used.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .readers import InputError, Problem, Report, decode, parse_date
from ..model import Article

KEYS = ("file", "filename", "file_name", "path", "name", "id", "article", "article_id")
COLUMNS = {
    "published": ("published", "publication_date", "pub_date", "pubdate", "date", "published_at"),
    "outlet": ("outlet", "publisher", "site", "publication", "newspaper"),
    "url": ("url", "link", "href"),
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline"),
}


@dataclass
class Metadata:
    """The rows of one metadata file, by every name a row can be found under."""
    source: str
    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def row_for(self, art: Article) -> dict[str, str] | None:
        for name in _names(art):
            if name in self.rows:
                return self.rows[name]
        return None


def _names(art: Article) -> list[str]:
    """What a row may call an article: its path as read, file name, stem, and its id."""
    out = []
    if art.source and art.source != "-" and ".jsonl:" not in art.source:  # a JSONL line goes by its id
        p = Path(art.source)
        out += [str(p), p.name, p.stem]
    if art.id:
        out.append(art.id)
    return [n.lower() for n in out]


def _field(row: dict[str, str], names: tuple[str, ...]) -> str | None:
    for n in names:
        value = row.get(n)
        if value is not None and str(value).strip() and str(value).strip().lower() not in ("none", "null", "n/a"):
            return str(value).strip()
    return None


def _records(text: str, path: str) -> Iterator[tuple[int, dict]]:
    if path.lower().endswith((".jsonl", ".ndjson")) or text.lstrip().startswith("{"):
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"line {n} is not JSON ({exc.msg}); write one object per line") from None
                if not isinstance(value, dict):
                    raise InputError(f"line {n} is not a JSON object; write one object per line")
                yield n, value
        return
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = "\t" if path.lower().endswith(".tsv") or "\t" in first else ","
    for n, row in enumerate(csv.DictReader(io.StringIO(text), delimiter=delimiter), 2):
        yield n, row


def read_metadata(path: str, report: Report) -> Metadata:
    """The metadata file at `path`, or InputError (one line saying how to fix it)."""
    try:
        with open(path, "rb") as fh:
            text = decode(fh.read(), path, report)
    except OSError as exc:
        raise InputError(f"cannot read the metadata file {path}: {exc.strerror or exc}") from None
    table = Metadata(path)
    for n, raw in _records(text, path):
        row = {str(k).strip().lower(): v for k, v in raw.items() if k is not None}
        key = _field(row, KEYS)
        if key is None:
            report(Problem(f"{path}:{n}", f"no file name (a column named {', '.join(KEYS[:3])}); row skipped",
                           fatal=False))
            continue
        key = key.lower()
        for name in {key, Path(key).name, Path(key).stem}:
            table.rows.setdefault(name, {**row, "_key": key})
    if not table.rows:
        raise InputError(f"no rows in the metadata file {path}; give a header line with a 'file' column "
                         "and one row per article")
    return table


def apply(art: Article, table: Metadata, report: Report) -> bool:
    """Give `art` what its row says; False when it has no row."""
    row = table.row_for(art)
    if row is None:
        return False
    table.used.add(row["_key"])
    when = _field(row, COLUMNS["published"])
    if when and art.published_source != "argument":
        try:
            art.published, art.published_source = parse_date(when), "input"
        except InputError as exc:
            report(Problem(f"{table.source} ({row['_key']})", f"publication date ignored: {exc}", fatal=False))
    for attr in ("outlet", "url", "title", "author"):
        value = _field(row, COLUMNS[attr])
        if value:
            setattr(art, attr, value)
    return True


def with_metadata(articles: Iterable[Article], table: Metadata | str | None, report: Report) -> Iterator[Article]:
    """The articles, each given its row of the metadata `table` (or of the file at that path; unchanged
    when None); one warning at the end for the articles that have no row."""
    if not table:
        yield from articles
        return
    if isinstance(table, str):
        table = read_metadata(table, report)
    path = table.source
    missing = []
    for art in articles:
        if not apply(art, table, report):
            missing.append(art.source or art.id)
        yield art
    if missing:
        shown = ", ".join(str(m) for m in missing[:3]) + (" …" if len(missing) > 3 else "")
        report(Problem(path, f"{len(missing)} article(s) have no row here ({shown}); rows are matched by file "
                             "path, name or stem", fatal=False))
