"""Web-clip reader: chrome, front matter, calls and Links, rights, and every problem with its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from publish import readers
from publish.errors import InputError, Report
from publish.model.article import text_of
from publish.pipeline import read
from publish.readers.clip import ClipReader, dates
from publish.readers.clip.chrome import is_breadcrumb, masthead_name, publisher_name
from publish.readers.clip.frontmatter import bio_capitals, byline_names
from publish.readers.clip.rights import RightsBlock
from publish.readers.clip.rights import read as read_rights
from publish.source import load

ROOT = Path(__file__).resolve().parents[2]
CORPUS_FILE = ROOT / ".." / "shared" / "corpus" / "foreign-affairs-2017-tillerson.txt"
CLIPS = Path(__file__).resolve().parents[1] / "fixtures" / "clips"
needs_corpus = pytest.mark.usefixtures("corpus_present")
HEAD = "# SAMPLE SITE\n\nPublished by Sample House\n\nApril 14, 2017\n\nA Title Here\n\nBy Ann Example\n\n"
ONE_LINK = "\n\n**Links**\n\n- [1] <https://example.org/one>\n"


def clip(write, body: str, links: str = ONE_LINK, head: str = HEAD, name: str = "clip.txt"):
    return write(name, head + body + links)


def read_raw(path) -> tuple:
    """The reader's article and report, without transforms, checks or raising on errors."""
    report = Report(path=str(path))
    return ClipReader().read(load(path), report), report


def main_text(art) -> str:
    return text_of(art.main)


def calls_of(el) -> list[str]:
    return el.xpath(".//h:a[@role='doc-noteref']/text()", namespaces={"h": "http://www.w3.org/1999/xhtml"})


def rules(report) -> list[tuple[str, str, int]]:
    return [(d.severity, d.rule, d.line) for d in report.items]


# -- the corpus ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus():
    if not CORPUS_FILE.exists():
        pytest.skip("the shared corpus is not checked out at ../shared/corpus")
    report = Report()
    return read(CORPUS_FILE, report=report), report


@needs_corpus
def test_corpus_is_recognised_by_content():
    source = load(CORPUS_FILE)
    assert readers.choose(source).name == "clip"
    assert ClipReader().sniff(source) > 0.8


@needs_corpus
def test_corpus_metadata(corpus):
    art, report = corpus
    meta = art.meta
    assert report.items == []
    assert meta.title == "Rex Tillerson\u2019s Visit to Moscow"
    assert meta.subtitle == "A Glass Half Full"
    assert meta.authors == ["Kimberly Marten"]
    assert meta.date == "2017-04-14"
    assert meta.publication == "Foreign Affairs"
    assert meta.publisher == "Council on Foreign Relations"
    assert meta.source_url == ("https://www.foreignaffairs.com/articles/russian-federation/2017-04-14/"
                               "rex-tillersons-visit-moscow")
    assert (meta.rights.year, meta.rights.holder) == ("2017", "Council on Foreign Relations, Inc.")
    assert meta.rights.statement == "All rights reserved."
    permissions = " ".join(text_of(b) for b in meta.rights.permissions)
    assert "coursepack" in permissions and "All rights reserved" not in permissions


@needs_corpus
def test_corpus_notes_and_calls(corpus):
    art, _ = corpus
    notes = art.notes()
    assert [n.number for n in notes] == list(range(1, 16))
    assert sum(len(n.calls) for n in notes) == 18
    assert {n.number: len(n.calls) for n in notes if len(n.calls) > 1} == {6: 4}
    for note in notes:
        (link,) = note.element.xpath(".//h:a", namespaces={"h": "http://www.w3.org/1999/xhtml"})
        assert link.text == link.get("href") and link.get("href").startswith("http")
        assert "\\" not in link.get("href")
    hrefs = {n.number: n.element.xpath("string(.//@href)") for n in notes}
    assert "?utm_term=.de113ce01ea7" in hrefs[11]
    assert hrefs[14].endswith("_story.html")


@needs_corpus
def test_corpus_anchor_texts_link_to_the_real_urls(corpus):
    art, _ = corpus
    hrefs = {n.number: n.element.xpath("string(.//@href)") for n in art.notes()}
    anchors = art.xpath("//h:main//h:a[not(@role)] | //h:header//h:a[not(@role)]")
    assert len(anchors) == 9
    for a in anchors:
        call = a.getnext()
        assert call.get("role") == "doc-noteref" and a.get("href") == hrefs[int(call.text)]
    assert not art.xpath("//h:a[@href='#']")


