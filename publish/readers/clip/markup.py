"""Clipping paragraphs to model blocks: CommonMark, with note calls already written as model HTML."""

from __future__ import annotations

from functools import lru_cache

import lxml.html
from markdown_it import MarkdownIt

from publish.errors import Report
from publish.model.html import LINE_ATTR, blocks, contents, to_model
from publish.readers.clip.paragraphs import Para

PARSER = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.add_render_rule("softbreak", lambda *a: " ")  # a hard-wrapped line is one line of prose
    return md


def render(paras: list[Para], report: Report) -> list:
    """Model blocks for paragraphs, each block carrying the line it starts on."""
    rows: list[tuple[str, int]] = []
    for para in paras:
        rows.extend(para.lines)
        rows.append(("", para.lines[-1][1]))
    if not rows:
        return []
    md = parser()
    tokens = md.parse("\n".join(text for text, _ in rows) + "\n", {})
    for tok in tokens:
        if tok.map and tok.nesting >= 0 and tok.type not in ("inline", "html_block"):
            tok.attrSet(LINE_ATTR, str(rows[min(tok.map[0], len(rows) - 1)][1]))
    html = md.renderer.render(tokens, md.options, {})
    if not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div", parser=PARSER)
    return blocks(to_model(contents(root), report, paras[0].line), paras[0].line)


def inline(text: str, report: Report, line: int) -> list:
    """Inline model content (text and elements) for one line of Markdown, such as a title."""
    html = parser().renderInline(text)
    if not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="span", parser=PARSER)
    return to_model(contents(root), report, line)
