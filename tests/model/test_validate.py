"""The model's schema and rule checks: samples pass, each broken document fails with its rule."""

from __future__ import annotations

import pytest
from lxml import etree

from publish.errors import Report
from publish.model import Article
from publish.model.validate import RULES, validate
from publish.pipeline import read
from tests.conftest import SAMPLES

VALID = """<?xml version='1.0' encoding='utf-8'?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en"><head><meta charset="utf-8"/>
<title>T</title><meta name="dcterms.date" content="2020-01-02"/></head>
<body><header><h1>T</h1><p role="doc-subtitle">S</p>
<div class="contributor" data-role="author"><p class="name">A</p><div class="bio"><p>Bio.<a role="doc-noteref" href="#note-1" id="noteref-1">1</a></p></div></div></header>
<main><h2 id="h-x">X</h2><p>Text.<a role="doc-noteref" href="#note-2" id="noteref-2">2</a> Again.<a role="doc-noteref" href="#note-2" id="noteref-2-2">2</a></p>
<blockquote><p>Q</p></blockquote><ul><li>one</li><li><p>two</p></li></ul>
<figure><img src="a.png" alt="A picture"/><figcaption>Cap</figcaption></figure>
<table><tr><th>h</th><td>d</td></tr></table><pre>code</pre>
<p><em>e</em> <strong>s</strong> <cite>c</cite> <abbr title="x">X</abbr> H<sub>2</sub>O x<sup>2</sup> <small>s</small> <q>q</q> <a href="https://example.org/">l</a></p></main>
<section class="permissions"><p>Ask first.</p></section>
<section role="doc-endnotes"><ol><li id="note-1" value="1"><p>One.</p></li><li id="note-2" value="2"><p>Two.</p><p>More.</p></li></ol></section>
</body></html>"""


def article(text: str) -> Article:
    root = etree.fromstring(text.encode(), etree.XMLParser(resolve_entities=False, no_network=True))
    return Article(root.getroottree())


def rules_of(text: str) -> list[str]:
    return [d.rule for d in validate(article(text), Report()).errors]


def test_valid_document_passes():
    assert rules_of(VALID) == []


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_samples_pass_schema_and_rules(sample):
    report = Report()
    validate(read(sample), report)
    assert report.items == []


@pytest.mark.parametrize("old,new", [
    ("<title>T</title>", ""),  # no title
    ("<pre>code</pre>", "<script>alert(1)</script>"),  # element outside the model
    ('<meta name="dcterms.date" content="2020-01-02"/>', '<meta name="foo" content="x"/>'),  # unknown meta
    ('href="#note-2" id="noteref-2">2</a>', 'href="#note-2" id="noteref-2">two</a>'),  # call text not a number
    ('<img src="a.png" alt="A picture"/>', '<img src="a.png"/>'),  # img without alt attribute
    ('<li id="note-1" value="1"><p>One.</p></li>', '<li id="note-1"><p>One.</p></li>'),  # note without number
    ("<main>", "<main onclick='x()'>"),  # event handler
])
def test_schema_rejects(old, new):
    assert old in VALID
    assert "M001" in rules_of(VALID.replace(old, new, 1))


@pytest.mark.parametrize("rule,old,new", [
    ("M002", '<h2 id="h-x">', '<h2 id="note-1">'),
    ("M003", 'href="#note-2" id="noteref-2-2">2</a>', 'href="#note-9" id="noteref-9">9</a>'),
    ("M004", 'Bio.<a role="doc-noteref" href="#note-1" id="noteref-1">1</a>', "Bio."),
    ("M005", 'href="#note-2" id="noteref-2">2</a>', 'href="#note-2" id="noteref-2">1</a>'),
    ("M006", '<li id="note-2" value="2">', '<li id="note-2" value="1">'),
    ("M007", 'content="2020-01-02"', 'content="2 January 2020"'),
    ("M008", '<a href="https://example.org/">', '<a href="#nowhere">'),
    ("M009", 'alt="A picture"', 'alt=" "'),
])
def test_rules(rule, old, new):
    assert old in VALID
    assert rule in rules_of(VALID.replace(old, new, 1))


def test_rule_errors_carry_lines():
    text = VALID.replace('<h2 id="h-x">', '<h2 id="note-1">')
    (dup,) = [d for d in validate(article(text), Report()).errors if d.rule == "M002"]
    # reported where the id is used the second time, naming the first use in the hint
    assert dup.line == text[:text.index('<li id="note-1"')].count("\n") + 1
    assert f"line {text[:text.index('<h2 id=')].count(chr(10)) + 1}" in dup.hint


def test_every_rule_is_documented():
    doc = (__import__("pathlib").Path(__file__).resolve().parents[2] / "docs" / "model.md").read_text()
    for rule in RULES:
        assert rule in doc
