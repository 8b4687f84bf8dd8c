"""The coursepack's own pages: cover, permissions and credits, contents with page numbers and
preface (roman-numbered), and the overlay that prints the body's continuous page numbers."""

from __future__ import annotations

import copy

from publish.backends.frontmatter import byline, copyright_blocks
from publish.backends.pdf.html import strip_namespaces, to_string
from publish.model import E

FRONT_CSS = """
@page pack-front { @top-left { content: none; } @top-right { content: none; } }
@page pack-front:left { @bottom-left { content: counter(page, lower-roman); } @bottom-right { content: none; } }
@page pack-front:right { @bottom-right { content: counter(page, lower-roman); } @bottom-left { content: none; } }
@page pack-cover { @top-left { content: none; } @top-right { content: none; }
  @bottom-left { content: none; } @bottom-right { content: none; } }
body { margin: 0; }
.pack-cover { page: pack-cover; break-after: page; text-align: center; padding-top: 30%; }
.pack-cover-image { display: block; max-width: 100%; max-height: 110mm; margin: -20% auto 8mm; }
.pack-cover h1 { font-size: 24pt; line-height: 1.2; margin: 0 0 6mm; hyphens: manual; }
.pack-cover p { margin: 0 0 2mm; text-indent: 0; text-align: center; }
.pack-page { page: pack-front; break-before: page; }
.pack-page h2 { font-size: 15pt; margin: 0 0 5mm; bookmark-level: none; }
.credits { font-size: 9pt; padding-left: 1.5em; }
.credits li { margin-bottom: 3mm; break-inside: avoid; }
.credits p { margin: 0; text-indent: 0; text-align: left; }
.credits .permission { font-style: italic; }
.contents { width: 100%; border-collapse: collapse; }
.contents td { border: none; padding: 0.6mm 0; vertical-align: bottom; }
.contents .section td { font-weight: bold; padding-top: 3mm; }
.contents .page { text-align: right; white-space: nowrap; padding-left: 4mm; }
.contents .author { font-style: italic; }
"""

NUMBERS_CSS = """
@page { @top-left { content: none; } @top-right { content: none; } }
@page blank { @bottom-left { content: none; } @bottom-right { content: none; } }
body { margin: 0; }
.page { break-after: page; height: 1px; }
.blank { page: blank; }
"""


def front_html(pack, entries_pages: list[tuple], lang: str) -> str:
    """Cover, permissions and credits, contents (``entries_pages``: (entry, body page number)),
    and preface, as HTML for WeasyPrint."""
    m = pack.manifest
    cover = E.section({"class": "pack-cover"})
    if m.cover:  # relative to the manifest's folder, the only folder the fetcher serves
        cover.append(E.img(src=m.cover.relative_to(m.path.parent).as_posix(), alt=f"Cover of {m.title}",
                           **{"class": "pack-cover-image"}))
    cover.append(E.h1(m.title))
    for text in (" · ".join(filter(None, [m.code, m.term])), m.institution,
                 f"Compiled by {m.instructor}" if m.instructor else None):
        if text:
            cover.append(E.p(text))

    credits = E.ol({"class": "credits"})
    for entry, _ in entries_pages:
        meta = entry.article.meta
        li = E.li(E.p(E.cite(meta.title), f", by {byline(meta)}" if meta.contributors else ""))
        li.extend(copyright_blocks(meta))
        perm = entry.item.permission
        li.append(E.p(perm.statement() if perm else "Permission record pending (draft coursepack).",
                      {"class": "permission"}))
        credits.append(li)
    permissions = E.section({"class": "pack-page"}, E.h2("Permissions and Credits"),
                            E.p("This coursepack reproduces the works below for the students of the course only. "
                                "Each remains the property of its copyright holder; the permission under which it "
                                "is reproduced follows its credit line."), credits)

    rows = E.table({"class": "contents"})
    section = object()
    for entry, page in entries_pages:
        if entry.section != section:
            section = entry.section
            if section:
                rows.append(E.tr({"class": "section"}, E.td(section, colspan="2")))
        meta = entry.article.meta
        title = E.td(meta.title)
        if meta.contributors:
            title.append(E.br())
            title.append(E.span(byline(meta), {"class": "author"}))
        rows.append(E.tr(title, E.td(str(page), {"class": "page"})))
    contents = E.section({"class": "pack-page"}, E.h2("Contents"), rows)

    body = E.body(cover, permissions, contents)
    if pack.preface:
        body.append(E.section({"class": "pack-page"}, E.h2("Preface"), *copy.deepcopy(pack.preface)))
    return to_string(strip_namespaces(E.html(E.head(E.meta(charset="utf-8"), E.title(m.title)), body, lang=lang)))


def numbers_html(total: int, blanks: set[int]) -> str:
    """``total`` empty pages whose margin boxes print the page number (none on blank pages)."""
    pages = "".join('<div class="page blank"></div>' if i in blanks else '<div class="page"></div>'
                    for i in range(total))
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>numbers</title></head><body>{pages}</body></html>"
