"""Quotation marks found with a small state machine over characters (not spaCy's `is_quote`).

- “ ” « » „ and straight " pair by kind; ‘ ’ (and ‹ ›) pair as single marks, nested or alone.
- An apostrophe between letters (wasn’t) or after a plural s before a space (presidents’ meeting)
  is not a mark, unless a single quotation is open and waiting for its close.
- A paragraph that opens a double quote and never closes it continues into the next paragraph when
  that paragraph opens with a mark (the multi-paragraph convention): each paragraph gives its own span,
  the later ones flagged as continuations. Any other unpaired mark is dropped with a warning; the rest
  of the text is still paired.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

OPEN_DOUBLE = {"“": "”", "«": "»", "„": "“"}
CLOSE_DOUBLE = {"”", "»"}
OPEN_SINGLE = {"‘": "’", "‹": "›"}
CLOSE_SINGLE = {"’", "›"}
ALL_MARKS = set(OPEN_DOUBLE) | CLOSE_DOUBLE | set(OPEN_SINGLE) | CLOSE_SINGLE | {'"'}


@dataclass
class MarkSpan:
    """A quoted span: [start, end) is the text inside the marks; open_at/close_at the marks."""
    start: int
    end: int
    open_at: int
    close_at: int | None  # None: runs to the end of a paragraph and continues in the next
    double: bool
    depth: int = 0  # 0 = outermost
    continues: bool = False  # the quotation goes on in the next paragraph
    continuation: bool = False  # this span continues a quotation from the previous paragraph


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _opens(text: str, i: int) -> bool:
    """A straight or ambiguous mark at i opens when nothing word-like sits before it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:“‘«\u200b") and not after.isspace()


def scan_paragraph(text: str, base: int, carry: bool = False) -> tuple[list[MarkSpan], bool, list[str]]:
    """Quoted spans in one paragraph (offsets shifted by `base`); returns (spans, open_at_end, warnings).

    `carry`: the previous paragraph left a double quotation open; this paragraph is its continuation
    only if it opens with a mark."""
    spans: list[MarkSpan] = []
    warnings: list[str] = []
    stack: list[tuple[str, int, bool]] = []  # (expected close, position, double)
    n = len(text)
    first = len(text) - len(text.lstrip())
    continuation = carry and first < n and text[first] in set(OPEN_DOUBLE) | {'"'}
    for i, ch in enumerate(text):
        if ch not in ALL_MARKS:
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < n else " "
        if ch == '"':
            if stack and stack[-1][0] == "”" and not _opens(text, i):
                _close(stack, spans, i, base)  # “curly open, straight close"
            elif stack and stack[-1][0] == '"' and not (_opens(text, i) and not _closes_plain(text, i)):
                _close(stack, spans, i, base)
            elif _opens(text, i):
                stack.append(('"', i, True))
            elif stack and any(s[0] == '"' for s in stack):
                while stack and stack[-1][0] != '"':
                    warnings.append(f"unpaired quotation mark at {base + stack[-1][1]}")
                    stack.pop()
                _close(stack, spans, i, base)
            else:
                warnings.append(f"stray quotation mark at {base + i}")
            continue
        if ch in OPEN_DOUBLE and not (ch == "“" and stack and stack[-1][0] == "“"):
            stack.append((OPEN_DOUBLE[ch], i, True))
            continue
        if ch in CLOSE_DOUBLE or ch == "“":
            if ch == "”" and stack and stack[-1][0] == '"':
                _close(stack, spans, i, base)  # "straight open, curly close” (mixed typing)
            elif any(s[0] == ch or (ch == "“" and s[0] == "“") for s in stack):
                while stack and stack[-1][0] != ch:
                    warnings.append(f"unpaired quotation mark at {base + stack[-1][1]}")
                    stack.pop()
                _close(stack, spans, i, base)
            elif ch == "”" and not stack and _opens(text, i):
                stack.append(("”", i, True))  # ”Fear. …” — a closing mark typed where the quotation opens
            else:
                warnings.append(f"stray closing quotation mark at {base + i}")
            continue
        if ch in OPEN_SINGLE:
            if _is_letter(before) and _is_letter(after):
                continue  # a typographic apostrophe typed with the wrong mark
            stack.append((OPEN_SINGLE[ch], i, False))
            continue
        if ch in CLOSE_SINGLE:
            single_open = bool(stack) and stack[-1][0] == ch
            if _is_letter(before) and _is_letter(after):
                continue  # wasn’t, Kessary’s
            if not single_open:
                continue  # presidents’ meeting, ’90s: an apostrophe
            if before.lower() == "s" and after == " " and not _closes_here(text, i):
                continue  # a plural possessive inside a single quotation
            _close(stack, spans, i, base)
    open_at_end = False
    # what is still open at the end of the paragraph
    for expected, pos, double in stack:
        if double and expected != "'" and pos == min(p for _, p, d in stack if d):
            open_at_end = True
            inner = pos + 1
            end = len(text.rstrip())
            spans.append(MarkSpan(base + inner, base + end, base + pos, None, True, depth=0, continues=True))
        else:
            warnings.append(f"unpaired quotation mark at {base + pos}")
    spans.sort(key=lambda s: s.open_at)
    _set_depths(spans)
    if continuation and spans and spans[0].open_at == base + first:
        spans[0].continuation = True
    return spans, open_at_end, warnings


