"""Readers: one module per source format, each turning a Source into an Article.

A reader declares ``name``, ``extensions`` and ``sniff(source) -> float`` (how sure it is,
0 to 1, from the content and the extension); the most confident one reads the file unless
``--from NAME`` forces one.
"""

from __future__ import annotations

from publish import plugins
from publish.errors import InputError, Report
from publish.source import Source


class Reader:
    name = ""
    extensions: tuple[str, ...] = ()

    def sniff(self, source: Source) -> float:
        return 0.0

    def read(self, source: Source, report: Report):  # -> Article
        raise NotImplementedError


def choose(source: Source, fmt: str | None = None) -> Reader:
    """The reader for ``source``: the named one, or the one most sure of the content."""
    if fmt:
        return plugins.load("reader", fmt)
    best, score = None, 0.0
    for name in plugins.available("reader"):
        reader = plugins.load("reader", name)
        s = reader.sniff(source)
        if s > score:
            best, score = reader, s
    if best is None:
        names = ", ".join(plugins.available("reader"))
        raise InputError(f"unknown file type '{source.path.suffix or source.path.name}'", source.path,
                         hint=f"use a supported source or force a reader with --from ({names})")
    return best
