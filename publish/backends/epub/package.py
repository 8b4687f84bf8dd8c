"""Packaging: the OPF through ebooklib, our own nav, and a reproducible zip.

ebooklib (AGPL-3.0) writes the OPF manifest, spine, metadata and NCX well. Where it does not
serve we work around it:
- ``EpubHtml.get_content()`` rebuilds each document's <head>; we hand it raw ``EpubItem``s
  holding finished XHTML instead.
- its nav writes a bogus page-list from every element with an epub:type and an id; we
  write the nav document ourselves (also a raw item, declared with properties="nav").
- it stamps zip entries with the current time; we rewrite the archive with fixed
  timestamps, ``mimetype`` first and stored (see ``normalise_zip``).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from ebooklib import epub
from lxml import etree

from publish.backends.epub.documents import EPUB_TYPE, Document, page, typed
from publish.backends.frontmatter import credit_line
from publish.model import E
from publish.model.article import Metadata

A11Y = [
    ("schema:accessMode", "textual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityHazard", "none"),
    ("schema:accessibilitySummary",
     "Reflowable text with a table of contents, headings in order, and endnotes linked both ways "
     "to every place that cites them."),
]


class RawItem(epub.EpubItem):
    """A document written exactly as given (ebooklib's EpubHtml would rebuild its <head>)."""

    def __init__(self, uid, file_name, content, properties=(), linear=True):
        super().__init__(uid=uid, file_name=file_name, media_type="application/xhtml+xml", content=content)
        self.properties = list(properties)
        self.is_linear = linear


def nav_document(meta: Metadata, docs: list[Document], lang: str) -> bytes:
    toc = E.ol()
    for doc in docs:
        li = E.li(E.a(doc.title, href=doc.file_name))
        if doc.toc:
            li.append(E.ol(*[E.li(E.a(text, href=f"{doc.file_name}#{hid}")) for hid, text, level in doc.toc
                             if level == 2]))
        toc.append(li)
    landmarks = E.ol(*[E.li(typed(E.a(doc.title, href=doc.file_name), doc.landmark))
                       for doc in docs if doc.landmark])
    nav_toc = typed(E.nav(E.h2("Contents"), toc, id="toc", role="doc-toc"), "toc")
    nav_landmarks = typed(E.nav(E.h2("Landmarks"), landmarks, id="landmarks", hidden="hidden"), "landmarks")
    root = page(meta.title, lang, "frontmatter", nav_toc, nav_landmarks)
    return Document("nav.xhtml", "Contents", root).to_bytes()


def assemble(meta: Metadata, docs: list[Document], css: bytes, lang: str) -> epub.EpubBook:
    book = epub.EpubBook()
    book.set_identifier(meta.identifiers[0])
    book.set_title(meta.title)
    book.set_language(lang)
    for n, name in enumerate(meta.authors or [c.name for c in meta.contributors]):
        book.add_author(name, uid=f"creator-{n + 1}")
    dc = [("publisher", meta.publisher), ("date", meta.date), ("description", meta.subtitle),
          ("source", meta.source_url), ("rights", _rights_text(meta))]
    for name, value in dc:
        if value:
            book.add_metadata("DC", name, value)
    for prop, value in A11Y:
        book.add_metadata(None, "meta", value, {"property": prop})

    book.add_item(epub.EpubItem(uid="css", file_name="css/epub.css", media_type="text/css", content=css))
    book.add_item(RawItem("nav", "nav.xhtml", nav_document(meta, docs, lang), properties=["nav"]))
    book.add_item(epub.EpubNcx())
    spine = []
    for n, doc in enumerate(docs):
        item = RawItem(doc.file_name.rsplit(".", 1)[0], doc.file_name, doc.to_bytes())
        book.add_item(item)
        spine.append(item)
    book.toc = [epub.Link(d.file_name, d.title, d.file_name.rsplit(".", 1)[0]) for d in docs]
    book.spine = spine
    return book


def _rights_text(meta: Metadata) -> str | None:
    r = meta.rights
    parts = [f"Copyright {r.copyright_line()}." if r.copyright_line() else None, r.statement,
             f"Licence: {r.license_url}" if r.license_url else None]
    text = " ".join(p for p in parts if p)
    return text or None


def write(book: epub.EpubBook, dest, timestamp: float) -> None:
    mtime = dt.datetime.fromtimestamp(int(timestamp), dt.timezone.utc)
    buffer = io.BytesIO()
    epub.write_epub(buffer, book, {"mtime": mtime, "epub3_pages": False, "raise_exceptions": True})
    normalise_zip(buffer.getvalue(), dest, mtime)


def normalise_zip(data: bytes, dest, mtime: dt.datetime) -> None:
    """Rewrite an EPUB zip reproducibly: mimetype first and stored, fixed times and modes."""
    stamp = max(mtime, dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)).timetuple()[:6]
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(dest, "w") as out:
        names = src.namelist()
        ordered = ["mimetype"] + [n for n in names if n != "mimetype"]
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            out.writestr(info, src.read(name), compresslevel=9)
