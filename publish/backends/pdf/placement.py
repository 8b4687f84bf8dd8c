"""After layout: where each call and each printed note landed, and what breaks the promise.

The check reads only the laid-out pages (WeasyPrint's ``page.anchors``), not the guard's
bookkeeping, so it verifies the guard as well as the engine.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Call:
    call_id: str  # the call's anchor
    copy_id: str  # the floated copy of the note at this call
    note: str  # note id
    number: str


@dataclass
class Placement:
    pages: int
    calls: dict = field(default_factory=dict)  # call id -> page index
    copies: dict = field(default_factory=dict)  # copy id -> page index

    def problems(self, calls: list[Call]) -> list[tuple[str, str]]:
        """Every breach of the promise as (note number, sentence); empty when kept."""
        out = []
        on_page = defaultdict(list)  # (page, note) -> printed copies
        for c in calls:
            if c.copy_id in self.copies:
                on_page[self.copies[c.copy_id], c.note].append(c)
        for (page, note), printed in sorted(on_page.items()):
            if len(printed) > 1:
                out.append((printed[0].number,
                            f"note {printed[0].number} is printed {len(printed)} times on p. {page + 1}"))
        for c in calls:
            page = self.calls.get(c.call_id)
            if page is None:
                out.append((c.number, f"the call {c.call_id} of note {c.number} is missing from the PDF"))
            elif not on_page.get((page, c.note)):
                where = self.copies.get(c.copy_id)
                out.append((c.number, f"note {c.number} is not printed on p. {page + 1}, the page of its "
                                      "call" + (f" (it went to p. {where + 1})" if where is not None else "")))
            copy_page = self.copies.get(c.copy_id)
            if copy_page is not None and copy_page != page:
                out.append((c.number, f"a copy of note {c.number} is on p. {copy_page + 1}, "
                                      "away from its call"))
        return out

    def notes_per_page(self, calls: list[Call]) -> dict:
        """page index -> note numbers printed there (for reports and tests)."""
        pages = defaultdict(list)
        for c in calls:
            if c.copy_id in self.copies:
                pages[self.copies[c.copy_id]].append(c.number)
        return dict(pages)


def calls_of(tree) -> list[Call]:
    """Every call of the print HTML with its floated copy, in document order."""
    out = []
    for span in tree.iter("span"):
        if "footnote" in (span.get("class") or "").split():
            anchor = span.getprevious()
            out.append(Call(anchor.get("id"), span.get("id"), span.get("data-note"),
                            span.get("data-number")))
    return out


def locate(document, calls: list[Call]) -> Placement:
    call_ids = {c.call_id for c in calls}
    copy_ids = {c.copy_id for c in calls}
    placement = Placement(len(document.pages))
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor in call_ids:
                placement.calls.setdefault(anchor, index)
            elif anchor in copy_ids:
                placement.copies.setdefault(anchor, index)
    return placement
