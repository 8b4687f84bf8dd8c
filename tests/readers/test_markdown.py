"""Markdown reader: front matter, notes, raw HTML, and every error with its line."""

from __future__ import annotations

import pytest

from publish.errors import InputError, Report
from publish.pipeline import read

HEAD = "---\ntitle: A title\nauthor: Ann Author\n---\n\n"


def read_md(write, text, **kw):
    return read(write("a.md", text), **kw)


def errors_of(write, text):
    report = Report()
    with pytest.raises(InputError):
        read(write("a.md", text), report=report)
    return report.errors


def test_front_matter_fills_the_metadata(write):
    art = read_md(write, """---
title: Salt and Light
subtitle: A dek
authors:
  - name: Zoë Ærø
    bio: |
      ZOË ÆRØ writes.[^b]
  - Second Person
date: 2022-02-03
publication: Mag
publisher: Pub House
language: de
identifier: urn:isbn:9780000000000
source: https://example.org/x
rights:
  year: 2022
  holder: Pub House
  statement: All rights reserved.
  license: https://creativecommons.org/licenses/by/4.0/
  permissions: |
    Write to *us*.
---

Body.[^b]

[^b]: Note.
""")
    m = art.meta
    assert (m.title, m.subtitle, m.date, m.publication, m.publisher, m.language) == (
        "Salt and Light", "A dek", "2022-02-03", "Mag", "Pub House", "de")
    assert m.authors == ["Zoë Ærø", "Second Person"]
    assert m.identifiers == ["urn:isbn:9780000000000"] and m.source_url == "https://example.org/x"
    r = m.rights
    assert (r.year, r.holder, r.statement) == ("2022", "Pub House", "All rights reserved.")
    assert r.license_url.startswith("https://creativecommons.org/")
    assert "".join(r.permissions[0].itertext()) == "Write to us."
    # the bio's call and the body's call share one note
    (note,) = art.notes()
    assert len(note.calls) == 2 and note.calls[0].getparent().getparent().get("class") == "bio"


def test_notes_numbered_by_first_call_like_pandoc(write):
    art = read_md(write, HEAD + "A.[^z] B.[^a] C.^[Inline *note*.] D.[^z]\n\n[^a]: aa\n[^z]: zz\n")
    numbers = [(n.number, "".join(n.element.itertext()).strip(), len(n.calls)) for n in art.notes()]
    assert numbers == [(1, "zz", 2), (2, "aa", 1), (3, "Inline note.", 1)]
    assert [c.get("id") for c in art.calls()] == ["noteref-1", "noteref-2", "noteref-3", "noteref-1-2"]


def test_numeric_labels_are_kept(write):
    art = read_md(write, HEAD + "A.[^7] B.[^3]\n\n[^3]: three\n[^7]: seven\n")
    assert [n.number for n in art.notes()] == [3, 7]
    assert [c.text for c in art.calls()] == ["7", "3"]


def test_a_note_may_hold_several_paragraphs(write):
    art = read_md(write, HEAD + "A.[^n]\n\n[^n]: First.\n\n    Second.\n")
    (note,) = art.notes()
    assert [p.text for p in note.element] == ["First.", "Second."]


@pytest.mark.parametrize("text,rule,line", [
    (HEAD + "Text.\n\nMore.[^missing]\n", "M003", 8),
    (HEAD + "Text.[^a]\n\n[^a]: used\n[^b]: never used\n", "M004", 9),
])
def test_note_errors_name_the_line(write, text, rule, line):
    (err,) = errors_of(write, text)
    assert err.rule == rule and err.line == line and err.path.endswith("a.md")


def test_broken_yaml_is_reported_with_its_line(write):
    (err,) = errors_of(write, "---\ntitle: ok\nauthor: [unclosed\n---\n\nBody.\n")  # and nothing else
    assert "YAML" in err.message and err.line >= 3


def test_missing_title_is_an_error(write):
    errs = errors_of(write, "---\nauthor: X\n---\n\nBody.\n")
    assert any("no title" in e.message for e in errs)


def test_unknown_front_matter_key_warns(write):
    report = Report()
    read(write("a.md", "---\ntitle: T\ncolour: red\n---\n\nBody.\n"), report=report)
    (w,) = report.warnings
    assert "colour" in w.message and w.line == 3


def test_raw_html_keeps_text_and_drops_script(write):
    report = Report()
    art = read(write("a.md", HEAD + '<div onclick="x()">Kept <b>bold</b></div>\n\n'
                     '<script>alert(1)</script>\n\n<iframe src="https://x"></iframe>\n\n# Heading\n'),
               report=report)
    text = "".join(art.main.itertext())
    assert "Kept bold" in text and "alert" not in text
    assert not art.xpath("//h:script|//h:iframe|//@onclick")
    assert {w.rule for w in report.warnings} >= {"S001", "S003"}
    assert art.xpath("h:body/h:main/h:h2")  # a level-1 heading in the body becomes h2


def test_javascript_links_are_unwrapped(write):
    report = Report()
    art = read(write("a.md", HEAD + '<p><a href="javascript:alert(1)">click</a> and '
                     '<a href=" JAVASCRIPT:x">x</a> and <a href="https://example.org">ok</a></p>\n'), report=report)
    assert [a.get("href") for a in art.xpath("//h:main//h:a")] == ["https://example.org"]
    assert any(w.rule == "S004" for w in report.warnings)


def test_soft_line_breaks_become_spaces(write):
    art = read_md(write, HEAD + "one\ntwo\n")
    assert art.main[0].text == "one two"


def test_tables_lists_quotes_and_code_survive(write):
    art = read_md(write, HEAD + "| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- y\n\n> q\n\n    code 'x'\n")
    tags = [c.tag.split("}")[1] for c in art.main]
    assert tags == ["table", "ul", "blockquote", "pre"]
    assert "'x'" in "".join(art.main[-1].itertext())  # typography leaves code alone


@pytest.mark.parametrize("written,iso", [("April 14, 2017", "2017-04-14"), ("14 April 2017", "2017-04-14"),
                                          ("2017-04", "2017-04"), ("'2017'", "2017")])
def test_dates_in_common_forms_become_iso(write, written, iso):
    assert read_md(write, f"---\ntitle: T\ndate: {written}\n---\n\nx\n").meta.date == iso


def test_a_date_that_cannot_be_parsed_is_an_error_with_its_line(write):
    (err,) = errors_of(write, "---\ntitle: T\ndate: next Tuesday\n---\n\nx\n")
    assert err.rule == "M007" and err.line == 3
