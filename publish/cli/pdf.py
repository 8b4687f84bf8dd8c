"""`publish pdf`: build a print-ready PDF handout."""

import logging
import re

import click

from publish.cli import build
from publish.styles import PRINT_STYLES


@click.command(epilog="""\b
Examples:
  publish pdf content/slow-light.md
  publish pdf clip.txt -o handout.pdf --paper letter
  publish pdf --style print-large --front-matter first-page content/slow-light.md
  publish pdf --bleed 3mm --marks --css house.css content/slow-light.md
  publish pdf --pdf-variant pdf/a-2b content/slow-light.md""")
@build.source_argument
@build.common_options
@click.option("--paper", type=click.Choice(["a4", "letter"]),
              help="Paper size (default: from the locale, Letter for en_US, en_CA, es_MX…, else A4).")
@click.option("--front-matter", type=click.Choice(["separate", "first-page"]),
              help="Title, copyright and permissions on their own page (default) or atop page 1.")
@click.option("--style", type=click.Choice(list(PRINT_STYLES)),
              help="House print style (default: print; print-large: large-print handout).")
@click.option("--css", type=click.Path(dir_okay=False, exists=True),
              help="Your own CSS, layered on top of the style (its files load from its folder only).")
@click.option("--bleed", metavar="LENGTH", callback=lambda ctx, param, value: _length(value),
              help="Bleed for print shops, e.g. 3mm (units: mm, cm, in, pt).")
@click.option("--marks", is_flag=True, help="Crop and registration marks (use with --bleed).")
@click.option("--pdf-variant", type=click.Choice(["pdf/ua-1", "pdf/a-2b", "pdf/a-3b"]),
              default="pdf/ua-1", show_default=True,
              help="Tagged PDF/UA (accessible, the default) or archival PDF/A (also tagged).")
@click.pass_context
def command(ctx, source, output, fmt, strict, paper, front_matter, style, css, bleed, marks, pdf_variant):
    """Build a PDF handout from SOURCE (default: every source in content/).

    Front matter with copyright and permissions, running heads, page numbers, and each
    note at the foot of every page that cites it (enforced and checked after layout;
    -v reports repairs).
    """
    _log_to_stderr(bool(ctx.obj and ctx.obj.get("verbose")))
    build.run(ctx, "pdf", source, output, fmt, strict, {
        "paper": paper, "front_matter": front_matter, "style": style, "css": css,
        "bleed": bleed, "marks": marks, "pdf_variant": pdf_variant})


def _length(value):
    if value is not None and not re.fullmatch(r"\d+(\.\d+)?(mm|cm|in|pt)", value.strip()):
        raise click.BadParameter(f"{value!r} is not a length such as 3mm or 0.125in")
    return value and value.strip()


class _ClickHandler(logging.Handler):
    """Log records printed with click.echo to stderr (so that CliRunner captures them)."""

    def emit(self, record):
        click.echo(self.format(record), err=True)


def _log_to_stderr(verbose: bool) -> None:
    """-v: the backend's report (layout passes, repairs) goes to stderr."""
    logger = logging.getLogger("publish.pdf")
    if not any(isinstance(h, _ClickHandler) for h in logger.handlers):
        handler = _ClickHandler()
        handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
