"""The print HTML: note copies at every call, standby copies, URLs that wrap, front matter."""

from __future__ import annotations

from publish.backends.pdf import html as print_html
from publish.backends.pdf.placement import calls_of
from publish.pipeline import read
from tests.conftest import CONTENT

ZWSP = "\u200b"


def tree_of(path, front_matter="separate"):
    return print_html.render(read(path, backend="pdf"), "2024-01-01T00:00:00Z", front_matter)


def test_every_call_gets_a_copy_with_unique_ids():
    article = read(CONTENT / "slow-light.md", backend="pdf")
    tree = print_html.render(article, "2024-01-01T00:00:00Z")
    calls = calls_of(tree)
    assert len(calls) == len(article.calls())
    ids = [el.get("id") for el in tree.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    firsts = [c.copy_id for c in calls if c.copy_id == c.note]
    assert sorted(firsts) == sorted(n.id for n in article.notes())
    assert {c.number for c in calls} == {str(n.number) for n in article.notes()}


def test_copy_near_previous_call_starts_on_standby(write):
    src = write("near.md", "---\ntitle: Near\n---\n\nOne.[^1] Two.[^1]\n\n" + "Filler text. " * 200
                + "\n\nFar.[^1]\n\n[^1]: The note.\n")
    spans = [s for s in tree_of(src).iter("span") if "footnote" in (s.get("class") or "")]
    assert [s.get("data-standby") is not None for s in spans] == [False, True, False]
    assert [s.get("id") for s in spans] == ["note-1", "note-1-at-2", "note-1-at-3"]


def test_urls_break_after_slashes_and_before_dots_without_hyphens(write):
    url = "https://example.org/archives/lists-of-lights/volume-index-1850-1950.html"
    src = write("u.md", f"---\ntitle: U\n---\n\nText.[^1]\n\n[^1]: See {url} for one.\n")
    links = [a for a in tree_of(src).iter("a") if "url" in (a.get("class") or "")]
    note_links = [a for a in links if a.get("href") == url]
    assert note_links, "a bare URL in a note becomes a link"
    text = note_links[0].text
    assert text.replace(ZWSP, "").replace("\u2060", "") == url
    assert text.replace("\u2060", "").split(ZWSP) == ["https://example", ".org/", "archives/", "lists-of-lights/",
                                "volume-index-1850-1950", ".html"]
    assert "\u00ad" not in text and "-\u200b" not in text


def test_url_inside_a_link_keeps_its_link(write):
    src = write("l.md", "---\ntitle: L\n---\n\nSee <https://example.org/a/b.html>.\n")
    (a,) = [a for a in tree_of(src).iter("a") if a.get("href") == "https://example.org/a/b.html"]
    assert "".join(a.itertext()).replace(ZWSP, "").replace("\u2060", "") == "https://example.org/a/b.html"
    assert not list(a.iter("a"))[1:], "no link nested in a link"


def test_front_matter_modes():
    separate = tree_of(CONTENT / "slow-light.md")
    first = tree_of(CONTENT / "slow-light.md", "first-page")
    assert separate.find("body").get("class") == "front-separate"
    assert first.find("body").get("class") == "front-first-page"
    rights = "".join(separate.find(".//div[@class='rights']").itertext())
    assert "Copyright © 2024" in rights and "As published in The Harbour Review" in rights
    assert "permission" in rights.lower() and "Source:" in rights
    assert separate.find(".//h1[@class='article-title']") is not None
    assert first.find(".//h1[@class='article-title']") is None  # the front matter carries the title


def test_running_head_uses_short_title():
    assert print_html.short_title("Rex Tillerson's Visit to Moscow: A Glass Half Full") == \
        "Rex Tillerson's Visit to Moscow"
    assert len(print_html.short_title("word " * 40)) <= 61
