"""EPUBCheck and Ace by DAISY on every sample and on the corpus clip.

Each checker runs once per session over all books (see conftest), and each test reads
its book's report, so a failure names the book and lists every message.
"""

from __future__ import annotations

import pytest
from PIL import Image

from publish.errors import UsageError
from tests.backends.epub.conftest import CORPUS_CLIP, SAMPLES, run_ace, run_epubcheck
from tests.conftest import CONTENT, ROOT

COURSEPACK = CONTENT / "coursepack.toml"

pytestmark = pytest.mark.slow

VARIANTS = {"embed-fonts": {"embed_fonts": True}, "conformance-claim": {"a11y_certified_by": "Test Reviewer"},
            "supplied-cover": {"cover": "png"}}


def _book_list(built, tmp_path_factory):
    """(id, path) of every book the checkers look at; a book that cannot be built is left out."""
    books = {}
    for source in [*SAMPLES, CORPUS_CLIP]:
        try:
            books[source.stem] = built(source)
        except pytest.skip.Exception:
            continue
    cover = tmp_path_factory.mktemp("cover") / "cover.png"
    Image.new("RGB", (600, 900), "grey").save(cover)
    minimal = tmp_path_factory.mktemp("minimal")
    Image.new("RGB", (40, 40), "grey").save(minimal / "square.png")
    (minimal / "minimal.md").write_text(MINIMAL, "utf-8")
    books["minimal"] = built(minimal / "minimal.md")
    books["coursepack"] = built(COURSEPACK)
    books["made-up-clip"] = built(ROOT / "tests" / "fixtures" / "clips" / "full.txt")
    for name, extra in VARIANTS.items():
        extra = {k: (cover if v == "png" else v) for k, v in extra.items()}
        try:
            books[name] = built(SAMPLES[0], **extra)
        except UsageError:  # --embed-fonts without Noto Serif installed
            continue
    return books


@pytest.fixture(scope="session")
def books(built, tmp_path_factory):
    return _book_list(built, tmp_path_factory)


@pytest.fixture(scope="session")
def epubcheck_reports(books, tmp_path_factory):
    return run_epubcheck(list(books.values()), tmp_path_factory.mktemp("epubcheck"))


#: A book with nothing but a title, a paragraph and an image: no notes, authors, date or rights.
MINIMAL = """---
title: A Minimal Article
---

One paragraph, with a long address: https://example.org/a/very/long/path/that/keeps/going/on.html

![A grey square](square.png)
"""
BOOK_IDS = [p.stem for p in SAMPLES] + [CORPUS_CLIP.stem, "minimal", "coursepack", "made-up-clip", *VARIANTS]
#: Ace takes seconds a book; the variants that change only the OPF or the fonts are left to EPUBCheck.
ACE_IDS = [p.stem for p in SAMPLES] + [CORPUS_CLIP.stem, "minimal", "coursepack", "supplied-cover"]


@pytest.fixture(scope="session")
def ace_reports(books, tmp_path_factory):
    return run_ace([books[name] for name in ACE_IDS if name in books], tmp_path_factory.mktemp("ace"))


def _book(books, name):
    if name not in books:
        pytest.skip(f"{name}: not built here (corpus clip absent or unreadable, or no Noto Serif)")
    return books[name]


@pytest.mark.parametrize("name", BOOK_IDS)
def test_epubcheck_is_silent(books, epubcheck_reports, name):
    report = epubcheck_reports[_book(books, name)]
    checker = report["checker"]
    lines = [f"{m['severity']} {m['ID']}: {m['message']} "
             f"({', '.join(loc.get('path', '') for loc in m.get('locations', []))})" for m in report["messages"]]
    assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0), "\n".join(lines)


@pytest.mark.parametrize("name", ACE_IDS)
def test_ace_outcome_is_pass(books, ace_reports, name):
    report = ace_reports[_book(books, name)]
    violations = [f"{a['earl:testSubject']['url']}: {b['earl:test']['dct:title']} "
                  f"({b['earl:test']['earl:impact']}): {b['earl:result']['dct:description'][:200]}"
                  for a in report.get("assertions", []) for b in a.get("assertions", [])]
    assert report["earl:result"]["earl:outcome"] == "pass", "\n".join(violations)

