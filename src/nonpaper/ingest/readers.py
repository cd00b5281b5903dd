"""Articles in: plain text, HTML pages, RSS/Atom feeds, JSONL dumps, directories, stdin.

Everything that touches files lives here. Problems with one input never stop the others: they are
reported as `Problem`s (one line each, saying how to fix the input) and the rest is read.
"""
from __future__ import annotations

import io
import json
import os
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .layout import build_article
from ..model import Article

# A 50 MB "article" is a mistake (a log, a dump, a book) and would take minutes to parse: refuse it at
# once with a clear message. A single-article file may be at most MAX_ARTICLE_BYTES (checked before it
# is read); the text of any article at most MAX_ARTICLE_CHARS (spaCy's own max_length).
MAX_ARTICLE_BYTES = 10 * 1000 * 1000
MAX_ARTICLE_CHARS = 1000 * 1000
TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
FEED_EXT = {".xml", ".rss", ".atom", ".rdf"}
JSONL_EXT = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_EXT | HTML_EXT | FEED_EXT | JSONL_EXT


class InputError(ValueError):
    """An input that cannot be read; the message is one line for the user."""


class TooLarge(InputError):
    """An input over a documented size limit (HTTP 413 in the web app)."""


@dataclass
class Problem:
    source: str
    message: str
    fatal: bool = True  # False: a warning, the input was still (partly) read

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


Report = Callable[[Problem], None]


# ---------------------------------------------------------------- dates

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y",
                 "%B %d %Y", "%b %d %Y", "%Y%m%d")


def parse_date(value: str | date | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from what people and feeds write, or InputError."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    m = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]", text)  # ISO datetime
    if m:
        text = m.group(1)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            pass
    try:  # RFC 822 dates in feeds and HTTP headers
        from email.utils import parsedate_to_datetime
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    raise InputError(f"cannot read {text!r} as a date; write it as YYYY-MM-DD, e.g. 2025-10-28")


def _safe_date(value, source: str, report: Report) -> str | None:
    try:
        return parse_date(value)
    except InputError as exc:
        report(Problem(source, f"publication date ignored: {exc}", fatal=False))
        return None


# Where the article's own date (`Article.published`, written out with `published_source`) comes from,
# the first that gives one: the date the caller gave (--published, the web form), the date the input
# carries (a page's metadata, a feed entry, a JSONL field), a full date in the dateline. The whole order
# of the dates a relative expression is resolved against, down to the fallbacks that never set
# `published`, is decided in time/reference.py, which reads this list.
PUBLISHED_SOURCES = ("argument", "input", "dateline")


def _dateline_date(dateline: str | None) -> str | None:
    """A full date in a dateline ("WASHINGTON, March 3, 2009 (AP) -"), as YYYY-MM-DD; else None."""
    m = re.search(r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4}", dateline) if dateline else None
    if m is None:
        return None
    try:
        return parse_date(m.group(0).replace(".", ""))
    except InputError:
        return None


def _date_article(art: Article, argument: str | None = None) -> Article:
    """Set the article's date and its source, the first of PUBLISHED_SOURCES that dates it: `argument`
    (an ISO date the caller gave), else the date it was read with, else one in its dateline."""
    if argument:
        art.published, art.published_source = argument, "argument"
    elif not art.published:
        day = _dateline_date(art.dateline)
        if day:
            art.published, art.published_source = day, "dateline"
    elif not art.published_source:
        art.published_source = "input"
    return art


# ---------------------------------------------------------------- decoding

