"""Limits that keep every build bounded in time and memory, checked right after reading.

They are far above what a real article needs; hostile or broken input fails fast instead.
"""

from __future__ import annotations

from lxml import etree

from publish.errors import Report
from publish.model.names import local

MAX_DEPTH = 48  # element nesting below <body>
MAX_NOTES = 2_000
MAX_TABLE_ROWS = 5_000
MAX_ELEMENTS = 400_000

LIMITS = {  # rule id -> (what, limit); documented in docs/model.md and the README
    "S010": ("nesting depth", MAX_DEPTH),
    "S011": ("notes", MAX_NOTES),
    "S012": ("rows in one table", MAX_TABLE_ROWS),
    "S013": ("elements", MAX_ELEMENTS),
}


def check(article, report: Report) -> None:
    body = article.root.find("{http://www.w3.org/1999/xhtml}body")
    if body is None:
        return
    count = depth = 0
    deepest = None
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        count += 1
        if depth > MAX_DEPTH and deepest is None:
            deepest = el
    if deepest is not None:
        report.error(f"elements are nested more than {MAX_DEPTH} levels deep", line=deepest.sourceline,
                     rule="S010", hint="flatten the structure (lists or quotes inside quotes, …)")
    if count > MAX_ELEMENTS:
        report.error(f"the article has {count} elements, over the limit of {MAX_ELEMENTS}", rule="S013",
                     hint="split it into several articles (a coursepack)")
    notes = article.xpath("h:body/h:section[@role='doc-endnotes']/h:ol/h:li")
    if len(notes) > MAX_NOTES:
        report.error(f"the article has {len(notes)} notes, over the limit of {MAX_NOTES}", rule="S011",
                     hint="split it into several articles")
    for table in article.xpath("//h:table"):
        rows = sum(1 for el in table.iter() if local(el.tag) == "tr")
        if rows > MAX_TABLE_ROWS:
            report.error(f"a table has {rows} rows, over the limit of {MAX_TABLE_ROWS}", line=table.sourceline,
                         rule="S012", hint="split the table or publish the data separately")
