"""Reader for the canonical model itself (what `publish convert` writes)."""

from __future__ import annotations

from lxml import etree

from publish.errors import InputError, Report
from publish.model import XHTML, Article
from publish.readers import Reader
from publish.source import Source


def safe_parser() -> etree.XMLParser:
    """No entities resolved, no DTD loaded, no network: untrusted XML cannot reach out."""
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


class XmlReader(Reader):
    name = "xml"
    extensions = (".xhtml", ".xml", ".html")

    def sniff(self, source: Source) -> float:
        head = source.text[:2000]
        if XHTML in head and ("<html" in head):
            return 0.95 if source.path.suffix.lower() in self.extensions else 0.9
        return 0.1 if source.path.suffix.lower() in (".xhtml", ".xml") else 0.0

    def read(self, source: Source, report: Report) -> Article:
        entity = source.text.find("<!ENTITY")
        if entity != -1:  # refused before parsing: no expansion, no external fetch, no amplification
            report.error("the document declares entities, which are not allowed", rule="S005",
                         line=source.text.count("\n", 0, entity) + 1,
                         hint="write characters directly (UTF-8) instead of entities")
            raise InputError.from_report(report)
        try:
            root = etree.fromstring(source.text.encode("utf-8"), safe_parser())
        except etree.XMLSyntaxError as exc:
            line = exc.lineno or (exc.position[0] if exc.position else None)
            raise InputError(f"malformed XML: {exc.msg}", source.path, line,
                             hint="fix the markup at that line (an unclosed or mismatched tag?)") from None
        if root.tag != f"{{{XHTML}}}html":
            raise InputError("not a canonical article (the root must be XHTML <html>)", source.path,
                             root.sourceline, hint="use `publish convert` to make one, or --from another reader")
        return Article(root.getroottree(), source.path)
