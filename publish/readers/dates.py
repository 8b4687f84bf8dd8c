"""Dates as sources write them, to ISO 8601: 'Friday, April 14, 2017' -> '2017-04-14'."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+"
MONTH = r"(?P<month>[a-z]{3,9})\.?"
PATTERNS = [
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{1,2})(?:-(?P<day>\d{1,2}))?(?:[t ][\d:.]+(?:z|[+-][\d:]+)?)?$"),
    re.compile(rf"^(?:{WEEKDAY})?{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^(?:{WEEKDAY})?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH},?\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^{MONTH}\s+(?P<year>\d{{4}})$"),
    re.compile(r"^(?P<year>\d{4})$"),
]


def parse_date(text: str) -> str | None:
    """ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) for a date in a common form; None if not a date."""
    text = " ".join(text.strip().lower().split())
    for pattern in PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        parts = m.groupdict()
        year = int(parts["year"])
        month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get(parts.get("month") or "")
        if parts.get("month") and month is None:
            return None
        day = int(parts["day"]) if parts.get("day") else None
        try:
            if day:
                return dt.date(year, month, day).isoformat()
            if month:
                dt.date(year, month, 1)
                return f"{year:04d}-{month:02d}"
            return f"{year:04d}"
        except (ValueError, TypeError):
            return None
    return None
