"""Plain-text article layout: headline, subtitle, byline, dateline, section headings, boilerplate.

Works on text laid out the way news is pasted or exported: paragraphs separated by blank lines,
the headline first. No I/O: `ingest` reads files and calls `build_article`.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..model import Article, Block
from ..lexicon import patterns, wordset

# Sentence-final punctuation, possibly followed by closing quote marks.
_FINAL = re.compile(r"[.!?:;,\u2026]\s*[\"'\u201d\u2019\u00bb)]*\s*$")
_BYLINE = re.compile(r"^(?:by|author`?’?'?s name:?|written by|words by)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|al|bin|da|di|la|le)){0,4})\s*(?:,.*)?$",
                     re.IGNORECASE)
_REPORTING = re.compile(r"^(?i:(?:additional\s+)?reporting by)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
# "CASTREL, Estrovia, Nov 3 (Norrick Wire) - ", "HALMERE (Tessel Wire) - ", "LONDON, March 3 (Reuters) — "
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][\w.'’\- ]{1,30}){0,2}?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<outlet>[^()]{2,40})\))?\s*[-\u2013\u2014]+\s+(?=\S)"
)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:[-–]\s*\d{4}\s*)?(?P<name>[^.|]+?)\s*(?:\.|\||$|all rights)",
                        re.IGNORECASE)
_PROMO = re.compile(r"^(?:subscribe to|follow|sign up for|like)\s+(?P<rest>.+)$", re.IGNORECASE)

MAX_TITLE_WORDS = 30
MAX_HEADING_WORDS = 12
# A first paragraph that reads as a sentence is the lede, not a headline ("Elon Musk denied reports that
# he plans to spend $45m ..." opens the story; read as a title, the denial it reported was lost): a full
# stop at the end, the length of a sentence, and the case of one (headlines capitalise most words:
# "Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton."; some outlets end them with a
# full stop, but they stay short: "Five key trends to watch ahead of election.").
_LEDE_END = re.compile(r"[.!]\s*[\"'\u201d\u2019)]*\s*$")
_DATE_LABEL = re.compile(r"\s*date (\d{4}-\d{2}-\d{2})\s+(?=\S)")
LEDE_MIN_WORDS = 16
LEDE_MAX_CAPITALISED = 0.4  # of the words of four letters or more after the first


@dataclass
class _Para:
    text: str
    role: str = "body"  # title | subtitle | byline | heading | boilerplate | body


WRAP_WIDTH = 100  # hard-wrapped text breaks its lines well before this; a longer line is a paragraph


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs at blank lines; hard-wrapped lines inside a paragraph joined with a space. Text
    with one paragraph per line and no blank lines (many scraped dumps) keeps each line apart:
    a line longer than any wrap width means the lines were never wrapped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    paras = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        if len(lines) > 1 and max(len(ln) for ln in lines) > WRAP_WIDTH:
            paras.extend(lines)
        elif lines:
            paras.append(" ".join(lines))
    return paras


def is_boilerplate(line: str) -> bool:
    line = line.lstrip("\"“‘'« —–-(")  # "Follow X on Twitter." in a dump's quotation marks; "— Additional reporting by …"
    return any(p.match(line) for p in patterns("boilerplate.txt"))


def _byline(line: str) -> str | None:
    m = _BYLINE.match(line)
    if m and len(line.split()) <= 12:
        return m.group("name").strip()
    return None


def _title_like(line: str, max_words: int) -> bool:
    """Short and without sentence-final punctuation: a headline, subtitle or section heading."""
    return 0 < len(line.split()) <= max_words and not _FINAL.search(line) and line[:1].isupper()


def _lede(line: str) -> bool:
    """Does the first paragraph read as the story's first sentence rather than its headline?"""
    words = line.split()
    if not _LEDE_END.search(line) or len(words) < LEDE_MIN_WORDS:
        return False
    long = [w for w in (w.strip("\"'\u2018\u2019\u201c\u201d(),.:;!?") for w in words[1:]) if len(w) > 3 and w[:1].isalpha()]
    return bool(long) and sum(w[:1].isupper() for w in long) / len(long) < LEDE_MAX_CAPITALISED


def _strip_quotes(s: str) -> str:
    return s.strip(" \"'\u201c\u201d\u2018\u2019")


def outlet_from_footer(line: str) -> str | None:
    """"© 2026 The Castrel Courier. All rights reserved." / "Subscribe to Pravda.Ru Telegram channel"."""
    m = _COPYRIGHT.search(line)
    if m:
        name = m.group("name").strip(" ,;-")
        if name and len(name.split()) <= 6 and name[:1].isupper():
            return name
    m = _PROMO.match(line)
    if m:
        stop = wordset("social_platforms.txt")
        words = []
        for word in m.group("rest").split():
            bare = word.strip(",.!:;")
            if bare.lower() in stop or not bare[:1].isupper() or bare.lower() in {"us", "our"}:
                break
            words.append(bare)
            if word[-1:] in ",.!:;":
                break
        if words and not (len(words) == 1 and words[0].lower() in {"the"}):
            name = " ".join(words)
            return None if name.lower().startswith("the ") and len(words) == 1 else name
    return None


