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

from .layout import build_article, clean_text
from .markup import MAX_HTML_DEPTH, flat_text, html_to_text, too_deep
from .streams import ClosedStdin, OverLimit, Stalled, Stream
from ..model import Article

# A 50 MB "article" is a mistake (a log, a dump, a book) and would take minutes to parse: refuse it at
# once with a clear message. A single-article file may be at most MAX_ARTICLE_BYTES (checked before it
# is read); the text of any article at most MAX_ARTICLE_CHARS (spaCy's own max_length).
MAX_ARTICLE_BYTES = 10 * 1000 * 1000
MAX_ARTICLE_CHARS = 1000 * 1000
# A feed is parsed whole (feedparser), so it has a limit of its own; a JSONL dump is read line by line
# (memory: one line), each line at most MAX_LINE_BYTES (an article plus its JSON escapes).
MAX_FEED_BYTES = 20 * 1000 * 1000
MAX_LINE_BYTES = 4 * MAX_ARTICLE_BYTES
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
        try:
            return _no_nul(data.decode("utf-16"), source, report)
        except UnicodeDecodeError as exc:  # e.g. an odd number of bytes: the last one is half a character
            report(Problem(source, f"invalid UTF-16 at byte {exc.start}; decoded with replacement characters",
                           fatal=False))
            return _no_nul(data.decode("utf-16", errors="replace"), source, report)
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not an article (give a .txt, .html, feed or .jsonl file)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        report(Problem(source, f"invalid UTF-8 at byte {exc.start}; decoded with replacement characters",
                       fatal=False))
        text = data.decode("utf-8", errors="replace")
    return _no_nul(text, source, report)


def _no_nul(text: str, source: str, report: Report) -> str:
    """NUL characters past the binary check become U+FFFD, in every store alike (PostgreSQL refuses
    NUL in text; SQLite would keep it)."""
    if "\x00" not in text:
        return text
    report(Problem(source, f"{text.count(chr(0))} NUL character(s) replaced with U+FFFD", fatal=False))
    return text.replace("\x00", "\ufffd")


def _scrubbed(values: dict, where: str, report: Report) -> dict:
    """Strings from JSON without NULs or unpaired surrogates (which no store or UTF-8 file can hold)."""
    clean = {k: clean_text(v) if isinstance(v, str) else v for k, v in values.items()}
    if clean != values:
        report(Problem(where, "NUL characters or unpaired surrogates (\\ud800-\\udfff) replaced with U+FFFD",
                       fatal=False))
    return clean


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
    html = clean_text(html)
    if too_deep(html):  # lxml stops at 256 levels and would give an empty (or truncated) article
        report(Problem(where, f"HTML nested deeper than {MAX_HTML_DEPTH} levels; read as plain text "
                              "(page metadata and layout ignored)", fatal=False))
        body = flat_text(html)
        if not body.strip():
            raise InputError("no article text found in this HTML page")
        title = flat_text(m.group(1)) if (m := re.search(r"<title\b[^<>]*>([^<]*)", html, re.I)) else None
        return build_article(body, id=id, title=title or None, published=published, url=url, source=source,
                             has_title=False if title else None)
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
        body = html_to_text(html)
    if not body.strip():
        raise InputError("no article text found in this HTML page")
    body = re.sub(r"\n+", "\n\n", body)  # trafilatura gives one paragraph per line
    title = (meta.get("title") or "").strip() or None
    when = published or _safe_date(meta.get("date"), where, report)
    return build_article(body, id=id, title=title, author=(meta.get("author") or None),
                         outlet=(meta.get("sitename") or None), published=when,
                         url=url or meta.get("url"), source=source, has_title=False if title else None)


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
        except Exception as exc:  # one odd entry never loses the others
            if os.environ.get("NONPAPER_DEBUG"):
                raise
            problems.append(Problem(f"{source}#{n}", f"cannot read this entry ({_one_line(exc)}); skipped"))
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
        content = html_to_text(content)
    return build_article(content, title=entry.get("title"), author=entry.get("author"), outlet=outlet,
                         published=when, url=entry.get("link"), source=where, has_title=False)


JSONL_FIELDS = ("title", "author", "outlet", "url", "published")


