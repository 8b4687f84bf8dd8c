"""Plug-ins: a third-party backend installed through an entry point, and unknown names."""

from __future__ import annotations

import textwrap

import pytest

from publish import plugins
from publish.errors import UsageError
from publish.pipeline import build
from tests.conftest import SAMPLES


@pytest.fixture
def third_party(tmp_path, monkeypatch):
    """A distribution 'wordcount-backend' on sys.path, declaring a `publish.backends` entry point."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "wordcount_backend.py").write_text(textwrap.dedent('''
        class WordCount:
            name, suffix, description = "wordcount", ".txt", "counts words"
            def write(self, article, dest, options):
                words = " ".join(article.main.itertext()).split()
                dest.write_text(f"{article.meta.title}: {len(words)} words\\n")
    '''))
    info = site / "wordcount_backend-1.2.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: wordcount-backend\nVersion: 1.2\n")
    (info / "entry_points.txt").write_text("[publish.backends]\nwordcount = wordcount_backend:WordCount\n")
    monkeypatch.syspath_prepend(str(site))
    plugins.available.cache_clear()
    yield
    plugins.available.cache_clear()


def test_a_third_party_backend_plugs_in(third_party, tmp_path, run):
    assert "wordcount" in plugins.available("backend")
    listing = run("backends").output
    assert "wordcount" in listing and "wordcount-backend 1.2" in listing
    dest = build(SAMPLES[0], "wordcount", tmp_path / "out.txt")
    assert dest.read_text().endswith("words\n")
    result = run("render", SAMPLES[0], "--to", "wordcount", "-o", tmp_path / "cli.txt")
    assert result.exit_code == 0 and (tmp_path / "cli.txt").read_text() == dest.read_text()


def test_built_ins_come_through_entry_points_too():
    assert {"epub", "pdf"} <= set(plugins.available("backend"))
    assert {"markdown", "xml"} <= set(plugins.available("reader"))
    assert [t.name for t in plugins.transforms()] == ["resources", "typography", "note-ids", "heading-ids",
                                                     "identifier"]


def test_unknown_backend_exits_2_listing_the_installed_ones(run):
    result = run("render", SAMPLES[0], "--to", "docx")
    assert result.exit_code == 2 and "unknown backend 'docx'" in result.output and "epub" in result.output


def test_unknown_backend_lists_the_installed_ones():
    with pytest.raises(UsageError) as exc:
        plugins.load("backend", "docx")
    assert "unknown backend 'docx'" in str(exc.value) and "epub" in exc.value.diagnostic.hint
