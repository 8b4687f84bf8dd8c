"""Loading a coursepack: the manifest, then every article through the ordinary pipeline."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from publish.coursepack.manifest import Item, Manifest, parse
from publish.errors import InputError, Report
from publish.model import Article
from publish.readers.markdown import markdown_blocks
from publish.source import load as load_source
from publish.transforms.identifier import NAMESPACE


@dataclass
class Entry:
    """One item of the pack, read: its article and where it came from in the manifest."""

    item: Item
    article: Article
    section: str | None


@dataclass
class Coursepack:
    manifest: Manifest
    entries: list[Entry] = field(default_factory=list)
    preface: list = field(default_factory=list)  # model blocks

    @property
    def identifier(self) -> str:
        m = self.manifest
        return f"urn:uuid:{uuid.uuid5(NAMESPACE, '|'.join(filter(None, [m.title, m.code, m.term])))}"

    def sections(self) -> list[tuple[str | None, list[Entry]]]:
        """Entries grouped by section, in manifest order."""
        groups: list[tuple[str | None, list[Entry]]] = []
        for entry in self.entries:
            if not groups or groups[-1][0] != entry.section:
                groups.append((entry.section, []))
            groups[-1][1].append(entry)
        return groups


def is_manifest(path: Path) -> bool:
    return Path(path).suffix.lower() == ".toml"


def load(path: Path, read, report: Report, draft: bool = False, strict: bool = False,
         backend: str | None = None) -> Coursepack:
    """Read the manifest, then every item with ``read`` (the pipeline's); raise InputError
    listing every problem of every item."""
    source = load_source(path)
    report.path = report.path or str(path)
    manifest = parse(Path(path), source.text, report, draft=draft)
    pack = Coursepack(manifest) if manifest else None
    if manifest:
        for section in manifest.sections:
            for item in section.items:
                item_report = Report(path=str(item.source))
                try:
                    article = read(item.source, strict=strict, report=item_report, backend=backend)
                except InputError as exc:
                    if not item_report.items:
                        item_report.items.append(exc.diagnostic)
                    report.items.extend(item_report.items)
                    continue
                report.items.extend(item_report.items)
                pack.entries.append(Entry(item, article, section.title))
        if manifest.preface and manifest.preface.is_file():
            preface = load_source(manifest.preface)
            pack.preface = markdown_blocks(preface.text, Report(path=str(manifest.preface)))
    if strict:
        report.escalate()
    if report.errors:
        raise InputError.from_report(report)
    return pack
