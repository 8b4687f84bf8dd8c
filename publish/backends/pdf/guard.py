"""The footnote guarantee, enforced page by page while WeasyPrint lays the document out.

WeasyPrint 70 makes pages one at a time from a saved start state (``context.page_maker``).
The guard takes the place of its page loop: after each page it compares the calls on the
page with the notes at its foot, and when they disagree it changes the box tree (a copy of
a note switched on or off, or a repair step on the call's paragraph) and makes that page
again from the same start state. Only the pages that need it are laid out twice.
"""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

import weasyprint
from weasyprint import layout as wp_layout
from weasyprint.formatting_structure import boxes
from weasyprint.layout.page import remake_page

from publish.backends.pdf import repair

#: The WeasyPrint release whose page loop the guard mirrors (make_all_pages, page_maker).
WRITTEN_FOR = "70."
#: Page attempts before a page is accepted as it is (the final check then fails the build).
MAX_ATTEMPTS = 16
PT = 0.75  # points per CSS pixel
_PATCH = threading.Lock()


@dataclass(eq=False)
class Instance:
    """One call of a note and the floated copy of the note that goes with it."""

    element: object  # the span.footnote element (WeasyPrint's parsed tree)
    call: boxes.Box  # its ::footnote-call box in the box tree
    footnote: boxes.Box
    block: boxes.Box | None  # the block whose lines hold the call
    note: str  # note id shared by all copies
    number: str
    first: bool
    active: bool = True
    steps: list = field(default_factory=list)  # repair steps applied, in order


@dataclass(frozen=True)
class Unresolved:
    """A note the guard could not place: ``notes`` share the line of its call."""

    number: str
    page: int  # page index
    reason: str  # "too tall" or "crowded"
    notes: tuple = ()


@dataclass
class Stats:
    """What the guard did in one render (reported with -v and by the benchmark)."""

    pages: int = 0
    layouts: int = 0  # page layouts, retries included
    repairs: list = field(default_factory=list)  # (note number, step)
    unresolved: list = field(default_factory=list)  # Unresolved
    heights: dict = field(default_factory=dict)  # note number -> height in pt at the foot
    text_block: float = 0  # height of the text block in pt

    @property
    def relayouts(self) -> int:
        return self.layouts - self.pages


class Guard:
    """Replaces ``weasyprint.layout.make_all_pages`` for one render (see ``guarded``)."""

    def __init__(self):
        self.stats = Stats()
        self.instances: list[Instance] | None = None
        self.by_element: dict = {}

    # -- the page loop (same shape as WeasyPrint's make_all_pages) -------------------
    def make_all_pages(self, context, root_box, html, pages):
        if self.instances is None:
            self._attach(context, root_box)
        i = 0
        context.rendered_notes = []
        while True:
            remake_state = context.page_maker[i][-1]
            if not pages or remake_state["content_changed"] or remake_state["pages_wanted"]:
                page, resume_at = self._make_page(i, context, root_box, html)
                reported = context.reported_footnotes
                yield page
            else:
                resume_at, reported = context.page_maker[i + 1][0], None
                yield pages[i]
            i += 1
            if resume_at is None and not reported:
                context.page_maker = context.page_maker[:i + 1]
                context.broken_out_of_flow.clear()
                context.reported_footnotes.clear()
                self.stats.pages = i
                return

    def _make_page(self, i, context, root_box, html):
        self._pending = list(context.footnotes)
        reported, broken = list(context.reported_footnotes), dict(context.broken_out_of_flow)
        for _ in range(MAX_ATTEMPTS):
            remake_state = context.page_maker[i][-1]
            remake_state.update(content_changed=False, pages_wanted=False, anchors=[],
                                content_lookups=[])
            page, resume_at = remake_page(i, context, root_box, html)
            self.stats.layouts += 1
            if not self._check(i, page, context):
                return page, resume_at
            context.footnotes = list(self._pending)
            context.reported_footnotes = list(reported)
            context.broken_out_of_flow.clear()
            context.broken_out_of_flow.update(broken)
        return page, resume_at

    # -- the check after each page ---------------------------------------------------
    def _check(self, i, page, context) -> bool:
        """Compare calls and notes on page ``i``; change the box tree and return True when
        the page must be made again."""
        calls = []
        for box in page.children[0].descendants():
            inst = self.by_element.get(box.element) if box.element_tag.endswith("::footnote-call") else None
            if inst is not None and inst not in calls:
                calls.append(inst)
        placed = [self.by_element[f.element] for f in context.current_page_footnotes
                  if f.element in self.by_element]
        printed = {}  # note id -> first placed instance, in call order
        for inst in calls:
            if inst in placed:
                printed.setdefault(inst.note, inst)
        changed, escalated = False, False
        for inst in calls:
            here = printed.get(inst.note)
            if not inst.active:
                if here is None:
                    self._switch(inst, True)
                    printed[inst.note] = inst
                    changed = True
            elif here is not None and here is not inst and not inst.first:
                self._switch(inst, False)  # the note is already printed on this page
                changed = True
            elif inst not in placed and not escalated:
                step = repair.escalate(inst, _opens_block(page.children[0], inst),
                                       self._original(_last_block(page.children[0])))
                if step is None:
                    self.stats.unresolved.append(Unresolved(
                        inst.number, i, "crowded", _notes_on_line(page.children[0], inst, self.by_element)))
                else:
                    self.stats.repairs.append((inst.number, step))
                    changed = escalated = True
        self._check_height(i, page)
        return changed

    def _check_height(self, i, page) -> None:
        """Note heights for reports; a note taller than the page overflows the text block."""
        area, s = page.children[1], self.stats
        s.text_block = page.height * PT
        overflow = area.children and area.position_y < page.content_box_y() - 0.5
        for box in area.children:
            inst = self.by_element.get(box.element)
            if inst is None:
                continue
            s.heights[inst.number] = box.margin_height() * PT
            tall = Unresolved(inst.number, i, "too tall")
            if overflow and box.margin_height() > page.height * 0.8 and tall not in s.unresolved:
                s.unresolved.append(tall)

    def _original(self, laid_out):
        """The box-tree block a laid-out block was cut from (repairs change its style)."""
        if laid_out is None:
            return None
        for box in self.blocks.get(laid_out.element, ()):
            if box.element_tag == laid_out.element_tag and type(box) is type(laid_out):
                return box
        return None

    def _switch(self, inst: Instance, on: bool) -> None:
        inst.active = on
        inst.call.footnote = inst.footnote if on else None
        if on and inst.footnote not in self._pending:
            self._pending.append(inst.footnote)
        elif not on and inst.footnote in self._pending:
            self._pending.remove(inst.footnote)

    # -- setup -----------------------------------------------------------------------
    def _attach(self, context, root_box) -> None:
        """Find every call in the box tree; put standby copies to sleep."""
        self.instances, self.blocks = [], {}
        self._pending = context.footnotes
        self._walk(root_box, None)
        for inst in self.instances:
            self.by_element[inst.element] = inst
            if inst.element.get("data-standby") is not None:
                self._switch(inst, False)

    def _walk(self, box, block) -> None:
        for child in getattr(box, "children", ()):
            if not isinstance(child, boxes.Box):
                continue
            if isinstance(child, boxes.LineBox):
                self.blocks.setdefault(box.element, []).append(box)
            if child.element_tag.endswith("::footnote-call") and child.footnote is not None:
                el = child.element
                self.instances.append(Instance(
                    el, child, child.footnote, block, el.get("data-note", ""),
                    el.get("data-number", "?"), "first" in (el.get("class") or "").split()))
            self._walk(child, box if isinstance(child, boxes.LineBox) else block)

    def summary(self) -> str:
        s = self.stats
        copies = sum(1 for i in self.instances or () if i.active and not i.first)
        return (f"{s.pages} pages laid out once, {s.relayouts} page re-layout(s); "
                f"{len(s.repairs)} repair(s), {copies} note copies printed")


