"""Typography: curly quotes and apostrophes, ellipses and dashes; URLs and code untouched.

Quotes are decided on the text of a whole block, across inline elements, so that
``"<em>word</em>"`` gets an opening and a closing quote. Text the transform must not change
(code, note calls, URLs) still counts as context: a quote after a call closes.
"""

from __future__ import annotations

import re

from publish.model.names import VERBATIM, local
from publish.transforms import Transform

#: A URL or e-mail address; trailing punctuation and quotes belong to the sentence.
URL = re.compile(r"(?:https?://|ftp://|mailto:|www\.)[^\s<>\"\u201c\u201d]*[^\s<>\"\u201c\u201d'\u2019.,;:!?)]"
                 r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # starts at a word's start: linear time
OPENERS = set(" \t\n\u00a0([{<\u2014\u2013-/\u201c\u2018")
CLOSING_PUNCT = set(".,;:!?)]}\u2026\u201d\u2019")
ELISIONS = re.compile(r"'(?=(tis|twas|em|n|cause|til|round)\b|\d\d?s\b|\d\d\b)", re.I)
ELLIPSIS = re.compile(r"\.\s?\.\s?\.")
BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "dt", "dd", "td", "th", "figcaption", "caption",
          "blockquote", "div", "section", "aside", "main", "header", "body", "ol", "ul", "dl",
          "table", "thead", "tbody", "tfoot", "tr", "figure", "pre"}
#: Head metadata that is prose (names and statements), smartened like the title.
PROSE_META = ("dcterms.isPartOf", "dcterms.publisher", "dcterms.rightsHolder", "dcterms.rights")


class Typography(Transform):
    name = "typography"
    priority = 100

    def apply(self, article, report) -> None:
        for title in article.xpath("h:head/h:title"):
            title.text = smarten(title.text or "")
        for meta in article.xpath("h:head/h:meta[@name]"):
            if meta.get("name") in PROSE_META:
                meta.set("content", smarten(meta.get("content", "")))
        for block in article.xpath("h:body"):
            _block(block)


def _block(block) -> None:
    """Smarten one block: its own text runs together, nested blocks on their own."""
    runs: list = []  # [element, attribute] to edit, or a str of context only
    _collect(block, runs, top=True)
    for run in runs:
        if isinstance(run, list):
            el, attr = run
            setattr(el, attr, _replace(getattr(el, attr)))
    texts = [run if isinstance(run, str) else getattr(run[0], run[1]) or "" for run in runs]
    whole = "".join(texts)
    editable = []
    for run, text in zip(runs, texts):
        frozen = isinstance(run, str)
        mask = [not frozen] * len(text)
        for m in URL.finditer(text):
            mask[m.start():m.end()] = [False] * (m.end() - m.start())
        editable.extend(mask)
    smart = _quotes(whole, editable)
    pos = 0
    for run, text in zip(runs, texts):
        if isinstance(run, list) and text:
            setattr(run[0], run[1], smart[pos:pos + len(text)])
        pos += len(text)


def _collect(el, runs: list, top: bool = False) -> None:
    name = local(el.tag)
    if name in VERBATIM or el.get("role") == "doc-noteref" or _is_url_link(el):
        runs.append("".join(el.itertext()))  # context only
        return
    runs.append([el, "text"])
    for child in el:
        if not isinstance(child.tag, str):
            runs.append([child, "tail"])
            continue
        if local(child.tag) in BLOCKS:
            _block(child)
            runs.append(" ")  # a block boundary separates words
        else:
            _collect(child, runs)
        runs.append([child, "tail"])


def _is_url_link(el) -> bool:
    return local(el.tag) == "a" and (el.text or "").strip() == el.get("href", "").strip()


def smarten(text: str, prev: str = " ") -> str:
    """Smarten one string; ``prev`` is the character before it (a space at a block's start)."""
    text = _replace(text)
    mask = [True] * len(text)
    for m in URL.finditer(text):
        mask[m.start():m.end()] = [False] * (m.end() - m.start())
    return _quotes(prev + text, [False] + mask)[1:]


def _replace(text: str | None) -> str | None:
    """Ellipses, dashes and elisions, outside URLs (these change the text's length)."""
    if not text:
        return text
    out, pos = [], 0
    for m in URL.finditer(text):
        out.append(_replace_plain(text[pos:m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(_replace_plain(text[pos:]))
    return "".join(out)


def _replace_plain(text: str) -> str:
    text = ELLIPSIS.sub("\u2026", text).replace("---", "\u2014").replace("--", "\u2013")
    return ELISIONS.sub("\u2019", text)


def _quotes(text: str, editable: list[bool]) -> str:
    """Curl straight quotes by their neighbours: open after space or an opener, else close."""
    chars = list(text)
    for i, c in enumerate(chars):
        if c not in "\"'" or not editable[i]:
            continue
        before = chars[i - 1] if i else " "  # already curled: “' opens a nested quote
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = before in OPENERS and not (after.isspace() or after in CLOSING_PUNCT)
        if c == '"':
            chars[i] = "\u201c" if opens else "\u201d"
        elif before.isalnum() or before in CLOSING_PUNCT:
            chars[i] = "\u2019"  # an apostrophe, or a closing single quote
        else:
            chars[i] = "\u2018" if opens else "\u2019"
    return "".join(chars)
