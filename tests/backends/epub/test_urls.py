"""Line-break opportunities in long URLs."""

from __future__ import annotations

from lxml import etree

from publish.backends.epub.urls import break_urls, split
from publish.model import XHTML

URL = "https://example.org/archives/lists-of-lights/volume-index.html?year=1850&page=2"


def test_split_after_slashes_and_before_query_marks():
    assert split(f"see {URL} now") == ["see https://example.org/", "archives/", "lists-of-lights/",
                                       "volume-index.html", "?year", "=1850", "&page", "=2 now"]


def test_short_urls_and_plain_text_are_left_alone():
    assert split("see https://a.org/x and more") == ["see https://a.org/x and more"]


def test_break_urls_inserts_wbr_in_text_and_tails_but_not_code():
    u = URL.replace("&", "&amp;")
    p = etree.fromstring(f'<p xmlns="{XHTML}">At {u} <a href="{u}">{u}</a> <code>{u}</code></p>')
    break_urls(p)
    assert "".join(p.itertext()) == f"At {URL} {URL} {URL}", "the text is unchanged"
    wbr = f"{{{XHTML}}}wbr"
    assert len(p.findall(wbr)) == 7 and len(p.find(f"{{{XHTML}}}a").findall(wbr)) == 7
    assert not p.find(f"{{{XHTML}}}code").findall(wbr)
