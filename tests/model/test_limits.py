"""Limits: hostile sizes fail fast with a clear message instead of exhausting the machine."""

from __future__ import annotations

import time

import pytest

from publish.errors import InputError, Report
from publish.model import limits
from publish.pipeline import read
from publish.source import MAX_BYTES

HEAD = "---\ntitle: T\nauthor: A\n---\n\n"


def rules(write, name, text):
    report = Report()
    start = time.monotonic()
    with pytest.raises(InputError):
        read(write(name, text), report=report)
    assert time.monotonic() - start < 20, "a limit must fail fast"
    return [e.rule for e in report.errors]


def test_a_20_mb_article_is_refused_at_once(write, tmp_path):
    path = tmp_path / "huge.md"
    path.write_bytes(HEAD.encode() + b"word " * (20 * 2**20 // 5))
    with pytest.raises(InputError, match="over the 8 MiB limit"):
        read(path)
    assert MAX_BYTES == 8 * 2**20


def test_deep_nesting_is_an_error(write):
    depth = limits.MAX_DEPTH + 10
    html = "<html><body><h1>T</h1>" + "<blockquote>" * depth + "deep" + "</blockquote>" * depth + "</body></html>"
    assert rules(write, "deep.html", html) == ["S010"]


def test_ten_thousand_notes_are_refused(write):
    calls = " ".join(f"w[^{i}]" for i in range(1, 10_001))
    notes = "\n".join(f"[^{i}]: n{i}" for i in range(1, 10_001))
    assert "S011" in rules(write, "notes.md", HEAD + calls + "\n\n" + notes + "\n")


def test_a_table_with_ten_thousand_rows_is_refused(write):
    rows = "\n".join("| a | b |" for _ in range(10_000))
    assert "S012" in rules(write, "table.md", HEAD + "| h | i |\n|---|---|\n" + rows + "\n")


def test_within_the_limits_reads_fine(write):
    rows = "\n".join("| a | b |" for _ in range(200))
    calls = " ".join(f"w[^{i}]" for i in range(1, 301))
    notes = "\n".join(f"[^{i}]: n{i}" for i in range(1, 301))
    art = read(write("ok.md", HEAD + "| h | i |\n|---|---|\n" + rows + "\n\n" + calls + "\n\n" + notes + "\n"))
    assert len(art.notes()) == 300
