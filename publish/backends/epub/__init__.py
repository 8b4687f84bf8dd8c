"""EPUB 3 backend: title page, copyright page, the article, endnotes linked both ways."""

from __future__ import annotations

from importlib import resources

from publish.backends import Backend
from publish.backends.epub import documents, package


class EpubBackend(Backend):
    name = "epub"
    suffix = ".epub"
    description = "EPUB 3 e-book with pop-up endnotes (EPUBCheck clean)"

    def write(self, article, dest, options) -> None:
        docs = documents.render(article)
        css = resources.files("publish.styles").joinpath("epub.css").read_bytes()
        book = package.assemble(article.meta, docs, css, article.language)
        package.write(book, dest, options.timestamp)
