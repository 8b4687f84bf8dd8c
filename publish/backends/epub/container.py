"""The OCF container: a zip with ``mimetype`` first and stored, written reproducibly.

Entries keep the order given, carry one fixed timestamp (the build time, from
SOURCE_DATE_EPOCH when set) and fixed permissions, so two builds are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import zipfile

from lxml import etree

OEBPS = "EPUB"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"


def container_xml(opf_path: str) -> bytes:
    root = etree.Element(f"{{{CONTAINER_NS}}}container", nsmap={None: CONTAINER_NS}, version="1.0")
    rootfiles = etree.SubElement(root, f"{{{CONTAINER_NS}}}rootfiles")
    etree.SubElement(rootfiles, f"{{{CONTAINER_NS}}}rootfile", **{"full-path": opf_path,
                                                                 "media-type": "application/oebps-package+xml"})
    return etree.tostring(root, xml_declaration=True, encoding="utf-8") + b"\n"


def write(dest, files: list[tuple[str, bytes]], timestamp: float) -> None:
    """Write ``files`` (path inside the book, bytes) after mimetype and META-INF/container.xml."""
    when = dt.datetime.fromtimestamp(int(timestamp), dt.timezone.utc)
    stamp = max(when, dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)).timetuple()[:6]  # zip's epoch
    entries = [("mimetype", b"application/epub+zip"),
               ("META-INF/container.xml", container_xml(f"{OEBPS}/content.opf"))]
    entries += [(f"{OEBPS}/{name}", data) for name, data in files]
    with zipfile.ZipFile(dest, "w") as out:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            out.writestr(info, data, compresslevel=9)
