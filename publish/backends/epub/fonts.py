"""Embedded fonts (``--embed-fonts``): Noto Serif, subset to the characters the book uses.

Noto Serif is under the SIL Open Font License 1.1 with no Reserved Font Name, so a subset
may be embedded; its copyright and licence stay in the font's name table (IDs 0, 13, 14).
Fonts are optional: the stylesheet names them first and falls back to the reader's serif,
and reading systems still let the reader choose their own.
"""

from __future__ import annotations

import io
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from publish.errors import UsageError

FAMILY = "Noto Serif"
FACES = {  # file name: (font-style, font-weight)
    "NotoSerif-Regular.ttf": ("normal", "normal"),
    "NotoSerif-Italic.ttf": ("italic", "normal"),
    "NotoSerif-Bold.ttf": ("normal", "bold"),
    "NotoSerif-BoldItalic.ttf": ("italic", "bold"),
}
SEARCH = [Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/noto"),
          Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts"]
BASIC = {c for c in range(0x20, 0x7F)} | {0xA0, 0xA9, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026}


def find(folders=None) -> dict[str, Path]:
    """The four faces of Noto Serif on this machine, or a UsageError naming the package."""
    found = {}
    for name in FACES:
        for folder in folders or SEARCH:
            if (folder / name).is_file():
                found[name] = folder / name
                break
    missing = [n for n in FACES if n not in found]
    if missing:
        raise UsageError(f"--embed-fonts: {', '.join(missing)} not found",
                         hint="install the OFL font Noto Serif (Debian: apt-get install fonts-noto-core)")
    return found


def embed(text: str, folders=None) -> tuple[list[tuple[str, bytes]], str]:
    """Subset each face to ``text``; return ([(href, bytes)], the @font-face CSS)."""
    unicodes = sorted({ord(c) for c in text} | BASIC)
    files, css = [], []
    for name, path in find(folders).items():
        font = TTFont(path, recalcTimestamp=False)  # keep the font's own date: reproducible output
        options = subset.Options()
        options.name_IDs = ["*"]  # keep the copyright and OFL notices
        options.hinting = False
        options.layout_features = ["*"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.save(buffer)
        files.append((f"fonts/{name}", buffer.getvalue()))
        style, weight = FACES[name]
        css.append(f'@font-face {{ font-family: "{FAMILY}"; font-style: {style}; font-weight: {weight}; '
                   f'src: url("../fonts/{name}"); }}')
    css.append(f'body {{ font-family: "{FAMILY}", serif; }}')
    return files, "\n".join(css) + "\n"
