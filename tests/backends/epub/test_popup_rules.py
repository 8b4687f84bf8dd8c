"""Each reading system's own rule for showing a note as a pop-up, checked on the built books.

The rules are read from the reading systems' sources and documentation (see the module
docstring of publish/backends/epub/notes.py for the references).
"""

from __future__ import annotations

import pytest

from tests.backends.epub.conftest import sources

EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


@pytest.fixture(params=sources())
def book(request, built, open_book):
    return open_book(built(request.param))


def pairs(book):
    """(call, note) for every call in the article."""
    out = []
    for call in book.xpath("article.xhtml", "//h:a[@epub:type='noteref']"):
        doc, _, frag = call.get("href").partition("#")
        out.append((call, book.docs[doc].xpath("//*[@id=$i]", i=frag)[0]))
    return out


def types(el) -> list[str]:
    return (el.get(EPUB_TYPE) or "").split()


def test_apple_books_target_is_typed_footnote(book):
    for call, note in pairs(book):
        assert "footnote" in types(note)


def test_koreader_trusts_noteref_source_and_endnote_target(book):
    toc_targets = set(book.docs["nav.xhtml"].xpath("//@href"))
    for call, note in pairs(book):
        assert "noteref" in types(call) and call.get("role") == "doc-noteref"
        assert {"endnote", "footnote"} & set(types(note))
        assert f"endnotes.xhtml#{note.get('id')}" not in toc_targets, "flag 0x0040: target not in the TOC"
        assert not note.xpath(".//h:h1|.//h:h2|.//h:h3|ancestor::h:h1|ancestor::h:h2", namespaces=book.NS)


def test_kobo_heuristic_length_and_order(book):
    spine = [f"{i}.xhtml" for i in book.opf_xpath("//opf:spine/opf:itemref/@idref")]
    assert spine.index("endnotes.xhtml") > spine.index("article.xhtml"), "the note comes after its call"
    for call, note in pairs(book):
        text = " ".join("".join(note.itertext()).split())
        assert 9 <= len(text) <= 5000, f"{note.get('id')}: {len(text)} characters"


def test_kindle_note_opens_with_its_backlink(book):
    for call, note in pairs(book):
        first = note[0][0]
        assert "backlink" in types(first) and first.get("href").startswith("article.xhtml#noteref-")
        assert first.get("href") == f"article.xhtml#{_first_call(book, note)}"


def _first_call(book, note):
    calls = book.xpath("article.xhtml", f"//h:a[@href='endnotes.xhtml#{note.get('id')}']")
    return calls[0].get("id")
