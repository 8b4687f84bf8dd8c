"""The command line: help, version, every command, and bad input without tracebacks."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile

import pytest

from tests.conftest import ARTICLES, CONTENT, ROOT, SAMPLES


def test_help_teaches_with_examples(run):
    result = run("--help")
    assert result.exit_code == 0
    for word in ("epub", "pdf", "check", "convert", "backends", "Examples:"):
        assert word in result.output


@pytest.mark.parametrize("command", ["epub", "pdf", "check", "convert", "backends"])
def test_each_command_has_help(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output
    if command != "backends":
        assert "Examples:" in result.output


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and "publish" in result.output


def test_help_imports_neither_weasyprint_nor_lxml():
    code = ("import sys\nfrom publish.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('weasyprint', 'lxml', 'ebooklib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip().endswith("[]")


def test_backends_lists_the_built_ins(run):
    result = run("backends")
    assert result.exit_code == 0
    for name in ("epub", "pdf", "markdown", "xml"):
        assert f"  {name} " in result.output
    assert "publish 0.1.0" in result.output


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_check_reports_the_facts(run, sample):
    result = run("check", sample)
    assert result.exit_code == 0, result.output
    for field in ("title:", "authors:", "date:", "notes:", "calls:", "copyright:", "permissions:", "source:"):
        assert field in result.output
    assert "no errors" in result.output


def test_check_reports_note_counts(run):
    out = run("check", CONTENT / "slow-light.md").output
    assert "notes:       6" in out and "calls:       8 (note 2 called 2 times; note 5 called 2 times)" in out


def test_convert_writes_the_model(run, tmp_path):
    out = tmp_path / "x.xhtml"
    result = run("convert", SAMPLES[0], "-o", out)
    assert result.exit_code == 0 and out.read_bytes().startswith(b"<?xml")
    assert run("convert", SAMPLES[0], "-o", "-").output.startswith("<?xml")


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["epub", "pdf"])
def test_build_one_source(run, tmp_path, backend):
    out = tmp_path / f"a.{backend}"
    result = run("-q", backend, SAMPLES[0], "-o", out)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000 and not list(tmp_path.glob(".*.part"))


@pytest.mark.slow
def test_without_source_builds_all_of_content_into_dist(run, tmp_path, monkeypatch):
    shutil.copytree(CONTENT, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    result = run("epub")
    assert result.exit_code == 0, result.output
    built = sorted(p.name for p in (tmp_path / "dist").iterdir())
    expected = [*ARTICLES, CONTENT / "coursepack.toml"]  # the EPUB backend renders coursepacks too
    assert built == sorted(p.stem + ".epub" for p in expected)
    assert f"[1/{len(expected)}]" in result.output
    with zipfile.ZipFile(tmp_path / "dist" / built[0]) as z:
        assert z.namelist()[0] == "mimetype"


BAD = {
    "unknown-type.docx": (b"PK\x03\x04 binary", "unknown file type"),
    "invalid-utf8.md": (b"---\ntitle: T\n---\n\nCaf\xe9 au lait\n", "not valid UTF-8"),
    "malformed.xhtml": (b'<html xmlns="http://www.w3.org/1999/xhtml">\n<body>\n<p>x</body></html>', "malformed XML"),
    "missing-note.md": (b"---\ntitle: T\n---\n\nText.[^gone]\n", "has no note"),
    "uncalled-note.md": (b"---\ntitle: T\n---\n\nText.\n\n[^a]: Lonely.\n", "never called"),
    "empty.md": (b"  \n", "empty"),
    "mixed-encodings.md": ("---\ntitle: T\n---\n\nCaf\u00e9 ".encode() + "na\u00efve".encode("latin-1"), "not valid UTF-8"),
}


@pytest.mark.parametrize("name", BAD)
@pytest.mark.parametrize("command", ["check", "epub", "pdf", "convert"])
def test_bad_input_is_one_clear_line_and_exit_1(run, write, tmp_path, monkeypatch, name, command):
    data, message = BAD[name]
    path = write(name, data)
    monkeypatch.chdir(tmp_path)
    result = run(command, path)
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert f"{path}:" in result.output  # names the file (and line where there is one)
    assert not (tmp_path / "dist").exists() or not any((tmp_path / "dist").iterdir())


def test_duplicate_id_names_file_and_line(run, write):
    good = (CONTENT / "slow-light.md").read_text()
    src = write("dup.md", good.replace("## A grammar of darkness", '<h2 id="note-3">A grammar of darkness</h2>'))
    result = run("check", src)
    assert result.exit_code == 1 and "duplicate id 'note-3'" in result.output and "[M002]" in result.output


def test_invalid_utf8_gives_offset_and_line(run, write):
    result = run("check", write("x.md", b"---\ntitle: T\n---\n\nline\nCaf\xe9\n"))
    assert ":6: error: not valid UTF-8 (byte 0xe9 at offset 26)" in result.output


@pytest.mark.parametrize("args,message", [
    (["epub", "--from", "nope", "x.md"], "unknown reader 'nope'"),
    (["epub", "--bogus"], "No such option"),
    (["frobnicate"], "No such command"),
])
def test_usage_errors_exit_2(args, message, write, tmp_path):
    write("x.md", "---\ntitle: T\n---\n\nx\n")
    out = subprocess.run([sys.executable, "-m", "publish", *args], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 2, out.stderr
    assert message in out.stderr and "Traceback" not in out.stderr


def test_missing_file_exits_1(tmp_path):
    out = subprocess.run([sys.executable, "-m", "publish", "check", "nope.md"], capture_output=True, text=True,
                         cwd=tmp_path)
    assert out.returncode == 1 and "nope.md: error: no such file" in out.stderr


def test_failed_build_keeps_previous_output(run, write, tmp_path):
    out = tmp_path / "keep.epub"
    out.write_bytes(b"previous")
    result = run("epub", write("bad.md", "---\ntitle: T\n---\n\nx[^missing]\n"), "-o", out)
    assert result.exit_code == 1 and out.read_bytes() == b"previous"
    assert not list(tmp_path.glob(".*.part"))


STALL = """import time
class Stall:
    name, suffix = "stall", ".out"
    def write(self, article, dest, options):
        dest.write_text("partial")
        time.sleep(60)
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_leaves_no_partial_file(tmp_path, signum):
    """A build interrupted mid-write keeps the previous output and leaves no temporary file."""
    site = tmp_path / "site"
    info = site / "stall-0.1.dist-info"
    info.mkdir(parents=True)
    (site / "stall.py").write_text(STALL)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: stall\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[publish.backends]\nstall = stall:Stall\n")
    out = tmp_path / "book.out"
    out.write_text("previous")
    script = ("from publish.cli import build, main\n"
              "run = build.run\n"
              "build.run = lambda ctx, backend, *rest: run(ctx, 'stall', *rest)\n"
              f"main(['epub', {str(SAMPLES[0])!r}, '-o', {str(out)!r}])\n")
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(site)})
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".book.out.*.part")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".book.out.*.part")), "the build never started writing"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "interrupted" in err
    assert out.read_text() == "previous" and not list(tmp_path.glob(".*.part"))
