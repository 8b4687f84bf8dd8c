"""The generated typographic cover and a supplied one."""

from __future__ import annotations

import pytest
from lxml import etree

from publish.backends.epub import cover
from publish.errors import UsageError
from publish.model.article import Contributor, Metadata

SVG = "{http://www.w3.org/2000/svg}"


def meta(**kw):
    base = dict(title="The Slow Light of Lighthouses", subtitle="How beacons taught sailors",
                contributors=[Contributor("Maren Holt"), Contributor("Ann Lee")], publication="The Review",
                date="2024-03-18", identifiers=["urn:x"])
    base.update(kw)
    return Metadata(**base)


def test_generated_cover_shows_title_subtitle_author_and_publication():
    c = cover.generate(meta(), "en")
    assert (c.file_name, c.media_type) == ("images/cover.svg", "image/svg+xml")
    svg = etree.fromstring(c.data)
    shown = " ".join(t.text for t in svg.iter(f"{SVG}text"))
    for part in ("The Slow Light", "Lighthouses", "How beacons", "Maren Holt and Ann Lee", "THE REVIEW",
                 "March 18, 2024"):
        assert part in shown
    assert svg.find(f"{SVG}title").text == c.alt
    assert c.alt == ("Cover: The Slow Light of Lighthouses: How beacons taught sailors, by Maren Holt and "
                     "Ann Lee. The Review, March 18, 2024.")


def test_a_very_long_title_is_wrapped_and_cut_to_fit():
    c = cover.generate(meta(title="Word " * 80, subtitle=None, publication=None), "en")
    lines = [t for t in etree.fromstring(c.data).iter(f"{SVG}text") if t.get("font-weight") == "bold"]
    assert len(lines) == 5 and lines[-1].text.endswith("…")


def test_cover_is_deterministic():
    assert cover.generate(meta(), "en").data == cover.generate(meta(), "en").data


def test_supplied_cover(tmp_path):
    path = tmp_path / "front.JPG"
    path.write_bytes(b"\xff\xd8\xff")
    c = cover.load(path, meta())
    assert (c.file_name, c.media_type, c.data) == ("images/cover.jpg", "image/jpeg", b"\xff\xd8\xff")


def test_supplied_cover_errors(tmp_path):
    with pytest.raises(UsageError, match="not an image type"):
        cover.load(tmp_path / "cover.bmp", meta())
    with pytest.raises(UsageError, match="cover .*missing.png"):
        cover.load(tmp_path / "missing.png", meta())


def test_cover_document_has_alt_text():
    doc = cover.cover_document(cover.generate(meta(), "fr"), "fr")
    img = doc.root.find(".//{http://www.w3.org/1999/xhtml}img")
    assert img.get("alt").startswith("Cover: ") and img.get("role") == "doc-cover"
    assert doc.root.get("lang") == "fr" and doc.landmark == "cover" and not doc.in_toc
