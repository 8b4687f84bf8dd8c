"""--embed-fonts, --cover and --a11y-certified-by, from the command line to the book."""

from __future__ import annotations

import io
import zipfile

import pytest
from click.testing import CliRunner
from fontTools.ttLib import TTFont
from lxml import etree

from publish.backends.epub import fonts
from publish.cli import cli
from publish.errors import UsageError
from tests.backends.epub.conftest import SAMPLES

OPF = {"opf": "http://www.idpf.org/2007/opf"}


def noto_or_skip():
    try:
        return fonts.find()
    except UsageError as exc:
        pytest.skip(str(exc))


def test_missing_fonts_say_which_package_to_install(tmp_path):
    with pytest.raises(UsageError) as exc:
        fonts.find([tmp_path])
    assert "fonts-noto-core" in exc.value.diagnostic.hint


def test_embedded_fonts_are_subset_and_keep_their_licence():
    noto_or_skip()
    files, css = fonts.embed("Lighthouse")
    assert len(files) == 4 and css.count("@font-face") == 4 and 'font-family: "Noto Serif"' in css
    font = TTFont(io.BytesIO(files[0][1]))
    assert ord("L") in font.getBestCmap() and ord("Ж") not in font.getBestCmap()
    names = {n.nameID: n.toUnicode() for n in font["name"].names if n.platformID == 3}
    assert "Open Font License" in names[13] and names[0].startswith("Copyright")
    assert len(files[0][1]) < 100_000
    assert fonts.embed("Lighthouse") == (files, css), "subsetting is deterministic"


def build_cli(tmp_path, *args):
    out = tmp_path / "book.epub"
    result = CliRunner().invoke(cli, ["-q", "epub", str(SAMPLES[0]), "-o", str(out), *args],
                                env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.exit_code == 0, result.output
    return zipfile.ZipFile(out)


def test_cli_embed_fonts(tmp_path):
    noto_or_skip()
    book = build_cli(tmp_path, "--embed-fonts")
    opf = etree.fromstring(book.read("EPUB/content.opf"))
    assert len(opf.xpath("//opf:item[@media-type='font/ttf']", namespaces=OPF)) == 4
    assert b"@font-face" in book.read("EPUB/css/epub.css")


def test_cli_cover(tmp_path):
    (tmp_path / "front.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 3 4"/>')
    book = build_cli(tmp_path, "--cover", str(tmp_path / "front.svg"))
    assert book.read("EPUB/images/cover.svg").startswith(b"<svg")
    assert b'src="images/cover.svg"' in book.read("EPUB/cover.xhtml")


def test_cli_conformance_claim_only_when_reviewed(tmp_path):
    opf = etree.fromstring(build_cli(tmp_path, "--a11y-certified-by", "Jo Reviewer").read("EPUB/content.opf"))
    assert opf.xpath("//opf:meta[@property='dcterms:conformsTo']/text()", namespaces=OPF) == [
        "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
    assert opf.xpath("//opf:meta[@property='a11y:certifiedBy']/text()", namespaces=OPF) == ["Jo Reviewer"]


def test_cli_bad_cover_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["epub", str(SAMPLES[0]), "-o", str(tmp_path / "b.epub"),
                                      "--cover", str(tmp_path / "nope.png")])
    assert result.exit_code == 2 and "nope.png" in result.output
    assert not (tmp_path / "b.epub").exists()
