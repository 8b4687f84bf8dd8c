"""Fuzzing whole builds: a generated article gives a valid EPUB and a PDF that qpdf accepts,
or a clear InputError; never a traceback or a hang (Hypothesis' deadline bounds each case).
A sample of the EPUBs goes through EPUBCheck at the end.

Short by default; longer with: python3 -m pytest tests/fuzz --hypothesis-profile=long
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

from publish.errors import PublishError
from publish.pipeline import BuildOptions, build
from tests.backends.epub.conftest import run_epubcheck
from tests.conftest import unavailable
from tests.fuzz.strategies import markdown_article

pytestmark = pytest.mark.slow
BUILT_EPUBS: list[Path] = []
EPUBCHECK_SAMPLE = 6
FUZZ = settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def build_or_error(path: Path, backend: str) -> Path | None:
    dest = path.with_suffix(f".{backend}")
    try:
        return build(path, backend, dest, options=BuildOptions(source_date_epoch=1_700_000_000))
    except PublishError as exc:  # a clear error: file, message, nothing written
        assert all(": error: " in line or ": warning: " in line for line in exc.lines()), exc.lines()
        assert not dest.exists()
        return None


#: Two articles that must build, so the EPUBCheck sample is never empty (Hypothesis starts
#: from minimal cases, which mostly fail on a machine with no example database yet).
GOOD = ["---\ntitle: \"Ünïcödé ✓ 𝔘\"\nauthor: \"Zoë\"\n---\n\n# Heading\n\nText *em* and **strong**.[^a]\n\n"
        "> quoted \"words\" here\n\n- one\n- two[^a]\n\n[^a]: A note with <b>markup</b> & more.\n",
        "---\ntitle: Plain\n---\n\nJust a paragraph.\n"]


@FUZZ
@example(text=GOOD[0])
@example(text=GOOD[1])
@given(text=markdown_article())
def test_epub_builds_or_fails_cleanly(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fzb") / "a.md"
    path.write_text(text, encoding="utf-8")
    epub = build_or_error(path, "epub")
    if epub is not None and len(BUILT_EPUBS) < EPUBCHECK_SAMPLE:
        BUILT_EPUBS.append(epub)


@FUZZ
@given(text=markdown_article())
def test_pdf_builds_or_fails_cleanly(tmp_path_factory, text):
    if shutil.which("qpdf") is None:
        unavailable("qpdf is not installed (apt-get install qpdf)")
    path = tmp_path_factory.mktemp("fzp") / "a.md"
    path.write_text(text, encoding="utf-8")
    pdf = build_or_error(path, "pdf")
    if pdf is not None:
        check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_a_sample_of_fuzzed_epubs_passes_epubcheck(tmp_path):
    assert BUILT_EPUBS, "no article built: run the whole module (the explicit examples always build)"
    for path, report in run_epubcheck(BUILT_EPUBS, tmp_path).items():
        checker = report["checker"]
        messages = [f"{m['severity']} {m['ID']}: {m['message']}" for m in report["messages"]]
        assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0), (path, messages)
