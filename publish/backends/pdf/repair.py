"""Repair steps for a note pushed off the page of its call, tried in order on the box tree.

Each step changes only the call's note or the paragraph that holds the call; the guard then
makes the page again. The print style already asks for ``footnote-policy: line`` (the call's
line moves to the next page with its note), so most notes never need a repair.
"""

from __future__ import annotations

#: Step names as reported with -v, in the order tried. A call in the first lines of its
#: paragraph cannot move alone (orphans), so there the paragraph moves first.
STEPS = ("line", "push-next", "relax", "block", "break")
STEPS_OPENING = ("line", "push-next", "break", "relax", "block")
#: What each step did, for the -v report.
DESCRIPTIONS = {
    "line": "the line of its call moved to the next page",
    "push-next": "the paragraph ending the page moved to the next page",
    "relax": "orphans and widows relaxed on the paragraph of its call",
    "block": "the paragraph of its call moved to the next page",
    "break": "the paragraph of its call starts a new page",
}


def escalate(inst, opening: bool = False, last_block=None) -> str | None:
    """Apply the next step that can change anything for ``inst``; None when none is left.

    ``last_block`` is the box-tree block that ends the page: WeasyPrint pushes earlier
    notes off the page to keep that block's orphans together, so moving it comes first."""
    for step in STEPS_OPENING if opening else STEPS:
        if step not in inst.steps:
            inst.steps.append(step)
            if _APPLY[step](inst, last_block):
                return step
    return None


def _line(inst, last_block) -> bool:
    """Move the line holding the call to the next page, with its note."""
    return _set(inst.footnote, "footnote_policy", "line")


def _push_next(inst, last_block) -> bool:
    """Start the paragraph that ends the page (not the call's) on the next page."""
    if last_block is None or last_block is inst.block:
        return False
    return _set(last_block, "break_before", "page")


def _relax(inst, last_block) -> bool:
    """Let the paragraph break after any line (orphans and widows 1)."""
    block = inst.block
    if block is None:
        return False
    changed = _set(block, "orphans", 1)
    return _set(block, "widows", 1) or changed


def _block(inst, last_block) -> bool:
    """Move the whole paragraph holding the call to the next page."""
    return _set(inst.footnote, "footnote_policy", "block")


def _break(inst, last_block) -> bool:
    """Start the paragraph holding the call on a new page."""
    return inst.block is not None and _set(inst.block, "break_before", "page")


def _set(box, name, value) -> bool:
    if box.style[name] == value:
        return False
    box.style = box.style.copy()  # computed styles are shared with other boxes of the element
    box.style[name] = value
    return True


_APPLY = {"line": _line, "push-next": _push_next, "relax": _relax, "block": _block, "break": _break}
