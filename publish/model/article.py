"""The Article type: a canonical XHTML tree and typed views of its metadata and notes."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from publish.model.names import XHTML, XML_LANG, E, append_mixed, q

NS = {"h": XHTML}

#: <meta name="…"> keys of the model's head, by Metadata/Rights attribute.
META_KEYS = {
    "date": "dcterms.date",
    "publication": "dcterms.isPartOf",
    "publisher": "dcterms.publisher",
    "source_url": "dcterms.source",
}
RIGHTS_KEYS = {
    "year": "dcterms.dateCopyrighted",
    "holder": "dcterms.rightsHolder",
    "statement": "dcterms.rights",
    "license_url": "dcterms.license",
}
IDENTIFIER_KEY = "dcterms.identifier"


@dataclass
class Contributor:
    name: str
    role: str = "author"  # author, editor, translator, illustrator
    bio: list = field(default_factory=list)  # block elements (p, …), may hold links and calls


@dataclass
class Rights:
    year: str | None = None
    holder: str | None = None
    statement: str | None = None  # e.g. "All rights reserved."
    license_url: str | None = None
    permissions: list = field(default_factory=list)  # block elements: how to request / clear

    def copyright_line(self) -> str | None:
        if not (self.year or self.holder):
            return None
        return " ".join(p for p in ("©", self.year, self.holder) if p)


@dataclass
class Metadata:
    title: str = ""
    title_inline: list | None = None  # h1 content when it carries markup
    subtitle: str | None = None
    contributors: list[Contributor] = field(default_factory=list)
    date: str | None = None  # ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD
    publication: str | None = None  # periodical or site name
    publisher: str | None = None
    language: str = "en"
    identifiers: list[str] = field(default_factory=list)
    source_url: str | None = None
    rights: Rights = field(default_factory=Rights)

    @property
    def authors(self) -> list[str]:
        return [c.name for c in self.contributors if c.role == "author"]


@dataclass
class Note:
    number: int
    id: str
    element: etree._Element  # the <li> holding the note's blocks
    calls: list[etree._Element] = field(default_factory=list)


class Article:
    """One article in the canonical model.

    ``tree`` is the whole XHTML document; everything else is derived from it, so a
    transform that edits the tree is seen at once by every accessor.
    """

    def __init__(self, tree: etree._ElementTree, source: Path | None = None):
        self.tree = tree
        self.source = Path(source) if source else None

    # -- construction -------------------------------------------------------
    @classmethod
    def build(cls, meta: Metadata, blocks: list, notes: list[tuple[int, list]] | None = None,
              source: Path | None = None) -> "Article":
        """Assemble a canonical document from metadata, body blocks and (number, blocks) notes."""
        lang = meta.language or "en"
        head = E.head(E.meta(charset="utf-8"), E.title(meta.title))
        for attr, key in META_KEYS.items():
            if getattr(meta, attr):
                head.append(E.meta(name=key, content=getattr(meta, attr)))
        for ident in meta.identifiers:
            head.append(E.meta(name=IDENTIFIER_KEY, content=ident))
        for attr, key in RIGHTS_KEYS.items():
            if getattr(meta.rights, attr):
                head.append(E.meta(name=key, content=getattr(meta.rights, attr)))

        h1 = E.h1()
        if meta.title_inline:
            append_mixed(h1, meta.title_inline)
        else:
            h1.text = meta.title
        header = E.header(h1)
        if meta.subtitle:
            header.append(E.p(meta.subtitle, role="doc-subtitle"))
        for c in meta.contributors:
            div = E.div(E.p(c.name, {"class": "name"}), {"class": "contributor", "data-role": c.role})
            if c.bio:
                div.append(E.div(*c.bio, {"class": "bio"}))
            header.append(div)

        body = E.body(header, E.main(*blocks))
        if meta.rights.permissions:
            body.append(E.section(*meta.rights.permissions, {"class": "permissions"}))
        if notes:
            ol = E.ol()
            for number, note_blocks in notes:
                li = E.li(*note_blocks, id=f"note-{number}", value=str(number))
                if note_blocks and note_blocks[0].sourceline:
                    li.sourceline = note_blocks[0].sourceline
                ol.append(li)
            body.append(E.section(ol, role="doc-endnotes"))
        root = E.html(head, body, lang=lang)
        root.set(XML_LANG, lang)
        return cls(etree.ElementTree(root), source)

    def copy(self) -> "Article":
        return Article(copy.deepcopy(self.tree), self.source)

    # -- parts --------------------------------------------------------------
    @property
    def root(self):
        return self.tree.getroot()

    def find(self, path: str):
        return self.root.find(path, NS)

    def xpath(self, path: str, **kw):
        return self.root.xpath(path, namespaces=NS, **kw)

    @property
    def head(self):
        return self.find("h:head")

    @property
    def header(self):
        return self.find("h:body/h:header")

    @property
    def main(self):
        return self.find("h:body/h:main")

    @property
    def language(self) -> str:
        return self.root.get("lang") or self.root.get(XML_LANG) or "en"

    # -- metadata -----------------------------------------------------------
    def _meta(self, key: str) -> list[str]:
        return [m.get("content", "") for m in self.xpath("h:head/h:meta[@name=$k]", k=key)]

    def _meta1(self, key: str) -> str | None:
        values = self._meta(key)
        return values[0] if values else None

    @property
    def meta(self) -> Metadata:
        header = self.header
        h1 = header.find("h:h1", NS) if header is not None else None
        sub = header.find("h:p[@role='doc-subtitle']", NS) if header is not None else None
        contributors = []
        for div in self.xpath("h:body/h:header/h:div[@class='contributor']"):
            name = div.find("h:p[@class='name']", NS)
            bio = div.find("h:div[@class='bio']", NS)
            contributors.append(Contributor(
                name=text_of(name), role=div.get("data-role", "author"),
                bio=list(bio) if bio is not None else []))
        perms = self.find("h:body/h:section[@class='permissions']")
        rights = Rights(**{a: self._meta1(k) for a, k in RIGHTS_KEYS.items()},
                        permissions=list(perms) if perms is not None else [])
        return Metadata(
            title=text_of(h1) if h1 is not None else (self.find("h:head/h:title").text or ""),
            subtitle=text_of(sub) if sub is not None else None,
            contributors=contributors,
            language=self.language,
            identifiers=self._meta(IDENTIFIER_KEY),
            rights=rights,
            **{a: self._meta1(k) for a, k in META_KEYS.items()},
        )

    def set_meta(self, key: str, value: str | None) -> None:
        """Set (or with None remove) a single-valued <meta name=key>."""
        for m in self.xpath("h:head/h:meta[@name=$k]", k=key):
            m.getparent().remove(m)
        if value:
            self.head.append(E.meta(name=key, content=value))

    # -- notes --------------------------------------------------------------
    def calls(self) -> list[etree._Element]:
        """Every note call, in document order (bio and body alike)."""
        return self.xpath("//h:a[@role='doc-noteref']")

    def notes(self) -> list[Note]:
        by_id = {}
        notes = []
        for li in self.xpath("h:body/h:section[@role='doc-endnotes']/h:ol/h:li"):
            note = Note(int(li.get("value", "0")), li.get("id", ""), li)
            notes.append(note)
            by_id[note.id] = note
        for a in self.calls():
            target = by_id.get(a.get("href", "").lstrip("#"))
            if target is not None:
                target.calls.append(a)
        return notes

    # -- serialisation ------------------------------------------------------
    def to_bytes(self) -> bytes:
        """The canonical document as UTF-8 XHTML (what `publish convert` writes)."""
        return (b"<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html>\n"
                + etree.tostring(self.root, encoding="utf-8") + b"\n")


def text_of(el) -> str:
    """Plain text content of an element, whitespace folded."""
    if el is None:
        return ""
    return " ".join("".join(el.itertext()).split())


__all__ = ["Article", "Contributor", "Metadata", "Note", "Rights", "q", "text_of"]