@needs_corpus
def test_corpus_bio_holds_a_call(corpus):
    art, _ = corpus
    (author,) = art.meta.contributors
    assert len(author.bio) == 1 and text_of(author.bio[0]).startswith("KIMBERLY MARTEN")
    assert calls_of(author.bio[0]) == ["1"]


@needs_corpus
def test_corpus_chrome_is_dropped_and_brackets_stay_text(corpus):
    art, _ = corpus
    text = text_of(art.find("h:body"))
    for chrome in ("FOREIGN AFFAIRS", "Published by", "[Home]", "Home >", "Source URL", "**", "<sup>"):
        assert chrome not in text
    assert "Copyright" not in main_text(art) and "Links" not in main_text(art)
    assert "deplore[s]" in main_text(art)
    assert all(c.isdigit() for c in calls_of(art.find("h:body")))


@needs_corpus
def test_corpus_paragraph_split_mid_sentence_is_rejoined(corpus):
    art, _ = corpus
    paragraphs = art.xpath("h:body/h:main/h:p")
    assert len(paragraphs) == 9
    for p in paragraphs:
        assert re.search(r"[.!?\u2026][\u201d\u2019)]?\d*$", text_of(p)), text_of(p)[-40:]


@needs_corpus
def test_corpus_typography(corpus):
    art, _ = corpus
    texts = [t for el in art.xpath("h:body/h:main | h:body/h:header") for t in el.itertext()]
    prose = "".join(t for t in texts if not t.startswith("http"))
    assert '"' not in prose and "'" not in prose and "..." not in prose
    assert "\u2019" in prose and "\u201c" in prose and "\u2026" in prose
    assert "\u2014" in prose and " \u2014 " not in prose  # em dashes stay closed


@needs_corpus
def test_corpus_check_output(run):
    result = run("check", CORPUS_FILE)
    assert result.exit_code == 0, result.output
    for line in ("notes:       15", "calls:       18 (note 6 called 4 times)",
                 "copyright:   \u00a9 2017 Council on Foreign Relations, Inc.", "rights:      All rights reserved.",
                 "no errors, 0 warning(s)"):
        assert line in result.output


@needs_corpus
@pytest.mark.slow
def test_corpus_pdf_builds(tmp_path, run):
    dest = tmp_path / "corpus.pdf"
    result = run("pdf", CORPUS_FILE, "-o", dest)
    assert result.exit_code == 0, result.output
    assert dest.read_bytes().startswith(b"%PDF")


# -- a made-up clipping with everything the genre does --------------------------------------
@pytest.fixture(scope="module")
def full():
    report = Report()
    return read(CLIPS / "full.txt", report=report), report


def test_full_metadata(full):
    art, report = full
    meta = art.meta
    assert report.items == []
    assert meta.publication == "The Northern Quarterly"  # a mixed-case masthead
    assert meta.publisher == "Northway Media Group"
    assert meta.date == "2017-04-14"  # from "14 April 2017"
    assert meta.title == "Ferries on the Baltic"
    assert meta.subtitle == "What a winter timetable says about regional trade"
    assert meta.authors == ["Anna Kowalska", "J\u00f6rg M\u00fcller"]
    assert meta.source_url == "https://example.org/northern-quarterly/2017/04/ferries-on-the-baltic"


def test_full_bios_several_authors_and_paragraphs(full):
    art, _ = full
    anna, jorg = art.meta.contributors
    assert len(anna.bio) == 1 and calls_of(anna.bio[0]) == ["1"]
    assert len(jorg.bio) == 2 and text_of(jorg.bio[1]).startswith("He previously")


def test_full_breadcrumb_of_several_levels_is_dropped(full):
    art, _ = full
    body = text_of(art.find("h:body"))
    assert "\u203a" not in body and "World" not in body and "Home" not in body


def test_full_body_structure(full):
    art, _ = full
    main = art.main
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    assert [text_of(h) for h in main.findall("h:h2", ns)] == ["The routes that stay", "What the timetable hides"]
    (h3,) = main.findall("h:h3", ns)
    assert calls_of(h3) == ["3"]  # a call inside a heading
    (quote,) = main.findall("h:blockquote", ns)
    assert calls_of(quote) == ["4"]
    (ul,) = main.findall("h:ul", ns)
    assert len(ul) == 3 and calls_of(ul) == ["5", "6"]  # calls inside list items
    assert main.find(".//h:em", ns).text == "not" and main.find(".//h:strong", ns).text == "consistent"
    assert main.find(".//h:code", ns).text == "route[7]"  # code is never a call
    assert "deplore[d]" in main_text(art)


