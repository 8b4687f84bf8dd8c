"""A coursepack as one printed handout.

Each article is laid out on its own, in parallel processes, with its own first page, running
heads and footnotes under the same guarantee as a single handout, and no page numbers. Its
PDF is cached under the cache folder by a hash of everything that shapes it, so editing one
article re-renders only that one. A second pass needs no re-layout: every article starts on
a right-hand page, so its layout does not depend on where it lands. Assembly adds the front
matter (which needs the final page numbers for its contents), blank versos, the continuous
page numbers as an overlay, page labels and the outline (``assemble.py``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import time
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata as dist_metadata
from importlib import resources
from pathlib import Path

import weasyprint
from lxml import etree

from publish import __version__
from publish.backends.pdf import assemble, packfront, paper, render
from publish.backends.pdf.fetch import ConfinedFetcher
from publish.coursepack import Coursepack
from publish.model import Article, E
from publish.output import atomic_path
from publish.readers.xml import safe_parser

#: Pages of the article renders carry no numbers: the overlay prints the pack's.
NO_NUMBERS = "@page :left { @bottom-left { content: none; } } @page :right { @bottom-right { content: none; } }"


def default_cache() -> Path:
    return Path(os.environ.get("PUBLISH_CACHE", ".cache/publish"))


def write(pack: Coursepack, dest, options) -> None:
    """Render ``pack`` to ``dest`` as one handout."""
    extra = {**options.extra, "paper": options.extra.get("paper") or pack.manifest.paper,
             "style": options.extra.get("style") or pack.manifest.style, "front_matter": "first-page",
             "pdf_variant": None, "extra_css": NO_NUMBERS}
    progress = options.extra.get("progress")
    cache = Path(options.extra.get("cache_dir") or default_cache())
    shared = _shared_digest(extra)  # the style sheets and versions, hashed once per build
    jobs = [_job(entry, extra, options.timestamp, shared) for entry in pack.entries]
    results = _render_all(jobs, cache, options.extra.get("jobs") or os.cpu_count() or 1, progress)

    parts = [assemble.Part(r["pdf"], r["pages"], r["bookmarks"], e.article.meta.title, e.section, e.item.start)
             for r, e in zip(results, pack.entries)]
    plan = assemble.Plan.of(parts)
    css = _css(extra)
    lang = pack.manifest.language
    numbers = _render_cached(cache, packfront.numbers_html(plan.total, set(plan.blanks)),
                             css + [packfront.NUMBERS_CSS])
    front = _render_cached(cache, packfront.front_html(
        pack, [(e, start + 1) for e, start in zip(pack.entries, plan.starts)], lang), css + [packfront.FRONT_CSS],
        folder=pack.manifest.path.parent, files=[pack.manifest.cover] if pack.manifest.cover else [])
    m = pack.manifest
    created = dt.datetime.fromtimestamp(int(options.timestamp), dt.timezone.utc).strftime("D:%Y%m%d%H%M%SZ")
    meta = assemble.Meta(title=m.title, author=m.instructor,
                         subject=" · ".join(filter(None, [m.code, m.term, m.institution])) or None,
                         keywords="coursepack", language=lang, created=created)
    assemble.assemble(front, parts, numbers, plan, meta, dest)


def _css(extra) -> list[str]:
    """The house style and page setup the pack's own pages share with its articles."""
    styles = resources.files("publish.styles")
    return [styles.joinpath(name).read_text("utf-8") for name in render.STYLES[extra.get("style") or "print"]] + \
        [paper.page_css(extra["paper"], extra.get("bleed"), extra.get("marks"))]


def _render_cached(cache: Path, html: str, css: list[str], folder: Path | None = None, files=()) -> bytes:
    """A pack page set (front matter, page-number overlay), cached by a hash of what shapes it
    (its HTML, CSS and the files it shows): a rebuild that changes no page count renders
    neither again. Files load from ``folder`` only."""
    digest = hashlib.sha256("\0".join([html, *css, __version__, dist_metadata.version("weasyprint")]).encode())
    for f in files:
        digest.update(Path(f).read_bytes())
    path = cache / f"pages-{digest.hexdigest()}.pdf"
    if path.is_file():
        return path.read_bytes()
    fetcher = ConfinedFetcher([folder] if folder else [])
    data = weasyprint.HTML(string=html, base_url=str(folder or "."), url_fetcher=fetcher).write_pdf(
        stylesheets=[weasyprint.CSS(string=c) for c in css])
    cache.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return data