def decode(data: bytes, source: str, report: Report) -> str:
    """Bytes to text: BOMs honoured, invalid UTF-8 replaced with a warning, binary refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not an article (give a .txt, .html, feed or .jsonl file)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        report(Problem(source, f"invalid UTF-8 at byte {exc.start}; decoded with replacement characters",
                       fatal=False))
        return data.decode("utf-8", errors="replace")


def _check_size(n: int, source: str) -> None:
    if n > MAX_ARTICLE_BYTES:
        raise TooLarge(f"{n / 1e6:.1f} MB is over the {MAX_ARTICLE_BYTES // 10**6} MB limit for one "
                         "article; split it into articles (one per file, or a .jsonl with one per line)")


def check_length(art: Article) -> None:
    if len(art.text) > MAX_ARTICLE_CHARS:
        raise TooLarge(f"{len(art.text):,} characters of text is over the {MAX_ARTICLE_CHARS:,}-character limit "
                         "for one article; split it into articles (one per file, or a .jsonl with one per line)")


# ---------------------------------------------------------------- formats

def sniff(text: str) -> str:
    """'html', 'feed', 'jsonl' or 'text', from the content alone (for stdin and odd extensions)."""
    head = text.lstrip()[:2048].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<"):
        if re.search(r"<(rss|feed|rdf:rdf)[\s>]", head):
            return "feed"
        # A page has page tags; text that merely opens with "<script> tags ..." is text (issue 20).
        if re.search(r"<(!doctype html|html|head|body|meta|title|article|main|div|p|h[1-6]|br|section|span|a)[\s>/]",
                     head):
            return "html"
    return "text"


def article_from_html(html: str, *, source: str | None = None, id: str | None = None,
                      url: str | None = None, published: str | None = None, report: Report | None = None) -> Article:
    """Main text and metadata of a web page (trafilatura), laid out as a plain-text article."""
    import trafilatura

    report = report or (lambda p: None)
    where = source or "html"
    doc = None
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_recall=True)
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        report(Problem(where, f"HTML extraction failed ({type(exc).__name__}); falling back to plain text",
                       fatal=False))
    meta = {}
    if doc is not None:
        meta = doc if isinstance(doc, dict) else doc.as_dict()
    body = (meta.get("text") or "").strip()
    if not body:
        body = _html_to_text(html)
    if not body.strip():
        raise InputError("no article text found in this HTML page")
    body = re.sub(r"\n+", "\n\n", body)  # trafilatura gives one paragraph per line
    title = (meta.get("title") or "").strip() or None
    when = published or _safe_date(meta.get("date"), where, report)
    return build_article(body, id=id, title=title, author=(meta.get("author") or None),
                         outlet=(meta.get("sitename") or None), published=when,
                         url=url or meta.get("url"), source=source, has_title=False if title else None)


def _html_to_text(html: str) -> str:
    """Text of the block elements, for pages trafilatura finds nothing in (or cannot parse)."""
    try:
        import lxml.html
        root = lxml.html.fromstring(html)
        for bad in root.xpath("//script|//style|//nav|//footer|//header|//noscript"):
            bad.drop_tree()
        blocks = [el.text_content().strip() for el in root.iter("h1", "h2", "h3", "p", "li", "blockquote")]
        blocks = [b for b in blocks if b]
        return "\n\n".join(blocks) if blocks else root.text_content()
    except Exception:
        return re.sub(r"<[^>]+>", " ", html)


def articles_from_feed(text: str, *, source: str, report: Report) -> Iterator[Article]:
    """Each entry of an RSS/Atom feed is an article: its content, else its summary, as text."""
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        raise InputError(f"not a readable RSS/Atom feed{f' ({why})' if why else ''}; no entries found")
    outlet = (parsed.feed.get("title") or None) if hasattr(parsed, "feed") else None
    articles, problems = [], []
    for n, entry in enumerate(parsed.entries, 1):
        try:
            articles.append(_feed_entry(entry, f"{source}#{n}", outlet))
        except InputError as exc:
            problems.append(Problem(f"{source}#{n}", str(exc)))
    if not articles:  # a broken feed with nothing usable: one line, not one per entry
        why = parsed.bozo_exception if parsed.bozo else problems[0].message
        raise InputError(f"not a readable RSS/Atom feed ({why}); no usable entries")
    if parsed.bozo:
        report(Problem(source, f"feed is not well-formed ({parsed.bozo_exception}); read what could be read",
                       fatal=False))
    for problem in problems:
        report(problem)
    yield from articles


def _feed_entry(entry, where: str, outlet: str | None) -> Article:
    content = ""
    if entry.get("content"):
        content = " ".join(c.get("value", "") for c in entry.content)
    content = content or entry.get("summary", "") or ""
    if not content.strip():
        raise InputError("feed entry has no content or summary; skipped")
    when = None
    for key in ("published_parsed", "updated_parsed"):
        if entry.get(key):
            when = date(*entry[key][:3]).isoformat()
            break
    if re.search(r"</?(p|div|br|span|a|b|i|em|strong)\b", content, re.I):
        content = _html_to_text(content)
    return build_article(content, title=entry.get("title"), author=entry.get("author"), outlet=outlet,
                         published=when, url=entry.get("link"), source=where, has_title=False)


def articles_from_jsonl(lines: Iterable[str], *, source: str, report: Report) -> Iterator[Article]:
    """One JSON object per line with `text` or `html`, optional title, url, published, outlet, author, id."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            report(Problem(where, f"invalid JSON ({exc.msg} at column {exc.colno}); line skipped"))
            continue
        if not isinstance(obj, dict) or not (isinstance(obj.get("text"), str) or isinstance(obj.get("html"), str)):
            report(Problem(where, 'no "text" or "html" string in this line; line skipped'))
            continue
        try:
            body = obj.get("text") or obj.get("html") or ""
            _check_size(len(body.encode("utf-8", errors="replace")), where)
            if not body.strip():
                raise InputError("empty article text")
            when = _safe_date(obj.get("published"), where, report)
            ident = str(obj["id"]) if obj.get("id") is not None else f"{Path(source).stem}-{n}"
            if obj.get("text"):
                yield build_article(obj["text"], id=ident, title=obj.get("title"), author=obj.get("author"),
                                    outlet=obj.get("outlet"), published=when, url=obj.get("url"), source=where)
            else:
                art = article_from_html(obj["html"], source=where, id=ident, url=obj.get("url"), published=when,
                                        report=report)
                art.title = obj.get("title") or art.title
                art.author = obj.get("author") or art.author
                art.outlet = obj.get("outlet") or art.outlet
                yield art
        except InputError as exc:
            report(Problem(where, f"{exc}; line skipped"))


