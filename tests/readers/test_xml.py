"""Canonical XML reader: round trip, malformed input, entities never resolved."""

from __future__ import annotations

import pytest

from publish.errors import InputError, Report
from publish.pipeline import read
from tests.conftest import SAMPLES


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_convert_output_reads_back_identically(sample, write):
    article = read(sample)
    again = read(write("a.xhtml", article.to_bytes()))
    assert again.to_bytes() == article.to_bytes()


def test_malformed_xml_names_the_line(write):
    with pytest.raises(InputError) as exc:
        read(write("a.xhtml", '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n<title>x</head></html>'))
    assert exc.value.diagnostic.line == 3 and "malformed XML" in str(exc.value)


def test_external_entities_are_not_resolved(write, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    doc = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en"><head><meta charset="utf-8"/>'
           '<title>t</title></head><body><header><h1>t</h1></header><main><p>&x;</p></main></body></html>')
    report = Report()
    with pytest.raises(InputError):
        read(write("a.xhtml", doc), report=report)
    assert any(d.rule == "S005" for d in report.errors)
    assert "TOP-SECRET" not in "".join(str(d) for d in report.items)


def test_a_non_article_root_is_refused(write):
    with pytest.raises(InputError, match="canonical article"):
        read(write("a.xhtml", '<svg xmlns="http://www.w3.org/1999/xhtml"><html/></svg>'), fmt="xml")


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["epub", "pdf"])
def test_converted_document_builds_the_same_file(backend, tmp_path):
    """`publish convert` read back gives byte-identical EPUB and PDF (issue 2)."""
    from publish.pipeline import BuildOptions, build
    sample = SAMPLES[0]
    converted = tmp_path / f"{sample.stem}.xhtml"
    converted.write_bytes(read(sample).to_bytes())
    options = BuildOptions(source_date_epoch=1_700_000_000)
    a = build(sample, backend, tmp_path / f"a.{backend}", options=options).read_bytes()
    b = build(converted, backend, tmp_path / f"b.{backend}", options=options).read_bytes()
    assert a == b
