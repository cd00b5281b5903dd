"""Paragraph spans, decided here for every stage.

Layout (`ingest.layout`) gives an article its blocks; the stages read body paragraphs from them as
(start, end) character offsets into `article.text`. An article built without layout (a spaCy Doc given
to the `nonpaper_quotes` component, an `Article` made by hand) has none: quotes then split the text at
blank lines, time and events read the whole text as one paragraph.
"""
from __future__ import annotations

import re

from ..model import Article

# a run of non-empty lines: a line break that is not followed by a blank line stays inside the block
_BLANK_LINE_BLOCK = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


def block_spans(article: Article) -> list[tuple[int, int]]:
    """The body paragraphs layout found (headings, bylines and boilerplate are other blocks)."""
    # read once per list of blocks (a stage asks for every time expression: issue 19); a copy each time,
    # so a caller may change its list
    blocks = article.blocks
    last = _LAST[0]  # one tuple, read once: another thread may replace it meanwhile
    if last[0] is not blocks or last[1] != len(blocks):
        last = _LAST[0] = (blocks, len(blocks), [(b.start, b.end) for b in blocks if b.kind == "paragraph"])
    return list(last[2])


_LAST: list[tuple] = [(None, 0, [])]  # (the blocks last read, how many there were, their paragraphs)


def blank_line_spans(text: str) -> list[tuple[int, int]]:
    """Blocks of text between blank lines, without layout."""
    return [(m.start(), m.end()) for m in _BLANK_LINE_BLOCK.finditer(text) if m.group().strip()]


def paragraph_spans(article: Article) -> list[tuple[int, int]]:
    """The body paragraphs; the whole text when the article has no blocks at all."""
    if not article.blocks:
        return [(0, len(article.text))]
    return block_spans(article)
