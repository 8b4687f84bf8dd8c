"""coursepack.toml: the sample checks clean; every manifest error is reported with its line."""

from __future__ import annotations

import shutil

import pytest

from publish.errors import InputError, Report
from publish.pipeline import read_pack
from tests.conftest import CONTENT

ARTICLE = "---\ntitle: {t}\nauthor: A\n---\n\nBody.\n"
PERMISSION = '[items.permission]\nkind = "open-licence"\nlicence = "CC BY 4.0"\n'


@pytest.fixture
def folder(tmp_path):
    for name in ("one", "two"):
        (tmp_path / f"{name}.md").write_text(ARTICLE.format(t=name.title()))
    return tmp_path


def problems(folder, manifest, draft=False):
    path = folder / "coursepack.toml"
    path.write_text(manifest)
    report = Report()
    try:
        read_pack(path, draft=draft, report=report)
    except InputError:
        pass
    return report


def item(source, permission=True):
    return f'\n[[items]]\nsource = "{source}"\n' + (PERMISSION if permission else "")


HEAD = '[course]\ntitle = "C"\n'


def test_the_sample_coursepack_checks_clean():
    report = Report()
    pack = read_pack(CONTENT / "coursepack.toml", report=report)
    assert report.errors == [] and len(pack.entries) >= 4
    formats = {e.item.source.suffix for e in pack.entries}
    assert {".md", ".txt", ".html", ".xhtml"} <= formats
    assert all(e.item.permission for e in pack.entries)
    assert [s for s, _ in pack.sections()] == ["Week 1: Signals at sea", "Week 2: Keeping time, rope and tools"]


def test_a_good_manifest_without_sections(folder):
    report = problems(folder, HEAD + item("one.md") + item("two.md"))
    assert report.items == []


def test_missing_file(folder):
    (err,) = problems(folder, HEAD + item("one.md") + item("gone.md")).errors
    assert "source 'gone.md' not found" in err.message and err.line == 10


def test_missing_permission_record_is_an_error_or_a_draft_warning(folder):
    text = HEAD + item("one.md") + item("two.md", permission=False)
    (err,) = problems(folder, text).errors
    assert "'two.md' has no permission record" in err.message and err.line == 10
    report = problems(folder, text, draft=True)
    assert report.errors == [] and "no permission record" in report.warnings[0].message


def test_duplicate_item(folder):
    (err,) = problems(folder, HEAD + item("one.md") + item("./one.md")).errors
    assert "listed twice (first on line 4)" in err.message and err.line == 10


def test_bad_paper_size(folder):
    (err,) = problems(folder, HEAD + 'paper = "a5"\n' + item("one.md")).errors
    assert "paper size 'a5'" in err.message and err.line == 3


def test_permission_kinds_need_their_fields(folder):
    text = HEAD + '\n[[items]]\nsource = "one.md"\n[items.permission]\nkind = "ccc"\n'
    (err,) = problems(folder, text).errors
    assert "a 'ccc' permission needs number" in err.message
    (err,) = problems(folder, text.replace('"ccc"', '"borrowed"')).errors
    assert "permission kind must be one of" in err.message


def test_invalid_toml_names_the_line(folder):
    (err,) = problems(folder, HEAD + "code = \n").errors
    assert "not valid TOML" in err.message and err.line == 3


def test_unknown_keys_warn(folder):
    report = problems(folder, HEAD + 'colour = "blue"\n' + item("one.md"))
    assert report.errors == [] and "unknown course key 'colour'" in report.warnings[0].message


def test_an_item_with_errors_is_reported_under_its_own_file(folder):
    (folder / "two.md").write_text("---\ntitle: T\n---\n\nx[^missing]\n")
    (err,) = problems(folder, HEAD + item("one.md") + item("two.md")).errors
    assert err.path.endswith("two.md") and err.line == 5


def test_check_command_lists_items_and_permissions(run):
    result = run("check", CONTENT / "coursepack.toml")
    assert result.exit_code == 0, result.output
    assert "items:       5" in result.output and "Copyright Clearance Center" in result.output


def test_check_command_fails_on_a_missing_permission(run, folder):
    shutil.copy(CONTENT / "slow-light.md", folder / "a.md")
    (folder / "coursepack.toml").write_text(HEAD + item("a.md", permission=False))
    assert run("check", folder / "coursepack.toml").exit_code == 1
    assert run("check", "--draft", folder / "coursepack.toml").exit_code == 0


def test_bad_style(folder):
    (err,) = problems(folder, HEAD + 'style = "fancy"\n' + item("one.md")).errors
    assert "style 'fancy'" in err.message and err.line == 3