def articles_from_jsonl(lines: Iterable[str | OverLimit], *, source: str, report: Report) -> Iterator[Article]:
    """One JSON object per line with `text` or `html`, optional title, url, published, outlet, author, id.
    Each line stands alone: whatever is wrong with one is a line on stderr, and the next is read."""
    for n, line in enumerate(lines, 1):
        where = f"{source}:{n}"
        if isinstance(line, OverLimit):
            report(Problem(where, f"line over {line.limit // 10**6} MB; line skipped (one article per line, "
                                  f"at most {MAX_ARTICLE_BYTES // 10**6} MB of text each)"))
            continue
        if not line.strip():
            continue
        try:
            art = _jsonl_article(line, where, source, n, report)
        except InputError as exc:
            report(Problem(where, f"{exc}; line skipped"))
            continue
        except RecursionError:
            report(Problem(where, "JSON nested too deeply to read; line skipped"))
            continue
        except Exception as exc:  # anything else one line can do: never the end of the file
            if os.environ.get("NONPAPER_DEBUG"):
                raise
            report(Problem(where, f"cannot read this line ({_one_line(exc)}); line skipped"))
            continue
        if art is not None:
            yield art


def _jsonl_article(line: str, where: str, source: str, n: int, report: Report) -> Article | None:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        report(Problem(where, f"invalid JSON ({exc.msg} at column {exc.colno}); line skipped"))
        return None
    if not isinstance(obj, dict) or not (isinstance(obj.get("text"), str) or isinstance(obj.get("html"), str)):
        report(Problem(where, 'no "text" or "html" string in this line; line skipped'))
        return None
    body = obj.get("text") or obj.get("html") or ""
    _check_size(len(body.encode("utf-8", errors="replace")), where)
    if not body.strip():
        raise InputError("empty article text")
    meta = {}
    for key in JSONL_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            report(Problem(where, f'"{key}" is {type(value).__name__}, not a string; field ignored '
                                  f'(write it as "{key}": "...")', fatal=False))
            value = None
        meta[key] = value or None
    fields = _scrubbed({"body": body, **meta}, where, report)
    body, meta = fields.pop("body"), fields
    when = _safe_date(meta["published"], where, report)
    ident = obj.get("id")
    if ident is not None and not isinstance(ident, (str, int)):
        report(Problem(where, f'"id" is {type(ident).__name__}, not a string or number; field ignored', fatal=False))
        ident = None
    ident = str(ident) if ident is not None and str(ident).strip() else f"{Path(source).stem}-{n}"
    if isinstance(obj.get("text"), str) and obj["text"]:
        return build_article(body, id=ident, title=meta["title"], author=meta["author"], outlet=meta["outlet"],
                             published=when, url=meta["url"], source=where)
    art = article_from_html(body, source=where, id=ident, url=meta["url"], published=when, report=report)
    art.title = meta["title"] or art.title
    art.author = meta["author"] or art.author
    art.outlet = meta["outlet"] or art.outlet
    return art


