"""`publish pdf`: options reach the backend, -v reports repairs, failures are messages."""

from __future__ import annotations

from tests.conftest import CONTENT

SLOW = CONTENT / "slow-light.md"


def test_verbose_reports_the_guard(run, tmp_path):
    result = run("-v", "pdf", "--paper", "letter", SLOW, "-o", tmp_path / "a.pdf")
    assert result.exit_code == 0, result.output
    assert "publish.pdf: footnotes:" in result.stderr and "page re-layout(s)" in result.stderr
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF-1.7")


def test_quiet_by_default(run, tmp_path):
    result = run("pdf", SLOW, "-o", tmp_path / "a.pdf")
    assert result.exit_code == 0 and "footnotes:" not in result.stderr


def test_help_lists_the_options(run):
    out = run("pdf", "--help").output
    for option in ("--paper", "--front-matter", "--style", "--css", "--bleed", "--marks", "--pdf-variant"):
        assert option in out


def test_bad_options_are_usage_errors(run, tmp_path):
    assert run("pdf", "--paper", "a5", SLOW).exit_code == 2
    assert run("pdf", "--css", tmp_path / "missing.css", SLOW).exit_code == 2


def test_too_tall_note_is_a_build_failure_with_a_way_forward(run, write, tmp_path):
    long = " ".join(["A sentence that goes on about the coast and its lights."] * 14)
    src = write("tall.md", "---\ntitle: Tall\n---\n\nText.[^1]\n\n[^1]: " + "\n\n    ".join([long] * 10) + "\n")
    result = run("pdf", src, "-o", tmp_path / "tall.pdf")
    assert result.exit_code == 1
    assert "note 1" in result.stderr and "too tall" in result.stderr and "shorten" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "tall.pdf").exists()


def test_bleed_must_be_a_length(run, tmp_path):
    assert run("pdf", "--bleed", "3", SLOW, "-o", tmp_path / "a.pdf").exit_code == 2
    assert run("pdf", "--bleed", "0.125in", "--marks", SLOW, "-o", tmp_path / "a.pdf").exit_code == 0
