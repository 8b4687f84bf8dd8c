"""`publish check`: read and validate a source; list what was found and every problem."""

from pathlib import Path

import click

from publish.cli.common import echo_report, user_errors
from publish.errors import InputError, Report


@click.command(epilog="""\b
Examples:
  publish check content/slow-light.md
  publish check clip.txt --strict       (warnings count as errors)
Exit status: 0 when the source is valid, 1 when it has errors, 2 on a usage error.""")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--from", "fmt", metavar="FORMAT", help="Force a reader instead of detecting the format.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_context
def command(ctx, source, fmt, strict):
    """Read SOURCE into the article model, check it, and report what it holds:
    title, authors, date, notes and calls, rights; then every problem with file:line."""
    from publish.pipeline import read

    report = Report(path=str(source))
    with user_errors(ctx):
        try:
            article = read(source, fmt=fmt, strict=strict, report=report)
        except InputError as exc:
            for line in exc.lines():
                click.echo(line, err=True)
            click.echo(f"{source}: {max(len(report.errors), 1)} error(s), {len(report.warnings)} warning(s)",
                       err=True)
            ctx.exit(1)
        for line in summary(article):
            click.echo(line)
        echo_report(report, (ctx.obj or {}).get("quiet"))
        click.echo(f"{source}: no errors, {len(report.warnings)} warning(s)")


def summary(article) -> list[str]:
    meta = article.meta
    notes = article.notes()
    calls = sum(len(n.calls) for n in notes)
    multi = [f"note {n.number} called {len(n.calls)} times" for n in notes if len(n.calls) > 1]
    r = meta.rights
    rows = [
        ("title", meta.title), ("subtitle", meta.subtitle),
        ("authors", "; ".join(f"{c.name}" + (" (with bio)" if c.bio else "") for c in meta.contributors)),
        ("date", meta.date), ("publication", meta.publication), ("publisher", meta.publisher),
        ("language", meta.language), ("identifier", ", ".join(meta.identifiers)),
        ("notes", str(len(notes))), ("calls", f"{calls}" + (f" ({'; '.join(multi)})" if multi else "")),
        ("copyright", r.copyright_line()), ("rights", r.statement), ("licence", r.license_url),
        ("permissions", " ".join(" ".join("".join(b.itertext()).split()) for b in r.permissions) or None),
        ("source", meta.source_url),
    ]
    return [f"{k + ':':<13}{v}" for k, v in rows if v]
