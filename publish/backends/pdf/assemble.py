"""Assembling a coursepack PDF from separately rendered parts, with pikepdf.

Articles are rendered on their own (in parallel, cached), so a part never knows where it
will land. Assembly gives each article a right-hand start (adding a blank verso where
needed), stamps the continuous page numbers from a thin overlay rendered with the same page
styles, and writes what WeasyPrint cannot for a merged file: page labels (roman front
matter, arabic body), the nested outline (section > article > headings), and metadata.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem


@dataclass
class Part:
    """One rendered article: its PDF, page count and bookmarks [(level, label, page index)]."""

    pdf: bytes
    pages: int
    bookmarks: list
    title: str
    section: str | None
    side: str = "right"  # the side it was laid out to open on


@dataclass
class Plan:
    """Where every article starts in the body (0-based body page), and which pages are blank."""

    starts: list[int]
    blanks: list[int]  # body page indexes of inserted blank versos
    total: int  # body pages

    @classmethod
    def of(cls, parts: list[Part]) -> "Plan":
        starts, blanks, page = [], [], 0
        for part in parts:
            # body page 1 (index 0) is a right-hand page: a right start needs an even index, a left one odd
            if page % 2 != (part.side == "left"):
                blanks.append(page)
                page += 1
            starts.append(page)
            page += part.pages
        return cls(starts, blanks, page)


@dataclass
class Meta:
    title: str
    author: str | None = None
    subject: str | None = None
    keywords: str | None = None
    language: str = "en"
    created: str | None = None  # PDF date string D:YYYYMMDDHHmmSSZ
    extra: dict = field(default_factory=dict)


def assemble(front: bytes, parts: list[Part], numbers: bytes, plan: Plan, meta: Meta, dest) -> None:
    out = pikepdf.new()
    sources = [pikepdf.open(io.BytesIO(front))] + [pikepdf.open(io.BytesIO(p.pdf)) for p in parts]
    front_pdf = sources[0]
    out.pages.extend(front_pdf.pages)
    if len(out.pages) % 2:  # the body starts on a right-hand page
        out.add_blank_page(page_size=_size(front_pdf.pages[0]))
    body = len(out.pages)
    size = _size(sources[1].pages[0]) if parts else _size(front_pdf.pages[0])
    blanks = set(plan.blanks)
    for index, src in enumerate(sources[1:]):
        while len(out.pages) - body < plan.starts[index]:
            out.add_blank_page(page_size=size)
        out.pages.extend(src.pages)
    overlay = pikepdf.open(io.BytesIO(numbers))
    for i in range(plan.total):
        if i not in blanks:
            _stamp(out, out.pages[body + i], overlay.pages[i], f"/PublishFolio{i + 1}")
    out.Root.PageLabels = Dictionary(Nums=Array([0, Dictionary(S=Name.r), body, Dictionary(S=Name.D, St=1)]))
    out.Root.Lang = pikepdf.String(meta.language)
    _outline(out, parts, plan, body)
    _metadata(out, meta)
    out.save(dest, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    for src in sources + [overlay]:
        src.close()


def _stamp(out, page, overlay_page, name: str) -> None:
    """Draw ``overlay_page`` over ``page`` as the form XObject ``name``. pikepdf's add_overlay
    picks a random name, which would make two builds differ; the name is per page because
    pages copied from one article share one resource dictionary."""
    form = out.copy_foreign(overlay_page.as_form_xobject())
    page.add_resource(form, Name.XObject, name=Name(name))
    page.contents_add(pikepdf.Stream(out, b"q\n"), prepend=True)
    page.contents_add(pikepdf.Stream(out, f"\nQ\nq {name} Do Q\n".encode()), prepend=False)


def _size(page) -> tuple[float, float]:
    box = [float(v) for v in page.mediabox]
    return box[2] - box[0], box[3] - box[1]


def _outline(out, parts, plan, body) -> None:
    with out.open_outline() as outline:
        outline.root.clear()
        section_item, section_name = None, object()
        for part, start in zip(parts, plan.starts):
            if part.section != section_name:
                section_name = part.section
                section_item = OutlineItem(part.section, body + start) if part.section else None
                if section_item is not None:
                    outline.root.append(section_item)
            item = OutlineItem(part.title, body + start)
            stack = [(0, item)]
            for level, label, page in part.bookmarks:
                if level <= 1:  # the article's own title: the item itself
                    continue
                child = OutlineItem(label, body + start + page)
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack[-1][1].children.append(child)
                stack.append((level, child))
            (section_item.children if section_item is not None else outline.root).append(item)


def _metadata(out, meta: Meta) -> None:
    info = {"/Title": meta.title, "/Author": meta.author, "/Subject": meta.subject, "/Keywords": meta.keywords,
            "/Creator": "publish", "/Producer": "publish (WeasyPrint, pikepdf)", "/CreationDate": meta.created,
            "/ModDate": meta.created}
    for key, value in info.items():
        if value:
            out.docinfo[key] = value
    with out.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp["dc:title"] = meta.title
        if meta.author:
            xmp["dc:creator"] = [meta.author]
        if meta.subject:
            xmp["dc:description"] = meta.subject
        xmp["dc:language"] = [meta.language]
        xmp["pdf:Producer"] = "publish (WeasyPrint, pikepdf)"
        if meta.created:
            iso = f"{meta.created[2:6]}-{meta.created[6:8]}-{meta.created[8:10]}T{meta.created[10:12]}:" \
                  f"{meta.created[12:14]}:{meta.created[14:16]}Z"
            xmp["xmp:CreateDate"] = iso
            xmp["xmp:ModifyDate"] = iso
            xmp["xmp:MetadataDate"] = iso
