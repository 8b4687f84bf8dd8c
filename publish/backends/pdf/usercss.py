"""Limits on a user's own style sheet (--css): absurd values are refused before layout, so
a hostile or mistyped sheet fails with its file and line instead of exhausting the machine."""

from __future__ import annotations

import re
from pathlib import Path

from publish.errors import InputError

#: The largest value accepted per unit; about 2 m for absolute lengths, generous elsewhere.
MAX = {"px": 8000, "pt": 6000, "pc": 500, "cm": 200, "mm": 2000, "q": 8000, "in": 80, "em": 100, "rem": 100,
       "ex": 200, "ch": 200, "vw": 1000, "vh": 1000, "vmin": 1000, "vmax": 1000, "%": 10000, "": 1000}
DECLARATION = re.compile(r"([a-zA-Z-]+)\s*:\s*([^;{}]+)")
NUMBER = re.compile(r"(?<![\w#.-])(-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(px|pt|pc|cm|mm|q|in|em|rem|ex|ch|vw|vh|vmin|"
                    r"vmax|%)?(?![\w.])", re.I)


def check(text: str, path: Path) -> None:
    """Raise InputError at the first value over its limit (see MAX)."""
    text_no_comments = re.sub(r"/\*.*?\*/", lambda m: " " * len(m.group()), text, flags=re.S)
    for decl in DECLARATION.finditer(text_no_comments):
        prop = decl.group(1).lower()
        for m in NUMBER.finditer(decl.group(2)):
            unit = (m.group(2) or "").lower()
            value = abs(float(m.group(1)))
            if value > MAX[unit]:
                line = text.count("\n", 0, decl.start(2) + m.start()) + 1
                raise InputError(f"{prop}: {m.group(0)} is beyond what a page can hold", path, line,
                                 hint=f"keep {unit or 'unitless'} values under {MAX[unit]:g}; "
                                      "fix the style sheet or leave out --css")
