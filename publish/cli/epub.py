"""`publish epub`: build an EPUB 3 e-book."""

from pathlib import Path

import click

from publish.cli import build


@click.command(epilog="""\b
Examples:
  publish epub content/slow-light.md
  publish epub clip.txt -o ~/Books/clip.epub
  publish epub --cover cover.png --embed-fonts a.md
  publish epub                  (every source in content/ -> dist/)
  SOURCE_DATE_EPOCH=1700000000 publish epub a.md   (byte-identical rebuilds)""")
@build.source_argument
@build.common_options
@click.option("--cover", type=click.Path(dir_okay=False, path_type=Path),
              help="Cover image (SVG, PNG, JPEG, GIF or WebP) instead of the generated typographic one.")
@click.option("--embed-fonts", is_flag=True,
              help="Embed Noto Serif (OFL), subset to the characters used. Readers may still choose their own.")
@click.option("--a11y-certified-by", metavar="NAME",
              help="Claim EPUB Accessibility 1.1 (WCAG 2.1 AA) conformance, reviewed by NAME. "
                   "Only after a person has checked the book.")
@click.pass_context
def command(ctx, source, output, fmt, strict, cover, embed_fonts, a11y_certified_by):
    """Build an EPUB 3 e-book from SOURCE (default: every source in content/).

    The book has a cover, a title page, a copyright and permissions page, the article,
    and endnotes that pop up on e-readers and link back to every call. It passes
    EPUBCheck and Ace by DAISY.
    """
    build.run(ctx, "epub", source, output, fmt, strict,
              {"cover": cover, "embed_fonts": embed_fonts, "a11y_certified_by": a11y_certified_by})
