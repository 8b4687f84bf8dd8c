"""The built EPUB's structure: notes linked both ways, ids, landmarks, spine, metadata, lang."""

from __future__ import annotations

import re
import zipfile

import pytest

from publish import read
from publish.pipeline import BuildOptions, build
from tests.backends.epub.conftest import CORPUS_CLIP, sources

H = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def resolve(book, doc: str, href: str):
    """The element an href points at (from ``doc``), or None."""
    target_doc, _, frag = href.partition("#")
    target_doc = target_doc or doc
    if target_doc not in book.docs:
        return None
    if not frag:
        return book.docs[target_doc]
    found = book.docs[target_doc].xpath("//*[@id=$i]", i=frag)
    return found[0] if found else None


@pytest.fixture(params=sources())
def case(request, built, open_book):
    source = request.param
    path = built(source)
    return open_book(path), read(source, backend="epub")


def test_every_call_resolves_to_its_note(case):
    book, article = case
    calls = book.xpath("article.xhtml", "//h:a[@epub:type='noteref']")
    assert len(calls) == len(article.calls())
    for call in calls:
        assert call.get("role") == "doc-noteref"
        note = resolve(book, "article.xhtml", call.get("href"))
        assert note is not None, call.get("href")
        assert note.tag == f"{H}li" and "endnote" in note.get(EPUB_TYPE).split()
        assert call.text == note.get("value"), "the call shows its note's number"


def test_every_note_links_back_to_each_of_its_calls(case):
    book, article = case
    source_calls = {n.number: [c.get("id") for c in n.calls] for n in article.notes()}
    for li in book.xpath("endnotes.xhtml", "//h:section[@epub:type]/h:ol/h:li"):
        number = int(li.get("value"))
        backlinks = li.xpath(".//h:a[@epub:type='backlink']", namespaces=book.NS)
        assert [b.get("href").split("#")[1] for b in backlinks] == source_calls[number]
        for k, back in enumerate(backlinks):
            assert back.get("role") == "doc-backlink"
            target = resolve(book, "endnotes.xhtml", back.get("href"))
            assert target is not None and target.get("href", "").endswith(f"#{li.get('id')}")
            label = back.get("aria-label")
            assert label.startswith(f"Back to note {number}")
            if len(backlinks) > 1:
                assert label.endswith("citation")
        first = li[0]
        assert first[0].get(EPUB_TYPE) == "backlink" and not (first.text or "").strip(), \
            "the note opens with its backlink (Kindle), its text follows (Kobo)"


def test_note_numbers_equal_the_source(case):
    book, article = case
    values = [int(li.get("value")) for li in book.xpath("endnotes.xhtml", "//h:ol/h:li")]
    assert values == [n.number for n in article.notes()]
    for li in book.xpath("endnotes.xhtml", "//h:ol/h:li"):
        assert li.get("id") == f"note-{li.get('value')}"
        assert li.get("role") is None, "no doc-endnote (deprecated) nor doc-footnote (not allowed on li)"
        assert li.get(EPUB_TYPE) == "endnote footnote"


def test_a_note_cited_four_times_has_four_backlinks(built, open_book):
    book = open_book(built(CORPUS_CLIP))
    li = book.xpath("endnotes.xhtml", "//h:li[@id='note-6']")[0]
    labels = [a.get("aria-label") for a in li.xpath(".//h:a[@epub:type='backlink']", namespaces=book.NS)]
    assert labels == [f"Back to note 6, {n} citation" for n in ("first", "second", "third", "fourth")]


def test_no_duplicate_or_orphan_ids(case):
    book, _ = case
    targets = {}
    for name, root in book.docs.items():
        ids = root.xpath("//@id")
        assert len(ids) == len(set(ids)), f"duplicate ids in {name}"
        for href in root.xpath("//h:a/@href", namespaces=book.NS):
            if "://" in href or href.startswith("mailto:"):
                continue
            assert resolve(book, name, href) is not None, f"{name}: {href} does not resolve"
            doc, _, frag = href.partition("#")
            targets.setdefault(doc or name, set()).add(frag)
    # every id on a note, call or backlink target is linked to from somewhere
    for name in ("article.xhtml", "endnotes.xhtml"):
        for el in book.docs[name].xpath("//*[@id]"):
            if el.get(EPUB_TYPE) in ("noteref", "endnote footnote"):
                assert el.get("id") in targets.get(name, set()), f"orphan id {el.get('id')} in {name}"


def test_landmarks_and_toc_resolve(case):
    book, _ = case
    nav = book.docs["nav.xhtml"]
    landmarks = nav.xpath("//h:nav[@epub:type='landmarks']//h:a", namespaces=book.NS)
    assert [a.get(EPUB_TYPE) for a in landmarks] == ["cover", "titlepage", "copyright-page", "bodymatter",
                                                      "endnotes"]
    for a in nav.xpath("//h:nav//h:a", namespaces=book.NS):
        assert resolve(book, "nav.xhtml", a.get("href")) is not None, a.get("href")
    assert not nav.xpath("//h:nav[@epub:type='page-list']", namespaces=book.NS), "no bogus page-list"


