"""Reproducible builds: with SOURCE_DATE_EPOCH, two builds are byte-identical."""

from __future__ import annotations

import zipfile

import pytest

from publish.pipeline import BuildOptions, build
from tests.backends.epub.conftest import SAMPLES


@pytest.mark.parametrize("source", SAMPLES, ids=lambda p: p.stem)
def test_two_builds_are_byte_identical(source, tmp_path):
    options = BuildOptions(source_date_epoch=1_600_000_000)
    a = build(source, "epub", tmp_path / "a.epub", options=options)
    b = build(source, "epub", tmp_path / "b.epub", options=options)
    assert a.read_bytes() == b.read_bytes()


def test_zip_layout(built):
    with zipfile.ZipFile(built(SAMPLES[0])) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/epub+zip"
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_without_epoch_the_build_time_is_used(tmp_path):
    path = build(SAMPLES[0], "epub", tmp_path / "now.epub", options=BuildOptions())
    with zipfile.ZipFile(path) as z:
        assert z.infolist()[0].date_time[0] >= 2024
