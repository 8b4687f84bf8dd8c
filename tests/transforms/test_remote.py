"""--allow-remote: remote images are fetched once, capped, from public hosts only, and embedded."""

from __future__ import annotations

import http.server
import threading
import time

import pytest

from publish.errors import Report
from publish.pipeline import ReadSettings, read
from publish.remote import RemoteRefused, fetch_image

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00:~\x9bU"
       b"\x00\x00\x00\nIDATx\x9cc`\x00\x00\x00\x02\x00\x01H\xaf\xa4q\x00\x00\x00\x00IEND\xaeB`\x82")


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        routes = {"/dot.png": ("image/png", PNG), "/page": ("text/html", b"<html>"),
                  "/big.png": ("image/png", PNG + b"\0" * (6 * 2**20))}
        if self.path == "/slow.png":
            time.sleep(3)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.end_headers()
            return
        kind, body = routes.get(self.path, ("image/png", PNG))
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading at its size cap, as it should

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def article_with(write, url):
    return write("a.md", f"---\ntitle: T\n---\n\n![A dot]({url})\n\nText.\n")


def test_without_allow_remote_nothing_is_fetched(write, server):
    report = Report()
    art = read(article_with(write, f"{server}/dot.png"), report=report)
    assert not art.xpath("//h:img") and report.warnings[0].rule == "S006"


def test_with_allow_remote_the_image_is_embedded(write, server):
    art = read(article_with(write, f"{server}/dot.png"), settings=ReadSettings(allow_remote=True, allow_loopback=True))
    (img,) = art.xpath("//h:img")
    assert img.get("src").startswith("data:image/png;base64,")


def test_loopback_and_metadata_addresses_are_refused_even_when_allowed(write, server):
    for url in (f"{server}/dot.png", "http://169.254.169.254/latest/meta-data/", "http://[::1]/x.png"):
        report = Report()
        art = read(article_with(write, url), report=report, settings=ReadSettings(allow_remote=True))
        assert not art.xpath("//h:img")
        assert report.warnings[0].rule == "S014" and "private, loopback or link-local" in report.warnings[0].message


@pytest.mark.parametrize("path,message", [("/page", "not an image"), ("/big.png", "cap"),
                                          ("/redirect", "private, loopback or link-local")])
def test_fetch_refusals(server, path, message):
    with pytest.raises(RemoteRefused, match=message):
        fetch_image(server + path, allow_loopback=True)  # the redirect to 169.254.169.254 is still refused


def test_fetch_times_out(server):
    start = time.monotonic()
    with pytest.raises(RemoteRefused):
        fetch_image(server + "/slow.png", timeout=0.5, allow_loopback=True)
    assert time.monotonic() - start < 2.5
