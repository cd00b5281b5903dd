"""The span of days a normalised DATE value covers, for comparing dates of different precision."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta


def value_range(value: str) -> tuple[date, date, str] | None:
    """(earliest, latest, precision) a DATE value covers: a day, a month or a year."""
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            d = date.fromisoformat(value)
            return d, d, "day"
        if re.fullmatch(r"\d{4}-\d\d", value):
            y, m = int(value[:4]), int(value[5:7])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month"
        if re.fullmatch(r"\d{4}", value):
            y = int(value)
            return date(y, 1, 1), date(y, 12, 31), "year"
        m = re.fullmatch(r"(\d{4})-W(\d\d)", value)
        if m:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return monday, monday + timedelta(days=6), "week"
        m = re.fullmatch(r"(\d{4}-\d\d-\d\d)T.*", value)
        if m:
            d = date.fromisoformat(m.group(1))
            return d, d, "day"
    except ValueError:
        return None
    return None
