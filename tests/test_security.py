"""Hostile input, threat by threat (issue 7): each test fails on a naive implementation."""

from __future__ import annotations

import time
import zipfile

import pikepdf
import pytest

from publish.errors import InputError, Report
from publish.pipeline import BuildOptions, build, read

HEAD = "---\ntitle: T\nauthor: A\n---\n\n"
OPTIONS = BuildOptions(source_date_epoch=1_700_000_000)


def test_markdown_embedded_html_cannot_declare_entities(write, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    text = (HEAD + f'<!DOCTYPE p [<!ENTITY x SYSTEM "file://{secret}"><!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n\n<p>&x; &b;</p>\n\nText.\n')
    art = read(write("a.md", text))
    body = "".join(art.root.itertext())
    assert "TOP-SECRET" not in body and "aaaaaaaaaa" not in body


def test_billion_laughs_in_xml_is_refused_fast(write):
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))  # 10^9 "lol"s
    doc = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "lol">{lol}]>'
           '<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en"><head><meta charset="utf-8"/>'
           '<title>t</title></head><body><header><h1>t</h1></header><main><p>&l9;</p></main></body></html>')
    start = time.monotonic()
    report = Report()
    with pytest.raises(InputError):
        read(write("lol.xhtml", doc), report=report)
    assert time.monotonic() - start < 5 and any(d.rule == "S005" for d in report.errors)


def test_attachments_and_link_elements_never_reach_the_pdf(write, tmp_path):
    (tmp_path / "secret.txt").write_text("TOP-SECRET")
    src = write("a.html", '<html><head><link rel="attachment" href="secret.txt"></head><body><h1>T</h1>'
                          '<p>See <a rel="attachment" href="secret.txt">this</a>.</p></body></html>')
    pdf = build(src, "pdf", tmp_path / "a.pdf", options=OPTIONS)
    with pikepdf.open(pdf) as doc:
        assert "/EmbeddedFiles" not in doc.Root.get("/Names", {})
        assert not any("/FileAttachment" in str(a.get("/Subtype")) for page in doc.pages
                       for a in page.get("/Annots", []))
    assert b"TOP-SECRET" not in pdf.read_bytes()


def test_user_css_url_outside_its_folder_is_refused(write, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    css_dir = tmp_path / "css"
    css_dir.mkdir()
    (css_dir / "house.css").write_text(f"body {{ background: url('{outside.as_uri()}'); }}\n"
                                       "p { background: url('http://169.254.169.254/latest/meta-data/'); }\n")
    src = write("a.md", HEAD + "Text.\n")
    pdf = build(src, "pdf", tmp_path / "a.pdf",
                options=BuildOptions(source_date_epoch=1_700_000_000, extra={"css": str(css_dir / "house.css")}))
    with pikepdf.open(pdf) as doc:
        images = [name for page in doc.pages for name in page.get_images()]
    assert images == []


def test_script_never_makes_a_scripted_epub(write, tmp_path):
    src = write("a.html", '<html><body><h1>T</h1><p onclick="x()">Text <script>alert(1)</script>'
                          '<a href="javascript:alert(2)">link</a> <a href="data:text/html,<script>1</script>">d</a>'
                          '<iframe src="https://x"></iframe><object data="x"></object><form><input></form></p>'
                          "</body></html>")
    epub = build(src, "epub", tmp_path / "a.epub", options=OPTIONS)
    with zipfile.ZipFile(epub) as z:
        opf = z.read("EPUB/content.opf").decode()
        text = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
    assert "scripted" not in opf
    for bad in ("<script", "onclick", "javascript:", "data:text/html", "<iframe", "<object", "<form", "<input"):
        assert bad not in text


def test_a_5000_character_word_builds_in_bounded_time(write, tmp_path):
    src = write("a.md", HEAD + "Start " + "x" * 5000 + " end.[^1]\n\n[^1]: " + "y" * 5000 + "\n")
    start = time.monotonic()
    build(src, "epub", tmp_path / "a.epub", options=OPTIONS)
    build(src, "pdf", tmp_path / "a.pdf", options=OPTIONS)
    assert time.monotonic() - start < 60


def test_absurd_user_css_builds_in_bounded_time_or_fails_clearly(write, tmp_path):
    css = tmp_path / "absurd.css"
    css.write_text("p { font-size: 100000px; margin: 1000000cm; orphans: 99999; widows: 99999; }\n"
                   "h1 { letter-spacing: 1e9px; line-height: 1e9; } @page { size: 1mm 1mm; margin: 50cm; }\n")
    src = write("a.md", HEAD + "Text.[^1] More text.\n\n[^1]: A note.\n")
    start = time.monotonic()
    try:
        build(src, "pdf", tmp_path / "a.pdf",
              options=BuildOptions(source_date_epoch=1_700_000_000, extra={"css": str(css)}))
    except InputError:
        pass  # a clear error is an acceptable outcome
    except Exception as exc:  # noqa: BLE001 — anything else must still be a PublishError
        from publish.errors import PublishError
        assert isinstance(exc, PublishError), repr(exc)
    assert time.monotonic() - start < 60


@pytest.mark.parametrize("rule", ["p { font-size: 100000px; }", "h1 { margin: 1000000cm }",
                                  "@page { size: 1e9mm 10mm; }", "p { line-height: 1e9; }"])
def test_absurd_user_css_values_are_refused_with_their_line(write, tmp_path, rule):
    css = write("bad.css", "/* house style */\nbody { color: black; }\n" + rule + "\n")
    with pytest.raises(InputError) as exc:
        build(write("a.md", HEAD + "Text.\n"), "pdf", tmp_path / "a.pdf",
              options=BuildOptions(source_date_epoch=1_700_000_000, extra={"css": str(css)}))
    assert exc.value.diagnostic.line == 3 and "beyond what a page can hold" in str(exc.value)
    assert not (tmp_path / "a.pdf").exists()
