"""After layout: where each note call and each note landed, and which notes are off their page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Placement:
    calls: dict  # call id -> page index
    notes: dict  # note id -> page index

    def misplaced(self, first_calls: dict) -> list[tuple[str, int | None, int | None]]:
        """(note id, call page, note page) for every note not on the page of its first call."""
        bad = []
        for note_id, call_id in first_calls.items():
            call_page, note_page = self.calls.get(call_id), self.notes.get(note_id)
            if note_page is None or call_page != note_page:
                bad.append((note_id, call_page, note_page))
        return bad


def locate(document, call_ids, note_ids) -> Placement:
    calls, notes = {}, {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor in call_ids:
                calls.setdefault(anchor, index)
            elif anchor in note_ids:
                notes.setdefault(anchor, index)
    return Placement(calls, notes)
