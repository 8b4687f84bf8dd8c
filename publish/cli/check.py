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
@click.option("--draft", is_flag=True, help="Coursepacks: a missing permission record is a warning, not an error.")
@click.pass_context
def command(ctx, source, fmt, strict, draft):
    """Read SOURCE into the article model, check it, and report what it holds:
    title, authors, date, notes and calls, rights; then every problem with file:line.

    SOURCE may be a coursepack manifest (coursepack.toml): every item is checked, and an
    item without a permission record is an error (a warning with --draft)."""
    from publish.coursepack import is_manifest
    from publish.pipeline import read, read_pack

    report = Report(path=str(source))
    with user_errors(ctx):
        try:
            if is_manifest(source):
                pack = read_pack(source, strict=strict, draft=draft, report=report)
            else:
                article = read(source, fmt=fmt, strict=strict, report=report)
        except InputError as exc:
            for line in exc.lines():
                click.echo(line, err=True)
            click.echo(f"{source}: {max(len(report.errors), 1)} error(s), {len(report.warnings)} warning(s)",
                       err=True)
            ctx.exit(1)
        for line in (pack_summary(pack) if is_manifest(source) else summary(article)):
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


def pack_summary(pack) -> list[str]:
    m = pack.manifest
    head = ", ".join(filter(None, [m.code, m.term, m.institution, m.instructor]))
    rows = [f"coursepack:  {m.title}" + (f" ({head})" if head else ""),
            f"paper:       {m.paper}", f"items:       {len(pack.entries)}"]
    n = 0
    for section, entries in pack.sections():
        if section:
            rows.append(f"  {section}")
        for entry in entries:
            n += 1
            meta, perm = entry.article.meta, entry.item.permission
            notes = entry.article.notes()
            rows.append(f"  {n:>2}. {meta.title} — {', '.join(meta.authors) or 'no author'} "
                        f"[{entry.item.source.name}; {len(notes)} notes]")
            rows.append(f"      {meta.rights.copyright_line() or 'no copyright line'}; "
                        f"{perm.statement() if perm else 'NO PERMISSION RECORD'}")
    return rows
