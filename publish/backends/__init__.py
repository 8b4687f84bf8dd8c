"""Backends render an Article (never the source) to a file.

A backend is a class with ``name``, ``suffix``, ``description`` and
``write(article, dest, options)``, registered in the ``publish.backends`` entry-point group.
``dest`` is a temporary path; the pipeline renames it into place when ``write`` returns.
"""

from __future__ import annotations

from pathlib import Path


class Backend:
    name = ""
    suffix = ""
    description = ""

    def write(self, article, dest: Path, options) -> None:
        raise NotImplementedError
