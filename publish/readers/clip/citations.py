"""Note calls in a clipping's text, all numbered after the Links list.

Three shapes name entry n: `[anchor text](#) <sup>[n]</sup>` (or `[anchor text][n]`), a lone
`<sup>[n]</sup>`, and a bare `[n]` right after a word. The anchor text keeps a link, to the
entry's real URL (the `#` is the site's placeholder). A bracket that holds no number
(`deplore[s]`) is text.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import defaultdict

from publish.errors import Report
from publish.readers.clip.paragraphs import FENCE, Para

CALLS = re.compile(
    r"(?P<anchor>\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])+)\]"
    r"(?:\(\s*#?\s*\)(?:[ \t]*(?:<sup>\s*)?\\?\[(?P<an>\d{1,4})\\?\](?:\s*</sup>)?)?"
    r"|\[(?P<ref>\d{1,4})\]))"
    r"|(?P<sup>[ \t]*<sup>\s*\\?\[(?P<sn>\d{1,4})\\?\]\s*</sup>)"
    r"|(?P<bare>(?<=[\w.,;:!?\u2019\u201d\"')*_])[ \t\n]?\\?\[(?P<bn>\d{1,4})\\?\](?!\())")
CODE_SPAN = re.compile(r"`+[^`]*`+")


def call_html(number: int) -> str:
    return f'<a role="doc-noteref" href="#note-{number}">{number}</a>'


class Citations:
    """Marks calls paragraph by paragraph and remembers which entries were cited, and where."""

    def __init__(self, urls: dict[int, str], report: Report):
        self.urls, self.report = urls, report
        self.cited: dict[int, list[int]] = defaultdict(list)  # number -> lines of its calls

    def mark(self, para: Para) -> Para:
        """The paragraph with its calls as model HTML; code is left alone."""
        if FENCE.match(para.lines[0][0]) or para.lines[0][0].startswith("    "):
            return para
        raw, out, pos = para.raw, [], 0
        starts = [0] + [m.end() for m in re.finditer("\n", raw)]  # offset of each line, for its number
        for code in CODE_SPAN.finditer(raw):
            out.append(self._mark(raw, pos, code.start(), para, starts))
            out.append(code.group())
            pos = code.end()
        out.append(self._mark(raw, pos, len(raw), para, starts))
        rows = "".join(out).split("\n")
        lines = [n for _, n in para.lines]
        return Para([(row, lines[min(i, len(lines) - 1)]) for i, row in enumerate(rows)])

    def _mark(self, raw: str, start: int, end: int, para: Para, starts: list[int]) -> str:
        def replace(m):
            row = bisect.bisect_right(starts, start + m.start()) - 1
            line = para.lines[min(row, len(para.lines) - 1)][1]
            if m.group("anchor"):
                return self._anchor(m, line)
            return self._call(int(m.group("sn") or m.group("bn")), line, m.group())
        return CALLS.sub(replace, raw[start:end])

    def _anchor(self, m, line: int) -> str:
        text, number = m.group("text"), m.group("an") or m.group("ref")
        if number is None:
            self.report.warning(f"link '{_short(text)}' has no URL (its target is the placeholder '#')",
                                line=line, rule="C008", hint="kept as plain text; add the URL if it matters")
            return text
        number = int(number)
        if number not in self.urls:
            return self._call(number, line, text)
        url = html.escape(self.urls[number], quote=True)
        return f'<a href="{url}">{text}</a>' + self._call(number, line, "")

    def _call(self, number: int, line: int, original: str) -> str:
        if number not in self.urls:
            listed = ", ".join(str(n) for n in sorted(self.urls)) or "none: the clip has no Links list"
            self.report.error(f"call [{number}] has no entry in the Links list", line=line, rule="C002",
                              hint=f"listed entries: {listed}; fix the number or add the link")
            return original
        self.cited[number].append(line)
        return call_html(number)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"
