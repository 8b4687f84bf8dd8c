"""The coursepack EPUB: one document per article with its credit line, its own notes document,
nested contents, and a permissions and credits page listing every item."""

from __future__ import annotations

import pytest

from publish.pipeline import BuildOptions, build, read_pack
from tests.conftest import CONTENT

PACK = CONTENT / "coursepack.toml"


@pytest.fixture(scope="module")
def book(open_book, tmp_path_factory):
    dest = tmp_path_factory.mktemp("pack") / "pack.epub"
    return open_book(build(PACK, "epub", dest, options=BuildOptions(source_date_epoch=1_700_000_000)))


@pytest.fixture(scope="module")
def pack():
    return read_pack(PACK)


def test_one_document_per_article_each_with_its_notes(book, pack):
    spine = [book.opf_xpath(f"//opf:item[@id='{ref}']/@href")[0]
             for ref in book.opf_xpath("//opf:spine/opf:itemref/@idref")]
    articles = [h for h in spine if h.startswith("article-")]
    assert len(articles) == len(pack.entries)
    for n, entry in enumerate(pack.entries, 1):
        name, notes = f"article-{n:02d}.xhtml", f"notes-{n:02d}.xhtml"
        assert spine.index(notes) == spine.index(name) + 1
        assert book.xpath(name, "//h:h1/text()") == [entry.article.meta.title]
        # note numbers restart per article and keep the source's numbers
        numbers = [int(v) for v in book.xpath(notes, "//h:li/@value")]
        assert numbers == [note.number for note in entry.article.notes()]
        # every call points into its own article's notes, every backlink into its own article
        for href in book.xpath(name, "//h:a[@role='doc-noteref']/@href"):
            target, frag = href.split("#")
            assert target == notes and frag in book.ids(notes)
        for href in book.xpath(notes, "//h:a[@role='doc-backlink']/@href"):
            target, frag = href.split("#")
            assert target == name and frag in book.ids(name)


def test_each_article_carries_its_credit_and_permission(book, pack):
    for n, entry in enumerate(pack.entries, 1):
        credit = " ".join(" ".join(book.xpath(f"article-{n:02d}.xhtml", "//h:div[@role='doc-credit']//text()")).split())
        assert entry.item.permission.statement() in credit
        if entry.article.meta.rights.copyright_line():
            assert entry.article.meta.rights.copyright_line() in credit


def test_credits_page_lists_every_item(book, pack):
    items = book.xpath("copyright.xhtml", "//h:ol[@class='credits']/h:li")
    assert len(items) == len(pack.entries)
    text = " ".join(" ".join(li.itertext()) for li in items)
    for entry in pack.entries:
        assert entry.article.meta.title in text and entry.item.permission.statement() in " ".join(text.split())


def test_contents_nest_sections_articles_and_notes(book, pack):
    toc = book.xpath("nav.xhtml", "//h:nav[@epub:type='toc']/h:ol")[0]
    sections = toc.xpath("h:li[h:span]", namespaces=book.NS)
    assert [s.xpath("string(h:span)", namespaces=book.NS) for s in sections] == [t for t, _ in pack.sections()]
    first = sections[0].xpath("h:ol/h:li", namespaces=book.NS)[0]
    assert first.xpath("string(h:a)", namespaces=book.NS) == pack.entries[0].article.meta.title
    assert "Notes" in first.xpath("h:ol/h:li/h:a/text()", namespaces=book.NS)
    landmarks = book.xpath("nav.xhtml", "//h:nav[@epub:type='landmarks']//h:a/@epub:type")
    assert landmarks == ["cover", "titlepage", "copyright-page", "bodymatter", "endnotes"]


def test_package_metadata_describes_the_pack(book, pack):
    assert book.opf_xpath("//dc:title/text()") == [pack.manifest.title]
    assert book.opf_xpath("//dc:identifier/text()") == [pack.identifier]
    assert book.opf_xpath("//dc:creator/text()") == [pack.manifest.instructor]
    assert book.opf_xpath("//opf:meta[@refines='#creator-1'][@property='role']/text()") == ["edt"]


def test_pack_epub_is_reproducible(tmp_path):
    options = BuildOptions(source_date_epoch=1_700_000_000)
    a = build(PACK, "epub", tmp_path / "a.epub", options=options).read_bytes()
    b = build(PACK, "epub", tmp_path / "b.epub", options=options).read_bytes()
    assert a == b