def test_spine_and_manifest(case):
    book, _ = case
    spine = book.opf_xpath("//opf:spine/opf:itemref/@idref")
    assert spine == ["cover", "titlepage", "copyright", "article", "endnotes"]
    assert "nav" not in spine, "the nav is not a linear spine item"
    cover = book.opf_xpath("//opf:item[@properties='cover-image']")
    assert len(cover) == 1 and f"EPUB/{cover[0].get('href')}" in book.files
    img = book.xpath("cover.xhtml", "//h:img")[0]
    assert img.get("src") == cover[0].get("href") and img.get("alt").startswith("Cover: ")
    hrefs = {f"EPUB/{h}" for h in book.opf_xpath("//opf:item/@href")}
    assert hrefs | {"mimetype", "META-INF/container.xml", "EPUB/content.opf"} == set(book.files)


def test_metadata(case):
    book, article = case
    meta = article.meta

    def dc(name):
        return [e.text for e in book.opf_xpath(f"//dc:{name}")]

    assert dc("identifier") == [meta.identifiers[0]] and not meta.identifiers[0].startswith("urn:uuid:0")
    assert dc("title") == [meta.title] and dc("language") == [article.language]
    assert dc("creator") == meta.authors
    assert dc("date") == [meta.date] and dc("publisher") == [meta.publisher]
    assert dc("description") == ([meta.subtitle] if meta.subtitle else [])
    assert dc("source") == [meta.source_url]
    assert meta.rights.holder in dc("rights")[0] and ".." not in dc("rights")[0]
    assert book.opf.get("{http://www.w3.org/XML/1998/namespace}lang") == article.language
    props = [m.get("property") for m in book.opf_xpath("//opf:meta[@property]")]
    for prop in ("schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityHazard",
                 "schema:accessibilitySummary", "dcterms:modified"):
        assert prop in props
    features = [m.text for m in book.opf_xpath("//opf:meta[@property='schema:accessibilityFeature']")]
    assert {"structuralNavigation", "readingOrder", "tableOfContents"} <= set(features)
    assert "dcterms:conformsTo" not in props, "no conformance claim unless someone reviewed the book"
    assert book.opf_xpath("//opf:meta[@property='dcterms:modified']")[0].text == "2023-11-14T22:13:20Z"


def test_every_document_has_lang_and_headings_in_order(case):
    book, article = case
    for name, root in book.docs.items():
        assert root.get("lang") == article.language, name
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == article.language, name
        levels = [int(h.tag[-1]) for h in root.iter(*(f"{H}h{n}" for n in range(1, 7)))]
        for a, b in zip(levels, levels[1:]):
            assert b <= a + 1, f"{name}: heading level jumps from h{a} to h{b}"
        for img in root.iter(f"{H}img"):
            assert img.get("alt") is not None, f"{name}: image without alt"


def test_copyright_page(case):
    book, article = case
    meta = article.meta
    section = book.xpath("copyright.xhtml", "//h:section[@epub:type='copyright-page']")
    assert len(section) == 1
    text = " ".join("".join(section[0].itertext()).split())
    assert f"© {meta.rights.year} {meta.rights.holder}" in text
    assert meta.rights.statement in text
    assert f"As published in {meta.publication}" in text
    assert meta.source_url in text.replace(" ", "")
    assert book.xpath("copyright.xhtml", f"//h:a[@href='{meta.source_url}']")
    if meta.rights.license_url:
        assert book.xpath("copyright.xhtml", f"//h:a[@href='{meta.rights.license_url}']")
    if meta.rights.permissions:
        assert book.xpath("copyright.xhtml", "//h:p[contains(@class, 'permissions')]")


def test_calls_follow_punctuation(case):
    book, _ = case
    for call in book.xpath("article.xhtml", "//h:a[@epub:type='noteref']"):
        assert not re.match(r"^[.,;:!?]", call.tail or ""), f"call {call.get('id')} sits before punctuation"


def test_a_book_without_notes_or_rights(tmp_path, open_book):
    (tmp_path / "bare.md").write_text("---\ntitle: Bare\n---\n\nOne paragraph.\n", "utf-8")
    book = open_book(build(tmp_path / "bare.md", "epub", tmp_path / "bare.epub",
                           options=BuildOptions(source_date_epoch=0)))
    assert "endnotes.xhtml" not in book.docs
    assert book.opf_xpath("//opf:spine/opf:itemref/@idref") == ["cover", "titlepage", "copyright", "article"]
    landmarks = book.docs["nav.xhtml"].xpath("//h:nav[@epub:type='landmarks']//h:a/@epub:type", namespaces=book.NS)
    assert landmarks == ["cover", "titlepage", "copyright-page", "bodymatter"]
    assert "no copyright" in "".join(book.docs["copyright.xhtml"].itertext())
    assert not book.opf_xpath("//dc:creator") and "endnotes" not in book.opf_xpath(
        "//opf:meta[@property='schema:accessibilitySummary']/text()")[0]
    with zipfile.ZipFile(book.path) as z:
        assert z.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0), "an epoch before 1980 is clamped for zip"
