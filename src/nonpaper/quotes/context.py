"""What the quote stages share: the article's paragraphs and quotation spans (`Context`), a direct
quotation (`Direct`), a reporting cue with its speaker (`Attribution`), and small text helpers (words,
sentence bounds, "close by").

It decides nothing about quotes itself; every stage above reads and fills the one `Context`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..actors.registry import ActorRegistry
from ..actors.speakers import Resolved
from ..text.parse import Parsed
from .marks import MarkSpan


SENT_END = re.compile(r"[.!?…]")


@dataclass
class Attribution:
    """A reporting cue and who it points to."""
    cue: str
    cue_start: int
    cue_end: int
    resolved: Resolved | None
    token: object = None  # the cue token (None for cue-less layouts)
    paragraph: int = -1
    used: bool = False


@dataclass
class Direct:
    span: MarkSpan
    paragraph: int
    attribution: Attribution | None = None
    inner: bool = False
    outer: "_Direct | None" = None


@dataclass
class Context:
    parsed: Parsed
    registry: ActorRegistry
    paragraphs: list[tuple[int, int]]
    spans: list[MarkSpan]
    direct: list[Direct] = field(default_factory=list)
    fragments: list[MarkSpan] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    _para_starts: list[int] | None = None
    _direct_iv: list[tuple[int, int]] | None = None
    _direct_starts: list[int] = field(default_factory=list)
    absorbed: list[Direct] = field(default_factory=list)  # direct quotations read as part of a reported clause

    @property
    def text(self) -> str:
        return self.parsed.article.text

    def para_of(self, offset: int) -> int:
        i = bisect.bisect_right(self._starts(), offset) - 1
        if i >= 0:
            s, e = self.paragraphs[i]
            if s <= offset < e or (offset == e and s < e):
                return i
        return -1

    def _starts(self) -> list[int]:
        if self._para_starts is None:
            self._para_starts = [s for s, _ in self.paragraphs]
        return self._para_starts

    def in_direct(self, offset: int) -> bool:
        if self._direct_iv is None:
            self._direct_iv = sorted((d.span.open_at, d.span.close_at if d.span.close_at is not None else d.span.end)
                                     for d in self.direct if not d.inner)
            self._direct_starts = [a for a, _ in self._direct_iv]
        i = bisect.bisect_right(self._direct_starts, offset) - 1
        return i >= 0 and offset <= self._direct_iv[i][1]


def words_of(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)


def close_by(between: str) -> bool:
    """A cue and a quotation mark are next to each other: at most two words between ("shot back",
    "said matter-of-factly"), in one sentence."""
    return len(words_of(between)) <= 2 and not SENT_END.search(between)


def usable(a: Attribution) -> bool:
    return a.resolved is not None


def sentence_end(text: str, start: int, limit: int) -> int:
    m = SENT_END.search(text, start, limit)
    return m.end() if m else limit


def sentence_start(text: str, limit: int, end: int) -> int:
    last = limit
    for m in SENT_END.finditer(text, limit, end):
        nxt = text[m.end():m.end() + 2]
        if nxt[:1].isspace():
            last = m.end()
    return last
