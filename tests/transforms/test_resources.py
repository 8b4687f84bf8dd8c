"""Images: only files inside the article's folder are used; everything else is refused."""

from __future__ import annotations

import struct
import zlib

import pytest

from publish.errors import InputError, Report
from publish.pipeline import read

HEAD = "---\ntitle: T\nauthor: A\n---\n\n"


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header declares width × height (no pixel data needed to read the size)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def read_with_image(write, src, report):
    # raw HTML, because markdown-it itself already refuses file: and data:text/html in ![](…)
    return read(write("a.md", HEAD + f'<p><img src="{src}" alt="A chart"></p>\n\nText.\n'), report=report)


@pytest.mark.parametrize("src,rule", [
    ("file:///etc/passwd", "S006"),
    ("http://169.254.169.254/latest/meta-data/", "S006"),
    ("https://example.org/x.png", "S006"),
    ("//example.org/x.png", "S006"),
    ("data:text/html;base64,PHNjcmlwdD4=", "S006"),
    ("/etc/passwd", "S007"),
    ("../../etc/passwd", "S007"),
])
def test_outside_images_are_replaced_by_alt_text(write, src, rule):
    report = Report()
    art = read_with_image(write, src, report)
    assert not art.xpath("//h:img")
    assert "[A chart]" in "".join(art.main.itertext())
    assert [w.rule for w in report.warnings] == [rule]


def test_a_symlink_pointing_out_of_the_folder_is_refused(write, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside.png"
    outside.write_bytes(png_header(10, 10))
    (tmp_path / "link.png").symlink_to(outside)
    report = Report()
    art = read_with_image(write, "link.png", report)
    assert not art.xpath("//h:img") and report.warnings[0].rule == "S007"


def test_a_local_image_is_kept(write, tmp_path):
    (tmp_path / "fig.png").write_bytes(png_header(10, 10))
    art = read_with_image(write, "fig.png", Report())
    assert [i.get("src") for i in art.xpath("//h:img")] == ["fig.png"]


def test_a_small_data_image_is_kept(write):
    art = read_with_image(write, "data:image/png;base64,iVBORw0KGgo=", Report())
    assert len(art.xpath("//h:img")) == 1


@pytest.mark.parametrize("make,rule", [
    (lambda p: p.write_bytes(png_header(30000, 30000)), "S008"),
    (lambda p: p.write_bytes(b"not an image"), "M010"),
    (lambda p: None, "M010"),
])
def test_bad_local_images_are_errors(write, tmp_path, make, rule):
    make(tmp_path / "fig.png")
    report = Report()
    with pytest.raises(InputError):
        read_with_image(write, "fig.png", report)
    assert [e.rule for e in report.errors] == [rule] and report.errors[0].line == 6
