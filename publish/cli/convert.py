"""`publish convert`: write the canonical model document of a source."""

from pathlib import Path

import click

from publish.cli.common import echo_report, user_errors
from publish.errors import Report


@click.command(epilog="""\b
Examples:
  publish convert content/slow-light.md               -> dist/slow-light.xhtml
  publish convert clip.txt -o clip.xhtml
  publish convert clip.txt -o -                        (to standard output)
The result reads back with `publish epub clip.xhtml` and gives the same book.""")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Where to write (default: dist/<source name>.xhtml; '-' for stdout).")
@click.option("--from", "fmt", metavar="FORMAT", help="Force a reader instead of detecting the format.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_context
def command(ctx, source, output, fmt, strict):
    """Read SOURCE, refine and check it, and write it in the canonical article model."""
    from publish.output import atomic_path
    from publish.pipeline import read

    report = Report(path=str(source))
    with user_errors(ctx):
        article = read(source, fmt=fmt, strict=strict, report=report)
        echo_report(report, (ctx.obj or {}).get("quiet"))
        data = article.to_bytes()
        if output == "-":
            click.echo(data.decode("utf-8"), nl=False)
            return
        dest = Path(output) if output else Path("dist") / (source.stem + ".xhtml")
        with atomic_path(dest) as tmp:
            tmp.write_bytes(data)
        if not (ctx.obj or {}).get("quiet"):
            click.echo(f"{source} -> {dest}", err=True)
