"""The coursepack handout: roman front matter, each article on a right-hand page with its own
notes under the placement guarantee, continuous page numbers, contents that match them, a
nested outline, and a cache that re-renders only what changed."""

from __future__ import annotations

import re
import shutil
import subprocess

import pikepdf
import pytest
from pypdf import PdfReader

from publish.errors import PublishError
from publish.pipeline import BuildOptions, build, read_pack
from tests.conftest import CONTENT

pytestmark = pytest.mark.slow
PACK = CONTENT / "coursepack.toml"


def options(tmp_path, **extra):
    return BuildOptions(source_date_epoch=1_700_000_000, extra={"cache_dir": tmp_path / "cache", "jobs": 2, **extra})


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pack")
    calls = []
    opts = options(folder, progress=lambda k, n, title, s, cached=False: calls.append((title, cached)))
    dest = build(PACK, "pdf", folder / "pack.pdf", options=opts)
    return dest, calls, folder


@pytest.fixture(scope="module")
def reader(built):
    return PdfReader(built[0])


def test_front_matter_is_roman_and_the_body_arabic(reader):
    labels = [reader.page_labels[i] for i in range(len(reader.pages))]
    body = labels.index("1")
    assert labels[:body] == ["i", "ii", "iii", "iv", "v", "vi"][:body]
    assert labels[body:] == [str(n) for n in range(1, len(labels) - body + 1)]
    assert body % 2 == 0  # the body opens on a right-hand page


def test_each_article_opens_on_a_right_hand_page_and_the_contents_agree(reader):
    pack = read_pack(PACK)
    texts = [p.extract_text() or "" for p in reader.pages]
    contents = next(t for t in texts if t.lstrip().startswith("Contents"))
    body = [reader.page_labels[i] for i in range(len(reader.pages))].index("1")
    for entry in pack.entries:
        title = entry.article.meta.title
        start = next(i for i, t in enumerate(texts) if i >= body and t.lstrip().startswith(title[:20]))
        assert (start - body) % 2 == 0, f"{title} opens on a left-hand page"
        listed = re.search(re.escape(title[:20]) + r".*?(\d+)\s*$", contents, re.S | re.M)
        assert listed and int(listed.group(1)) == start - body + 1, title


def test_body_pages_print_their_number_and_blank_versos_are_empty(reader):
    labels = [reader.page_labels[i] for i in range(len(reader.pages))]
    body = labels.index("1")
    blanks = 0
    for i in range(body, len(reader.pages)):
        text = (reader.pages[i].extract_text() or "").strip()
        if not text:
            blanks += 1
            continue
        assert text.split()[-1] == labels[i], f"page {labels[i]} prints {text.split()[-1]!r}"  # drawn last
    assert blanks >= 1  # the sample pack needs at least one blank verso


def test_outline_nests_sections_articles_and_headings(built):
    pack = read_pack(PACK)
    with pikepdf.open(built[0]) as pdf, pdf.open_outline() as outline:
        sections = [item.title for item in outline.root]
        assert sections == [title for title, _ in pack.sections()]
        first = outline.root[0].children[0]
        assert first.title == pack.entries[0].article.meta.title and first.children


def test_the_placement_check_runs_on_every_article_of_the_pack(tmp_path, monkeypatch):
    # Each article is laid out and checked (every note on the page of each of its calls, none
    # missing) before it is cached; assembly copies its pages unchanged.
    from publish.backends.pdf import render
    checked = []
    original = render.check
    monkeypatch.setattr(render, "check", lambda article, laid: (checked.append(article.meta.title),
                                                               original(article, laid)))
    build(PACK, "pdf", tmp_path / "p.pdf", options=options(tmp_path, jobs=1))
    assert sorted(checked) == sorted(e.article.meta.title for e in read_pack(PACK).entries)


def test_pack_pdf_is_clean_and_embeds_its_fonts(built):
    if shutil.which("qpdf") is None or shutil.which("pdffonts") is None:
        pytest.skip("qpdf and pdffonts are needed (apt-get install qpdf poppler-utils)")
    assert subprocess.run(["qpdf", "--check", str(built[0])], capture_output=True).returncode == 0
    fonts = subprocess.run(["pdffonts", str(built[0])], capture_output=True, text=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts


def test_a_rebuild_uses_the_cache_and_is_identical(built, tmp_path):
    dest, first_calls, folder = built
    calls = []
    opts = options(folder, progress=lambda k, n, title, s, cached=False: calls.append(cached))
    again = build(PACK, "pdf", tmp_path / "again.pdf", options=opts)
    assert all(calls) and len(calls) == len(first_calls)
    assert again.read_bytes() == dest.read_bytes()


def test_editing_one_article_re_renders_only_that_one(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(CONTENT, pack)
    calls = []
    opts = options(tmp_path, progress=lambda k, n, title, s, cached=False: calls.append((title, cached)))
    build(pack / "coursepack.toml", "pdf", tmp_path / "a.pdf", options=opts)
    slow = pack / "slow-light.md"
    slow.write_text(slow.read_text().replace("A lighthouse does not shine", "A lighthouse never shines"))
    calls.clear()
    build(pack / "coursepack.toml", "pdf", tmp_path / "b.pdf", options=opts)
    assert [title for title, cached in calls if not cached] == ["The Slow Light of Lighthouses"]


def test_an_article_whose_note_cannot_be_placed_fails_the_pack(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    long_note = " ".join(["A very long note sentence that goes on."] * 400)
    (pack / "a.md").write_text(f"---\ntitle: T\nauthor: A\n---\n\nText.[^1]\n\n[^1]: {long_note}\n")
    (pack / "coursepack.toml").write_text('[course]\ntitle = "C"\n\n[[items]]\nsource = "a.md"\n'
                                          '[items.permission]\nkind = "public-domain"\n')
    with pytest.raises(PublishError, match="too tall"):
        build(pack / "coursepack.toml", "pdf", tmp_path / "x.pdf", options=options(tmp_path, jobs=1))
    assert not (tmp_path / "x.pdf").exists()


def test_a_cover_image_from_the_manifest_is_printed_on_the_cover(tmp_path):
    from PIL import Image
    pack = tmp_path / "pack"
    shutil.copytree(CONTENT, pack)
    Image.new("RGB", (300, 400), (20, 60, 120)).save(pack / "cover.png")
    manifest = pack / "coursepack.toml"
    manifest.write_text(manifest.read_text().replace('preface = ', 'cover = "cover.png"\npreface = ', 1))
    pdf = build(manifest, "pdf", tmp_path / "c.pdf", options=options(tmp_path))
    with pikepdf.open(pdf) as doc:
        assert list(doc.pages[0].get_images()), "the cover page shows the image"


def test_a_cover_outside_the_manifest_folder_is_refused(tmp_path):
    from PIL import Image
    from publish.errors import InputError
    outside = tmp_path / "outside.png"
    Image.new("RGB", (10, 10)).save(outside)
    pack = tmp_path / "pack"
    shutil.copytree(CONTENT, pack)
    manifest = pack / "coursepack.toml"
    manifest.write_text(manifest.read_text().replace('preface = ', 'cover = "../outside.png"\npreface = ', 1))
    with pytest.raises(InputError, match="leaves the article's folder"):
        build(manifest, "pdf", tmp_path / "c.pdf", options=options(tmp_path))
