"""The package document (content.opf): metadata, manifest and spine, through ebooklib.

One ``dc:creator`` per author with its MARC role, the cover declared ``cover-image``, the nav
kept out of the spine, the EPUB Accessibility 1.1 metadata, and ``xml:lang`` on <package>.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field

from ebooklib import epub
from lxml import etree

from publish.backends.frontmatter import rights_text
from publish.model import XML_LANG
from publish.model.article import Metadata

MARC_ROLES = {"author": "aut", "editor": "edt", "translator": "trl", "illustrator": "ill"}
CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"


@dataclass
class Item:
    id: str
    href: str
    media_type: str
    data: bytes
    properties: list[str] = field(default_factory=list)


@dataclass
class Accessibility:
    """What the EPUB Accessibility 1.1 metadata says of this book; see ``accessibility()``."""

    images: bool = False  # images besides the cover, all with alt text
    notes: bool = False
    certified_by: str | None = None  # who reviewed the book; only then is conformance claimed

    def entries(self) -> list[tuple[str, str]]:
        modes = ["textual", "visual"] if self.images else ["textual"]
        features = ["structuralNavigation", "readingOrder", "tableOfContents", "displayTransformability"]
        if self.images:
            features.append("alternativeText")
        summary = ("Reflowable text that follows the reader's font, size and margins, with a table of "
                   "contents and headings in order")
        summary += (", and endnotes that link to and back from every place that cites them." if self.notes
                    else ".")
        summary += " No known hazards."
        summary += (" Every image has a text alternative." if self.images else " The only image, the cover, "
                    "has a text alternative.")
        if not self.certified_by:
            summary += " Checked automatically with EPUBCheck and Ace; no conformance claim has been reviewed."
        out = [("schema:accessMode", m) for m in modes]
        out.append(("schema:accessModeSufficient", "textual"))
        out += [("schema:accessibilityFeature", f) for f in features]
        out += [("schema:accessibilityHazard", "none"), ("schema:accessibilitySummary", summary)]
        return out


def package_document(meta: Metadata, lang: str, items: list[Item], spine: list[str], modified: float,
                     a11y: Accessibility, cover_id: str | None) -> bytes:
    """content.opf, written by ebooklib from our metadata, manifest and spine.

    ebooklib (AGPL-3.0) serves here: Dublin Core metadata, creator roles, manifest, spine and
    ``dcterms:modified``. We work around what it lacks: every item is a plain ``EpubItem`` holding
    finished bytes (its ``EpubHtml`` would rebuild each <head>), we never use its nav (it writes a
    bogus page-list) nor its zip (it stamps the current time: ``container.write`` is ours), and we
    add ``xml:lang`` to <package>, which it does not write and Ace requires.
    """
    book = epub.EpubBook()
    book.set_identifier(meta.identifiers[0])
    book.set_title(meta.title)
    book.set_language(lang)
    creators = [c for c in meta.contributors if c.role == "author"] or list(meta.contributors)
    others = [c for c in meta.contributors if c not in creators]
    for n, c in enumerate(creators + others, 1):
        if c in creators:
            book.add_author(c.name, uid=f"creator-{n}", role=MARC_ROLES.get(c.role, "aut"))
        else:
            book.add_metadata("DC", "contributor", c.name, {"id": f"creator-{n}"})
            book.add_metadata(None, "meta", MARC_ROLES.get(c.role, "aut"),
                              {"refines": f"#creator-{n}", "property": "role", "scheme": "marc:relators"})
    for name, value in (("date", meta.date), ("publisher", meta.publisher), ("description", meta.subtitle),
                        ("source", meta.source_url), ("rights", rights_text(meta))):
        if value:
            book.add_metadata("DC", name, value)
    if meta.rights.license_url:
        book.add_metadata(None, "link", "", {"rel": "dcterms:license", "href": meta.rights.license_url})
    for prop, value in a11y.entries():
        book.add_metadata(None, "meta", value, {"property": prop})
    if a11y.certified_by:  # a conformance claim is only made after someone has reviewed the book
        book.add_metadata(None, "meta", CONFORMANCE, {"property": "dcterms:conformsTo"})
        book.add_metadata(None, "meta", a11y.certified_by, {"property": "a11y:certifiedBy"})
    if cover_id:
        book.add_metadata(None, "meta", "", {"name": "cover", "content": cover_id})  # EPUB 2 readers' cover

    by_id = {}
    for item in items:
        entry = epub.EpubItem(uid=item.id, file_name=item.href, media_type=item.media_type, content=item.data)
        entry.properties = list(item.properties)
        book.add_item(entry)
        by_id[item.id] = entry
    book.spine = [by_id[i] for i in spine]

    stamp = dt.datetime.fromtimestamp(int(modified), dt.timezone.utc)
    buffer = io.BytesIO()
    epub.write_epub(buffer, book, {"mtime": stamp, "epub3_pages": False, "epub3_landmark": False,
                                   "raise_exceptions": True})
    with zipfile.ZipFile(buffer) as written:
        package = etree.fromstring(written.read(f"{book.FOLDER_NAME}/content.opf"))
    package.set(XML_LANG, lang)
    return etree.tostring(package, xml_declaration=True, encoding="utf-8", pretty_print=True)
