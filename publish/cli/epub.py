"""`publish epub`: build an EPUB 3 e-book."""

import click

from publish.cli import build


@click.command(epilog="""\b
Examples:
  publish epub content/slow-light.md
  publish epub clip.txt -o ~/Books/clip.epub
  publish epub                  (every source in content/ -> dist/)
  SOURCE_DATE_EPOCH=1700000000 publish epub a.md   (byte-identical rebuilds)""")
@build.source_argument
@build.common_options
@click.pass_context
def command(ctx, source, output, fmt, strict):
    """Build an EPUB 3 e-book from SOURCE (default: every source in content/).

    The book has a title page, a copyright and permissions page, the article, and
    endnotes that link back to every call. It passes EPUBCheck.
    """
    build.run(ctx, "epub", source, output, fmt, strict, {})
