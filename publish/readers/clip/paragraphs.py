"""Paragraphs of a clipping: blank-line separated runs of lines that keep their line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FENCE = re.compile(r"^\s{0,3}(```|~~~)")
#: Lines that open a Markdown construct other than a plain paragraph.
NOT_PLAIN = re.compile(r"^\s{0,3}(#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>|\||<[a-zA-Z/]|(\*\s*){3,}$|(-\s*){3,}$"
                       r"|(_\s*){3,}$)|^\s{4,}|^\s{0,3}(\*\*|__)[^*_]+(\*\*|__)\s*$")
#: What may close a sentence, once closing quotes, brackets and emphasis are set aside.
TERMINAL = set(".!?:\u2026")
TRAILING_CALL = re.compile(r"(\s*(<sup>\s*)?\\?\[\d{1,4}\\?\](\s*</sup>)?)+\s*$")
CLOSERS = "\"'\u201d\u2019)]*_ "


@dataclass
class Para:
    lines: list[tuple[str, int]] = field(default_factory=list)  # (text, line in the file)

    @property
    def line(self) -> int:
        return self.lines[0][1] if self.lines else 1

    @property
    def text(self) -> str:
        """The paragraph on one line, hard wraps folded into spaces."""
        return " ".join(t.strip() for t, _ in self.lines).strip()

    @property
    def raw(self) -> str:
        return "\n".join(t for t, _ in self.lines)

    @property
    def plain(self) -> bool:
        """A run of prose, not a heading, list, quote, table, rule, code or lone bold line."""
        return bool(self.lines) and not NOT_PLAIN.match(self.lines[0][0]) and not FENCE.match(self.lines[0][0])


def split(text: str) -> list[Para]:
    """Split at blank lines; a fenced code block stays whole even across blank lines."""
    paras, current, fence = [], Para(), None
    for n, row in enumerate(text.split("\n"), start=1):
        m = FENCE.match(row)
        if fence:
            current.lines.append((row, n))
            if m and m.group(1) == fence:
                fence = None
            continue
        if m:
            fence = m.group(1)
        if not row.strip() and not fence:
            if current.lines:
                paras.append(current)
                current = Para()
            continue
        current.lines.append((row.rstrip(), n))
    if current.lines:
        paras.append(current)
    return paras


def ends_sentence(text: str) -> bool:
    text = TRAILING_CALL.sub("", text).rstrip(CLOSERS)
    return not text or text[-1] in TERMINAL


def rejoin(paras: list[Para]) -> list[Para]:
    """Join a prose paragraph broken mid-sentence to the prose paragraph that follows it.

    A break counts as mid-sentence when the paragraph lacks closing punctuation and is either
    long or ends on a lowercase word; short unpunctuated lines (labels, headings) stay apart.
    """
    out: list[Para] = []
    for para in paras:
        prev = out[-1] if out else None
        if prev and prev.plain and para.plain and _broken(prev):
            prev.lines.extend(para.lines)
            continue
        out.append(Para(list(para.lines)))
    return out


def _broken(para: Para) -> bool:
    # only the last lines are read, so that a long run of joins stays linear
    tail = " ".join(t.strip() for t, _ in para.lines[-3:])
    words = tail.split()
    return not ends_sentence(tail) and (len(words) > 12 or len(para.lines) > 3 or words[-1][:1].islower())
