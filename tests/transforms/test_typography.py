"""Typography: quotes, apostrophes, ellipses and dashes; URLs, code and note calls left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from publish.errors import InputError, Report
from publish.model import Article, Contributor, Metadata, Rights
from publish.model.article import text_of
from publish.model.names import E
from publish.pipeline import read
from publish.transforms.typography import Typography, smarten

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("plain, smart", [
    ('"Hello," she said.', "\u201cHello,\u201d she said."),
    ("it's Tillerson's", "it\u2019s Tillerson\u2019s"),
    ("He said 'no' to it.", "He said \u2018no\u2019 to it."),
    ('"\'Hi,\' he said."', "\u201c\u2018Hi,\u2019 he said.\u201d"),
    ("the '90s, rock 'n' roll, 'tis", "the \u201990s, rock \u2019n\u2019 roll, \u2019tis"),
    ('peace!"\u2014may', "peace!\u201d\u2014may"),
    ('tweet\u2014"Things', "tweet\u2014\u201cThings"),
    ('going to\u2014" he said', "going to\u2014\u201d he said"),
    ('("quoted")', "(\u201cquoted\u201d)"),
    ("Syria...if you", "Syria\u2026if you"),
    ("wait . . . yes", "wait \u2026 yes"),
    ("a---b and 1--2", "a\u2014b and 1\u20132"),
    ("closed\u2014dashes\u2014stay", "closed\u2014dashes\u2014stay"),
])
def test_smarten(plain, smart):
    assert smarten(plain) == smart


@pytest.mark.parametrize("text", [
    "see https://example.org/a--b...c?q='x'&r=1",
    "mail ann--bee@example.org now",
    "visit www.example.org/o'brien's-page",
])
def test_urls_are_untouched(text):
    url = text.split()[1]
    assert url in smarten(text)


def test_trailing_quote_after_a_url_is_the_sentence_s():
    assert smarten('"see https://example.org/x"') == "\u201csee https://example.org/x\u201d"


def test_already_smart_text_is_unchanged():
    once = smarten("\u201cIt\u2019s\u2026\u201d \u2018fine\u2019 \u2014 don't")
    assert smarten(once) == once


def _article(*blocks, **meta):
    return Article.build(Metadata(title="A 'title'", contributors=[Contributor("Mary O'Brien")],
                                  rights=Rights(holder="Harper's Trust"), **meta), list(blocks),
                         [(1, [E.p("a note")])])


def test_quotes_are_decided_across_inline_elements_and_calls():
    p = E.p('"', E.em("word"), '" and "said', E.a("1", role="doc-noteref", href="#note-1"), '" then')
    art = _article(p)
    Typography().apply(art, Report())
    assert text_of(art.main[0]) == "\u201cword\u201d and \u201csaid1\u201d then"
    assert art.main[0].find(".//{*}a").text == "1"


def test_code_and_url_links_are_left_alone_but_count_as_context():
    p = E.p("run ", E.code('say "hi" -- now...'), "' and ",
            E.a("https://e.org/x--y", href="https://e.org/x--y"), '"')
    art = _article(p)
    Typography().apply(art, Report())
    assert art.main[0][0].text == 'say "hi" -- now...'
    assert art.main[0][1].text == "https://e.org/x--y"
    assert art.main[0][1].tail == "\u201d"  # closes: a URL stands before it


def test_pre_blocks_are_left_alone():
    art = _article(E.pre("it's \"raw\" -- text..."), E.p("it's"))
    Typography().apply(art, Report())
    assert art.main[0].text == "it's \"raw\" -- text..."
    assert art.main[1].text == "it\u2019s"


def test_title_names_and_rights_holder_are_smartened_but_urls_in_meta_are_not():
    art = _article(E.p("x"), publication="Harper's", source_url="https://e.org/a--b")
    Typography().apply(art, Report())
    meta = art.meta
    assert art.find("h:head/h:title").text == "A \u2018title\u2019"
    assert meta.publication == "Harper\u2019s" and meta.rights.holder == "Harper\u2019s Trust"
    assert meta.contributors[0].name == "Mary O\u2019Brien"
    assert meta.source_url == "https://e.org/a--b"


def test_each_block_starts_afresh():
    art = _article(E.ul(E.li("a word"), E.li('"quoted"')), E.blockquote(E.p("'single'")))
    Typography().apply(art, Report())
    assert text_of(art.main[0][1]) == "\u201cquoted\u201d"
    assert text_of(art.main[1]) == "\u2018single\u2019"


def test_idempotent_on_a_whole_article():
    art = _article(E.p('He said "it\'s ', E.em("fine"), '..." -- twice'))
    Typography().apply(art, Report())
    once = etree.tostring(art.root)
    Typography().apply(art, Report())
    assert etree.tostring(art.root) == once


@pytest.mark.parametrize("sample", sorted((ROOT / "content").glob("*.md")), ids=lambda p: p.name)
def test_markdown_samples_keep_no_straight_quotes_outside_code_and_urls(sample):
    try:
        art = read(sample)
    except InputError:
        pytest.skip(f"{sample.name} is not a standalone article")
    for el in art.xpath("//h:main//text()[not(ancestor::h:code) and not(ancestor::h:pre)]"):
        parent = el.getparent()
        if parent.tag.endswith("}a") and parent.text == parent.get("href"):
            continue
        words = [w for w in str(el).split() if "://" not in w and "@" not in w]
        assert not any(q in w for w in words for q in "\"'"), str(el)
        assert "..." not in str(el)
