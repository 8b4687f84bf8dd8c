"""Resources: every image must be a file inside the article's own folder (or a small data:
image). Remote, absolute, escaping and symlinked-out paths are replaced by their alt text
with a warning, so no backend ever reads outside the folder or reaches the network."""

from __future__ import annotations

import base64
import binascii
import warnings
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image, UnidentifiedImageError

from publish.model import E
from publish.remote import RemoteRefused, fetch_image
from publish.model.names import local
from publish.transforms import Transform

MAX_IMAGE_BYTES = 20 * 2**20
MAX_PIXELS = 40_000_000  # e.g. 8000 × 5000; larger declared sizes are decompression bombs
DATA_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}


class Resources(Transform):
    name = "resources"
    priority = 50
    allow_remote = False
    allow_loopback = False  # tests only: lets --allow-remote reach a server on loopback

    def configure(self, settings) -> None:
        self.allow_remote = settings.allow_remote
        self.allow_loopback = settings.allow_loopback

    def apply(self, article, report) -> None:
        folder = article.source.parent.resolve() if article.source else None
        for img in article.xpath("//h:img"):
            if self.allow_remote and urlsplit(img.get("src", "")).scheme in ("http", "https"):
                self._embed(img, report)
            problem = check(img.get("src", ""), folder)
            if problem is None:
                continue
            severity, rule, message = problem
            getattr(report, severity)(f"image '{img.get('src', '')[:80]}': {message}", line=img.sourceline,
                                      rule=rule, hint=HINTS[rule])
            _replace_with_alt(img)


    def _embed(self, img, report) -> None:
        """--allow-remote: fetch once, embed as a data: URI, so no backend touches the network."""
        try:
            kind, data = fetch_image(img.get("src"), allow_loopback=self.allow_loopback)
        except RemoteRefused as exc:
            report.warning(f"image '{img.get('src')[:80]}' not fetched: {exc}", line=img.sourceline, rule="S014",
                           hint="download it into the article's folder and refer to it by a relative path")
            return
        img.set("src", f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}")


HINTS = {
    "S006": "copy the image into the article's folder, or pass --allow-remote to fetch it",
    "S007": "only files inside the article's own folder are used",
    "S008": "scale the image down (at most 40 megapixels and 20 MiB)",
    "M010": "check the file name, or remove the image",
}


def check(src: str, folder: Path | None):
    """None when ``src`` is safe to use; else (severity, rule, message)."""
    src = src.strip()
    parts = urlsplit(src)
    if parts.scheme == "data":
        return _check_data(src)
    if parts.scheme or src.startswith("//"):
        return ("warning", "S006", "remote or non-file images are not fetched; replaced by its alt text")
    if folder is None:
        return ("warning", "S007", "no article folder to read images from")
    rel = unquote(parts.path)
    if rel.startswith("/") or not rel:
        return ("warning", "S007", "absolute paths are refused")
    path = (folder / rel).resolve()  # follows symlinks: a link pointing out is caught here
    if folder not in path.parents:
        return ("warning", "S007", "the path leaves the article's folder")
    if not path.is_file():
        return ("error", "M010", "file not found")
    if path.stat().st_size > MAX_IMAGE_BYTES:
        return ("error", "S008", f"file is {path.stat().st_size // 2**20} MiB, over the limit")
    return _check_pixels(path)


def _check_data(src):
    header, _, payload = src[5:].partition(",")
    kind = header.split(";")[0].lower()
    if kind not in DATA_TYPES or not header.endswith(";base64"):
        return ("warning", "S006", f"data: URLs of type '{kind or 'text/plain'}' are refused")
    if len(payload) > MAX_IMAGE_BYTES * 4 // 3:
        return ("error", "S008", "embedded image over the size limit")
    try:
        base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        return ("error", "M010", "embedded image is not valid base64")
    return None


def _check_pixels(path: Path):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as im:  # reads the header only
                w, h = im.size
    except Image.DecompressionBombError:
        return ("error", "S008", "declared pixel size is a decompression bomb")
    except (UnidentifiedImageError, OSError):
        return ("error", "M010", "not an image file we can read (PNG, JPEG, GIF, WebP, SVG)") \
            if path.suffix.lower() != ".svg" else None
    if w * h > MAX_PIXELS:
        return ("error", "S008", f"declared size {w} × {h} pixels is over the limit")
    return None


def _replace_with_alt(img) -> None:
    text = f"[{img.get('alt') or 'image'}]"
    parent = img.getparent()
    new = E.p(text) if local(parent.tag) == "figure" else E.span(text)
    new.tail = img.tail
    parent.replace(img, new)
