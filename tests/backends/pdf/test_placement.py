"""The footnote guarantee: every note printed on every page that cites it, once per page,
checked on the laid-out pages (anchors), on the samples, the corpus clip and a stress article."""

from __future__ import annotations

from collections import defaultdict

import pytest

from tests.backends.pdf.conftest import ARTICLES, clip_or_skip

PAPERS = ("a4", "letter")


def pages_of_calls(layout):
    """note -> pages with a call of it, and note -> pages printing it (from anchors alone)."""
    placement = layout.placement
    cited, printed = defaultdict(set), defaultdict(list)
    for c in layout.calls:
        cited[c.note].add(placement.calls[c.call_id])
        if c.copy_id in placement.copies:
            printed[c.note].append(placement.copies[c.copy_id])
    return cited, printed


def assert_guarantee(built):
    assert built.problems == []
    cited, printed = pages_of_calls(built.layout)
    for note, pages in cited.items():
        assert sorted(printed[note]) == sorted(pages), f"{note}: cited on {pages}, printed on {printed[note]}"
    assert not built.layout.guard.stats.unresolved


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("sample", ARTICLES, ids=lambda p: p.name)
def test_samples_keep_the_guarantee(build, sample, paper):
    built = build(sample, paper=paper)
    assert_guarantee(built)
    assert len(built.layout.document.pages) >= 2  # front matter page + article


@pytest.mark.parametrize("paper", PAPERS)
def test_corpus_clip_keeps_the_guarantee(build, paper):
    assert_guarantee(build(clip_or_skip(), paper=paper))


def test_note_cited_on_two_pages_is_printed_on_both(build, write):
    text = "Filler sentence about lighthouses and their keepers. " * 60
    src = write("two.md", f"---\ntitle: Two pages\n---\n\nFirst.[^1]\n\n{text}\n\n{text}\n\n"
                          f"Again.[^1] And once more on the same page.[^1]\n\n[^1]: The note.\n")
    built = build(src)
    assert_guarantee(built)
    cited, printed = pages_of_calls(built.layout)
    assert len(cited["note-1"]) == 2 and len(printed["note-1"]) == 2  # once per page, not per call


@pytest.mark.slow
@pytest.mark.parametrize("paper", PAPERS)
def test_stress_article_keeps_the_guarantee(build, stress_source, paper):
    built = build(stress_source, paper=paper)
    assert_guarantee(built)
    layout, stats = built.layout, built.layout.guard.stats
    assert len(layout.document.pages) >= 60
    assert len(built.article.notes()) >= 150
    cited, _ = pages_of_calls(layout)
    assert sum(1 for pages in cited.values() if len(pages) > 1) >= 20  # notes cited on several pages
    in_lists = {a.get("href")[1:] for a in built.article.xpath("//h:li//h:a[@role='doc-noteref']")}
    in_quotes = {a.get("href")[1:] for a in built.article.xpath("//h:blockquote//h:a[@role='doc-noteref']")}
    assert len(in_lists) >= 10 and len(in_quotes) >= 10
    # The guarantee is cheap: few pages are laid out twice.
    assert stats.relayouts <= 0.25 * stats.pages
    print(f"\n{paper}: {len(layout.document.pages)} pages, {len(built.article.notes())} notes, "
          f"{len(layout.calls)} calls; {layout.guard.summary()}; repairs: {stats.repairs}")


def test_note_too_tall_for_a_page_fails_with_its_number_and_size(write):
    from publish.backends import pdf
    from publish.errors import PublishError
    from publish.pipeline import read

    long = " ".join(["A long sentence that goes on and on about the history of the coast."] * 12)
    body = "\n\n    ".join([long] * 10)
    src = write("tall.md", f"---\ntitle: Tall\n---\n\nShort.[^1] Long.[^2]\n\n[^1]: Short.\n\n[^2]: {body}\n")
    article = read(src, backend="pdf")
    layout = pdf.lay_out(article, {"paper": "a4"}, 0)
    with pytest.raises(PublishError) as info:
        pdf.check(article, layout)
    message = str(info.value)
    assert "note 2" in message and "too tall" in message and " pt" in message
    assert "shorten" in info.value.diagnostic.hint


def test_notes_that_cannot_share_a_page_are_named(write):
    from publish.backends import pdf
    from publish.errors import PublishError
    from publish.pipeline import read

    long = " ".join(["A long sentence that goes on and on about the history of the coast."] * 12)
    note = "\n\n    ".join([long] * 4)  # under half a page each; three of them do not fit one page
    src = write("crowd.md", f"---\ntitle: Crowd\n---\n\nThree notes at once.[^1][^2][^3]\n\n"
                            f"[^1]: {note}\n\n[^2]: {note}\n\n[^3]: {note}\n")
    article = read(src, backend="pdf")
    layout = pdf.lay_out(article, {"paper": "a4"}, 0)
    with pytest.raises(PublishError) as info:
        pdf.check(article, layout)
    assert "notes 1, 2, 3 are called on one line" in str(info.value)
    assert "different sentences" in info.value.diagnostic.hint


def test_the_check_reads_pages_not_the_guard():
    from publish.backends.pdf.placement import Call, Placement

    calls = [Call("noteref-1", "note-1", "note-1", "1"), Call("noteref-1-2", "note-1-at-2", "note-1", "1"),
             Call("noteref-2", "note-2", "note-2", "2"), Call("noteref-3", "note-3", "note-3", "3")]
    placement = Placement(3, calls={"noteref-1": 0, "noteref-1-2": 0, "noteref-2": 1},
                          copies={"note-1": 0, "note-1-at-2": 0, "note-2": 2})
    problems = [text for _, text in placement.problems(calls)]
    assert "note 1 is printed 2 times on p. 1" in problems
    assert "note 2 is not printed on p. 2, the page of its call (it went to p. 3)" in problems
    assert "the call noteref-3 of note 3 is missing from the PDF" in problems


def test_the_guard_lets_go_of_weasyprint(build):
    from weasyprint import layout

    build(SLOW_SAMPLE)
    assert layout.make_all_pages.__module__ == "weasyprint.layout.page"


SLOW_SAMPLE = next(p for p in ARTICLES if p.name == "slow-light.md")