def _closes_plain(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def _closes_here(text: str, i: int) -> bool:
    """A ’ after an s closes a single quotation when punctuation or the end follows."""
    rest = text[i + 1:i + 3]
    return rest == "" or rest[0] in ",.;:!?”)" or rest.startswith(" ”")


def _close(stack, spans, i, base) -> None:
    expected, pos, double = stack.pop()
    spans.append(MarkSpan(base + pos + 1, base + i, base + pos, base + i, double))


def _set_depths(spans: list[MarkSpan]) -> None:
    for s in spans:
        s.depth = sum(1 for o in spans if o is not s and o.open_at < s.open_at and
                      (o.close_at is None or o.close_at > s.open_at))


TWO_APOSTROPHES = "\u200b"


def scan(text: str, paragraphs: list[tuple[int, int]]) -> tuple[list[MarkSpan], list[str]]:
    """All quoted spans of an article, paragraph by paragraph (see the module docstring).

    Two apostrophes (''like this'', the New York Times' archive style) count as one straight double
    mark: the pair is read as `"` plus a zero-width filler, which keeps every offset."""
    doubled = "''" in text
    if doubled:
        text = text.replace("''", '"' + TWO_APOSTROPHES)
    spans: list[MarkSpan] = []
    warnings: list[str] = []
    carry = False
    for start, end in paragraphs:
        found, carry_next, warn = scan_paragraph(text[start:end], start, carry)
        if carry and not (found and found[0].continuation) and spans and spans[-1].continues:
            _unclosed(text, spans, warnings)
        spans.extend(found)
        warnings.extend(warn)
        carry = carry_next
    if spans and spans[-1].continues:
        _unclosed(text, spans, warnings, at_end=True)
    if doubled:
        for s in spans:
            if text[s.start:s.start + 1] == TWO_APOSTROPHES:
                s.start += 1
    return spans, warnings


def _unclosed(text: str, spans: list[MarkSpan], warnings: list[str], at_end: bool = False) -> None:
    """The last span opened and never closed, and no continuation paragraph follows: a whole
    paragraph in quotes with its closing mark forgotten stays a quotation, and so does a last sentence
    of one; a mark opened mid-way through a sentence is a stray mark and is dropped. At the end of a text
    cut short (an excerpt, a feed's summary), a quotation opened after a cue and a comma ('Rounds told
    reporters, "They want …') runs to the cut."""
    last = spans[-1]
    line_start = text.rfind("\n", 0, last.open_at) + 1
    before = text[line_start:last.open_at].strip()
    cut_short = at_end and before.endswith(",") and not text[last.open_at:].rstrip().endswith((".", "!", "?", "…"))
    if before and not before.endswith((".", "!", "?", ":")) and not cut_short:  # ('… Aalto said. "It still is.' keeps it)
        warnings.append(f"unpaired quotation mark at {last.open_at}")
        spans.pop()
    else:
        last.continues = False


def iter_marks(text: str) -> Iterator[int]:
    for i, ch in enumerate(text):
        if ch in ALL_MARKS:
            yield i
