"""What goes into one EPUB: the documents in reading order, whatever they were made from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from publish.backends.epub import cover, documents, notes
from publish.backends.epub.documents import Document


@dataclass
class Book:
    """What goes into one EPUB, whatever it was made from."""

    meta: object  # publish.model.Metadata of the book as a whole
    lang: str
    cover: cover.Cover
    docs: list[tuple[Document, Path | None]]  # in reading order, each with the folder its images come from
    contents: list | None = None  # nav.Node tree; None: one entry per document
    notes: bool = False


def article_book(article, extra) -> Book:
    meta, lang = article.meta, article.language
    front = cover.load(extra["cover"], meta) if extra.get("cover") else cover.generate(meta, lang)
    docs = [cover.cover_document(front, lang), documents.title_page(article), documents.copyright_page(article),
            documents.article_document(article, notes.link_calls)]
    if article.notes():
        docs.append(notes.endnotes_document(article))
    folder = article.source.parent if article.source else None
    return Book(meta, lang, front, [(doc, folder) for doc in docs], notes=bool(article.notes()))
