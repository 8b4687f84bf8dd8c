"""The whole pipeline in two functions: read (reader → transforms → checks) and build."""

from __future__ import annotations

import os
import time
from functools import partial
from dataclasses import dataclass, field
from pathlib import Path

from publish import coursepack, plugins, readers
from publish.coursepack import Coursepack
from publish.errors import InputError, Report, UsageError
from publish.model import Article, limits
from publish.model.validate import validate
from publish.output import atomic_path
from publish.source import load


@dataclass(frozen=True)
class ReadSettings:
    """What transforms may be told about a read."""

    allow_remote: bool = False  # fetch remote images (with a timeout and a size cap)
    allow_loopback: bool = False  # tests only: let allow_remote reach a server on loopback


@dataclass
class BuildOptions:
    """What a backend may be told. ``extra`` holds backend-specific options (paper, style…)."""

    source_date_epoch: int | None = None
    verbose: bool = False
    strict: bool = False
    allow_remote: bool = False
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls, **kw) -> "BuildOptions":
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        return cls(source_date_epoch=int(epoch) if epoch and epoch.isdigit() else None, **kw)

    @property
    def timestamp(self) -> float:
        """Build time: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
        return float(self.source_date_epoch) if self.source_date_epoch is not None else time.time()


def read(path: str | Path, fmt: str | None = None, strict: bool = False, report: Report | None = None,
         backend: str | None = None, settings: ReadSettings = ReadSettings()) -> Article:
    """Read a source into a checked canonical Article; raise InputError listing every problem."""
    source = load(path)
    report = report if report is not None else Report()
    report.path = report.path or str(path)
    if source.removed:
        count, line = source.removed
        report.warning(f"removed {count} control character(s) that XML cannot hold", line=line, rule="S015",
                       hint="they are invisible; check the text around that line")
    reader = readers.choose(source, fmt)
    article = reader.read(source, report)
    limits.check(article, report)
    if not report.errors:
        for transform in plugins.transforms(backend):
            transform.configure(settings)
            transform.apply(article, report)
        validate(article, report)
    if strict:
        report.escalate()
    if report.errors:
        raise InputError.from_report(report)
    return article


def read_pack(path: str | Path, strict: bool = False, draft: bool = False, report: Report | None = None,
              backend: str | None = None, settings: ReadSettings = ReadSettings()) -> Coursepack:
    """Read a coursepack manifest and every article it lists."""
    report = report if report is not None else Report()
    return coursepack.load(Path(path), partial(read, settings=settings), report, draft=draft, strict=strict,
                           backend=backend)


def build(path: str | Path, backend: str, dest: str | Path | None = None, fmt: str | None = None,
          options: BuildOptions | None = None, report: Report | None = None) -> Path:
    """Read ``path`` (an article, or a coursepack manifest) and render it with ``backend`` to
    ``dest`` (default dist/<stem><suffix>)."""
    options = options or BuildOptions.from_env()
    settings = ReadSettings(allow_remote=options.allow_remote)
    writer = plugins.load("backend", backend)
    if coursepack.is_manifest(path):
        if not getattr(writer, "coursepacks", False):
            raise UsageError(f"the {backend} backend cannot render coursepacks", path=path,
                             hint="build an article with it, or use epub or pdf for the pack")
        article = read_pack(path, strict=options.strict, draft=options.extra.get("draft", False),
                            report=report, backend=backend, settings=settings)
    else:
        article = read(path, fmt=fmt, strict=options.strict, report=report, backend=backend, settings=settings)
    dest = Path(dest) if dest else Path("dist") / (Path(path).stem + writer.suffix)
    with atomic_path(dest) as tmp:
        writer.write(article, tmp, options)
    return dest
