"""Images of the article, packaged into the book; each must have alt text.

The resources transform has already confined every ``src`` to a file in the article's
folder or a ``data:`` URI, so this only copies bytes and rewrites ``src``.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from urllib.parse import unquote

from publish.errors import InputError
from publish.model import XHTML

MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".webp": "image/webp", ".svg": "image/svg+xml"}
EXTENSIONS = {v: k for k, v in MEDIA_TYPES.items() if k != ".jpeg"}


def package(tree, folder: Path | None) -> list[tuple[str, str, bytes]]:
    """Rewrite every <img> of ``tree`` to a file under images/; return (href, media type, bytes)."""
    out: dict[str, tuple[str, bytes]] = {}
    for img in tree.iter(f"{{{XHTML}}}img"):
        src = img.get("src", "")
        if img.get("alt") is None:
            raise InputError(f"image '{src[:80]}' has no alt text", line=img.sourceline,
                             hint='describe the image in its alt text (alt="" only for decoration)')
        media_type, data = _read(src, folder)
        name = f"images/{hashlib.sha256(data).hexdigest()[:16]}{EXTENSIONS[media_type]}"
        out[name] = (media_type, data)
        img.set("src", name)
    return [(name, media_type, data) for name, (media_type, data) in sorted(out.items())]


def _read(src: str, folder: Path | None) -> tuple[str, bytes]:
    if src.startswith("data:"):
        header, _, payload = src[5:].partition(",")
        media_type = header.split(";")[0]
        if media_type not in EXTENSIONS:
            raise InputError(f"image data of type {media_type or 'unknown'} cannot go in an EPUB",
                             hint="use PNG, JPEG, GIF, WebP or SVG")
        return media_type, base64.b64decode(payload) if ";base64" in header else unquote(payload).encode()
    path = (folder or Path(".")) / unquote(src)
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        raise InputError(f"image '{src}' is not a type EPUB readers know", hint="use PNG, JPEG, GIF, WebP or SVG")
    try:
        return media_type, path.read_bytes()
    except OSError as exc:
        raise InputError(f"image '{src}' cannot be read: {exc.strerror or exc}",
                         hint="keep images beside the article and refer to them by relative path") from exc
