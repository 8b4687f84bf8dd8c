"""A coursepack as one EPUB: cover, title page, a permissions and credits page listing every
item, the preface, then each article in its own document with its credit line, followed by
its own notes document; the contents nest sections, articles and their notes."""

from __future__ import annotations

import copy

from publish.backends.epub import cover, documents, notes
from publish.backends.epub.book import Book
from publish.backends.epub.documents import Document, page, typed
from publish.backends.epub.nav import Node, nodes
from publish.backends.frontmatter import byline, copyright_blocks, credit_line
from publish.coursepack import Coursepack
from publish.model import Contributor, E, Metadata, Rights


def pack_metadata(pack: Coursepack) -> Metadata:
    m = pack.manifest
    return Metadata(title=m.title, subtitle=" · ".join(filter(None, [m.code, m.term, m.institution])) or None,
                    contributors=[Contributor(m.instructor, role="editor")] if m.instructor else [],
                    publisher=m.institution, language=m.language, identifiers=[pack.identifier],
                    rights=Rights(statement="Each work is reproduced under the permission listed on the "
                                            "permissions and credits page."))


def book(pack: Coursepack, extra) -> Book:
    meta, lang = pack_metadata(pack), pack.manifest.language
    cover_path = extra.get("cover") or pack.manifest.cover
    front = cover.load(cover_path, meta) if cover_path else cover.generate(meta, lang)
    docs = [(cover.cover_document(front, lang), None), (title_page(pack, meta, lang), None),
            (credits_page(pack, lang), None)]
    if pack.preface:
        section = E.section(E.h2("Preface", id="preface-heading"), *copy.deepcopy(pack.preface), id="preface",
                            **{"aria-labelledby": "preface-heading"})
        docs.append((Document("preface.xhtml", "Preface", page("Preface", lang, "frontmatter",
                                                                 typed(section, "preface", "doc-preface"))), None))
    contents = nodes([doc for doc, _ in docs])
    for section_title, entries in pack.sections():
        articles = []
        for entry in entries:
            n = len([d for d, _ in docs if d.file_name.startswith("article-")]) + 1
            article, folder = entry.article, entry.article.source.parent
            name, notes_name = f"article-{n:02d}.xhtml", f"notes-{n:02d}.xhtml"
            doc = documents.article_document(article, lambda tree: notes.link_calls(tree, notes_name),
                                             file_name=name, credit=credit(entry))
            node = Node(doc.title, name, [Node(text, f"{name}#{hid}") for hid, text, level in doc.toc if level == 2])
            docs.append((doc, folder))
            if article.notes():
                notes_doc = notes.endnotes_document(article, notes_name, name,
                                                    title=f"Notes: {entry.item.short_title or article.meta.title}")
                docs.append((notes_doc, folder))
                node.children.append(Node("Notes", notes_name))
            articles.append(node)
        contents += [Node(section_title, None, articles)] if section_title else articles
    return Book(meta, lang, front, docs, contents, notes=any(e.article.notes() for e in pack.entries))


def title_page(pack: Coursepack, meta: Metadata, lang: str) -> Document:
    m = pack.manifest
    section = typed(E.section(E.h1(m.title, id="title"), id="titlepage", **{"aria-labelledby": "title"}),
                    "titlepage")
    for text, cls in ((" · ".join(filter(None, [m.code, m.term])), "subtitle"), (m.institution, "publication"),
                      (f"Compiled by {m.instructor}" if m.instructor else None, "byline")):
        if text:
            section.append(E.p(text, {"class": cls}))
    return Document("titlepage.xhtml", "Title Page", page(f"Title page: {m.title}", lang, "frontmatter", section),
                    landmark="titlepage")


def credits_page(pack: Coursepack, lang: str) -> Document:
    """Every item's full credit line and the permission under which it is reproduced."""
    heading = E.h2("Permissions and Credits", id="copyright-heading")
    intro = E.p("This coursepack reproduces the works below for the students of the course only. Each remains "
                "the property of its copyright holder; the permission under which it is reproduced follows "
                "its credit line.")
    items = E.ol({"class": "credits"})
    for entry in pack.entries:
        meta = entry.article.meta
        li = E.li(E.p(E.cite(meta.title), f", by {byline(meta)}" if meta.contributors else "", {"class": "work"}))
        li.extend(copyright_blocks(meta))
        li.append(E.p(permission_text(entry), {"class": "permission"}))
        items.append(li)
    section = typed(E.section(heading, intro, items, id="copyright-page", **{"aria-labelledby": "copyright-heading"}),
                    "copyright-page")
    return Document("copyright.xhtml", "Permissions and Credits",
                    page("Permissions and Credits", lang, "frontmatter", section), landmark="copyright-page")


def permission_text(entry) -> str:
    perm = entry.item.permission
    return perm.statement() if perm else "Permission record pending (draft coursepack)."


def credit(entry):
    """The article's own credit block, at the head of its document."""
    meta = entry.article.meta
    r = meta.rights
    lines = [f"Copyright {r.copyright_line()}." if r.copyright_line() else None, r.statement, credit_line(meta),
             permission_text(entry)]
    block = E.div({"class": "credit"}, role="doc-credit")
    block.extend(E.p(line) for line in lines if line)
    if meta.source_url:
        block.append(E.p("Source: ", E.a(meta.source_url, href=meta.source_url)))
    return block
