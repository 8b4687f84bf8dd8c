"""Fetching a remote image, only when the user passed --allow-remote: http(s) only, public
addresses only (no loopback, private, link-local or metadata-service hosts), a timeout, a
size cap, image content types only, and redirects checked like the first request."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urljoin, urlsplit

TIMEOUT = 10.0
MAX_BYTES = 5 * 2**20
MAX_REDIRECTS = 3
IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}


class RemoteRefused(Exception):
    """The URL was not fetched; the message says why."""


def fetch_image(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
                allow_loopback: bool = False) -> tuple[str, bytes]:
    """(content type, bytes) of a remote image, or RemoteRefused."""
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise RemoteRefused("only http and https images can be fetched")
        address = _public_address(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                  allow_loopback)
        conn_type = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        conn = conn_type(parts.hostname, parts.port, timeout=timeout)
        conn.sock = socket.create_connection((address, parts.port or conn.default_port), timeout=timeout)
        if parts.scheme == "https":
            conn.sock = ssl.create_default_context().wrap_socket(conn.sock, server_hostname=parts.hostname)
        try:
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            conn.request("GET", path, headers={"User-Agent": "publish", "Accept": "image/*"})
            resp = conn.getresponse()
            if resp.status in (301, 302, 303, 307, 308) and resp.getheader("Location"):
                url = urljoin(url, resp.getheader("Location"))
                continue
            if resp.status != 200:
                raise RemoteRefused(f"the server answered {resp.status}")
            kind = (resp.getheader("Content-Type") or "").split(";")[0].strip().lower()
            if kind not in IMAGE_TYPES:
                raise RemoteRefused(f"not an image (content type '{kind or 'none'}')")
            length = resp.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise RemoteRefused(f"image is {int(length) // 1024} KiB, over the {max_bytes // 1024} KiB cap")
            data = resp.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise RemoteRefused(f"image is over the {max_bytes // 1024} KiB cap")
            return kind, data
        except (OSError, http.client.HTTPException) as exc:
            raise RemoteRefused(f"could not fetch it ({type(exc).__name__})") from None
        finally:
            conn.close()
    raise RemoteRefused("too many redirects")


def _public_address(host: str, port: int, allow_loopback: bool) -> str:
    """The address to connect to, resolved once (so DNS cannot change between check and use)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        raise RemoteRefused(f"cannot resolve host '{host}'") from None
    for info in infos:
        address = info[4][0]
        ip = ipaddress.ip_address(address)
        if not ip.is_global and not (allow_loopback and ip.is_loopback):
            raise RemoteRefused(f"host '{host}' is a private, loopback or link-local address ({address})")
        return address
    raise RemoteRefused(f"cannot resolve host '{host}'")
