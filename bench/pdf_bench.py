"""Benchmark: the PDF backend with its footnote guarantee against one plain WeasyPrint render
of the same print HTML (and pandoc --pdf-engine=weasyprint where pandoc is installed).

    python bench/pdf_bench.py [--runs 3] [--paper a4]

Each measurement runs in a fresh process (peak RSS is that process's). Times are medians;
CPU seconds are reported beside wall seconds because CI machines are shared. Inputs: the
stress article (bench/stress.py) and the corpus clip, when the clip reader can read it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLIP = ROOT.parent / "shared" / "corpus" / "foreign-affairs-2017-tillerson.txt"
EPOCH = 1700000000


def worker(engine: str, source: str, paper: str, dest: str) -> dict:
    """One measured build in this process; returns figures as a dict."""
    import weasyprint

    from publish.backends import pdf
    from publish.backends.pdf import html as print_html
    from publish.pipeline import read

    article = read(source, backend="pdf")
    extra = {"paper": paper}
    start, cpu = time.perf_counter(), time.process_time()
    if engine == "ours":
        layout = pdf.lay_out(article, extra, EPOCH)
        pdf.check(article, layout)
        pdf.write_pdf(article, layout, dest, extra)
        pages, guard = len(layout.document.pages), layout.guard.stats
        detail = {"relayouts": guard.relayouts, "repairs": len(guard.repairs)}
    else:  # plain: the same HTML and style sheets, one render, no guard, no check
        tree = print_html.render(article, "2023-11-14T22:13:20Z")
        fetcher, sheets = pdf.stylesheets(article, extra)
        document = weasyprint.HTML(string=print_html.to_string(tree), base_url=str(Path(source).parent),
                                   url_fetcher=fetcher).render(stylesheets=sheets)
        document.write_pdf(dest, pdf_variant="pdf/ua-1", pdf_tags=True)
        pages, detail = len(document.pages), {}
    return {"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu, "pages": pages,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **detail}


def measure(engine: str, source: Path, paper: str, runs: int, out: Path) -> dict:
    results = []
    for k in range(runs):
        dest = out / f"{source.stem}-{engine}-{k}.pdf"
        if engine == "pandoc":
            start = time.perf_counter()
            proc = subprocess.run(["pandoc", str(source), "-o", str(dest), "--pdf-engine=weasyprint"],
                                  capture_output=True, text=True)
            if proc.returncode:
                return {"error": proc.stderr.strip()[:200]}
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            results.append({"wall": time.perf_counter() - start, "cpu": None, "pages": _pages(dest),
                            "rss_mb": usage.ru_maxrss / 1024})
            continue
        proc = subprocess.run([sys.executable, __file__, "--worker", engine, str(source), paper, str(dest)],
                              capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        if proc.returncode:
            return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
        results.append(json.loads(proc.stdout.splitlines()[-1]))
    summary = {key: statistics.median(r[key] for r in results)
               for key in ("wall", "cpu") if results[0][key] is not None}
    summary.update({k: v for k, v in results[-1].items() if k not in summary})
    summary["rss_mb"] = max(r["rss_mb"] for r in results)
    summary["pages_per_s"] = summary["pages"] / summary["wall"]
    return summary


def _pages(path: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(path).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--paper", default="a4", choices=["a4", "letter"])
    parser.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(*args.worker)))
        return

    sys.path.insert(0, str(ROOT / "bench"))
    from stress import stress_markdown

    out = Path(tempfile.mkdtemp(prefix="publish-bench-"))
    stress = out / "stress.md"
    stress.write_text(stress_markdown(), encoding="utf-8")
    inputs = [("stress", stress)]
    if CLIP.exists():
        inputs.append(("corpus clip", CLIP))
    engines = ["plain", "ours"] + (["pandoc"] if shutil.which("pandoc") else [])
    print(f"{'input':<12} {'engine':<7} {'pages':>5} {'wall s':>7} {'cpu s':>7} {'pages/s':>8} "
          f"{'RSS MB':>7} {'overhead':>9}  notes")
    for name, source in inputs:
        figures = {engine: measure(engine, source, args.paper, args.runs, out) for engine in engines}
        base = figures["plain"]
        for engine, f in figures.items():
            if "error" in f:
                print(f"{name:<12} {engine:<7} error: {f['error']}")
                continue
            key = "cpu" if f.get("cpu") is not None and base.get("cpu") is not None else "wall"
            overhead = "" if engine == "plain" or "error" in base else f"{100 * (f[key] / base[key] - 1):+8.1f}%"
            extra = (f"{f['relayouts']} page re-layouts, {f['repairs']} repairs" if "relayouts" in f else "")
            print(f"{name:<12} {engine:<7} {f['pages']:>5} {f['wall']:>7.2f} "
                  f"{(f['cpu'] if f.get('cpu') is not None else float('nan')):>7.2f} {f['pages_per_s']:>8.2f} "
                  f"{f['rss_mb']:>7.0f} {overhead:>9}  {extra}")
    print("overhead: CPU time of ours over plain (wall time where CPU time is unknown); "
          f"median of {args.runs} runs; outputs in {out}")


if __name__ == "__main__":
    main()
