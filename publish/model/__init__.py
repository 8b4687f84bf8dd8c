"""The canonical article: an XHTML5 profile with DPUB-ARIA roles.

Readers produce it, transforms refine it, backends render it. See docs/model.md.
"""

from publish.model.article import Article, Contributor, Metadata, Note, Rights
from publish.model.names import XHTML, XML_LANG, E, q

__all__ = ["Article", "Contributor", "Metadata", "Note", "Rights", "XHTML", "XML_LANG", "E", "q"]
