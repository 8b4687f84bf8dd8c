"""A progress bar on stderr for long builds (coursepacks): one step per article, with elapsed
time; silent with -q or when stderr is not a terminal."""

from __future__ import annotations

import sys
import time

import click

WIDTH = 24


class Progress:
    def __init__(self, quiet: bool = False, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = not quiet and self.stream.isatty()
        self.start = time.perf_counter()
        self.done = 0

    def __call__(self, k: int, n: int, title: str, seconds: float, cached: bool = False) -> None:
        if not self.enabled:
            return
        self.done += 1
        filled = WIDTH * self.done // max(n, 1)
        label = (title[:40] + "…") if len(title) > 41 else title
        line = (f"\r[{'#' * filled}{'-' * (WIDTH - filled)}] {self.done}/{n} "
                f"{time.perf_counter() - self.start:6.1f} s  {label}{' (cached)' if cached else ''}")
        click.echo(line.ljust(100)[:100], file=self.stream, nl=self.done == n)
