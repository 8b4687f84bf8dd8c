"""PDF metadata: WeasyPrint fills the document info and XMP from the print HTML's head;
this adds what its XMP leaves out (language, rights) and picks the PDF variant."""

from __future__ import annotations

from xml.etree.ElementTree import SubElement, fromstring, tostring

from weasyprint.pdf.metadata import NS, DocumentMetadata

#: The default: tagged (structure, reading order, language, alt text) so that the handout
#: works with screen readers; PDF/A-2b is offered for archives.
DEFAULT_VARIANT = "pdf/ua-1"
VARIANTS = ("pdf/ua-1", "pdf/a-2b", "pdf/a-3b")


class PrintMetadata(DocumentMetadata):
    """WeasyPrint's metadata plus dc:language and dc:rights in the XMP packet."""

    def __init__(self, rights: str | None = None, **kw):
        super().__init__(**kw)
        self.rights = rights

    @classmethod
    def from_document(cls, metadata: DocumentMetadata, rights: str | None) -> "PrintMetadata":
        return cls(rights=rights, **vars(metadata))

    def generate_rdf_metadata(self, variant, version, conformance):
        rdf = fromstring(super().generate_rdf_metadata(variant, version, conformance))
        rdf_ns, dc = NS["rdf"], NS["dc"]
        if self.lang:
            desc = SubElement(rdf, f"{{{rdf_ns}}}Description", {f"{{{rdf_ns}}}about": ""})
            bag = SubElement(SubElement(desc, f"{{{dc}}}language"), f"{{{rdf_ns}}}Bag")
            SubElement(bag, f"{{{rdf_ns}}}li").text = self.lang
        if self.rights:
            desc = SubElement(rdf, f"{{{rdf_ns}}}Description", {f"{{{rdf_ns}}}about": ""})
            alt = SubElement(SubElement(desc, f"{{{dc}}}rights"), f"{{{rdf_ns}}}Alt")
            SubElement(alt, f"{{{rdf_ns}}}li", {"xml:lang": "x-default"}).text = self.rights
        return tostring(rdf, encoding="utf-8")


def write_options(variant: str | None, identifier: str | None) -> dict:
    """Keyword arguments for ``Document.write_pdf``: always tagged, always with XMP."""
    return {"pdf_variant": variant or DEFAULT_VARIANT, "pdf_tags": True,
            "pdf_identifier": identifier.encode() if identifier else None}
