"""Footnote placement repair: re-lay out until every note sits on the page of its call.

WeasyPrint does not guarantee it (its orphans/widows handling can push a note to the next
page). Each pass fixes the first misplaced note by escalating on the paragraph that holds
its call: first relax orphans/widows there, then start that paragraph on a new page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from publish.backends.pdf.placement import locate

STEPS = ("repair-relax", "repair-break")
BLOCKS = {"p", "li", "blockquote", "h2", "h3", "h4", "td", "th", "dd", "figcaption", "div"}


@dataclass
class RepairLog:
    passes: int = 0
    repairs: list = field(default_factory=list)  # (note id, step)
    unresolved: list = field(default_factory=list)  # (note id, call page, note page)


def layout(tree, render, first_calls: dict, max_passes: int = 12):
    """Render ``tree`` with ``render(tree)``; repair and re-render while notes are misplaced."""
    log = RepairLog()
    call_ids, note_ids = set(first_calls.values()), set(first_calls)
    while True:
        log.passes += 1
        document = render(tree)
        bad = locate(document, call_ids, note_ids).misplaced(first_calls)
        if not bad:
            return document, log
        note_id = bad[0][0]
        step = _escalate(tree, first_calls[note_id])
        if step is None or log.passes >= max_passes:
            log.unresolved = bad
            return document, log
        log.repairs.append((note_id, step))


def _escalate(tree, call_id):
    """Apply the next repair step to the block holding the call; None when none is left."""
    found = tree.xpath("//*[@id=$i]", i=call_id)
    if not found:
        return None
    block = found[0]
    while block is not None and block.tag not in BLOCKS:
        block = block.getparent()
    if block is None:
        return None
    classes = (block.get("class") or "").split()
    for step in STEPS:
        if step not in classes:
            block.set("class", " ".join(classes + [step]))
            return step
    return None
