"""The print HTML: front matter, then the article with each note floated to the foot of
the page (CSS ``float: footnote``) at its call."""

from __future__ import annotations

import copy

from lxml import etree

from publish.backends.frontmatter import byline, copyright_blocks, display_date
from publish.model import XHTML, E
from publish.model.article import Article
from publish.model.names import local

BLOCK_IN_NOTE = {"p", "blockquote", "ul", "ol", "li", "div", "pre", "dl", "dt", "dd", "table",
                 "figure", "figcaption", "h2", "h3", "h4", "section", "aside", "hr"}


def render(article: Article, created: str):
    """The print document as an lxml tree without namespaces (serialise with ``to_string``)."""
    meta = article.meta
    head = E.head(E.meta(charset="utf-8"), E.title(meta.title))
    for name, value in (("author", byline(meta)), ("description", meta.subtitle),
                        ("keywords", ", ".join(p for p in (meta.publication, "article") if p)),
                        ("dcterms.created", created), ("dcterms.modified", created),
                        ("generator", "publish")):
        if value:
            head.append(E.meta(name=name, content=value))

    front = E.section(E.h1(meta.title, {"class": "title"}), {"class": "front-matter"})
    if meta.subtitle:
        front.append(E.p(meta.subtitle, {"class": "subtitle"}))
    if meta.contributors:
        front.append(E.p(byline(meta), {"class": "byline"}))
    pub = ", ".join(p for p in (meta.publication, display_date(meta.date)) if p)
    if pub:
        front.append(E.p(pub, {"class": "publication"}))
    front.append(E.div(*copyright_blocks(meta), {"class": "rights"}))

    notes = {n.id: n for n in article.notes()}
    header = E.header(E.h1(meta.title, {"class": "article-title"}))
    for c in meta.contributors:
        if c.bio:
            header.append(E.div(*[copy.deepcopy(b) for b in c.bio], {"class": "bio"}))
    body_el = E.article(header, *[copy.deepcopy(b) for b in article.main], {
        "class": "article", "data-running-title": meta.title, "data-running-author": byline(meta)})
    _place_notes(body_el, notes)
    html = E.html(head, E.body(front, body_el), lang=article.language)
    return _strip_namespaces(html)


def to_string(tree) -> str:
    """HTML for WeasyPrint, which parses HTML, not XML."""
    return etree.tostring(tree, method="html", encoding="unicode", doctype="<!DOCTYPE html>")


def _place_notes(tree, notes) -> None:
    """First call of a note: the note itself, floated. Later calls: a reference to its number."""
    seen = set()
    for a in list(tree.iter(f"{{{XHTML}}}a")):
        if a.get("role") != "doc-noteref":
            continue
        note = notes[a.get("href")[1:]]
        parent, index = a.getparent(), a.getparent().index(a)
        if note.id in seen:
            new = [E.a(str(note.number), {"class": "note-ref", "href": f"#{note.id}", "id": a.get("id")})]
        else:
            seen.add(note.id)
            # The empty anchor marks the call's place in the text; the span floats to the foot.
            span = E.span({"class": "footnote", "id": note.id, "data-number": str(note.number)})
            for block in note.element:
                span.append(_inline_copy(block))
            new = [E.a({"class": "call-anchor", "id": a.get("id")}), span]
        new[-1].tail = a.tail
        parent.remove(a)
        for k, el in enumerate(new):
            parent.insert(index + k, el)


def _inline_copy(block):
    """Blocks become spans (display: block in CSS): a footnote lives inside a paragraph."""
    el = copy.deepcopy(block)
    for sub in el.iter():
        if isinstance(sub.tag, str) and local(sub.tag) in BLOCK_IN_NOTE:
            sub.set("class", ("fn-" + local(sub.tag) + " " + (sub.get("class") or "")).strip())
            sub.tag = f"{{{XHTML}}}span"
    return el


def _strip_namespaces(root):
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            el.tag = el.tag.split("}", 1)[1]
    etree.cleanup_namespaces(root)
    return root
