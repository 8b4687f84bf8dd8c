"""A WeasyPrint URL fetcher that serves only the article's folder and our bundled styles."""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse


class ConfinedFetcher(URLFetcher):
    """Serves files under ``roots`` (symlinks resolved first) and data: images; refuses the
    network and everything else. A refusal raises ValueError, which WeasyPrint turns into a
    warning; refused URLs are kept in ``refused`` for the build report."""

    def __init__(self, roots, refused: list | None = None):
        super().__init__(allowed_protocols={"file", "data"})
        self.roots = [Path(r).resolve() for r in roots]
        self.refused = refused if refused is not None else []

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return self._data(url)
        if parts.scheme == "file":
            path = Path(unquote(parts.path)).resolve()
            if any(path == root or root in path.parents for root in self.roots) and path.is_file():
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": kind})
        self.refused.append(url)
        raise ValueError(f"refused resource outside the article's folder: {url[:100]}")

    def _data(self, url):
        header, _, payload = url[5:].partition(",")
        kind = header.split(";")[0].lower()
        if not kind.startswith("image/") or kind == "image/svg+xml":
            self.refused.append(url[:60])
            raise ValueError(f"refused data: URL of type {kind or 'text/plain'}")
        body = base64.b64decode(payload) if header.endswith(";base64") else unquote_to_bytes(payload)
        return URLFetcherResponse(url[:60], body, {"Content-Type": kind})
