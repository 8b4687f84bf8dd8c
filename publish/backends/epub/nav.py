"""Navigation: the EPUB 3 nav document (contents and landmarks) and an NCX for EPUB 2 readers.

There is deliberately no page-list: an article has no print pages to map to (ebooklib
used to write a bogus one from every element with an epub:type and an id).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from lxml.builder import ElementMaker

from publish.backends.epub.documents import Document, page, typed
from publish.model import E
from publish.model.article import Metadata

NAV = "nav.xhtml"
NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"
N = ElementMaker(namespace=NCX_NS, nsmap={None: NCX_NS})


@dataclass
class Node:
    """An entry of the table of contents; ``href`` None for a heading without a page (a section)."""

    title: str
    href: str | None
    children: list = field(default_factory=list)


def nodes(docs: list[Document]) -> list[Node]:
    """A book's contents: each document in the contents, with its second-level headings."""
    return [Node(doc.title, doc.file_name, [Node(text, f"{doc.file_name}#{hid}") for hid, text, level in doc.toc
                                            if level == 2])
            for doc in docs if doc.in_toc]


def nav_document(meta: Metadata, docs: list[Document], lang: str, contents: list[Node] | None = None) -> Document:
    """The nav: ``contents`` (default: built from ``docs``) and landmarks from ``docs``."""
    toc = _ol(contents if contents is not None else nodes(docs))
    seen = set()
    landmarks = E.ol()
    for doc in docs:
        if doc.landmark and doc.landmark not in seen:  # a landmark type appears once
            seen.add(doc.landmark)
            landmarks.append(E.li(typed(E.a(doc.title, href=doc.file_name), doc.landmark)))
    nav_toc = typed(E.nav(E.h1("Contents", id="toc-heading"), toc, id="toc", role="doc-toc",
                          **{"aria-labelledby": "toc-heading"}), "toc")
    nav_landmarks = typed(E.nav(E.h2("Landmarks"), landmarks, id="landmarks", hidden="hidden"), "landmarks")
    root = page(f"Contents: {meta.title}", lang, None, nav_toc, nav_landmarks)
    return Document(NAV, "Contents", root, in_toc=False)


def _ol(entries: list[Node]):
    ol = E.ol()
    for node in entries:
        li = E.li(E.a(node.title, href=node.href) if node.href else E.span(node.title))
        if node.children:
            li.append(_ol(node.children))
        ol.append(li)
    return ol


def ncx(meta: Metadata, docs: list[Document], identifier: str, contents: list[Node] | None = None) -> bytes:
    """The EPUB 2 table of contents, for older readers (and converters) that ignore the nav."""
    counter = iter(range(1, 1_000_000))

    def points(entries, depth=1):
        out, deepest = [], depth if entries else depth - 1
        for node in entries:
            href = node.href or _first_href(node)
            point = N.navPoint(N.navLabel(N.text(node.title)), N.content(src=href), id=f"nav-{next(counter)}")
            children, d = points(node.children, depth + 1)
            point.extend(children)
            deepest = max(deepest, d)
            out.append(point)
        return out, deepest

    nav_points, depth = points(contents if contents is not None else nodes(docs))
    root = N.ncx(
        N.head(N.meta(name="dtb:uid", content=identifier), N.meta(name="dtb:depth", content=str(max(depth, 1))),
               N.meta(name="dtb:totalPageCount", content="0"), N.meta(name="dtb:maxPageNumber", content="0")),
        N.docTitle(N.text(meta.title)), N.navMap(*nav_points), version="2005-1")
    return etree.tostring(root, xml_declaration=True, encoding="utf-8") + b"\n"


def _first_href(node: Node) -> str:
    """An NCX navPoint needs a target: a section points at its first article."""
    return node.href or _first_href(node.children[0])
