"""The EPUB's XHTML content documents: title page, copyright page, article, endnotes."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from publish.backends.frontmatter import byline, copyright_blocks, display_date
from publish.model import XHTML, XML_LANG, E
from publish.model.article import Article, text_of
from publish.model.names import EPUB

EPUB_TYPE = f"{{{EPUB}}}type"
CSS_HREF = "css/epub.css"
ARTICLE, ENDNOTES = "article.xhtml", "endnotes.xhtml"
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


@dataclass
class Document:
    file_name: str
    title: str
    root: etree._Element
    landmark: str | None = None  # epub:type used in the landmarks nav
    toc: list | None = None  # [(id, text, level)] headings for the table of contents

    def to_bytes(self) -> bytes:
        return (b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
                + etree.tostring(self.root, encoding="utf-8") + b"\n")


def page(title: str, lang: str, body_type: str, *content) -> etree._Element:
    html = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML, "epub": EPUB})
    html.set("lang", lang)
    html.set(XML_LANG, lang)
    html.append(E.head(E.meta(charset="utf-8"), E.title(title),
                       E.link(rel="stylesheet", type="text/css", href=CSS_HREF)))
    body = E.body(*content)
    body.set(EPUB_TYPE, body_type)
    html.append(body)
    return html


def typed(el, epub_type: str, role: str | None = None):
    el.set(EPUB_TYPE, epub_type)
    if role:
        el.set("role", role)
    return el


def render(article: Article) -> list[Document]:
    meta = article.meta
    lang = article.language
    docs = [title_page(article), copyright_page(article), article_document(article)]
    if article.notes():
        docs.append(endnotes_document(article))
    for doc in docs:
        doc.root.set("lang", lang)
    return docs


def title_page(article: Article) -> Document:
    meta = article.meta
    section = typed(E.section(E.h1(meta.title), id="titlepage"), "titlepage")
    if meta.subtitle:
        section.append(E.p(meta.subtitle, {"class": "subtitle"}))
    if meta.contributors:
        section.append(E.p(byline(meta), {"class": "byline"}))
    pub = ", ".join(p for p in (meta.publication, display_date(meta.date)) if p)
    if pub:
        section.append(E.p(pub, {"class": "publication"}))
    return Document("titlepage.xhtml", "Title Page", page("Title Page", article.language, "frontmatter", section),
                    landmark="titlepage")


def copyright_page(article: Article) -> Document:
    section = typed(E.section(E.h2("Copyright and Permissions"), *copyright_blocks(article.meta),
                              id="copyright-page"), "copyright-page")
    return Document("copyright.xhtml", "Copyright", page("Copyright", article.language, "frontmatter", section),
                    landmark="copyright-page")


def article_document(article: Article) -> Document:
    meta = article.meta
    header = copy.deepcopy(article.header)
    for div in header.findall(f"{{{XHTML}}}div"):
        header.remove(div)
    h1 = header.find(f"{{{XHTML}}}h1")
    h1.set("id", "article-title")
    sub = header.find(f"{{{XHTML}}}p[@role='doc-subtitle']")
    if sub is not None:
        typed(sub, "subtitle")
    if meta.contributors:
        header.append(E.p(byline(meta), {"class": "byline"}))
    for c in meta.contributors:
        if c.bio:
            header.append(E.div(*[copy.deepcopy(b) for b in c.bio], {"class": "bio"}))
    main = copy.deepcopy(article.main)
    section = typed(E.section(header, *list(main), id="article", **{"aria-labelledby": "article-title"}),
                    "chapter")
    _calls_to_endnotes(section)
    toc = [(h.get("id"), text_of(h), int(h.tag[-1])) for h in section.iter(f"{{{XHTML}}}h2", f"{{{XHTML}}}h3")]
    return Document(ARTICLE, meta.title, page(meta.title, article.language, "bodymatter", section),
                    landmark="bodymatter", toc=toc)


def _calls_to_endnotes(tree) -> None:
    for a in tree.iter(f"{{{XHTML}}}a"):
        if a.get("role") == "doc-noteref":
            a.set("href", ENDNOTES + a.get("href"))
            a.set(EPUB_TYPE, "noteref")


def endnotes_document(article: Article) -> Document:
    ol = E.ol()
    for note in article.notes():
        li = E.li(*[copy.deepcopy(b) for b in note.element], id=note.id, value=str(note.number))
        typed(li, "endnote")
        _calls_to_endnotes(li)
        last = li[-1] if len(li) and li[-1].tag == f"{{{XHTML}}}p" else li
        for k, call in enumerate(note.calls):
            label = f"Back to note {note.number}" + (
                f", {ORDINALS[k] if k < len(ORDINALS) else str(k + 1) + 'th'} citation" if len(note.calls) > 1 else "")
            back = typed(E.a("↩", href=f"{ARTICLE}#{call.get('id')}", **{"aria-label": label}),
                         "backlink", "doc-backlink")
            if len(last):
                last[-1].tail = (last[-1].tail or "") + " "
            else:
                last.text = (last.text or "") + " "
            last.append(back)
        ol.append(li)
    section = typed(E.section(E.h2("Notes"), ol, id="endnotes", role="doc-endnotes"), "endnotes")
    return Document(ENDNOTES, "Notes", page("Notes", article.language, "backmatter", section),
                    landmark="endnotes")