def test_full_hard_wraps_and_split_paragraphs(full):
    art, _ = full
    first = art.main[0]
    assert "\n" not in "".join(first.itertext())
    (link,) = first.xpath("h:a[not(@role)]", namespaces={"h": "http://www.w3.org/1999/xhtml"})
    assert link.text == "survive the cut"  # anchor text wrapped over two lines
    assert link.get("href") == "https://example.org/timetables/winter?route=all&year=2017"
    rejoined = [p for p in art.xpath("h:body/h:main/h:p") if "agree on the causes" in text_of(p)]
    assert len(rejoined) == 1


def test_full_notes_and_unescaped_urls(full):
    art, _ = full
    notes = art.notes()
    assert [n.number for n in notes] == [1, 2, 3, 4, 5, 6]
    assert [len(n.calls) for n in notes] == [1, 1, 3, 1, 1, 1]
    hrefs = [n.element.xpath("string(.//@href)") for n in notes]
    assert hrefs[0] == "https://example.org/papers/crossings_in_the_cold.pdf"
    assert hrefs[5] == "https://example.org/subsidies/island_lifelines"


def test_full_rights_on_one_line(full):
    rights = full[0].meta.rights
    assert (rights.year, rights.holder) == ("2019", "Northway Media Group Ltd.")
    assert rights.statement == "All rights reserved."
    assert [text_of(p) for p in rights.permissions] == [
        "Permission to reprint this article in a course reader must be requested in writing."]