def _job(entry, extra, timestamp, shared: bytes) -> dict:
    """Everything one article's render depends on; its hash is the cache key."""
    article = entry.article.copy()
    perm = entry.item.permission
    # The item's permission record joins the article's own credit block on its first page.
    section = article.find("h:body/h:section[@class='permissions']")
    if section is None:
        section = E.section({"class": "permissions"})
        article.root.find("{http://www.w3.org/1999/xhtml}body").insert(2, section)
    section.append(E.p("In this coursepack: " + (perm.statement() if perm else "permission record pending.")))
    keep = {k: v for k, v in extra.items() if k not in ("progress", "cache_dir", "jobs")}
    if entry.item.short_title:
        keep["short_title"] = entry.item.short_title
    if entry.item.start == "left":  # laid out to open on a left-hand page; assembly keeps it there
        keep["extra_css"] = keep["extra_css"] + " html { break-before: left; }"
    job = {"article": article.to_bytes(), "source": str(entry.article.source), "extra": keep,
           "timestamp": timestamp, "title": entry.article.meta.title}
    digest = hashlib.sha256()
    for part in (job["article"], json.dumps(keep, sort_keys=True, default=str).encode(), str(timestamp).encode(),
                 shared):
        digest.update(part)
        digest.update(b"\0")
    job["key"] = digest.hexdigest()
    return job


def _shared_digest(extra) -> bytes:
    """What shapes every article's render alike: our version, WeasyPrint's, the style sheets."""
    styles = resources.files("publish.styles")
    data = b"".join(styles.joinpath(n).read_bytes() for n in ("print.css", "print-large.css"))
    if extra.get("css"):
        data += Path(extra["css"]).read_bytes()
    data += __version__.encode() + b"\0" + dist_metadata.version("weasyprint").encode()
    return hashlib.sha256(data).digest()


def _render_all(jobs, cache: Path, workers: int, progress) -> list[dict]:
    results: list = [None] * len(jobs)
    todo = []
    for i, job in enumerate(jobs):
        hit = _cached(cache, job["key"])
        if hit is not None:
            results[i] = hit
            if progress:
                progress(i + 1, len(jobs), job["title"], 0.0, cached=True)
        else:
            todo.append(i)
    start = time.perf_counter()
    if todo:
        if workers > 1 and len(todo) > 1:
            with ProcessPoolExecutor(max_workers=min(workers, len(todo))) as pool:
                futures = {i: pool.submit(render_job, jobs[i]) for i in todo}
                for i in todo:
                    results[i] = futures[i].result()
                    _store(cache, jobs[i]["key"], results[i])
                    if progress:
                        progress(i + 1, len(jobs), jobs[i]["title"], time.perf_counter() - start)
        else:
            for i in todo:
                results[i] = render_job(jobs[i])
                _store(cache, jobs[i]["key"], results[i])
                if progress:
                    progress(i + 1, len(jobs), jobs[i]["title"], time.perf_counter() - start)
    return results


def render_job(job) -> dict:
    """In a worker process: lay out one article under the footnote guarantee, as a PDF."""
    root = etree.fromstring(job["article"], safe_parser())
    article = Article(root.getroottree(), Path(job["source"]))
    laid = render.lay_out(article, job["extra"], job["timestamp"])
    render.check(article, laid)
    buffer = io.BytesIO()
    render.write_pdf(article, laid, buffer, job["extra"])
    bookmarks = [(level, label, i) for i, page in enumerate(laid.document.pages)
                 for level, label, _, _ in page.bookmarks]
    return {"pdf": buffer.getvalue(), "pages": len(laid.document.pages), "bookmarks": bookmarks}


def _cached(cache: Path, key: str):
    pdf_path, info = cache / f"{key}.pdf", cache / f"{key}.json"
    if not (pdf_path.is_file() and info.is_file()):
        return None
    try:
        data = json.loads(info.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    data["pdf"] = pdf_path.read_bytes()
    data["bookmarks"] = [tuple(b) for b in data["bookmarks"]]
    return data


def _store(cache: Path, key: str, result: dict) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    with atomic_path(cache / f"{key}.pdf") as tmp:
        tmp.write_bytes(result["pdf"])
    with atomic_path(cache / f"{key}.json") as tmp:
        tmp.write_text(json.dumps({"pages": result["pages"], "bookmarks": result["bookmarks"]}), "utf-8")
