"""Heading ids: every h2–h4 gets a stable id for the table of contents and bookmarks."""

from __future__ import annotations

import re
import unicodedata

from publish.transforms import Transform


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48] or "section"


class HeadingIds(Transform):
    name = "heading-ids"
    priority = 300

    def apply(self, article, report) -> None:
        taken = {el.get("id") for el in article.root.iter() if isinstance(el.tag, str) and el.get("id")}
        for h in article.xpath("h:body/h:main//h:*[self::h:h2 or self::h:h3 or self::h:h4]"):
            if h.get("id"):
                continue
            base = candidate = f"h-{slug(_heading_text(h))}"
            n = 2
            while candidate in taken:
                candidate, n = f"{base}-{n}", n + 1
            h.set("id", candidate)
            taken.add(candidate)


def _heading_text(h) -> str:
    """The heading's words, without the numbers of note calls inside it."""
    parts = [h.text or ""]
    for child in h:
        if child.get("role") != "doc-noteref":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())
