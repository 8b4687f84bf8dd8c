"""PDF backend: a printed handout through WeasyPrint and CSS paged media, with each note at
the foot of the page that cites it, checked after layout.

This module imports WeasyPrint; the CLI loads it only when a PDF is built."""

from __future__ import annotations

import datetime as dt
import logging
from importlib import resources

import weasyprint

from publish.backends import Backend
from publish.backends.pdf import html as print_html
from publish.backends.pdf.fetch import ConfinedFetcher
from publish.backends.pdf import repair
from publish.errors import PublishError


class PdfBackend(Backend):
    name = "pdf"
    suffix = ".pdf"
    description = "print-ready PDF handout with footnotes (WeasyPrint)"

    def write(self, article, dest, options) -> None:
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        created = dt.datetime.fromtimestamp(int(options.timestamp), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        styles = resources.files("publish.styles")
        folder = article.source.parent if article.source else None
        fetcher = ConfinedFetcher([p for p in (folder, styles) if p])
        css = weasyprint.CSS(string=styles.joinpath("print.css").read_text("utf-8"), url_fetcher=fetcher)

        def render(tree):
            return weasyprint.HTML(string=print_html.to_string(tree), base_url=str(folder or "."),
                                   url_fetcher=fetcher).render(stylesheets=[css])

        first_calls = {n.id: n.calls[0].get("id") for n in article.notes() if n.calls}
        rendered, log = repair.layout(print_html.render(article, created), render, first_calls)
        if options.verbose:
            logging.getLogger("publish").info("%d layout pass(es), %d repair(s)", log.passes, len(log.repairs))
        if log.unresolved:
            detail = ", ".join(f"note {nid[5:]} (call p.{c + 1 if c is not None else '?'}, note "
                               f"{'p.' + str(n + 1) if n is not None else 'missing'})" for nid, c, n in log.unresolved)
            raise PublishError(f"{len(log.unresolved)} footnote(s) could not be placed on the page of their "
                               f"call: {detail}", article.source,
                               hint="shorten the note (a note taller than a page cannot be placed) or split it")
        rendered.write_pdf(dest, pdf_identifier=article.meta.identifiers[0].encode(),
                           pdf_variant=options.extra.get("pdf_variant"))
