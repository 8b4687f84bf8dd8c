"""HTML reader: metadata from meta tags, text from <article>, notes in common shapes."""

from __future__ import annotations

import pytest

from publish.errors import InputError, Report
from publish.pipeline import read
from tests.conftest import ROOT

ESSAY = ROOT / "tests" / "fixtures" / "html" / "essay.html"


def test_metadata_comes_from_meta_tags():
    m = read(ESSAY).meta
    assert (m.title, m.date, m.publication, m.publisher) == ("Tidal Clocks", "2021-05-12",
                                                              "The Shoreline Journal", "Shoreline Press")
    assert m.authors == ["Ada Fenwick", "Björn Sæther"] and m.language == "en"
    assert m.subtitle.startswith("What harbour masters")
    assert (m.rights.year, m.rights.holder, m.rights.statement) == ("2021", "Shoreline Press", "All rights reserved.")
    assert m.source_url == "https://example.org/shoreline/tidal-clocks"


def test_notes_are_found_numbered_and_detached():
    art = read(ESSAY)
    assert [(n.number, len(n.calls)) for n in art.notes()] == [(1, 2), (2, 1)]
    text = "".join(art.main.itertext())
    assert "Local mean time" not in text and "↩" not in "".join(art.notes()[0].element.itertext())


def test_chrome_and_active_content_are_dropped():
    report = Report()
    art = read(ESSAY, report=report)
    text = "".join(art.root.itertext())
    for gone in ("track()", "color:red", "Site footer", "Home"):
        assert gone not in text
    assert not art.xpath("//@onclick") and [w.rule for w in report.warnings] == ["S003"]
    assert [h.text for h in art.xpath("//h:main/h:h2")] == ["Noon by the water"]
    assert [i.get("alt") for i in art.xpath("//h:img")] == ["A tide chart"]


def test_html_entities_cannot_be_user_defined(write, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    doc = (f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}"><!ENTITY a "aaaaaaaaaa">'
           '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><html><head><title>T</title></head>'
           '<body><h1>T</h1><p>&x; &b;</p></body></html>')
    art = read(write("a.html", doc))
    text = "".join(art.root.itertext())
    assert "TOP-SECRET" not in text and "aaaaaaaaaa" not in text


def test_a_call_without_its_note_is_an_error(write):
    report = Report()
    with pytest.raises(InputError):
        read(write("a.html", '<html><body><h1>T</h1><p>x<a href="#fn9" class="footnote-ref">9</a></p>'
                   "</body></html>"), report=report)
    assert report.errors[0].rule == "M003"


def test_sniffing_prefers_content_over_extension(write):
    # HTML saved with a .txt extension is still read as HTML
    art = read(write("page.txt", "<!DOCTYPE html><html><body><h1>Title</h1><p>Body.</p></body></html>"))
    assert art.meta.title == "Title"


def test_text_beside_inline_elements_in_body_is_kept_once(write):
    art = read(write("a.html", "<html><body><h1>T</h1>Loose <b>bold</b> tail words.</body></html>"))
    assert "".join(art.main.itertext()) == "Loose bold tail words."
