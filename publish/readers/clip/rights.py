"""The rights block of a clipping: copyright line, rights statement, permissions and source URL."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from publish.errors import Report
from publish.readers.clip.chrome import plain
from publish.readers.clip.links import unescape

SIGN = r"(?:©|\(c\)|&copy;)"
COPYRIGHT = re.compile(rf"^\s*(?:copyright\b\.?\s*{SIGN}?|{SIGN})\s*(?P<rest>.*)$", re.I | re.S)
YEARS = r"\d{4}(?:\s*[-–—]\s*\d{2,4})?"
LEADING_YEAR = re.compile(rf"^(?P<years>{YEARS})[,.]?\s*(?P<rest>.*)$", re.S)
TRAILING_YEAR = re.compile(rf"^(?P<rest>.*?)[,\s]+(?P<years>{YEARS})\.?$", re.S)
STATEMENT = re.compile(r"\b(?:all|some|no)\s+rights\s+reserved\b\.?", re.I)
SOURCE = re.compile(r"^\s*(?:\*\*|__)?\s*source(?:\s+url)?\s*:?\s*(?:\*\*|__)?\s*:?\s*"
                    r"(?P<url><?https?://\S+?>?)\s*$", re.I)
LICENSE = re.compile(r"https?://creativecommons\.org/(?:licenses|publicdomain)/[^\s)>\]]+", re.I)
#: Words whose final period belongs to the word, not to the sentence.
ABBREVIATIONS = {"inc", "ltd", "co", "corp", "llc", "plc", "bros", "l.l.c", "s.a", "gmbh", "ag", "st", "no"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00C0-\u00DE\u201c\"])")


@dataclass
class RightsBlock:
    year: str | None = None
    holder: str | None = None
    statement: str | None = None
    license_url: str | None = None
    permissions: list[tuple[str, int]] = field(default_factory=list)  # (Markdown paragraph, line)


def is_copyright(text: str) -> bool:
    """A copyright line: a © sign, or the word Copyright followed by a year."""
    t = plain(text)
    if re.match(rf"^\s*{SIGN}", t, re.I):
        return True
    m = re.match(rf"^\s*copyright\b\.?\s*({SIGN})?\s*(\d{{4}})?", t, re.I)
    return bool(m and (m.group(1) or m.group(2)))


def source_url(text: str) -> str | None:
    m = SOURCE.match(text)
    return unescape(m.group("url")) if m else None


def sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping 'Inc.' and initials inside the sentence."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        word = text[:m.start()].rsplit(None, 1)[-1].rstrip(".!?").lower()
        if word in ABBREVIATIONS or len(word) == 1:
            continue
        out.append(text[start:m.start()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def read(text: str, line: int, block: RightsBlock, report: Report) -> None:
    """Fill ``block`` from one paragraph of the rights block."""
    lic = LICENSE.search(text)
    if lic and not block.license_url:
        block.license_url = unescape(lic.group())
    m = COPYRIGHT.match(plain(text)) if is_copyright(text) else None
    if not m:
        _statement_and_permissions(text, line, block)
        return
    first, *others = sentences(m.group("rest")) or [""]
    _statement_and_permissions(" ".join(others), line, block)
    statement = STATEMENT.search(first)
    if statement:
        block.statement = block.statement or statement.group()
        first = first[:statement.start()].strip()
    lead, trail = LEADING_YEAR.match(first), TRAILING_YEAR.match(first)
    years, holder = (lead.group("years"), lead.group("rest")) if lead else \
        (trail.group("years"), trail.group("rest")) if trail else (None, first)
    holder = _holder(holder)
    block.year, block.holder = (_year(years) if years else None), holder or None
    if not years or not holder:
        missing = " and ".join(w for w, v in (("year", years), ("holder", holder)) if not v)
        report.warning(f"cannot read the {missing} from the copyright line '{plain(text)[:60]}'", line=line,
                       rule="C004", hint="write it as 'Copyright © 2017 by Holder Name.'")


def _statement_and_permissions(text: str, line: int, block: RightsBlock) -> None:
    rest = []
    for sentence in sentences(text):
        if STATEMENT.fullmatch(sentence.strip()) and not block.statement:
            block.statement = sentence.strip()
        else:
            rest.append(sentence)
    if rest:
        block.permissions.append((" ".join(rest), line))


def _holder(text: str) -> str:
    text = re.sub(r"^by\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"^the\s+", "", text)  # lowercase 'the' is the sentence's; 'The Atlantic' keeps it
    text = text.strip(" ,;")
    words = text[:-1].split()
    if text.endswith(".") and not (words and words[-1].lower() in ABBREVIATIONS):
        text = text[:-1]
    return text


def _year(years: str) -> str:
    """The latest year of a range ('2015–2017' → '2017', '2015-17' → '2017')."""
    parts = re.split(r"\s*[-–—]\s*", years)
    last = parts[-1]
    return parts[0][: 4 - len(last)] + last if len(last) < 4 else last