def test_crlf_and_byte_order_mark_read_the_same(write, full):
    raw = (CLIPS / "full.txt").read_bytes()
    art = read(write("windows.txt", b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")))
    assert etree.tostring(art.main) == etree.tostring(full[0].main)
    assert art.meta.publication == "The Northern Quarterly" and len(art.notes()) == 6


def test_a_clip_with_md_suffix_is_still_a_clip(write):
    path = write("clip.md", (CLIPS / "full.txt").read_text(encoding="utf-8"))
    assert readers.choose(load(path)).name == "clip"


# -- a clipping without Links, masthead or "by the" -----------------------------------------
def test_minimal_clip_without_links_list(run):
    art = read(CLIPS / "minimal.txt")
    meta = art.meta
    assert (meta.title, meta.authors, meta.date) == ("A Note on Village Wells", ["Tomasz Nowicki"], "2017-04-14")
    assert meta.publication is None and art.notes() == []
    assert (meta.rights.year, meta.rights.holder) == ("2021", "Tomasz Nowicki")
    assert len(art.main) == 2


def test_from_clip_forces_the_reader(write, run):
    path = write("wells.md", (CLIPS / "minimal.txt").read_text(encoding="utf-8"))
    assert readers.choose(load(path)).name == "markdown"
    assert run("check", path).exit_code == 1
    result = run("check", "--from", "clip", path)
    assert result.exit_code == 0 and "Tomasz Nowicki" in result.output


def test_ordinary_markdown_stays_markdown(write):
    path = write("notes.md", "# Notes\n\nSome *text* with a [link](https://example.org).\n\n- one\n- two\n")
    assert readers.choose(load(path)).name == "markdown"
    assert ClipReader().sniff(load(path)) < 0.2


def test_markdown_with_front_matter_is_never_a_clip(write):
    path = write("a.md", "---\ntitle: T\n---\n\n# FOREIGN AFFAIRS\n\nPublished by X\n\n" + ONE_LINK)
    assert ClipReader().sniff(load(path)) == 0
    for sample in sorted((ROOT / "content").glob("*.md")):
        assert ClipReader().sniff(load(sample)) == 0, sample


# -- problems, each with its line ------------------------------------------------------------
def test_problems_are_reported_with_lines():
    art, report = read_raw(CLIPS / "problems.txt")
    assert sorted(rules(report)) == [("error", "C002", 12), ("warning", "C003", 23), ("warning", "C004", 16)]
    assert all(d.hint for d in report.items)
    assert [n.number for n in art.notes()] == [1]  # the uncited entry is no note (M004)


def test_problems_through_the_cli(run):
    result = run("check", CLIPS / "problems.txt")
    assert result.exit_code == 1
    assert "problems.txt:12: error: call [3] has no entry in the Links list [C002]" in result.output
    assert "Traceback" not in result.output


def test_strict_turns_warnings_into_errors(write):
    text = (CLIPS / "problems.txt").read_text(encoding="utf-8").replace(" [3].", ".")
    path = write("warned.txt", text)
    report = Report()
    art = read(path, report=report)
    assert [d.rule for d in report.warnings] == ["C004", "C003"] and len(art.notes()) == 1
    report = Report()
    with pytest.raises(InputError):
        read(path, strict=True, report=report)
    assert {d.severity for d in report.items} == {"error"}


def test_unsafe_duplicate_and_missing_link_entries(write):
    links = ("\n\n**Links**\n\n- [1] <https://example.org/a>\n- [1] <https://example.org/b>\n"
             "- [2] <javascript:alert(1)>\n- [3]\n")
    _, report = read_raw(clip(write, "Text cites one [1] and two [2].", links=links))
    assert sorted(rules(report)) == [("error", "C002", 11), ("error", "C005", 17), ("error", "C005", 18),
                                     ("error", "C006", 16)]


def test_placeholder_link_without_number_is_text_with_a_warning(write):
    art, report = read_raw(clip(write, "See [the page](#) for more [1]."))
    assert rules(report) == [("warning", "C008", 11)]
    assert "See the page for more" in main_text(art) and not art.xpath("//h:a[@href='#']")


def test_reference_style_call_and_lone_sup(write):
    art, report = read_raw(clip(write, "One [anchor][1] and 2<sup>[1]</sup> too."))
    assert report.items == []
    assert calls_of(art.main) == ["1", "1"]
    assert art.main.xpath("string(h:p/h:a[1]/@href)", namespaces={"h": "http://www.w3.org/1999/xhtml"}) \
        == "https://example.org/one"


def test_impossible_date_is_a_warning(write):
    _, report = read_raw(clip(write, "Body text [1].", head=HEAD.replace("April 14", "April 31")))
    assert rules(report) == [("warning", "C007", 5)]


def test_no_byline_is_a_warning_and_a_bio_names_the_author(write):
    head = "A Title Here\n\nA dek without a byline\n\n"
    art, report = read_raw(clip(write, "ZOË ÆRØ is a writer.\n\nThe body starts here and goes on [1].", head=head))
    assert rules(report) == [("warning", "C009", 5)]
    assert art.meta.authors == ["Zoë Ærø"] and art.meta.contributors[0].bio
    art, report = read_raw(clip(write, "The body starts here and goes on for a while [1].", head=head))
    assert [d.rule for d in report.items] == ["C009"] and art.meta.authors == []


def test_bio_after_the_article(write):
    art, report = read_raw(clip(write, "Body text [1].\n\nANN EXAMPLE writes about examples."))
    assert report.items == []
    assert text_of(art.meta.contributors[0].bio[0]).startswith("ANN EXAMPLE")
    assert len(art.main) == 1


def test_unrecognised_text_after_the_links_is_dropped_with_a_warning(write):
    _, report = read_raw(clip(write, "Body text [1].", links=ONE_LINK + "\nShare this page\n"))
    assert rules(report) == [("warning", "C010", 17)]


# -- the heuristics, one by one ---------------------------------------------------------------
@pytest.mark.parametrize("line", ["April 14, 2017", "14 April 2017", "2017-04-14", "Friday, April 14, 2017",
                                  "Apr. 14, 2017", "Friday 14 April 2017", "Published on April 14, 2017",
                                  "April 14th, 2017", "April 14, 2017, 9:30 AM EST"])
def test_date_forms(write, line):
    assert dates.parse(line) == "2017-04-14"
    art = read(clip(write, "Body text [1].", head=HEAD.replace("April 14, 2017", line)))
    assert art.meta.date == "2017-04-14" and art.meta.title == "A Title Here"


def test_dates_that_are_not_days():
    assert dates.parse("April 2017") == "2017-04"
    assert dates.parse("A Bridge Half Built") is None and dates.parse("14 reasons, 2017") is None
    with pytest.raises(dates.BadDate):
        dates.parse("February 30, 2017")


@pytest.mark.parametrize("text, name", [
    ("FOREIGN AFFAIRS", "Foreign Affairs"), ("THE NEW STATESMAN", "The New Statesman"), ("BBC NEWS", "BBC News"),
    ("REVIEW OF THE WEEK", "Review of the Week"), ("The Atlantic", "The Atlantic")])
def test_masthead_names(text, name):
    assert masthead_name(text) == name


@pytest.mark.parametrize("text, name", [
    ("Published by the Society for Harbour Records", "Society for Harbour Records"),
    ("Published by The Atlantic Monthly Group.", "The Atlantic Monthly Group"),
    ("A publication of Hilltop Press", "Hilltop Press"), ("Published in 2017", None)])
def test_publisher_lines(text, name):
    assert publisher_name(text) == name


@pytest.mark.parametrize("text, crumb", [
    ("[Home](#) > Ferries on the Baltic", True), ("[Home](/) \u203a [World](/w) \u203a [Europe](/e) \u203a A", True),
    ("Home \u00bb Opinion \u00bb A title", True), ("Trump > Obama?", False), ("> a quoted line", False),
    ("Plain words", False)])
def test_breadcrumbs(text, crumb):
    assert is_breadcrumb(text) is crumb


@pytest.mark.parametrize("text, names", [
    ("By Anna Kowalska and Jörg Müller", ["Anna Kowalska", "Jörg Müller"]),
    ("By Anna Kowalska, Li Wei, and Jörg Müller", ["Anna Kowalska", "Li Wei", "Jörg Müller"]),
    ("by ZOË ÆRØ & LUDWIG VAN BEETHOVEN", ["Zoë Ærø", "Ludwig van Beethoven"]),
    ("*By Mary O'Brien*", ["Mary O'Brien"]),
    ("By Ann Example, Staff Writer", ["Ann Example"]),
    ("Ingrid Solberg", ["Ingrid Solberg"]),
    ("A Bridge Half Built", None), ("Ferries on the Baltic's Edge", None), ("Friday, April 14, 2017", None)])
def test_bylines(text, names):
    assert byline_names(text)[0] == names


def test_masthead_in_plain_capitals(write):
    head = "THE HILLTOP DIGEST\n\nA Title Here\n\nA dek for it\n\nBy Ann Example\n\n"
    art, report = read_raw(clip(write, "Body text [1].", head=head))
    assert report.items == []
    assert (art.meta.publication, art.meta.title, art.meta.subtitle) == ("The Hilltop Digest", "A Title Here",
                                                                         "A dek for it")


def test_byline_with_a_date(write):
    art = read(clip(write, "Body text [1].", head="A Title Here\n\nBy Li Wei | 14 April 2017\n\n"))
    assert (art.meta.authors, art.meta.date) == (["Li Wei"], "2017-04-14")


def test_bio_capitals():
    assert bio_capitals("INGRID SOLBERG is a professor.") == "INGRID SOLBERG"
    assert bio_capitals("JÖRG MÜLLER, a researcher, writes.") == "JÖRG MÜLLER"
    assert bio_capitals("NATO is an alliance.") is None and bio_capitals("Ingrid Solberg is") is None


@pytest.mark.parametrize("line, year, holder", [
    ("Copyright © 2018 by the Society for Harbour Records, Inc.", "2018", "Society for Harbour Records, Inc."),
    ("© 2019 Northway Media Group Ltd. All rights reserved.", "2019", "Northway Media Group Ltd."),
    ("Copyright 2021 Tomasz Nowicki", "2021", "Tomasz Nowicki"),
    ("Copyright (c) 2015–2017 The Hilltop Review.", "2017", "The Hilltop Review"),
    ("© The Hilltop Review, 2016", "2016", "The Hilltop Review")])
def test_copyright_lines(line, year, holder):
    block, report = RightsBlock(), Report()
    read_rights(line, 3, block, report)
    assert (block.year, block.holder, report.items) == (year, holder, [])


def test_license_line():
    block = RightsBlock()
    read_rights("This article is licensed under [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/).",
                4, block, Report())
    assert block.license_url == "https://creativecommons.org/licenses/by/4.0/"


CLIPPISH = st.sampled_from(["# MAST", "Published by X", "[Home](#) > T", "April 14, 2017", "By A B", "A B",
                            "ANN B is here [1].", "Text [1] and [x](#) <sup>[2]</sup>.", "**Links**",
                            "- [1] <https://e.org/a>", "- [2] [t](https://e.org/b)", "- [9]", "© 2017 X",
                            "Copyright ©", "All rights reserved.", "**Source URL:** <https://e.org>", "```",
                            "> quote [1]", "- item [2]", "", "", "\\[3\\]", "<sup>[4]</sup>", "`[1]`"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(CLIPPISH, st.text(max_size=30)), min_size=1, max_size=30))
def test_any_text_gives_diagnostics_not_tracebacks(write, rows):
    path = write("fuzz.txt", "\n".join(rows) + "\nend")
    try:
        read(path, fmt="clip")
    except InputError as exc:
        assert exc.report is None or all(d.severity for d in exc.report.items)
