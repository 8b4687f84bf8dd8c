"""PDF backend: a printed handout through WeasyPrint and CSS paged media, with each note at
the foot of every page that cites it, enforced during layout and checked after it.

This module imports WeasyPrint; the CLI loads it only when a PDF is built."""

from __future__ import annotations

import logging

from publish.backends import Backend
from publish.backends.pdf import coursepack, repair
from publish.backends.pdf.render import STYLES, Layout, check, lay_out, stylesheets, write_pdf
from publish.coursepack import Coursepack

log = logging.getLogger("publish.pdf")


class PdfBackend(Backend):
    name = "pdf"
    suffix = ".pdf"
    description = "print-ready PDF handout with footnotes (WeasyPrint)"
    coursepacks = True  # a Coursepack goes to coursepack.py, which lays out each article here

    def write(self, article, dest, options) -> None:
        if isinstance(article, Coursepack):
            coursepack.write(article, dest, options)
            return
        laid_out = lay_out(article, options.extra, options.timestamp)
        log.info("footnotes: %s", laid_out.guard.summary())
        for number, step in laid_out.guard.stats.repairs:
            log.info("footnotes: note %s repaired: %s [%s]", number, repair.DESCRIPTIONS[step], step)
        check(article, laid_out)
        write_pdf(article, laid_out, dest, options.extra)


__all__ = ["STYLES", "Layout", "PdfBackend", "check", "lay_out", "stylesheets", "write_pdf"]
