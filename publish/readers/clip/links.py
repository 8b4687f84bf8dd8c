"""The numbered Links list that closes a clipping: `- [n] <url>` or `- [n] [text](url)` entries."""

from __future__ import annotations

import re
from dataclasses import dataclass

from publish.errors import Report
from publish.model import E
from publish.model.html import SAFE_SCHEMES

HEADING = re.compile(r"^\s{0,3}(?:#{1,6}\s*)?(?:\*\*|__)?\s*(?:links|links in this article)"
                     r"\s*:?\s*(?:\*\*|__)?\s*:?\s*$", re.I)
ENTRY = re.compile(r"^\s*(?:[-*+]\s+)?\\?\[(?P<n>\d{1,4})\\?\]\s*(?P<target>.*)$")
TARGET = re.compile(r"^<(?P<angle>[^>\s]+)>$"
                    r"|^\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?P<href><[^>]*>|[^)\s]+)\)$"
                    r"|^(?P<bare>\S+)$")
ESCAPE = re.compile(r"\\+([!-/:-@\[-`{-~])")


@dataclass
class Entry:
    number: int
    url: str
    line: int


def unescape(url: str) -> str:
    """A URL as written in Markdown (`utm\\_term`, `utm\\\\_term`) back to the real one."""
    return ESCAPE.sub(r"\1", url.strip().strip("<>")).replace(" ", "%20")


def is_entry_line(text: str) -> bool:
    return bool(ENTRY.match(text)) and bool(ENTRY.match(text).group("target").strip())


def is_list(para) -> bool:
    """A paragraph made only of numbered link entries."""
    return all(ENTRY.match(t) for t, _ in para.lines) and any(is_entry_line(t) for t, _ in para.lines)


def parse(para, entries: dict[int, Entry], report: Report) -> None:
    """Add the entries of one paragraph of the list to ``entries``; report malformed ones."""
    for text, line in para.lines:
        m = ENTRY.match(text)
        number, target = int(m.group("n")), m.group("target").strip()
        t = TARGET.match(target)
        url = None
        if t:
            url = unescape(t.group("angle") or t.group("href") or t.group("bare") or "")
        if not url or not re.match(r"^(https?://|mailto:|www\.)", url, re.I):
            report.error(f"Links entry [{number}] has no URL", line=line, rule="C005",
                         hint="write it as '- [n] <https://…>' or '- [n] [text](https://…)'")
            continue
        if url.lower().startswith("www."):
            url = "http://" + url
        if number in entries:
            report.error(f"Links entry [{number}] appears twice", line=line, rule="C006",
                         hint=f"the first is on line {entries[number].line}; number each link once")
            continue
        entries[number] = Entry(number, url, line)


def note_blocks(entry: Entry) -> list:
    """A note's text: the full URL as a link, so that readers of print can type it."""
    p = E.p(E.a(entry.url, href=entry.url)) if SAFE_SCHEMES.match(entry.url) else E.p(entry.url)
    p.sourceline = entry.line
    return [p]

