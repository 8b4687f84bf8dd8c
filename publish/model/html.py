"""Turn parsed HTML (from Markdown or an HTML file) into canonical model elements.

Only what the model allows survives: active content is dropped, unknown elements are
unwrapped (their text kept), and each removal is reported once per kind.
"""

from __future__ import annotations

import re

from lxml import etree

from publish.errors import Report
from publish.model.names import XHTML, append_mixed, local, xml_text

#: Allowed elements and their allowed attributes (besides id, class, title, lang, dir).
ALLOWED = {
    "p": (), "h2": (), "h3": (), "h4": (), "hr": (), "blockquote": ("cite",), "div": (),
    "section": (), "aside": (), "pre": (), "ul": (), "ol": ("start", "reversed", "type"),
    "li": ("value",), "dl": (), "dt": (), "dd": (), "figure": (), "figcaption": (),
    "table": (), "caption": (), "colgroup": ("span",), "col": ("span",), "thead": (),
    "tbody": (), "tfoot": (), "tr": (), "th": ("colspan", "rowspan", "scope"),
    "td": ("colspan", "rowspan"), "img": ("src", "alt", "width", "height"),
    "a": ("href", "hreflang", "role"), "em": (), "strong": (), "i": (), "b": (), "u": (), "s": (),
    "mark": (), "cite": (), "dfn": (), "abbr": (), "sub": (), "sup": (), "small": (),
    "span": (), "bdi": (), "code": (), "kbd": (), "samp": (), "var": (), "q": ("cite",),
    "time": ("datetime",), "br": (), "wbr": (),
}
COMMON = ("id", "class", "title", "lang", "dir")
RENAMED = {"h1": "h2", "h5": "h4", "h6": "h4", "strike": "s", "del": "s", "ins": "u", "tt": "code"}
#: Dropped with everything inside them.
ACTIVE = {"script", "style", "iframe", "object", "embed", "applet", "form", "input", "button",
          "select", "textarea", "frame", "frameset", "link", "meta", "base", "noscript",
          "template", "svg", "math", "audio", "video", "canvas", "portal", "head", "title"}
SAFE_SCHEMES = re.compile(r"^(https?:|mailto:|#|[^:/?#]*([/?#]|$))", re.I)
LINE_ATTR = "data-line"
#: Elements that hold blocks only: stray text inside them is wrapped in <p>.
CONTAINERS = {"div", "section", "aside", "blockquote"}


def contents(el) -> list:
    """The contents of a parsed element as text and child elements, for ``to_model``. Each
    child's tail is detached: ``to_model`` already emits a node's tail after it."""
    items = [el.text] if el.text else []
    for child in list(el):
        items.append(child)
        if child.tail:
            items.append(child.tail)
            child.tail = None
    return items


def to_model(nodes, report: Report, line: int | None = None) -> list:
    """Convert HTML nodes (elements of any namespace, or text) into model elements and text."""
    out = []
    for node in nodes:
        out.extend([xml_text(node)] if isinstance(node, str) else _convert(node, report, line))
    return out


def _convert(node, report: Report, line):
    if not isinstance(node.tag, str):  # comment or processing instruction
        return [xml_text(node.tail)] if node.tail else []
    tag = local(node.tag).lower()
    line = _line(node, line)
    tag = RENAMED.get(tag, tag)
    tail = [xml_text(node.tail)] if node.tail else []
    if tag in ACTIVE:
        report.warning(f"removed <{tag}> (active or unsupported content)", line=line, rule="S001",
                       hint="the model keeps text and safe markup only")
        return tail
    children = []
    if node.text:
        children.append(xml_text(node.text))
    for child in node:
        children.extend(_convert(child, report, line))
    if tag not in ALLOWED:
        report.warning(f"unwrapped <{tag}> (not in the model; its text is kept)", line=line, rule="S002")
        return children + tail
    el = etree.Element(f"{{{XHTML}}}{tag}", nsmap={None: XHTML})
    if line:
        el.sourceline = line
    for name, value in node.attrib.items():
        name = local(name).lower()
        if name.startswith("on"):
            report.warning(f"removed event handler '{name}' on <{tag}>", line=line, rule="S003")
        elif name in COMMON or name in ALLOWED[tag]:
            el.set(name, xml_text(value))
    if tag == "a" and not SAFE_SCHEMES.match(el.get("href", "").strip()):
        report.warning(f"removed unsafe link '{el.get('href')[:40]}'", line=line, rule="S004",
                       hint="only http, https, mailto and relative links are kept")
        return children + tail
    if tag in CONTAINERS:
        children = blocks(children, line)
    append_mixed(el, children)
    return [el] + tail


def _line(node, line):
    value = node.attrib.pop(LINE_ATTR, None) if hasattr(node, "attrib") else None
    if value and value.isdigit():
        return int(value)
    return line or node.sourceline


def blocks(items, line=None) -> list:
    """Wrap stray inline content (text or inline elements) at block level into <p>."""
    out, run = [], []
    block_tags = {"p", "h2", "h3", "h4", "hr", "blockquote", "div", "section", "aside", "pre",
                  "ul", "ol", "dl", "figure", "table"}

    def flush():
        if any((isinstance(x, str) and x.strip()) or not isinstance(x, str) for x in run):
            p = etree.Element(f"{{{XHTML}}}p", nsmap={None: XHTML})
            if line:
                p.sourceline = line
            append_mixed(p, run)
            p.text = (p.text or "").lstrip()
            out.append(p)
        run.clear()

    for item in items:
        if not isinstance(item, str) and local(item.tag) in block_tags:
            flush()
            out.append(item)
        else:
            run.append(item)
    flush()
    return out