def article_from_string(text: str, *, published: str | None = None, title: str | None = None,
                        author: str | None = None, outlet: str | None = None, url: str | None = None,
                        id: str | None = None, source: str | None = None) -> Article:
    """One article from a string: HTML when it looks like a page, else plain text."""
    if not text or not text.strip():
        raise InputError("empty article text")
    when = parse_date(published) if published else None
    if sniff(text) == "html":
        art = article_from_html(text, source=source, id=id, url=url, published=when)
        art.title, art.author, art.outlet = title or art.title, author or art.author, outlet or art.outlet
    else:
        art = build_article(text, id=id, title=title, author=author, outlet=outlet, published=when, url=url,
                            source=source)
    check_length(art)
    return _date_article(art, when)


# ---------------------------------------------------------------- sources

def _kind_of(path: Path, text: str) -> str:
    ext = path.suffix.lower()
    if ext in TEXT_EXT:
        return "text"
    if ext in HTML_EXT:
        return "html"
    if ext in FEED_EXT:
        return "feed"
    if ext in JSONL_EXT:
        return "jsonl"
    return sniff(text)


def _read_text(data: bytes, source: str, report: Report) -> str:
    text = decode(data, source, report)
    if not text.strip():
        raise InputError("empty file, nothing to analyse")
    return text


def articles_from_bytes(data: bytes, *, source: str, path: Path | None, report: Report) -> Iterator[Article]:
    kind_hint = path.suffix.lower() if path else ""
    if kind_hint not in JSONL_EXT and kind_hint not in FEED_EXT:
        _check_size(len(data), source)
    text = _read_text(data, source, report)
    kind = _kind_of(path or Path(""), text)
    stem = path.stem if path else None
    if kind == "jsonl":
        yield from articles_from_jsonl(io.StringIO(text), source=source, report=report)
    elif kind == "feed":
        yield from articles_from_feed(text, source=source, report=report)
    elif kind == "html":
        yield article_from_html(text, source=source, id=stem, report=report)
    else:
        yield build_article(text, id=stem, source=source)


def expand(sources: Iterable[str], report: Report) -> Iterator[tuple[str, Path | None]]:
    """Each source as (name, path): files as given, directories walked (sorted, recursive)."""
    for src in sources:
        if src == "-":
            yield "-", None
            continue
        path = Path(src)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                report(Problem(src, f"no articles in this directory (looked for {', '.join(sorted(SUPPORTED))})"))
            for f in files:
                yield str(f), f
        elif path.exists():
            yield src, path
        else:
            report(Problem(src, "no such file or directory"))


def _read_bytes(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def read_sources(sources: Iterable[str], *, report: Report, published: str | None = None,
                 stdin: io.BufferedReader | None = None) -> Iterator[Article]:
    """Every article in the sources; `published` (already an ISO date) overrides their own dates."""
    for name, path in expand(sources, report):
        try:
            if path is None:
                data = (stdin or sys.stdin.buffer).read()
            else:
                if os.path.getsize(path) > MAX_ARTICLE_BYTES and path.suffix.lower() not in JSONL_EXT | FEED_EXT:
                    _check_size(os.path.getsize(path), name)  # refuse before reading 50 MB
                data = _read_bytes(path)
            for art in articles_from_bytes(data, source=name, path=path, report=report):
                try:
                    check_length(art)
                except InputError as exc:
                    report(Problem(art.source or name, str(exc)))
                    continue
                yield _date_article(art, published)
        except InputError as exc:
            report(Problem(name, str(exc)))
        except PermissionError:
            report(Problem(name, "permission denied; check the file's permissions"))
        except IsADirectoryError:
            report(Problem(name, "is a directory"))
        except OSError as exc:
            report(Problem(name, f"cannot read: {exc.strerror or exc}"))
