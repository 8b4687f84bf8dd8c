"""The EPUB's XHTML content documents: title page, copyright page and the article."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from publish.backends.frontmatter import byline, copyright_blocks, publication_line
from publish.model import XHTML, XML_LANG, E
from publish.model.article import Article, text_of
from publish.model.names import EPUB

EPUB_TYPE = f"{{{EPUB}}}type"
CSS_HREF = "css/epub.css"
ARTICLE, ENDNOTES = "article.xhtml", "endnotes.xhtml"
HEADINGS = tuple(f"{{{XHTML}}}h{n}" for n in range(1, 7))


@dataclass
class Document:
    """One XHTML file of the book, with what the nav and the OPF need to know of it."""

    file_name: str
    title: str
    root: etree._Element
    landmark: str | None = None  # epub:type of its entry in the landmarks nav
    toc: list = field(default_factory=list)  # [(id, text, level)] headings for the table of contents
    in_toc: bool = True

    @property
    def id(self) -> str:
        return self.file_name.rsplit(".", 1)[0]

    def to_bytes(self) -> bytes:
        return (b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
                + etree.tostring(self.root, encoding="utf-8") + b"\n")


def page(title: str, lang: str, body_type: str | None, *content, body_class: str | None = None):
    """A complete XHTML document: ``lang`` and ``xml:lang`` on the root, our stylesheet linked."""
    html = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML, "epub": EPUB})
    html.set("lang", lang)
    html.set(XML_LANG, lang)
    html.append(E.head(E.meta(charset="utf-8"), E.title(title),
                       E.link(rel="stylesheet", type="text/css", href=CSS_HREF)))
    body = E.body(*content)
    if body_type:
        body.set(EPUB_TYPE, body_type)
    if body_class:
        body.set("class", body_class)
    html.append(body)
    return html


def typed(el, epub_type: str, role: str | None = None):
    el.set(EPUB_TYPE, epub_type)
    if role:
        el.set("role", role)
    return el


def title_page(article: Article) -> Document:
    meta = article.meta
    section = typed(E.section(E.h1(meta.title, id="title"), id="titlepage", **{"aria-labelledby": "title"}),
                    "titlepage")
    if meta.subtitle:
        section.append(E.p(meta.subtitle, {"class": "subtitle"}))
    if meta.contributors:
        section.append(E.p(byline(meta), {"class": "byline"}))
    if publication_line(meta):
        section.append(E.p(publication_line(meta), {"class": "publication"}))
    root = page(f"Title page: {meta.title}", article.language, "frontmatter", section)
    return Document("titlepage.xhtml", "Title Page", root, landmark="titlepage")


def copyright_page(article: Article) -> Document:
    heading = E.h2("Copyright and Permissions", id="copyright-heading")
    blocks = copyright_blocks(article.meta) or [E.p("The source gave no copyright or permissions information.")]
    section = typed(E.section(heading, *blocks, id="copyright-page",
                              **{"aria-labelledby": "copyright-heading"}), "copyright-page")
    root = page("Copyright and Permissions", article.language, "frontmatter", section)
    return Document("copyright.xhtml", "Copyright and Permissions", root, landmark="copyright-page")


def article_document(article: Article, link_calls, file_name: str = ARTICLE, credit=None) -> Document:
    """The article: its header (title, subtitle, byline, bios, and in a coursepack its
    ``credit`` block), then the body.

    ``link_calls`` rewrites the note calls of a subtree (see ``notes.link_calls``).
    """
    meta = article.meta
    header = copy.deepcopy(article.header)
    for div in header.findall(f"{{{XHTML}}}div"):
        header.remove(div)
    header.find(f"{{{XHTML}}}h1").set("id", "article-title")
    sub = header.find(f"{{{XHTML}}}p[@role='doc-subtitle']")
    if sub is not None:
        typed(sub, "subtitle")
    if meta.contributors:
        header.append(E.p(byline(meta), {"class": "byline"}))
    for c in meta.contributors:
        if c.bio:
            header.append(E.div(*[copy.deepcopy(b) for b in c.bio], {"class": "bio"}))
    if credit is not None:
        header.append(credit)
    section = typed(E.section(header, *copy.deepcopy(list(article.main)), id="article",
                              **{"aria-labelledby": "article-title"}), "chapter", "doc-chapter")
    link_calls(section)
    toc = [(h.get("id"), text_of(h), int(h.tag[-1])) for h in section.iter(*HEADINGS[1:3]) if h.get("id")]
    root = page(meta.title, article.language, "bodymatter", section)
    return Document(file_name, meta.title, root, landmark="bodymatter", toc=toc)

