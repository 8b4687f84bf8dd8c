"""`publish render`: build SOURCE with any installed backend, plug-ins included."""

import click

from publish.cli import build


@click.command(epilog="""\b
Examples:
  publish render content/slow-light.md --to epub
  publish render article.md --to wordcount -o counts.txt   (a plug-in backend)
`publish backends` lists the names --to accepts.""")
@build.source_argument
@click.option("--to", "backend", required=True, metavar="BACKEND", help="The backend to render with.")
@build.common_options
@click.pass_context
def command(ctx, source, backend, output, fmt, strict):
    """Render SOURCE (default: every source in content/) with the backend named by --to."""
    build.run(ctx, backend, source, output, fmt, strict, {})
