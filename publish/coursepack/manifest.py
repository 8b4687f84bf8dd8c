"""The coursepack manifest: parse coursepack.toml and check it, with a line for every problem."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from publish.errors import Report
from publish.styles import PRINT_STYLES
from publish.transforms import resources

PAPERS = ("a4", "letter")
STARTS = ("right", "left")  # the side of the spread an article opens on
COURSE_KEYS = {"title", "code", "term", "institution", "instructor", "cover", "preface", "paper", "style",
               "language"}
ITEM_KEYS = {"source", "short-title", "start", "permission"}
#: Permission kinds and the fields each needs (copy shops refuse packs without them).
KINDS = {
    "ccc": ("number",),                 # cleared through the Copyright Clearance Center: licence number
    "publisher": ("grantor", "date"),   # granted by the rights holder or publisher
    "open-licence": ("licence",),       # e.g. CC BY 4.0
    "public-domain": (),
    "fair-use": ("notes",),             # the written fair-use / fair-dealing assessment
    "author": ("grantor",),             # the author holds the rights and granted them
}
PERMISSION_KEYS = {"kind", "grantor", "number", "date", "fee", "licence", "notes"}
ITEM_HEADER = re.compile(r"^[ \t]*\[\[\s*(?:sections\s*\.\s*)?items\s*\]\]", re.M)
SECTION_HEADER = re.compile(r"^[ \t]*\[\[\s*sections\s*\]\]", re.M)


@dataclass
class Permission:
    kind: str
    grantor: str | None = None
    number: str | None = None
    date: str | None = None
    fee: str | None = None
    licence: str | None = None
    notes: str | None = None

    def statement(self) -> str:
        """One sentence for the permissions and credits page."""
        by = f" of {self.grantor}" if self.grantor else ""
        text = {
            "ccc": f"Reproduced with permission{by} through the Copyright Clearance Center",
            "publisher": f"Reproduced with permission{by}",
            "open-licence": f"Reproduced under the {self.licence} licence",
            "public-domain": "In the public domain",
            "fair-use": "Reproduced under a fair-use assessment",
            "author": "Reproduced with the permission of the author" + (f" ({self.grantor})" if self.grantor else ""),
        }[self.kind]
        details = [f"licence no. {self.number}" if self.number else None, self.date,
                   f"fee {self.fee}" if self.fee else None]
        details = [d for d in details if d]
        return text + (f" ({'; '.join(details)})" if details else "") + "."


@dataclass
class Item:
    source: Path
    line: int
    short_title: str | None = None
    start: str = "right"
    permission: Permission | None = None


@dataclass
class Section:
    title: str | None
    items: list[Item] = field(default_factory=list)


@dataclass
class Manifest:
    path: Path
    title: str
    code: str | None = None
    term: str | None = None
    institution: str | None = None
    instructor: str | None = None
    cover: Path | None = None
    preface: Path | None = None
    paper: str = "letter"
    style: str = "print"
    language: str = "en"
    sections: list[Section] = field(default_factory=list)

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]


def parse(path: Path, text: str, report: Report, draft: bool = False) -> Manifest | None:
    """The manifest, or None when it cannot be read at all; every problem goes to ``report``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        report.error(f"coursepack.toml is not valid TOML: {str(exc).split(' (at')[0]}",
                     line=int(m.group(1)) if m else None, hint="check quotes, brackets and '=' signs")
        return None
    lines = _Lines(text)
    course = data.get("course")
    if not isinstance(course, dict):
        report.error("no [course] table", line=1, hint="start the manifest with [course] and title = \"…\"")
        return None
    _unknown(course, COURSE_KEYS, "course", report, lines)
    folder = path.parent
    manifest = Manifest(path=path, title=str(course.get("title") or ""),
                        **{k: _str(course.get(k)) for k in ("code", "term", "institution", "instructor")},
                        language=_str(course.get("language")) or "en")
    if not manifest.title:
        report.error("the course has no title", line=lines.key("title"), hint="add title = \"…\" under [course]")
    for key in ("cover", "preface"):
        if course.get(key):
            p = folder / str(course[key])
            if not p.is_file():
                report.error(f"{key} file '{course[key]}' not found", line=lines.key(key),
                             hint="paths are relative to the manifest's folder")
                continue
            problem = resources.check(str(course[key]), folder.resolve()) if key == "cover" else None
            if problem:  # the same policy as an article's images: a file inside the folder
                report.error(f"cover '{course[key]}': {problem[2]}", line=lines.key(key), rule=problem[1],
                             hint=resources.HINTS[problem[1]])
                continue
            setattr(manifest, key, p)
    paper = str(course.get("paper", "letter")).lower()
    if paper not in PAPERS:
        report.error(f"paper size '{course.get('paper')}' is not one of {', '.join(PAPERS)}",
                     line=lines.key("paper"), hint="write paper = \"a4\" or paper = \"letter\"")
    manifest.paper = paper if paper in PAPERS else "letter"
    style = str(course.get("style", "print"))
    if style not in PRINT_STYLES:
        report.error(f"style '{style}' is not one of {', '.join(PRINT_STYLES)}", line=lines.key("style"),
                     hint='write style = "print" or style = "print-large"')
    manifest.style = style if style in PRINT_STYLES else "print"

    raw_sections = data.get("sections")
    if raw_sections is None:
        raw_sections = [{"title": None, "items": data.get("items", [])}]
    elif data.get("items"):
        report.error("use either [[items]] or [[sections]] with [[sections.items]], not both",
                     line=lines.nth(SECTION_HEADER, 0))
    item_lines = iter(lines.all(ITEM_HEADER))
    seen: dict[Path, int] = {}
    for s_index, raw in enumerate(raw_sections):
        section = Section(title=_str(raw.get("title")))
        if raw.get("title") is None and data.get("sections") is not None:
            report.error("a section has no title", line=lines.nth(SECTION_HEADER, s_index))
        for raw_item in raw.get("items", []):
            line = next(item_lines, None)
            item = _item(raw_item, folder, line, report, draft, lines)
            if item is None:
                continue
            key = item.source.resolve()
            if key in seen:
                report.error(f"'{raw_item.get('source')}' is listed twice (first on line {seen[key]})",
                             line=line, hint="remove the duplicate item")
                continue
            seen[key] = line
            section.items.append(item)
        manifest.sections.append(section)
    if not manifest.items:
        report.error("the coursepack lists no items", hint="add [[items]] with source = \"article.md\"")
    return manifest


