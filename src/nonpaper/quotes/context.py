"""What the quote stages share: the article's paragraphs and quotation spans (`Context`), a direct
quotation (`Direct`), a reporting cue with its speaker (`Attribution`), and small text helpers (words,
sentence bounds, "close by").

It decides nothing about quotes itself; every stage above reads and fills the one `Context`.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..actors import ActorRegistry, Resolved
from ..text.parse import Parsed
from .marks import MarkSpan

if TYPE_CHECKING:
    from spacy.tokens import Token

SENT_END = re.compile(r"[.!?…]")


@dataclass
class Attribution:
    """A reporting cue and who it points to."""
    cue: str
    cue_start: int
    cue_end: int
    resolved: Resolved | None
    token: Token | None = None  # the cue token (None for cue-less layouts)
    paragraph: int = -1
    used: bool = False


@dataclass
class Direct:
    """A quoted span read as a direct quotation, with the attribution it takes (stage 4)."""
    span: MarkSpan
    paragraph: int
    attribution: Attribution | None = None
    inner: bool = False  # inside another direct quotation
    outer: Direct | None = None  # the quotation it is inside


@dataclass
class Context:
    """One article on its way through the stages: the paragraphs and quoted spans, then the direct
    quotations and fragments (stage 2) and the attributions (stage 3) that the later stages read."""
    parsed: Parsed
    registry: ActorRegistry
    paragraphs: list[tuple[int, int]]
    spans: list[MarkSpan]
    direct: list[Direct] = field(default_factory=list)
    fragments: list[MarkSpan] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    absorbed: list[Direct] = field(default_factory=list)  # direct quotations read as part of a reported clause

    @property
    def text(self) -> str:
        return self.parsed.article.text

    def para_of(self, offset: int) -> int:
        """The index of the paragraph the offset is in (its end counts), or -1 (a heading, a gap)."""
        i = bisect.bisect_right(self._para_starts, offset) - 1
        if i >= 0:
            s, e = self.paragraphs[i]
            if s <= offset < e or (offset == e and s < e):
                return i
        return -1

    @functools.cached_property
    def _para_starts(self) -> list[int]:
        return [s for s, _ in self.paragraphs]

    def in_direct(self, offset: int) -> bool:
        """The offset is inside an outer direct quotation, its marks included."""
        i = bisect.bisect_right(self._direct_starts, offset) - 1
        return i >= 0 and offset <= self._direct_intervals[i][1]

    # The caches below are built at their first use, after stage 2 has fixed `direct`.
    @functools.cached_property
    def _direct_intervals(self) -> list[tuple[int, int]]:
        return sorted((d.span.open_at, d.span.close_at if d.span.close_at is not None else d.span.end)
                      for d in self.direct if not d.inner)

    @functools.cached_property
    def _direct_starts(self) -> list[int]:
        return [a for a, _ in self._direct_intervals]

    @functools.cached_property
    def token_starts(self) -> list[int]:
        """The character offset of every token of the parse, in order."""
        return [t.idx for t in self.parsed.doc]

    @functools.cached_property
    def close_ends(self) -> list[int]:
        """The offset right after the closing mark of every outer direct quotation, sorted."""
        return sorted((d.span.close_at + 1) for d in self.direct if not d.inner and d.span.close_at is not None)

    @functools.cached_property
    def opens(self) -> list[int]:
        """The offset of the opening mark of every outer direct quotation, sorted."""
        return sorted(d.span.open_at for d in self.direct if not d.inner)


def words_of(text: str) -> list[str]:
    """The words of a text (letters, digits, apostrophes and hyphens)."""
    return re.findall(r"[\w’'-]+", text)


def close_by(between: str) -> bool:
    """A cue and a quotation mark are next to each other: at most two words between ("shot back",
    "said matter-of-factly"), in one sentence."""
    return len(words_of(between)) <= 2 and not SENT_END.search(between)


def usable(a: Attribution) -> bool:
    """The attribution points to someone (a cue-less layout may have found no one)."""
    return a.resolved is not None


def sentence_end(text: str, start: int, limit: int) -> int:
    """The offset right after the first sentence end from start, or limit."""
    m = SENT_END.search(text, start, limit)
    return m.end() if m else limit


def sentence_start(text: str, limit: int, end: int) -> int:
    """Where the sentence holding end starts: after the last sentence end (followed by a space) from limit."""
    last = limit
    for m in SENT_END.finditer(text, limit, end):
        nxt = text[m.end():m.end() + 2]
        if nxt[:1].isspace():
            last = m.end()
    return last
