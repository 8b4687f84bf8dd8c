"""Note calls and endnotes: punctuation, <sup>, backlink order and labels."""

from __future__ import annotations

from lxml import etree

from publish.backends.epub import notes
from publish.model import XHTML, Article, E, Metadata

EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def xml(s: str):
    return etree.fromstring(f'<p xmlns="{XHTML}">{s}</p>')


def text(el) -> str:
    return etree.tostring(el, encoding="unicode").replace(f' xmlns="{XHTML}"', "")


def call(n=1, extra=""):
    return f'<a role="doc-noteref" href="#note-{n}" id="noteref-{n}"{extra}>{n}</a>'


def test_call_moves_after_punctuation_and_loses_the_space_before_it():
    p = xml(f"the sea {call()}. Next")
    notes.link_calls(p)
    assert p.text == "the sea." and p[0].tail == " Next"
    assert p[0].get("href") == "endnotes.xhtml#note-1" and p[0].get(EPUB_TYPE) == "noteref"


def test_call_after_an_inline_element_takes_the_comma():
    p = xml(f'<a href="https://example.org">speak</a>{call(7)}, “frank”')
    notes.link_calls(p)
    assert p[0].tail == "," and p[1].tail == " “frank”"


def test_call_before_closing_quote_and_parenthesis():
    p = xml(f"“done{call()}” and (brandishing{call(2)}) his shoe")
    notes.link_calls(p)
    assert p.text == "“done”" and p[1].tail == ") his shoe", "quotes move, parentheses stay"


def test_call_in_sup_is_unwrapped():
    p = xml(f"NATO <sup>{call()}</sup>.")
    notes.link_calls(p)
    assert text(p).startswith("<p>NATO.<a ") and p.find(f"{{{XHTML}}}sup") is None


def test_call_mid_sentence_is_left_alone():
    p = xml(f"Lavrov said {call(6)} during")
    notes.link_calls(p)
    assert p.text == "Lavrov said" and p[0].tail == " during"


def test_backlink_labels():
    assert notes.backlink_label(3, 0, 1) == "Back to note 3"
    assert notes.backlink_label(6, 0, 4) == "Back to note 6, first citation"
    assert notes.backlink_label(6, 3, 4) == "Back to note 6, fourth citation"
    assert notes.backlink_label(6, 11, 12) == "Back to note 6, citation 12"


def test_endnotes_document_keeps_source_numbers_and_links_back_first():
    meta = Metadata(title="T", identifiers=["urn:x"])
    body = [E.p("One", E.a("4", role="doc-noteref", href="#note-4", id="noteref-4"),
                " two", E.a("4", role="doc-noteref", href="#note-4", id="noteref-4-2"))]
    article = Article.build(meta, body, notes=[(4, [E.blockquote(E.p("Quoted."))])])
    doc = notes.endnotes_document(article)
    li = doc.root.find(f".//{{{XHTML}}}li")
    assert li.get("id") == "note-4" and li.get("value") == "4" and li.get(EPUB_TYPE) == "endnote footnote"
    first = li[0]
    assert first.tag == f"{{{XHTML}}}p", "a note opening with a block gets a paragraph for its backlinks"
    assert [a.text for a in first] == ["4", "b"]
    assert [a.get("href") for a in first] == ["article.xhtml#noteref-4", "article.xhtml#noteref-4-2"]
    assert li[1].tag == f"{{{XHTML}}}blockquote"
