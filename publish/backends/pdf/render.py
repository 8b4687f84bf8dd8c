"""Laying out one article as a handout under the footnote guard, checking it, writing it."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import weasyprint

from publish.backends.pdf import html as print_html
from publish.backends.pdf import metadata, paper, placement, usercss
from publish.backends.pdf.fetch import ConfinedFetcher
from publish.backends.pdf.guard import Guard, guarded
from publish.errors import PublishError, UsageError
from publish.styles import PRINT_STYLES

STYLES = PRINT_STYLES  # --style name -> style sheets layered in order


@dataclass
class Layout:
    """A laid-out handout: the print HTML, WeasyPrint's document, and what the guard did."""

    tree: object
    document: weasyprint.Document
    guard: Guard
    calls: list

    @property
    def placement(self) -> placement.Placement:
        return placement.locate(self.document, self.calls)


def lay_out(article, extra: dict, timestamp: float) -> Layout:
    """Print HTML for ``article``, laid out by WeasyPrint under the footnote guard."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    created = dt.datetime.fromtimestamp(int(timestamp), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    tree = print_html.render(article, created, extra.get("front_matter") or "separate",
                             extra.get("short_title"))
    fetcher, sheets = stylesheets(article, extra)
    folder = article.source.parent if article.source else Path(".")
    guard = Guard()
    try:
        with guarded(guard):
            document = weasyprint.HTML(string=print_html.to_string(tree), base_url=str(folder),
                                       url_fetcher=fetcher).render(stylesheets=sheets)
    except (OverflowError, ZeroDivisionError, RecursionError, MemoryError) as exc:
        raise PublishError(f"the layout failed ({type(exc).__name__}: {exc})", article.source,
                           hint="check the values in your --css; without --css, report this with the source"
                           if extra.get("css") else "report this with the source") from None
    return Layout(tree, document, guard, placement.calls_of(tree))


def stylesheets(article, extra: dict):
    """The confined fetcher and the style sheets: house style, page options, user CSS."""
    styles = resources.files("publish.styles")
    user_css = Path(extra["css"]).resolve() if extra.get("css") else None
    folder = article.source.parent if article.source else None
    fetcher = ConfinedFetcher([p for p in (folder, styles, user_css and user_css.parent) if p])
    style = extra.get("style") or "print"
    if style not in STYLES:
        raise UsageError(f"unknown print style {style!r}", hint="choose one of " + ", ".join(STYLES))
    paper_name = extra.get("paper") or paper.default_paper()
    sheets = [weasyprint.CSS(string=styles.joinpath(name).read_text("utf-8"), url_fetcher=fetcher)
              for name in STYLES[style]]
    sheets.append(weasyprint.CSS(string=paper.page_css(paper_name, extra.get("bleed"), extra.get("marks"),
                                                       extra.get("first_page_number"))))
    if user_css:
        if not user_css.is_file():
            raise UsageError(f"no such CSS file: {user_css}", hint="check the --css path")
        usercss.check(user_css.read_text("utf-8", errors="replace"), user_css)
        sheets.append(weasyprint.CSS(url=user_css.as_uri(), url_fetcher=fetcher))
    if extra.get("extra_css"):  # rules a caller needs last (a coursepack hides folios)
        sheets.append(weasyprint.CSS(string=extra["extra_css"], url_fetcher=fetcher))
    return fetcher, sheets


def write_pdf(article, laid_out: Layout, dest, extra: dict) -> None:
    """Write the checked layout as a tagged PDF with info and XMP metadata."""
    document, rights = laid_out.document, article.meta.rights
    document.metadata = metadata.PrintMetadata.from_document(
        document.metadata, " ".join(p for p in (rights.copyright_line(), rights.statement) if p) or None)
    ident = article.meta.identifiers[0] if article.meta.identifiers else None
    document.write_pdf(dest, **metadata.write_options(extra.get("pdf_variant"), ident))


def check(article, laid_out: Layout) -> None:
    """Fail the build when a note is off the page of a call, missing, or too tall."""
    stats = laid_out.guard.stats
    too_tall = {(u.number,): f"note {u.number} (p. {u.page + 1}) is {stats.heights.get(u.number, 0):.0f} pt "
                             f"tall; the text block is {stats.text_block:.0f} pt"
                for u in stats.unresolved if u.reason == "too tall"}
    for u in stats.unresolved:
        notes, height = u.notes, sum(stats.heights.get(n, 0) for n in u.notes)
        if u.reason == "crowded" and len(notes) > 1 and height > stats.text_block * 0.9 and \
                not any((n,) in too_tall for n in notes):
            too_tall[notes] = (f"notes {', '.join(notes)} are called on one line of p. {u.page + 1} and "
                               f"need {height:.0f} pt together at its foot; the text block is "
                               f"{stats.text_block:.0f} pt")
    blamed = {n for notes in too_tall for n in notes}
    problems = [text for number, text in laid_out.placement.problems(laid_out.calls) if number not in blamed]
    if too_tall:
        raise PublishError(
            "notes too tall for one page: " + "; ".join(too_tall.values()), article.source,
            hint="a note is never split across pages: shorten the note, split it into two notes, "
                 "move its long part into the text, or call such notes from different sentences")
    if problems:
        raise PublishError(
            f"{len(problems)} footnote placement problem(s): " + "; ".join(problems[:8])
            + ("; …" if len(problems) > 8 else ""), article.source,
            hint="the guard could not repair this layout; run with -v to see the repairs tried "
                 "and report it with the source")
