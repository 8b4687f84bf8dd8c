"""Benchmark: coursepack builds on a generated pack (bench/pack.py).

    python bench/coursepack_bench.py [--articles 40] [--jobs 2]

Measures, each in a fresh process: the full PDF build (cold cache) against one plain
WeasyPrint render of all the articles' print HTML in a single document; a rebuild after
editing one article (warm cache); the EPUB build; and peak RSS as the pack grows (10, 20, 40
articles). Peak RSS is that of the largest single process (the main one or one worker).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from pack import make_pack  # noqa: E402  (a sibling script, not a package)

EPOCH = "1700000000"


#: Runs a command and prints the peak RSS (KB) of its largest process: in a fresh wrapper,
#: because RUSAGE_CHILDREN's maximum is cumulative over every child a process has waited for.
MEASURE = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
           "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def run(args: list[str], env: dict) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB of the largest process) of one command."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", MEASURE, *args], check=True, env=env, capture_output=True, text=True)
    return time.perf_counter() - start, int(out.stdout.strip().splitlines()[-1]) / 1024


PLAIN = """
import sys, weasyprint
from publish.pipeline import read_pack
from publish.backends.pdf import html as print_html, render
pack = read_pack(sys.argv[1])
bodies, sheets = [], None
for e in pack.entries:
    tree = print_html.render(e.article, "2023-11-14T22:13:20Z", "first-page")
    body = tree.find("body")
    body.tag = "div"
    bodies.append(print_html.to_string(body).split("\\n", 1)[-1])
    if sheets is None:
        _, sheets = render.stylesheets(e.article, {"paper": "a4"})
doc = weasyprint.HTML(string="<html><body>" + "".join(bodies) + "</body></html>").render(stylesheets=sheets)
doc.write_pdf(sys.argv[2])
print(len(doc.pages))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="packbench-"))
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PUBLISH_CACHE": str(work / "cache")}
    publish = [sys.executable, "-m", "publish", "-q"]
    results = {}
    try:
        manifest = make_pack(work / "pack", args.articles)
        pdf = work / "pack.pdf"
        results["pdf_full"] = run([*publish, "pdf", str(manifest), "-o", str(pdf), "-j", str(args.jobs)], env)
        from pypdf import PdfReader
        reader = PdfReader(pdf)
        results["pages"] = len(reader.pages)
        essay = work / "pack" / "essay-07.md"
        essay.write_text(essay.read_text().replace("A made-up article", "An edited made-up article"))
        results["pdf_rebuild_one_edited"] = run([*publish, "pdf", str(manifest), "-o", str(pdf),
                                                 "-j", str(args.jobs)], env)
        results["epub"] = run([*publish, "epub", str(manifest), "-o", str(work / "pack.epub")], env)
        results["plain_weasyprint_single_render"] = run([sys.executable, "-c", PLAIN, str(manifest),
                                                         str(work / "plain.pdf")], env)
        for n in (10, 20, 40):
            if n > args.articles:
                continue
            small = make_pack(work / f"pack{n}", n)
            results[f"pdf_full_{n}_articles"] = run([*publish, "pdf", str(small), "-o", str(work / f"p{n}.pdf"),
                                                     "-j", str(args.jobs)], {**env, "PUBLISH_CACHE": str(work / f"c{n}")})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    full, rebuild = results["pdf_full"][0], results["pdf_rebuild_one_edited"][0]
    summary = {k: ({"seconds": round(v[0], 2), "peak_rss_mb": round(v[1])} if isinstance(v, tuple) else v)
               for k, v in results.items()}
    summary["pages_per_second_full"] = round(results["pages"] / full, 1)
    summary["rebuild_share_of_full"] = f"{100 * rebuild / full:.0f}%"
    summary["full_vs_single_plain_render"] = f"{100 * full / results['plain_weasyprint_single_render'][0]:.0f}%"
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
