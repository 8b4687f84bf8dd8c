"""The cover: a typographic SVG made from the metadata, or an image the user supplies.

SVG is an EPUB core media type, scales to any screen and needs no imaging library; its
text is drawn in the reading system's serif. Stores that want a raster thumbnail can be
given one with ``--cover cover.png``.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from publish.backends.epub.documents import Document, page
from publish.backends.frontmatter import byline, display_date
from publish.errors import UsageError
from publish.model import E
from publish.model.article import Metadata

SVG = "http://www.w3.org/2000/svg"
WIDTH, HEIGHT, MARGIN = 1600, 2400, 140
INK, PAPER, ACCENT = "#1b1b1b", "#f3efe6", "#7a2e1f"
MEDIA_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".gif": "image/gif", ".webp": "image/webp"}


@dataclass
class Cover:
    file_name: str  # inside the EPUB, e.g. images/cover.svg
    media_type: str
    data: bytes
    alt: str


def alt_text(meta: Metadata) -> str:
    """'Cover: Title: Subtitle, by Author. Publication, date.' — what the cover shows, in words."""
    text = f"Cover: {meta.title}"
    if meta.subtitle:
        text += f": {meta.subtitle}"
    if meta.contributors:
        text += f", by {byline(meta)}"
    where = ", ".join(p for p in (meta.publication, display_date(meta.date)) if p)
    return text + (f". {where}." if where else ".")


def generate(meta: Metadata, lang: str) -> Cover:
    """A typographic cover: publication at the head, the title large, subtitle, author at the foot."""
    svg = etree.Element(f"{{{SVG}}}svg", nsmap={None: SVG}, version="1.1",
                        viewBox=f"0 0 {WIDTH} {HEIGHT}", width=str(WIDTH), height=str(HEIGHT))
    svg.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    etree.SubElement(svg, f"{{{SVG}}}title").text = alt_text(meta)
    etree.SubElement(svg, f"{{{SVG}}}rect", width=str(WIDTH), height=str(HEIGHT), fill=PAPER)
    etree.SubElement(svg, f"{{{SVG}}}rect", x="60", y="60", width=str(WIDTH - 120), height=str(HEIGHT - 120),
                     fill="none", stroke=INK, **{"stroke-width": "6"})
    y = 330
    if meta.publication:
        _lines(svg, [meta.publication.upper()], y, 58, fill=ACCENT, spacing=8)
    y = 560
    etree.SubElement(svg, f"{{{SVG}}}rect", x=str(WIDTH / 2 - 160), y=str(y - 120), width="320", height="8",
                     fill=ACCENT)
    size, lines = _fit(meta.title, sizes=(160, 136, 116, 100), max_lines=5)
    y = _lines(svg, lines, y + size, size, weight="bold")
    if meta.subtitle:
        sub_lines = textwrap.wrap(meta.subtitle, 36)[:5]
        y = _lines(svg, sub_lines, y + 160, 64, style="italic")
    authors = byline(meta) if meta.contributors else ""
    if authors:
        _lines(svg, textwrap.wrap(authors, 28)[:3], HEIGHT - 380, 84)
    when = display_date(meta.date)
    if when:
        _lines(svg, [when], HEIGHT - 200, 52, fill=ACCENT)
    data = etree.tostring(svg, xml_declaration=True, encoding="utf-8") + b"\n"
    return Cover("images/cover.svg", "image/svg+xml", data, alt_text(meta))


def load(path: Path, meta: Metadata) -> Cover:
    """A cover image given by the user (SVG, PNG, JPEG, GIF or WebP)."""
    path = Path(path)
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        raise UsageError(f"cover {path}: not an image type EPUB readers know",
                         hint="use an SVG, PNG, JPEG, GIF or WebP file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cover {path}: {exc.strerror or exc}", hint="check the --cover path") from exc
    return Cover(f"images/cover{path.suffix.lower()}", media_type, data, alt_text(meta))


def cover_document(cover: Cover, lang: str) -> Document:
    """The cover in its own XHTML file (Kobo shows a cover file as a fixed page)."""
    img = E.img(src=cover.file_name, alt=cover.alt, role="doc-cover")
    root = page("Cover", lang, "cover", E.div(img, {"class": "cover-image"}), body_class="cover")
    return Document("cover.xhtml", "Cover", root, landmark="cover", in_toc=False)


def _fit(text: str, sizes, max_lines: int):
    """The largest font size at which ``text`` wraps into ``max_lines`` lines or fewer."""
    for size in sizes:
        lines = textwrap.wrap(text, max(8, int((WIDTH - 2 * MARGIN) / (size * 0.55))))
        if len(lines) <= max_lines:
            return size, lines
    size = sizes[-1]
    lines = textwrap.wrap(text, int((WIDTH - 2 * MARGIN) / (size * 0.55)))
    return size, lines[:max_lines - 1] + [lines[max_lines - 1] + "…"]


def _lines(svg, lines, y, size, fill=INK, weight="normal", style="normal", spacing=0) -> float:
    """Centred lines of text from baseline ``y``; returns the baseline of the last line."""
    for n, line in enumerate(lines):
        text = etree.SubElement(svg, f"{{{SVG}}}text", x=str(WIDTH // 2), y=str(round(y + n * size * 1.18)),
                                fill=fill, **{"font-family": "Georgia, 'Noto Serif', serif",
                                              "font-size": str(size), "font-weight": weight,
                                              "font-style": style, "text-anchor": "middle"})
        if spacing:
            text.set("letter-spacing", str(spacing))
        text.text = line
    return y + (len(lines) - 1) * size * 1.18

