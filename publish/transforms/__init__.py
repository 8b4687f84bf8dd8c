"""Transforms: small, ordered refinements of the model, applied after reading.

A transform has ``name``, ``priority`` (lower runs first), ``backends`` (empty: all) and
``apply(article, report)``, and may take read settings in ``configure(settings)``.
Transforms must be idempotent, so that a converted document
read back gives the same output.
"""

from __future__ import annotations


class Transform:
    name = ""
    priority = 500
    backends: tuple[str, ...] = ()

    def configure(self, settings) -> None:
        """Take read settings (e.g. ``allow_remote``) before ``apply``; most transforms need none."""

    def apply(self, article, report) -> None:
        raise NotImplementedError
