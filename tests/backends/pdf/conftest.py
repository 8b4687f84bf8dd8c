"""PDF backend fixtures: builds shared by the tests of a session, the stress article."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ARTICLES, CORPUS, ROOT

EPOCH = 1700000000
CLIP = CORPUS / "foreign-affairs-2017-tillerson.txt"


def load_stress():
    """bench/stress.py, which makes the stress article (shared with the benchmark)."""
    spec = importlib.util.spec_from_file_location("publish_bench_stress", ROOT / "bench" / "stress.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Built:
    article: object
    layout: object  # publish.backends.pdf.Layout
    pdf: Path
    extra: dict

    @property
    def problems(self):
        return self.layout.placement.problems(self.layout.calls)


@pytest.fixture(scope="session")
def stress_source(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stress") / "stress.md"
    path.write_text(load_stress().stress_markdown(), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """build(source, paper="a4", **extra) -> Built; each distinct build runs once a session."""
    from publish.backends import pdf
    from publish.pipeline import read

    cache, folder = {}, tmp_path_factory.mktemp("pdf")

    def make(source: Path, **extra) -> Built:
        extra = {"paper": "a4", **extra}
        key = (str(source), tuple(sorted(extra.items())))
        if key not in cache:
            article = read(source, backend="pdf")
            layout = pdf.lay_out(article, extra, EPOCH)
            dest = folder / f"{source.stem}-{len(cache)}.pdf"
            pdf.check(article, layout)
            pdf.write_pdf(article, layout, dest, extra)
            cache[key] = Built(article, layout, dest, extra)
        return cache[key]
    return make


def clip_or_skip() -> Path:
    """The corpus clip, when the clip reader can read it here."""
    from publish.errors import PublishError
    from publish.pipeline import read

    if not CLIP.exists():
        pytest.skip("the corpus clip is not here")
    try:
        read(CLIP, backend="pdf")
    except PublishError as exc:
        pytest.skip(f"the clip reader cannot read the corpus clip yet: {exc}")
    return CLIP


__all__ = ["ARTICLES", "Built", "clip_or_skip", "load_stress"]
