"""What a request may ask for, checked once for the pages and the API: dates that are real days,
offsets and limits a database can take, search text of a bounded length. A bad value is an HTTP
error whose message names the parameter and says how to write it (never a regular expression)."""
from __future__ import annotations

import calendar
import re
from typing import get_args

from fastapi import HTTPException

from ..model import ActorKind, DisputeKind, QuoteKind

MAX_OFFSET = 10 ** 9  # far past any corpus, far below SQLite's 2**63 (a bigger offset was a 500)
MAX_LIMIT = 100_000  # rows in one API answer: enough to export a large corpus's quotes at once
MAX_TEXT = 200  # characters of a search, name or event filter (FTS and LIKE cost grows with it)
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
DISPUTE_KINDS: tuple[str, ...] = get_args(DisputeKind)


def date_param(value: str | None, name: str, status: int = 400) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day ("2026-02-30" is refused); empty is no filter."""
    value = (value or "").strip()
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    problem = None if m else "is not a date"
    if m and m.group(2) and not 1 <= int(m.group(2)) <= 12:
        problem = "has no such month"
    elif m and m.group(3):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            problem = f"has no such day ({calendar.month_name[month]} {year} has {last} days)"
    if problem:
        raise HTTPException(status, f"{name}: {value[:40]!r} {problem}; write YYYY-MM-DD (or YYYY-MM, YYYY), "
                                    "e.g. 2026-03-12")
    return value


def int_param(value: str | None, name: str, default: int, lo: int, hi: int, status: int = 400) -> int:
    """A whole number from a form field, within [lo, hi]; empty is the default."""
    value = (value or "").strip()
    if not value:
        return default
    if not re.fullmatch(r"\d{1,30}", value):
        raise HTTPException(status, f"{name}: {value[:40]!r} is not a whole number; give one from {lo} to {hi:,}")
    number = int(value)
    if not lo <= number <= hi:
        raise HTTPException(status, f"{name}: {number:,} is out of range; give one from {lo} to {hi:,}")
    return number


def text_param(value: str | None, name: str, status: int = 400) -> str | None:
    """A search, name or event filter: stripped, empty is no filter, at most MAX_TEXT characters."""
    value = (value or "").strip()
    if len(value) > MAX_TEXT:
        raise HTTPException(status, f"{name}: {len(value):,} characters is over the {MAX_TEXT} a filter takes; "
                                    "use a few distinctive words")
    return value or None


def choice_param(value: str | None, name: str, choices: tuple[str, ...], status: int = 400) -> str | None:
    value = (value or "").strip()
    if value and value not in choices:
        raise HTTPException(status, f"{name}: {value[:40]!r} is not one of {', '.join(choices)}")
    return value or None
