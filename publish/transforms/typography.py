"""Typography: curly quotes and apostrophes, ellipses and dashes; URLs and code untouched.

Quotes are decided on the text of a whole block, across inline elements, so that
``"<em>word</em>"`` gets an opening and a closing quote.
"""

from __future__ import annotations

import re

from publish.model.names import VERBATIM, local
from publish.transforms import Transform

URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
OPENERS = set(" \t\n\u00a0([{<\u2014\u2013-/\u201c\u2018")
ELISIONS = re.compile(r"'(?=(tis|twas|em|n|cause|til|round)\b|\d\d?s\b|\d\d\b)", re.I)
BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "dt", "dd", "td", "th", "figcaption", "caption",
          "blockquote", "div", "section", "aside", "main", "header", "body"}


class Typography(Transform):
    name = "typography"
    priority = 100

    def apply(self, article, report) -> None:
        for title in article.xpath("h:head/h:title"):
            title.text = smarten(title.text or "")
        for block in article.xpath("h:body"):
            self._block(block)

    def _block(self, block):
        """Smarten one block: its own text runs in order, nested blocks on their own."""
        slots = []  # (element, "text"|"tail")
        self._collect(block, slots, top=True)
        prev = " "
        for el, attr in slots:
            value = getattr(el, attr)
            if value:
                new = smarten(value, prev)
                setattr(el, attr, new)
                prev = new[-1]

    def _collect(self, el, slots, top=False):
        name = local(el.tag)
        skip = name in VERBATIM or el.get("role") == "doc-noteref" or _is_url_link(el)
        if not skip:
            slots.append((el, "text"))
        for child in el:
            if not isinstance(child.tag, str):
                slots.append((child, "tail"))
                continue
            if local(child.tag) in BLOCKS:
                self._block(child)
            else:
                self._collect(child, slots)
            slots.append((child, "tail"))


def _is_url_link(el) -> bool:
    return local(el.tag) == "a" and (el.text or "").strip() == el.get("href", "").strip()


def smarten(text: str, prev: str = " ") -> str:
    out = []
    pos = 0
    for m in URL.finditer(text):
        out.append(_smarten_plain(text[pos:m.start()], prev if pos == 0 else text[pos - 1]))
        out.append(m.group())
        pos = m.end()
    out.append(_smarten_plain(text[pos:], prev if pos == 0 else text[pos - 1]))
    return "".join(out)


def _smarten_plain(text: str, prev: str) -> str:
    if not text:
        return text
    text = text.replace("...", "\u2026").replace("---", "\u2014").replace("--", "\u2013")
    text = ELISIONS.sub("\u2019", text)
    chars = list(text)
    for i, c in enumerate(chars):
        before = chars[i - 1] if i else prev
        if c == '"':
            chars[i] = "\u201c" if before in OPENERS else "\u201d"
        elif c == "'":
            if before.isalnum() or before in ".,!?\u2019\u201d)":
                chars[i] = "\u2019"
            else:
                chars[i] = "\u2018" if before in OPENERS else "\u2019"
    return "".join(chars)
