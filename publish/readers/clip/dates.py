"""Date lines of clippings: the shared date forms, plus the 'Published on' and clock time sites add."""

from __future__ import annotations

import re

from publish.readers.dates import parse_date

PREFIX = re.compile(r"^(?:published|posted|updated|dated)(?:\s+on)?\s*:?\s+", re.I)
TIME = re.compile(r"\s*(?:,|at|\||·|-)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\.?$", re.I)
DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!-)")


class BadDate(ValueError):
    """A line shaped like a date that names no real day (April 31)."""


def parse(text: str) -> str | None:
    """The ISO date a whole line states, or None when the line is not a date line.

    A bare year is not a date line (it may be a title). Raises BadDate when the line has a
    date's shape but no such day exists.
    """
    text = " ".join(text.split())
    if len(text) > 60 or re.fullmatch(r"\d{4}", text):
        return None
    text = TIME.sub("", PREFIX.sub("", text)).rstrip(".")
    iso = parse_date(text)
    if iso:
        return iso
    if re.search(r"\d{4}", text) and parse_date(DAY.sub("1", text, count=1)):
        raise BadDate(text)
    return None
