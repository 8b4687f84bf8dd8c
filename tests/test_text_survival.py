"""Nothing lost: every word of each sample's model reaches its EPUB and its PDF, and the body
comes out in order. Allowed changes are the documented ones: typographic characters (already
applied in the model), hyphenation at line ends in print, note calls moved after punctuation,
and added furniture (running heads, page numbers, backlinks, front matter)."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections import Counter

import pytest
from lxml import etree
from pypdf import PdfReader

from publish.model.names import XHTML
from publish.pipeline import BuildOptions, build, read
from tests.conftest import ARTICLES

pytestmark = pytest.mark.slow
NS = {"h": XHTML}
HYPHENS = re.compile("[\u00ad\u2010\u2011-]")
EDGE = re.compile(r"^[^\w]+|[^\w]+$")
INVISIBLE = re.compile("[\u200b\u2060\ufeff]")  # break opportunities in print (a hair space separates)
URL = re.compile(r"(?:https?://|www\.)\S+")


def words(text: str) -> list[str]:
    """Words without URLs (a URL may be broken across lines in print: see urls())."""
    text = HYPHENS.sub("", unicodedata.normalize("NFKC", INVISIBLE.sub("", text)))
    out = []
    for w in URL.sub(" ", text).split():
        w = EDGE.sub("", w)
        if w:
            out.append(w)
    return out


def urls(text: str) -> list[str]:
    return [EDGE.sub("", u) for u in URL.findall(INVISIBLE.sub("", text))]


def without_calls(el):
    """A copy of ``el`` without note calls and backlinks (their text is furniture, not words)."""
    el = etree.fromstring(etree.tostring(el))
    for a in el.xpath("//h:a[@role='doc-noteref' or @role='doc-backlink']", namespaces=NS):
        parent, prev = a.getparent(), a.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + (a.tail or "")
        else:
            parent.text = (parent.text or "") + (a.tail or "")
        parent.remove(a)
    return el


def block_words(el) -> list[str]:
    """Words of an element's blocks; blocks are joined with spaces, inline markup (and <wbr/>) is not."""
    text = " ".join("".join(b.itertext()) for b in el.xpath(
        ".//h:p|.//h:li[not(h:p)]|.//h:h1|.//h:h2|.//h:h3|.//h:h4|.//h:td|.//h:th|.//h:pre|.//h:dt|.//h:dd",
        namespaces=NS))
    return words(text)


def is_subsequence(needle: list[str], haystack: list[str]) -> tuple[bool, int]:
    it = iter(haystack)
    for k, w in enumerate(needle):
        if not any(w == h for h in it):
            return False, k
    return True, len(needle)


@pytest.fixture(scope="module", params=ARTICLES, ids=lambda p: p.name)
def sample(request, tmp_path_factory):
    article = read(request.param)
    body = block_words(without_calls(article.main))
    notes = [w for n in article.notes() for w in block_words(without_calls(n.element))]
    folder = tmp_path_factory.mktemp("survival")
    options = BuildOptions(source_date_epoch=1_700_000_000)
    return article, body, notes, build(request.param, "epub", folder / "a.epub", options=options), \
        build(request.param, "pdf", folder / "a.pdf", options=options)


def assert_contains(expected: list[str], got: list[str], where: str):
    missing = Counter(expected) - Counter(got)
    assert not missing, f"words lost in the {where}: {dict(list(missing.items())[:20])}"


def test_epub_keeps_every_word_in_order(sample):
    article, body, notes, epub, _ = sample
    with zipfile.ZipFile(epub) as z:
        docs = {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xhtml")}
    article_words = block_words(without_calls(docs["EPUB/article.xhtml"]))
    ok, at = is_subsequence(body, article_words)
    assert ok, f"EPUB body out of order or lost from word {at}: {body[at:at + 8]}"
    if notes:
        assert_contains(notes, block_words(without_calls(docs["EPUB/endnotes.xhtml"])), "EPUB notes")


def test_pdf_keeps_every_word_in_order(sample):
    article, body, notes, _, pdf = sample
    text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    text = re.sub(r"[\u00ad\u2010-]\n", "", text)  # a word hyphenated at a line end
    got = words(text)
    assert_contains(body + notes, got, "PDF")
    ok, at = is_subsequence(body, got)
    assert ok, f"PDF body out of order from word {at}: {body[at:at + 8]}"
    flat = "".join(INVISIBLE.sub("", text).split())  # a URL broken over lines, joined again
    model_text = " ".join([*(" ".join(n.element.itertext()) for n in article.notes()), *article.main.itertext()])
    missing = [u for u in urls(model_text) if u not in flat]
    assert not missing, f"URLs lost in the PDF: {missing[:5]}"
