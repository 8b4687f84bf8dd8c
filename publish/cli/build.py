"""The shared shape of `publish epub` and `publish pdf`: one source, or all of content/."""

from __future__ import annotations

import time
from pathlib import Path

import click

from publish import plugins
from publish.cli.common import echo_report, user_errors
from publish.cli.progress import Progress
from publish.errors import PublishError, Report, UsageError

CONTENT = Path("content")


def sources_in(folder: Path, backend: str) -> list[Path]:
    """Every file in ``folder`` that some reader claims by its extension (READMEs aside), and
    its coursepack manifests when ``backend`` renders coursepacks."""
    exts = set()
    for name in plugins.available("reader"):
        exts.update(plugins.load("reader", name).extensions)
    if getattr(plugins.load("backend", backend), "coursepacks", False):
        exts.add(".toml")
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in exts and not p.name.startswith((".", "README")))


def run(ctx, backend: str, source, output, fmt, strict, extra: dict) -> None:
    from publish.pipeline import BuildOptions, build  # lxml etc. load only when building

    obj = ctx.obj or {}
    extra = {**extra, "jobs": obj.get("jobs"), "draft": obj.get("draft", False),
             "progress": Progress(quiet=obj.get("quiet", False))}
    options = BuildOptions.from_env(verbose=obj.get("verbose", False), strict=strict, extra=extra,
                                    allow_remote=obj.get("allow_remote", False))
    with user_errors(ctx):
        plugins.load("backend", backend)  # an unknown name fails before any work
        if source is None:
            if output:
                raise UsageError("-o/--output needs a SOURCE", hint="name the source to build")
            if not CONTENT.is_dir():
                raise UsageError("no SOURCE given and no content/ folder here",
                                 hint="name a source file, or run from the project folder")
            targets = sources_in(CONTENT, backend)
        else:
            targets = [Path(source)]
        failed = 0
        for k, path in enumerate(targets, 1):
            report = Report(path=str(path))
            start = time.perf_counter()
            try:
                dest = build(path, backend, output, fmt=fmt, options=options, report=report)
            except PublishError as exc:
                if len(targets) == 1:
                    raise
                failed += 1
                for line in exc.lines():
                    click.echo(line, err=True)
                continue
            echo_report(report, obj.get("quiet"))
            if not obj.get("quiet"):
                counter = f"[{k}/{len(targets)}] " if len(targets) > 1 else ""
                click.echo(f"{counter}{path} -> {dest} ({time.perf_counter() - start:.1f} s)", err=True)
        if failed:
            raise PublishError(f"{failed} of {len(targets)} sources failed; the others were built")


def _remember(ctx, param, value):
    """Keep a shared option on the context, so commands need not pass it along."""
    ctx.ensure_object(dict)[param.name] = value
    return value


def source_argument(f):
    return click.argument("source", required=False, type=click.Path(dir_okay=False, path_type=Path))(f)


def common_options(f):
    for option in reversed([
        click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                     help="Where to write (default: dist/<source name><suffix>)."),
        click.option("--from", "fmt", metavar="FORMAT",
                     help="Force a reader instead of detecting the format (see `publish backends`)."),
        click.option("--strict", is_flag=True, help="Treat warnings as errors."),
        click.option("--jobs", "-j", type=click.IntRange(1, 64), expose_value=False, callback=_remember,
                     help="Coursepacks: articles rendered in parallel (default: the number of CPUs)."),
        click.option("--draft", is_flag=True, expose_value=False, callback=_remember,
                     help="Coursepacks: build even where a permission record is missing (marked pending)."),
        click.option("--allow-remote", is_flag=True, expose_value=False, callback=_remember,
                     help="Fetch remote images (http/https, public hosts only, 10 s, 5 MiB each) and embed "
                          "them; without it they are replaced by their alt text."),
    ]):
        f = option(f)
    return f
