"""`publish pdf`: build a print-ready PDF handout."""

import click

from publish.cli import build


@click.command(epilog="""\b
Examples:
  publish pdf content/slow-light.md
  publish pdf clip.txt -o handout.pdf
  publish pdf --pdf-variant pdf/ua-1 content/slow-light.md""")
@build.source_argument
@build.common_options
@click.option("--pdf-variant", type=click.Choice(["pdf/ua-1", "pdf/a-2b", "pdf/a-3b"]),
              help="Write a PDF/UA or PDF/A variant.")
@click.pass_context
def command(ctx, source, output, fmt, strict, pdf_variant):
    """Build a PDF handout from SOURCE (default: every source in content/).

    Front matter with copyright and permissions, running heads, page numbers, and each
    note at the foot of the page that cites it (checked after layout).
    """
    build.run(ctx, "pdf", source, output, fmt, strict, {"pdf_variant": pdf_variant})