def _one_line(exc: BaseException, width: int = 160) -> str:
    """An exception as a short single line: its type and the start of its message."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= width else text[:width - 1] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


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


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
HEAD = 8192  # bytes looked at to tell the kind of an input (and binary from text)


def articles_from_stream(stream: Stream, *, source: str, path: Path | None, report: Report) -> Iterator[Article]:
    """The articles of one opened input, never holding more than its limit: a JSONL dump line by line,
    anything else read whole up to MAX_ARTICLE_BYTES (a feed: MAX_FEED_BYTES) and then refused."""
    ext = path.suffix.lower() if path else ""
    limit = MAX_FEED_BYTES if ext in FEED_EXT | JSONL_EXT else MAX_ARTICLE_BYTES
    if stream.size is not None and stream.size > limit and ext not in JSONL_EXT:
        _refuse(stream.size, limit)  # before reading a byte
    head = stream.head(HEAD)
    if ext in JSONL_EXT or (not ext in TEXT_EXT | HTML_EXT | FEED_EXT and _peek_kind(head) == "jsonl"):
        if not head.startswith(_UTF16_BOMS):
            if b"\x00" in head:
                raise InputError("binary file, not an article (give a .txt, .html, feed or .jsonl file)")
            if not head.strip():
                raise InputError("empty file, nothing to analyse")
            yield from articles_from_jsonl(_jsonl_lines(stream, source, report), source=source, report=report)
            return
        limit = MAX_FEED_BYTES  # UTF-16 JSONL is rare: read whole, within the feed limit
    elif _peek_kind(head) == "feed" and ext not in TEXT_EXT | HTML_EXT:
        limit = MAX_FEED_BYTES
    try:
        data = stream.read_upto(limit)
    except OverLimit:
        _refuse(None, limit)
    yield from articles_from_bytes(data, source=source, path=path, report=report)


def _peek_kind(head: bytes) -> str:
    if head.startswith(_UTF16_BOMS):
        return sniff(head[:len(head) // 2 * 2].decode("utf-16", errors="replace"))
    return sniff(head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace"))


def _refuse(size: int | None, limit: int) -> None:
    got = f"{size / 1e6:.1f} MB is" if size is not None else "this input is"
    what = "one feed" if limit == MAX_FEED_BYTES else "one article"
    raise TooLarge(f"{got} over the {limit // 10**6} MB limit for {what}; split it into articles "
                   "(one per file, or a .jsonl with one per line)")


def _jsonl_lines(stream: Stream, source: str, report: Report) -> Iterator[str | OverLimit]:
    """The lines of a UTF-8 JSONL stream, decoded one at a time (invalid bytes replaced, with a warning)."""
    for n, raw in enumerate(stream.lines(MAX_LINE_BYTES), 1):
        if isinstance(raw, OverLimit):
            yield raw
            continue
        if n == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            report(Problem(f"{source}:{n}", f"invalid UTF-8 at byte {exc.start} of the line; decoded with "
                                            "replacement characters", fatal=False))
            yield raw.decode("utf-8", errors="replace")


def expand(sources: Iterable[str], report: Report) -> Iterator[tuple[str, Path | None]]:
    """Each source as (name, path): files as given, directories walked (sorted, recursive)."""
    for src in sources:
        if src == "-":
            yield "-", None
            continue
        path = Path(src)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as exc:  # e.g. a name too long for the file system
            report(Problem(src, f"cannot read: {exc.strerror or exc}"))
            continue
        if is_dir:
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                report(Problem(src, f"no articles in this directory (looked for {', '.join(sorted(SUPPORTED))})"))
            for f in files:
                yield str(f), f
        elif exists:
            yield src, path
        else:
            report(Problem(src, "no such file or directory"))


def _open(path: Path | None, stdin) -> Stream:
    return Stream.stdin(stdin if stdin is not None else sys.stdin) if path is None else Stream.open(path)


def read_sources(sources: Iterable[str], *, report: Report, published: str | None = None,
                 stdin=None) -> Iterator[Article]:
    """Every article in the sources; `published` (already an ISO date) overrides their own dates.
    Whatever goes wrong with one input is one `Problem` naming it; the next input is read."""
    for name, path in expand(sources, report):
        try:
            with _open(path, stdin) as stream:
                for art in articles_from_stream(stream, source=name, path=path, report=report):
                    try:
                        check_length(art)
                    except InputError as exc:
                        report(Problem(art.source or name, str(exc)))
                        continue
                    yield _date_article(art, published)
        except InputError as exc:
            report(Problem(name, str(exc)))
        except ClosedStdin:
            report(Problem(name, "stdin is closed, so there is nothing to read; pipe an article in "
                                 "(cat article.txt | nonpaper analyze -) or name a file"))
        except Stalled as exc:
            report(Problem(name, f"{exc}: is anything writing to it? Start the writer first, or give a file"))
        except PermissionError:
            report(Problem(name, "permission denied; check the file's permissions"))
        except IsADirectoryError:
            report(Problem(name, "is a directory"))
        except OSError as exc:
            report(Problem(name, f"cannot read: {exc.strerror or exc}"))
        except RecursionError:
            report(Problem(name, "nested too deeply to read; simplify or split the input"))
        except Exception as exc:  # an input no check foresaw: still one line, and the next input is read
            if os.environ.get("NONPAPER_DEBUG"):
                raise
            report(Problem(name, f"cannot read this input ({_one_line(exc)}); check it is a text, HTML, "
                                 "feed or JSONL file (NONPAPER_DEBUG=1 shows where it failed)"))
