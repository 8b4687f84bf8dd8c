"""Fuzzing the readers: any input gives a valid article or a clear InputError, never a crash.

Short by default; run longer with: python3 -m pytest tests/fuzz --hypothesis-profile=long
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publish.errors import InputError, Report
from publish.model.validate import validate
from publish.pipeline import read
from tests.fuzz.strategies import markdown_article

FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def read_or_error(path):
    report = Report()
    try:
        article = read(path, report=report)
    except InputError as exc:
        assert exc.lines() and all(": error: " in line or ": warning: " in line for line in exc.lines())
        return None
    assert validate(article, Report()).errors == []
    return article


@FUZZ
@given(text=markdown_article())
def test_markdown_articles(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fz") / "a.md"
    path.write_text(text, encoding="utf-8")
    read_or_error(path)


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".md", ".txt", ".html", ".xhtml", ".bin"]))
def test_arbitrary_bytes(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fz") / f"a{suffix}"
    path.write_bytes(data)
    read_or_error(path)


@FUZZ
@given(body=st.text(max_size=300), suffix=st.sampled_from([".html", ".xhtml", ".txt"]))
def test_markup_soup(tmp_path_factory, body, suffix):
    path = tmp_path_factory.mktemp("fz") / f"a{suffix}"
    path.write_text(f"<html><body><h1>T</h1><p>{body}</p></body></html>", encoding="utf-8")
    read_or_error(path)
