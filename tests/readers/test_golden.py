"""Golden files: each sample's canonical model, compared after C14N 2.0 canonicalisation."""

from __future__ import annotations

import difflib
import os

import pytest
from lxml import etree

from publish.pipeline import read
from tests.conftest import ROOT, SAMPLES

GOLDEN = ROOT / "tests" / "golden"
REGENERATE = "UPDATE_GOLDEN=1 python3 -m pytest tests/readers/test_golden.py"


def canonical(data: bytes) -> str:
    text = etree.canonicalize(etree.fromstring(data).getroottree(), strip_text=True)
    return text.replace("><", ">\n<")  # one tag a line, so that a diff is readable


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_model_matches_golden(sample):
    got = canonical(read(sample).to_bytes())
    golden = GOLDEN / f"{sample.stem}.xhtml"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file; create it with: {REGENERATE}"
    want = golden.read_text(encoding="utf-8")
    if got != want:
        diff = "\n".join(difflib.unified_diff(want.splitlines(), got.splitlines(), "golden", "now", lineterm=""))
        pytest.fail(f"{sample.name}: the model differs from {golden.relative_to(ROOT)}:\n{diff[:6000]}\n"
                    f"If the change is intended, regenerate with: {REGENERATE}")
