"""Check an article against the model: the RELAX NG schema, then rules it cannot express.

Each rule has a stable id (M001…), listed in docs/model.md.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from lxml import etree

from publish.errors import Report
from publish.model.article import Article

ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")

RULES = {
    "M001": "the document does not match the model schema",
    "M002": "an id is used more than once",
    "M003": "a note call points to no note",
    "M004": "a note is never called",
    "M005": "a note call's number differs from its note's number",
    "M006": "two notes share a number",
    "M007": "the date is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)",
    "M008": "an internal link points to no element",
    "M009": "an image has no alt text",
    "M010": "an image file is missing or unreadable (checked by the resources transform)",
}


@lru_cache(maxsize=1)
def schema() -> etree.RelaxNG:
    with resources.files("publish.model.schema").joinpath("article.rng").open("rb") as f:
        return etree.RelaxNG(etree.parse(f, etree.XMLParser(resolve_entities=False, no_network=True)))


def validate(article: Article, report: Report) -> Report:
    """Add every problem of ``article`` to ``report``; returns the report."""
    rng = schema()
    if not rng.validate(article.tree):
        for entry in rng.error_log:
            report.error(entry.message, line=entry.line or None, rule="M001",
                         hint="see docs/model.md for what the model allows")
    check_rules(article, report)
    return report


def check_rules(article: Article, report: Report) -> None:
    ids = Counter()
    first_line = {}
    for el in article.root.iter():
        i = el.get("id") if isinstance(el.tag, str) else None
        if i:
            ids[i] += 1
            if ids[i] == 2:
                report.error(f"duplicate id '{i}'", line=el.sourceline, rule="M002",
                             hint=f"first used on line {first_line[i]}; give each element its own id")
            first_line.setdefault(i, el.sourceline)

    notes = article.notes()
    by_id = {n.id: n for n in notes}
    for number, count in Counter(n.number for n in notes).items():
        if count > 1:
            dup = [n for n in notes if n.number == number][1]
            report.error(f"note number {number} is used by {count} notes", line=dup.element.sourceline,
                         rule="M006", hint="renumber the notes so each number is used once")
    for call in article.calls():
        target = call.get("href", "").lstrip("#")
        note = by_id.get(target)
        if note is None:
            report.error(f"note call '{(call.text or '').strip()}' points to no note (#{target})",
                         line=call.sourceline, rule="M003",
                         hint="add the note, or remove the call")
        elif (call.text or "").strip() != str(note.number):
            report.error(f"note call shows '{(call.text or '').strip()}' but its note is number {note.number}",
                         line=call.sourceline, rule="M005", hint="make the call's text the note's number")
    for note in notes:
        if not note.calls:
            report.error(f"note {note.number} is never called", line=note.element.sourceline, rule="M004",
                         hint="add a call to it in the text, or delete the note")

    known = set(ids)
    for a in article.xpath("//h:a[starts-with(@href, '#')]"):
        if a.get("href")[1:] not in known and a.get("role") != "doc-noteref":
            report.error(f"link to '{a.get('href')}' points to no element", line=a.sourceline, rule="M008",
                         hint="fix the fragment or make it a plain text")

    date = article.meta.date
    if date and not ISO_DATE.match(date):
        report.error(f"date '{date}' is not ISO 8601", rule="M007", hint="write it as YYYY-MM-DD")
    for img in article.xpath("//h:img"):
        if not (img.get("alt") or "").strip():
            report.error(f"image '{img.get('src')}' has no alt text", line=img.sourceline, rule="M009",
                         hint="describe the image in its alt attribute (alt text is required)")
