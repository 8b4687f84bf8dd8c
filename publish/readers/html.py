"""HTML reader: an article saved as an HTML page (not our canonical XHTML).

Metadata comes from <meta> tags (Dublin Core, citation_*, Open Graph, author/description)
and the first <h1>; the text from <article>, <main> or <body>. Notes are recognised in the
common shapes: links marked as note references (role="doc-noteref", epub:type="noteref",
class footnote-ref) pointing to list items or asides with the target id.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from publish.errors import InputError, Report
from publish.model import Article, Contributor, Metadata, Rights
from publish.model.html import blocks, contents, to_model
from publish.model.names import xml_text
from publish.readers import Reader
from publish.readers.dates import parse_date
from publish.source import Source

META = {
    "title": ("dc.title", "dcterms.title", "citation_title", "og:title"),
    "subtitle": ("dcterms.alternative", "description", "og:description", "dc.description"),
    "date": ("dcterms.date", "dc.date", "citation_publication_date", "citation_date",
             "article:published_time", "date"),
    "publication": ("dcterms.ispartof", "citation_journal_title", "og:site_name"),
    "publisher": ("dcterms.publisher", "dc.publisher", "citation_publisher"),
    "source_url": ("dcterms.source", "og:url", "citation_public_url"),
}
AUTHOR_KEYS = ("dc.creator", "dcterms.creator", "citation_author", "author", "article:author")
RIGHTS = {"holder": ("dcterms.rightsholder",), "statement": ("dcterms.rights", "dc.rights", "copyright"),
          "license_url": ("dcterms.license",), "year": ("dcterms.datecopyrighted",)}
NOTEREF = re.compile(r"(^|\s)(doc-noteref|noteref|footnote-ref|footnote-reference)(\s|$)")


def parser() -> lxml.html.HTMLParser:
    """No network, no comments or processing instructions; HTML entities are never user-defined."""
    return lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                huge_tree=False, default_doctype=False)


class HtmlReader(Reader):
    name = "html"
    extensions = (".html", ".htm")

    def sniff(self, source: Source) -> float:
        head = source.text[:4000].lower()
        if "http://www.w3.org/1999/xhtml" in head and "<html" in head:
            return 0.5  # the canonical XML reader is surer of well-formed XHTML
        if "<html" in head or "<!doctype html" in head:
            return 0.85
        return 0.3 if source.path.suffix.lower() in self.extensions else 0.0

    def read(self, source: Source, report: Report) -> Article:
        try:
            root = lxml.html.document_fromstring(source.text, parser=parser())
        except (etree.ParserError, ValueError) as exc:
            raise InputError(f"cannot parse HTML: {exc}", source.path, hint="save the page again") from None
        meta = self._metadata(root, report)
        body = next((el for el in (root.find(".//article"), root.find(".//main"), root.find("body"))
                     if el is not None), root)
        h1 = body.find(".//h1")
        if h1 is not None:
            meta.title = meta.title or " ".join(xml_text(h1.text_content()).split())
            h1.drop_tree()
        notes = self._notes(body, report)
        if not meta.title:
            report.error("the page has no title (no <h1>, <title> or title meta tag)", line=1,
                         hint="add an <h1> with the article's title")
        main = blocks(to_model(contents(body), report))
        if not main:
            report.error("the page has no body text", line=1)
        return Article.build(meta, main, notes, source=source.path)

    # -- metadata -----------------------------------------------------------
    def _metadata(self, root, report) -> Metadata:
        tags: dict[str, list[str]] = {}
        for m in root.iter("meta"):
            key = (m.get("name") or m.get("property") or "").strip().lower()
            if key and m.get("content"):
                tags.setdefault(key, []).append(" ".join(xml_text(m.get("content")).split()))

        def first(keys):
            for k in keys:
                if tags.get(k):
                    return tags[k][0]
            return None

        title = first(META["title"])
        if not title and root.find(".//title") is not None:
            title = " ".join(xml_text(root.find(".//title").text_content() or "").split()) or None
        meta = Metadata(title=title or "", subtitle=first(META["subtitle"]), publication=first(META["publication"]),
                        publisher=first(META["publisher"]), source_url=first(META["source_url"]),
                        language=(root.get("lang") or "en").split("-")[0] if root.get("lang") else "en")
        raw_date = first(META["date"])
        if raw_date:
            meta.date = parse_date(raw_date)
            if meta.date is None:
                report.warning(f"date '{raw_date}' not understood; left out", hint="use YYYY-MM-DD")
        for key in AUTHOR_KEYS:
            if tags.get(key):
                meta.contributors = [Contributor(n) for n in dict.fromkeys(tags[key])]
                break
        meta.rights = Rights(**{a: first(k) for a, k in RIGHTS.items()})
        return meta

    # -- notes --------------------------------------------------------------
    def _notes(self, body, report):
        """Find note calls, number their targets in order of first call, and detach the notes."""
        targets, calls = {}, []
        for a in body.iter("a"):
            marker = " ".join(filter(None, (a.get("role"), a.get("class"), a.get("epub:type"),
                                            a.get("{http://www.idpf.org/2007/ops}type"))))
            href = a.get("href", "")
            parent_marker = a.getparent().get("class", "") if a.getparent() is not None else ""
            if href.startswith("#") and (NOTEREF.search(marker) or NOTEREF.search(parent_marker)):
                calls.append(a)
        notes = []
        for a in calls:
            target_id = a.get("href")[1:]
            if target_id not in targets:
                found = body.xpath("//*[@id=$i]", i=target_id)
                if not found:
                    report.error(f"note call '{a.text_content().strip()}' points to no note (#{target_id})",
                                 line=a.sourceline, rule="M003", hint="add the note or remove the call")
                    continue
                number = len(targets) + 1
                targets[target_id] = number
                note = found[0]
                for back in note.xpath(".//a[contains(@class,'backref') or contains(@role,'backlink') "
                                       "or contains(@class,'footnote-back')]"):
                    back.drop_tree()
                notes.append((number, blocks(to_model(contents(note), report))))
            number = targets[target_id]
            call = etree.Element("a", {"role": "doc-noteref", "href": f"#note-{number}"})
            call.text, call.tail = str(number), a.tail
            wrapper = a.getparent() if a.getparent() is not None and a.getparent().tag == "sup" else a
            call.tail = wrapper.tail
            wrapper.getparent().replace(wrapper, call)
        for target_id in targets:
            for el in body.xpath("//*[@id=$i]", i=target_id):
                container = el.getparent()
                el.drop_tree()
                while container is not None and container.tag in ("ol", "ul", "section", "aside", "div") \
                        and not container.text_content().strip():
                    parent = container.getparent()
                    container.drop_tree()
                    container = parent
        for hr in body.xpath(".//hr[contains(@class,'footnotes')]"):
            hr.drop_tree()
        return notes