def parse_dateline(para: str) -> tuple[str, str | None, str | None, str] | None:
    """(dateline, date text, outlet, rest of the paragraph) when the paragraph opens with one."""
    m = _DATELINE.match(para)
    if not m:
        return None
    place = m.group("place").strip()
    # A dateline's place is in capitals ("CASTREL", "NEW YORK"); a sentence is not.
    head = place.split(",")[0].replace(".", "").replace("'", "").replace("’", "").replace("-", " ").strip()
    if not head or not head.replace(" ", "").isupper() or not (m.group("outlet") or m.group("date")):
        return None
    return para[: m.end()].rstrip(" -\u2013\u2014"), m.group("date"), m.group("outlet"), para[m.end():]


def classify(paras: list[str]) -> tuple[list[_Para], dict]:
    """Give each paragraph a role; collect metadata found on the way."""
    out = [_Para(p) for p in paras]
    meta: dict = {"author": None, "outlet": None, "dateline": None, "dateline_date": None}
    if not out:
        return out, meta
    # Footer first: boilerplate and bylines at the end, walking back.
    for p in out:
        if is_boilerplate(p.text):
            p.role = "boilerplate"
            if meta["outlet"] is None:
                meta["outlet"] = outlet_from_footer(p.text)
            m = _REPORTING.match(p.text)
            if m and meta["author"] is None:
                meta["author"] = m.group("name")
    for p in out[-3:]:
        name = _byline(p.text) if p.role == "body" else None
        if name and not p.text.lower().startswith("by "):
            p.role, meta["author"] = "byline", name
    # Head: title, optional subtitle, optional byline.
    i = 0
    if out[0].role == "body" and _title_like(_strip_quotes(out[0].text) or "x", MAX_TITLE_WORDS) or (
            out[0].role == "body" and len(out) > 1 and len(out[0].text.split()) <= MAX_TITLE_WORDS
            and not _lede(out[0].text)):
        out[0].role, i = "title", 1
    for j in range(i, min(i + 3, len(out))):
        p = out[j]
        if p.role != "body":
            continue
        name = _byline(p.text)
        if name:
            p.role = "byline"
            meta["author"] = meta["author"] or name
            continue
        if j == i and i == 1 and _title_like(p.text, MAX_TITLE_WORDS) and parse_dateline(p.text) is None:
            p.role = "subtitle"
            continue
        break
    # Dateline on the first body paragraph.
    for p in out:
        if p.role == "body":
            dl = parse_dateline(p.text)
            if dl:
                meta["dateline"], meta["dateline_date"], outlet, p.text = dl
                if outlet:
                    meta["outlet"] = outlet.strip()
            break
    # Section headings: title-like paragraphs between body paragraphs.
    roles = [p.role for p in out]
    for k, p in enumerate(out):
        if p.role != "body" or not _title_like(p.text, MAX_HEADING_WORDS):
            continue
        before = any(r == "body" for r in roles[:k])
        after = any(r == "body" for r in roles[k + 1:])
        if before and after:
            p.role = "heading"
    return out, meta


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(value: str) -> str:
    """NUL characters and unpaired surrogates (JSON can carry both) as U+FFFD: PostgreSQL refuses NUL
    in text, and no UTF-8 output can hold a lone surrogate; both stores keep the same text."""
    return _UNSTORABLE.sub("\ufffd", value) if _UNSTORABLE.search(value) else value


def _clean(value: str | None) -> str | None:
    return clean_text(value) if isinstance(value, str) else value


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def build_article(raw: str, *, id: str | None = None, title: str | None = None, author: str | None = None,
                  outlet: str | None = None, published: str | None = None, url: str | None = None,
                  source: str | None = None, has_title: bool | None = None) -> Article:
    """An `Article` from plain text. Metadata given by the caller (feed, JSONL, HTML) wins over
    what the layout suggests; `has_title=False` says the text starts with body, not a headline."""
    raw = clean_text(raw)
    label = _DATE_LABEL.match(raw)
    if label:  # a page dump opening with its date field ("date 2023-10-10 Jenni Hermoso said ...")
        raw, published = raw[label.end():], published or label.group(1)
    id, title, author, outlet, url, source = (_clean(v) for v in (id, title, author, outlet, url, source))
    paras = split_paragraphs(raw)
    if title and paras and _strip_quotes(paras[0]) == _strip_quotes(title):
        has_title = True
    if has_title is False or (title and has_title is None):
        paras_for_layout = ["\u0000"] + paras  # a placeholder headline keeps the roles aligned
    else:
        paras_for_layout = paras
    classified, meta = classify(paras_for_layout)
    if paras_for_layout and paras_for_layout[0] == "\u0000":
        classified = classified[1:]
    text_parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    found = {"title": None, "subtitle": None}
    sections, boilerplate = [], []
    for p in classified:
        if p.role in ("title", "subtitle"):
            found[p.role] = found[p.role] or p.text
        elif p.role in ("boilerplate", "byline"):
            boilerplate.append(p.text)
        else:
            if text_parts:
                pos += 2
            kind = "heading" if p.role == "heading" else "paragraph"
            if kind == "heading":
                sections.append(p.text)
            blocks.append(Block(kind, pos, pos + len(p.text)))
            text_parts.append(p.text)
            pos += len(p.text)
    text = "\n\n".join(text_parts)
    return Article(
        id=id or content_hash(raw)[:12],
        text=text,
        title=title or found["title"],
        subtitle=found["subtitle"],
        author=author or meta["author"],
        outlet=outlet or meta["outlet"],
        published=published,
        url=url,
        sections=sections,
        boilerplate=boilerplate,
        dateline=meta["dateline"],
        blocks=blocks,
        source=source,
        content_hash=content_hash(raw),
    )