def _opens_block(root, inst) -> bool:
    """Whether the call sits in the first lines of its paragraph on this page (where
    orphans control stops WeasyPrint from moving the line alone)."""
    path = _path_to(root, inst.element)
    lines = [k for k, box in enumerate(path) if isinstance(box, boxes.LineBox)]
    if not lines or lines[-1] == 0:
        return False
    line, block = path[lines[-1]], path[lines[-1] - 1]
    return block.children.index(line) < max(block.style["orphans"], 1)


def _notes_on_line(root, inst, by_element) -> tuple:
    """Numbers of the notes called on the line that holds ``inst``'s call."""
    path = _path_to(root, inst.element)
    line = next((box for box in reversed(path) if isinstance(box, boxes.LineBox)), None)
    if line is None:
        return (inst.number,)
    found = [by_element.get(b.element) for b in line.descendants() if b.element_tag.endswith("::footnote-call")]
    return tuple(dict.fromkeys(i.number for i in found if i is not None))


def _last_block(root):
    """The block holding the last line of the page."""
    box, parent = root, None
    while isinstance(box, boxes.ParentBox) and not isinstance(box, boxes.LineBox):
        kids = [c for c in box.children if isinstance(c, boxes.Box) and c.is_in_normal_flow()]
        if not kids:
            return None
        box, parent = kids[-1], box
    return parent if isinstance(box, boxes.LineBox) else None


def _path_to(box, element) -> list:
    """Boxes from ``box`` down to the ::footnote-call box of ``element``."""
    if box.element is element and box.element_tag.endswith("::footnote-call"):
        return [box]
    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.Box):
            path = _path_to(child, element)
            if path:
                return [box, *path]
    return []


@contextmanager
def guarded(guard: Guard):
    """Let ``guard`` make the pages of the renders run inside this block."""
    if not weasyprint.__version__.startswith(WRITTEN_FOR):
        logging.getLogger("publish.pdf").warning(
            "the footnote guard mirrors WeasyPrint %sx's page loop, this is %s; the check after "
            "layout still fails the build if a note is misplaced", WRITTEN_FOR, weasyprint.__version__)
    with _PATCH:
        original = wp_layout.make_all_pages
        wp_layout.make_all_pages = guard.make_all_pages
        try:
            yield guard
        finally:
            wp_layout.make_all_pages = original
