"""The print HTML: front matter, then the article with a floated copy of each note at each
of its calls (CSS ``float: footnote``); the layout guard decides which copies print."""

from __future__ import annotations

import copy
import re

from lxml import etree

from publish.backends.frontmatter import byline, copyright_blocks, display_date
from publish.model import XHTML, E
from publish.model.article import Article
from publish.model.names import local

BLOCK_IN_NOTE = {"p", "blockquote", "ul", "ol", "li", "div", "pre", "dl", "dt", "dd", "table",
                 "figure", "figcaption", "h2", "h3", "h4", "section", "aside", "hr"}
URL = re.compile(r"""https?://[^\s<>"'\u00a0]+[^\s<>"'\u00a0.,;:!?)\]}’”]""")
#: Break points in a URL: after a run of slashes (not the scheme's "//"), and before a dot.
URL_BREAK = re.compile(r"(?<=[^:/]/)(?=[^/])|(?<=[^/])(?=\.)")
#: A later call this close (in characters of text) to the note's previous call starts on
#: standby: it most likely lands on the same page, where the note is already printed.
STANDBY_DISTANCE = 1200
ZWSP, WJ = "\u200b", "\u2060"


def render(article: Article, created: str, front_matter: str = "separate", running_title: str | None = None):
    """The print document as an lxml tree without namespaces (serialise with ``to_string``).
    ``running_title`` replaces the short title in running heads."""
    meta = article.meta
    head = E.head(E.meta(charset="utf-8"), E.title(meta.title))
    keywords = [p for p in (meta.publication, meta.publisher) if p]
    for name, value in (("author", byline(meta)), ("description", meta.subtitle),
                        ("keywords", ", ".join(keywords)),
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

    header = E.header()
    if front_matter == "separate":
        header.append(E.h1(meta.title, {"class": "article-title"}))
    for c in meta.contributors:
        if c.bio:
            header.append(E.div(*[copy.deepcopy(b) for b in c.bio], {"class": "bio"}))
    body_el = E.article(header, *[copy.deepcopy(b) for b in article.main], {
        "class": "article", "data-running-title": running_title or short_title(meta.title),
        "data-running-author": byline(meta)})
    place_notes(body_el, article.notes())
    html = E.html(head, E.body(front, body_el, {"class": f"front-{front_matter}"}),
                  lang=article.language)
    break_urls(html)
    return strip_namespaces(html)


def to_string(tree) -> str:
    """HTML for WeasyPrint, which parses HTML, not XML."""
    return etree.tostring(tree, method="html", encoding="unicode", doctype="<!DOCTYPE html>")


def short_title(title: str, limit: int = 60) -> str:
    """Running-head title: the part before a colon, cut at a word near ``limit``."""
    short = title.split(":")[0].strip() or title
    if len(short) <= limit:
        return short
    return short[:limit].rsplit(" ", 1)[0] + "…"


def place_notes(tree, notes) -> None:
    """At every call: an empty anchor (the call's place) and a floated copy of the note.

    The first copy has the note's id and class ``first``; later copies get ``<id>-at-<k>``
    so that ids stay unique. A copy close to the previous call starts on standby."""
    by_id = {n.id: n for n in notes}
    calls = [a for a in tree.iter(f"{{{XHTML}}}a") if a.get("role") == "doc-noteref"]
    offsets = _text_offsets(tree, calls)
    seen: dict[str, tuple[int, int]] = {}  # note id -> (copies so far, offset of last call)
    for a in calls:
        note = by_id[a.get("href")[1:]]
        count, last = seen.get(note.id, (0, None))
        count += 1
        seen[note.id] = (count, offsets[a])
        span = E.span({"class": "footnote first" if count == 1 else "footnote",
                       "id": note.id if count == 1 else f"{note.id}-at-{count}",
                       "data-note": note.id, "data-number": str(note.number)})
        if last is not None and offsets[a] - last < STANDBY_DISTANCE:
            span.set("data-standby", "")
        for block in note.element:
            span.append(_inline_copy(block))
        if count > 1:  # ids inside a note stay on its first copy only
            for sub in span.iter():
                if sub is not span:
                    sub.attrib.pop("id", None)
        anchor = E.a({"class": "call-anchor", "id": a.get("id")})
        span.tail = a.tail
        parent, index = a.getparent(), a.getparent().index(a)
        parent.remove(a)
        parent.insert(index, anchor)
        parent.insert(index + 1, span)


def break_urls(root) -> None:
    """Let URLs wrap inside the text block: each becomes a link (class ``url``) that may
    break after slashes and before dots (zero-width spaces); no hyphen is ever added."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or _verbatim(el):
            continue
        if el.text and URL.search(el.text):
            pieces = _url_pieces(el.text, _in_link(el))
            el.text = pieces[0]
            for k in range(1, len(pieces), 2):
                pieces[k].tail = pieces[k + 1]
                el.insert(k // 2, pieces[k])
        parent = el.getparent()
        if parent is not None and el.tail and URL.search(el.tail):
            pieces = _url_pieces(el.tail, _in_link(parent))
            el.tail = pieces[0]
            at = parent.index(el) + 1
            for k in range(1, len(pieces), 2):
                pieces[k].tail = pieces[k + 1]
                parent.insert(at + k // 2, pieces[k])


def _verbatim(el) -> bool:
    return any(local(p.tag) in ("pre", "code", "head") for p in (el, *el.iterancestors()))


def _in_link(el) -> bool:
    return any(local(p.tag) == "a" for p in (el, *el.iterancestors()))


def _url_pieces(text: str, in_link: bool) -> list:
    """``text`` as [str, element, str, …]: each URL split at its break points."""
    out, pos = [], 0
    for m in URL.finditer(text):
        out.append(text[pos:m.start()])
        holder = E.span({"class": "url"}) if in_link else E.a({"class": "url", "href": m.group()})
        # A zero-width space, not <wbr>: WeasyPrint 70 lays each <wbr> segment out as its
        # own box and, with overflow-wrap: anywhere, cuts the segment mid-word.
        # A word joiner keeps the scheme with the host (no line ending in "https://").
        holder.text = ZWSP.join(URL_BREAK.split(m.group())).replace("://", "://" + WJ, 1)
        out.append(holder)
        pos = m.end()
    out.append(text[pos:])
    return out


def _text_offsets(tree, calls) -> dict:
    """Character offset of each call in the text of ``tree``, in document order."""
    wanted, offsets, pos = set(map(id, calls)), {}, 0
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            if id(el) in wanted:
                offsets[el] = pos
            pos += len(el.text or "")
        else:
            pos += len(el.tail or "")
    return offsets


def _inline_copy(block):
    """Blocks become spans (display: block in CSS): a footnote lives inside a paragraph."""
    el = copy.deepcopy(block)
    for sub in el.iter():
        if isinstance(sub.tag, str) and local(sub.tag) in BLOCK_IN_NOTE:
            sub.set("class", ("fn-" + local(sub.tag) + " " + (sub.get("class") or "")).strip())
            sub.tag = f"{{{XHTML}}}span"
    return el


def strip_namespaces(root):
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            el.tag = el.tag.split("}", 1)[1]
    etree.cleanup_namespaces(root)
    return root
