"""Namespaces and an element factory for the canonical model."""

import re

from lxml.builder import ElementMaker

XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

E = ElementMaker(namespace=XHTML, nsmap={None: XHTML})

#: Elements whose text typographic transforms leave alone.
VERBATIM = frozenset({"pre", "code", "kbd", "samp", "var"})


#: Characters XML 1.0 forbids (C0 controls but tab, newline and return; U+FFFE, U+FFFF).
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text):
    """``text`` without the characters XML cannot hold (None stays None)."""
    return ILLEGAL_XML.sub("", text) if text else text


def q(tag: str) -> str:
    """Qualified XHTML tag name: q('p') -> '{http://www.w3.org/1999/xhtml}p'."""
    return f"{{{XHTML}}}{tag}"


def local(tag) -> str:
    """Local name of an element tag ('' for comments and processing instructions)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def append_mixed(parent, items) -> None:
    """Append strings and elements to ``parent`` as mixed content, in order."""
    last = parent[-1] if len(parent) else None  # len() walks the children: once, not per item
    for item in items:
        if isinstance(item, str):
            if last is not None:
                last.tail = (last.tail or "") + item
            else:
                parent.text = (parent.text or "") + item
        else:
            parent.append(item)
            last = item
