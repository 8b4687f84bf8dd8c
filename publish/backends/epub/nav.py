"""Navigation: the EPUB 3 nav document (contents and landmarks) and an NCX for EPUB 2 readers.

There is deliberately no page-list: an article has no print pages to map to (ebooklib
used to write a bogus one from every element with an epub:type and an id).
"""

from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

from publish.backends.epub.documents import Document, page, typed
from publish.model import E
from publish.model.article import Metadata

NAV = "nav.xhtml"
NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"
N = ElementMaker(namespace=NCX_NS, nsmap={None: NCX_NS})


def nav_document(meta: Metadata, docs: list[Document], lang: str) -> Document:
    toc = E.ol()
    for doc in docs:
        if not doc.in_toc:
            continue
        li = E.li(E.a(doc.title, href=doc.file_name))
        sections = [(hid, text) for hid, text, level in doc.toc if level == 2]
        if sections:
            li.append(E.ol(*[E.li(E.a(text, href=f"{doc.file_name}#{hid}")) for hid, text in sections]))
        toc.append(li)
    landmarks = E.ol(*[E.li(typed(E.a(doc.title, href=doc.file_name), doc.landmark))
                       for doc in docs if doc.landmark])
    nav_toc = typed(E.nav(E.h1("Contents", id="toc-heading"), toc, id="toc", role="doc-toc",
                          **{"aria-labelledby": "toc-heading"}), "toc")
    nav_landmarks = typed(E.nav(E.h2("Landmarks"), landmarks, id="landmarks", hidden="hidden"), "landmarks")
    root = page(f"Contents: {meta.title}", lang, None, nav_toc, nav_landmarks)
    return Document(NAV, "Contents", root, in_toc=False)


def ncx(meta: Metadata, docs: list[Document], identifier: str) -> bytes:
    """The EPUB 2 table of contents, for older readers (and converters) that ignore the nav."""
    points = []
    order = 0
    for doc in docs:
        if not doc.in_toc:
            continue
        order += 1
        point = N.navPoint(N.navLabel(N.text(doc.title)), N.content(src=doc.file_name),
                               id=f"nav-{order}")
        for hid, text, level in doc.toc:
            if level == 2:
                order += 1
                point.append(N.navPoint(N.navLabel(N.text(text)),
                                            N.content(src=f"{doc.file_name}#{hid}"), id=f"nav-{order}"))
        points.append(point)
    depth = "2" if any(doc.toc for doc in docs) else "1"
    root = N.ncx(
        N.head(N.meta(name="dtb:uid", content=identifier), N.meta(name="dtb:depth", content=depth),
               N.meta(name="dtb:totalPageCount", content="0"), N.meta(name="dtb:maxPageNumber", content="0")),
        N.docTitle(N.text(meta.title)), N.navMap(*points), version="2005-1")
    return etree.tostring(root, xml_declaration=True, encoding="utf-8") + b"\n"

