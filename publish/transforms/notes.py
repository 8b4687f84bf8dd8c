"""Note ids: notes become note-N and calls noteref-N, noteref-N-2, … in document order."""

from __future__ import annotations

from publish.transforms import Transform


class NoteIds(Transform):
    name = "note-ids"
    priority = 200

    def apply(self, article, report) -> None:
        notes = article.notes()
        for note in notes:
            new = f"note-{note.number}"
            for call in note.calls:
                call.set("href", f"#{new}")
            note.element.set("id", new)
            for k, call in enumerate(note.calls, start=1):
                call.set("id", f"noteref-{note.number}" + (f"-{k}" if k > 1 else ""))