def _item(raw, folder, line, report, draft, lines) -> Item | None:
    if not isinstance(raw, dict) or not raw.get("source"):
        report.error("an item has no source", line=line, hint="add source = \"article.md\"")
        return None
    _unknown(raw, ITEM_KEYS, "item", report, lines, line)
    source = folder / str(raw["source"])
    if not source.is_file():
        report.error(f"source '{raw['source']}' not found", line=line,
                     hint="paths are relative to the manifest's folder")
        return None
    start = str(raw.get("start", "right"))
    if start not in STARTS:
        report.error(f"start '{start}' is not one of {', '.join(STARTS)}", line=line)
        start = "right"
    item = Item(source=source, line=line, short_title=_str(raw.get("short-title")), start=start)
    perm = raw.get("permission")
    if perm is None:
        say = report.warning if draft else report.error
        say(f"'{raw['source']}' has no permission record", line=line,
            hint="add [sections.items.permission] with kind = \"ccc\", \"publisher\", \"open-licence\", "
                 "\"public-domain\", \"fair-use\" or \"author\" (use --draft while clearing rights)")
        return item
    if not isinstance(perm, dict) or perm.get("kind") not in KINDS:
        report.error(f"'{raw['source']}': permission kind must be one of {', '.join(KINDS)}", line=line)
        return item
    _unknown(perm, PERMISSION_KEYS, "permission", report, lines, line)
    missing = [f for f in KINDS[perm["kind"]] if not perm.get(f)]
    if missing:
        report.error(f"'{raw['source']}': a '{perm['kind']}' permission needs {', '.join(missing)}", line=line)
    item.permission = Permission(**{k: _str(perm.get(k)) for k in PERMISSION_KEYS})
    return item


def _unknown(table, known, where, report, lines, line=None):
    for key in table:
        if key not in known:
            report.warning(f"unknown {where} key '{key}' ignored", line=lines.key(key, after=line),
                           hint=f"known keys: {', '.join(sorted(known))}")


def _str(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return " ".join(str(value).split())


class _Lines:
    """Line numbers for TOML keys and headers (tomllib does not keep them)."""

    def __init__(self, text: str):
        self.text = text

    def _line(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def all(self, pattern) -> list[int]:
        return [self._line(m.start()) for m in pattern.finditer(self.text)]

    def nth(self, pattern, n: int) -> int | None:
        found = self.all(pattern)
        return found[n] if n < len(found) else None

    def key(self, key: str, after: int | None = None) -> int | None:
        for m in re.finditer(rf"^[ \t]*{re.escape(key)}\s*=", self.text, re.M):
            line = self._line(m.start())
            if after is None or line >= after:
                return line
        return None
