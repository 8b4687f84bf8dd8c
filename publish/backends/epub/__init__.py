"""EPUB 3 backend: cover, title page, copyright page, the article, endnotes linked both ways.

It renders one article, or a coursepack (``coursepack.py``): both come down to a list of
content documents, which ``write`` packages the same way.

Backend options (``options.extra``): ``cover`` (path of a cover image to use instead of the
generated one), ``embed_fonts`` (subset and embed Noto Serif), ``a11y_certified_by`` (who
reviewed the book; only then is WCAG conformance claimed in the metadata).
"""

from __future__ import annotations

from importlib import resources

from publish.backends import Backend
from publish.backends.epub import container, coursepack, documents, fonts, images, nav, opf, urls
from publish.backends.epub.book import Book, article_book
from publish.backends.epub.documents import Document
from publish.coursepack import Coursepack

XHTML_TYPE = "application/xhtml+xml"


class EpubBackend(Backend):
    name = "epub"
    suffix = ".epub"
    description = "EPUB 3 e-book with pop-up endnotes (EPUBCheck and Ace clean)"
    coursepacks = True

    def write(self, source, dest, options) -> None:
        extra = options.extra
        book = (coursepack.book(source, extra) if isinstance(source, Coursepack)
                else article_book(source, extra))
        docs = [doc for doc, _ in book.docs]
        pictures = [p for doc, folder in book.docs[1:] for p in images.package(doc.root, folder)]
        for doc in docs[1:]:
            urls.break_urls(doc.root)

        css = resources.files("publish.styles").joinpath("epub.css").read_bytes()
        font_files = []
        if extra.get("embed_fonts"):
            text = "".join("".join(doc.root.itertext()) for doc in docs)
            font_files, font_css = fonts.embed(text)
            css += b"\n/* Embedded fonts (--embed-fonts) */\n" + font_css.encode()

        meta, lang = book.meta, book.lang
        nav_doc = nav.nav_document(meta, docs, lang, book.contents)
        items = [opf.Item("nav", nav.NAV, XHTML_TYPE, nav_doc.to_bytes(), ["nav"]),
                 opf.Item("ncx", "toc.ncx", "application/x-dtbncx+xml",
                          nav.ncx(meta, docs, meta.identifiers[0], book.contents)),
                 opf.Item("css", documents.CSS_HREF, "text/css", css),
                 opf.Item("cover-image", book.cover.file_name, book.cover.media_type, book.cover.data,
                          ["cover-image"])]
        items += [opf.Item(doc.id, doc.file_name, XHTML_TYPE, doc.to_bytes()) for doc in docs]
        items += [opf.Item(f"image-{n}", href, media_type, data)
                  for n, (href, media_type, data) in enumerate(dict.fromkeys(pictures), 1)]
        items += [opf.Item(f"font-{n}", href, "font/ttf", data) for n, (href, data) in enumerate(font_files, 1)]

        a11y = opf.Accessibility(images=bool(pictures), notes=book.notes, certified_by=extra.get("a11y_certified_by"))
        package = opf.package_document(meta, lang, items, [doc.id for doc in docs], options.timestamp, a11y,
                                       cover_id="cover-image")
        container.write(dest, [("content.opf", package)] + [(i.href, i.data) for i in items], options.timestamp)


__all__ = ["Book", "Document", "EpubBackend"]
