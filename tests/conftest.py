"""Shared fixtures: paths, a CLI runner, temporary sources, checkers that must exist on CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = sorted(CONTENT.glob("*.md"))  # our Markdown samples
ARTICLES = sorted(p for p in CONTENT.iterdir() if p.suffix in {".md", ".txt", ".html", ".xhtml"})  # every format


@pytest.fixture
def run():
    """Run the CLI in-process: run("check", "x.md") -> click Result (exit_code, output)."""
    from publish.cli import cli

    def invoke(*args, **kw):
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)
    return invoke


def unavailable(reason: str):
    """A checker is missing: skip locally, but fail on CI (CI=true), which must install it."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason}; CI must install it (see .ci/install)")
    pytest.skip(reason)


@pytest.fixture
def corpus_present():
    """The shared corpus sits beside the repository (../shared); CI always has it."""
    if not (CORPUS / "foreign-affairs-2017-tillerson.txt").exists():
        unavailable(f"the shared corpus is not at {CORPUS}")


@pytest.fixture
def write(tmp_path):
    """write("name.md", text) -> path of a new file in a temporary folder."""
    def make(name: str, text: str | bytes) -> Path:
        p = tmp_path / name
        p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return p
    return make


# Hypothesis: short runs by default (CI), longer with --hypothesis-profile=long.
try:
    from datetime import timedelta

    from hypothesis import settings as _hsettings

    _hsettings.register_profile("default", max_examples=40, deadline=timedelta(seconds=20))
    _hsettings.register_profile("long", max_examples=1000, deadline=timedelta(seconds=30))
    _hsettings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
except ImportError:  # hypothesis is a test extra
    pass
