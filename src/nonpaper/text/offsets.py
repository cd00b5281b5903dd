"""Lookups by character offset in sorted arrays (issue 19): a stage that asks, for each of n items,
which of m spans lie at a place would otherwise scan all m each time (n x m: quadratic in a long article).

`Points` answers "which items start in [lo, hi)", `Spans` "which spans overlap [lo, hi), does any, does
any hold x", `entity_holding` "which entity holds this token"; each returns what a full scan would, in
the order the items were given (tests/test_linear.py checks each against its scan).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING, Iterable

from .names import entity_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class Points:
    """Items at offsets; `between(lo, hi)`: the indexes (in given order) of items with lo <= offset < hi."""

    def __init__(self, offsets: Iterable[int | None]) -> None:
        pairs = sorted((o, i) for i, o in enumerate(offsets) if o is not None)
        self._offsets = [o for o, _ in pairs]
        self._index = [i for _, i in pairs]

    def between(self, lo: int, hi: int) -> list[int]:
        return sorted(self._index[bisect_left(self._offsets, lo):bisect_left(self._offsets, hi)])


class Spans:
    """Spans [start, end) in a given order: which overlap a range or hold a point, by bisect on their
    starts, the running maximum of their ends (a span starting before x reaches past x iff the longest
    reaching such does) and the longest span (one starting that far before a range cannot reach it)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted((s, e, i) for i, (s, e) in enumerate(spans))
        self._starts = [s for s, _, _ in ordered]
        self._ends = [e for _, e, _ in ordered]
        self._index = [i for _, _, i in ordered]
        self._reach = list(accumulate(self._ends, max))
        self._longest = max((e - s for s, e, _ in ordered), default=0)

    def _reach_before(self, k: int) -> int | None:
        """The furthest end among the k spans that start first."""
        return self._reach[k - 1] if k else None

    def overlaps(self, lo: int, hi: int) -> bool:
        """Does any span have start < hi and end > lo?"""
        reach = self._reach_before(bisect_left(self._starts, hi))
        return reach is not None and reach > lo

    def holds(self, x: int) -> bool:
        """Does any span have start <= x < end?"""
        reach = self._reach_before(bisect_right(self._starts, x))
        return reach is not None and reach > x

    def covers(self, lo: int, hi: int) -> bool:
        """Does any span have start <= lo and end >= hi?"""
        reach = self._reach_before(bisect_right(self._starts, lo))
        return reach is not None and reach >= hi

    def overlapping(self, lo: int, hi: int) -> list[int]:
        """The indexes (in given order) of the spans with start < hi and end > lo."""
        first, last = bisect_right(self._starts, lo - self._longest), bisect_left(self._starts, hi)
        return sorted(self._index[k] for k in range(first, last) if self._ends[k] > lo)


def entity_holding(doc: Doc, i: int) -> Span | None:
    """The entity of the article's body (`names.ents_of`) that holds token i (`names.entity_at`: by
    bisect over their starts, indexed once per Doc)."""
    return entity_at(doc[i])
