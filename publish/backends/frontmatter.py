"""Title and copyright/permissions front matter, as model elements both backends render."""

from __future__ import annotations

import copy
import datetime as dt

from publish.model import E
from publish.model.article import Metadata

MONTHS = ("January February March April May June July August September October November December").split()


def display_date(iso: str | None) -> str | None:
    """'2017-04-14' -> 'April 14, 2017' (partial dates kept partial)."""
    if not iso:
        return None
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            d = dt.date(*map(int, parts))
            return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return iso


def byline(meta: Metadata) -> str:
    names = meta.authors or [c.name for c in meta.contributors]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def credit_line(meta: Metadata) -> str | None:
    """'As published in Foreign Affairs, April 14, 2017.'"""
    where = ", ".join(p for p in (meta.publication, display_date(meta.date)) if p)
    return f"As published in {where}." if meta.publication else (f"Published {where}." if where else None)


def copyright_blocks(meta: Metadata) -> list:
    """The copyright and permissions page: ©, rights statement, licence, permissions, source, credit."""
    r = meta.rights
    out = []
    if r.copyright_line():
        out.append(E.p(f"Copyright {r.copyright_line()}", {"class": "copyright"}))
    if r.statement:
        out.append(E.p(r.statement, {"class": "rights-statement"}))
    if r.license_url:
        out.append(E.p("Licence: ", E.a(r.license_url, href=r.license_url), {"class": "license"}))
    for block in r.permissions:
        el = copy.deepcopy(block)
        el.set("class", ((el.get("class") or "") + " permissions").strip())
        out.append(el)
    if credit_line(meta):
        out.append(E.p(credit_line(meta), {"class": "credit-line"}))
    if meta.source_url:
        out.append(E.p("Source: ", E.a(meta.source_url, href=meta.source_url), {"class": "source"}))
    if meta.publisher:
        out.append(E.p(f"Publisher: {meta.publisher}", {"class": "publisher"}))
    return out


def publication_line(meta: Metadata) -> str | None:
    """'Foreign Affairs, April 14, 2017' for a title page (None when neither is known)."""
    return ", ".join(p for p in (meta.publication, display_date(meta.date)) if p) or None


def rights_text(meta: Metadata) -> str | None:
    """One line for the OPF's dc:rights: copyright, rights statement and licence."""
    r = meta.rights
    line = f"Copyright {r.copyright_line()}" if r.copyright_line() else None
    parts = [_sentence(line), _sentence(r.statement), f"Licence: {r.license_url}" if r.license_url else None]
    return " ".join(p for p in parts if p) or None


def _sentence(text: str | None) -> str | None:
    """Close a sentence with a full stop unless it already ends in punctuation ('Ltd.')."""
    if not text:
        return None
    return text if text.rstrip()[-1:] in ".!?" else text.rstrip() + "."
