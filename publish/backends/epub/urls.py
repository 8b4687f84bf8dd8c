"""Long URLs shown as text get line-break opportunities (<wbr/>), so they wrap cleanly.

Breaks go after each slash of the path and before ``? & # =``, as style manuals advise;
the URL still copies whole, unlike with zero-width spaces.
"""

from __future__ import annotations

import re

from publish.model import XHTML, E

URL = re.compile(r"https?://[^\s<>\"]{24,}")
SKIP = {f"{{{XHTML}}}{t}" for t in ("pre", "code", "kbd", "samp", "script", "style")}


def break_urls(tree) -> None:
    for el in list(tree.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.tag not in SKIP and el.text and URL.search(el.text):
            pieces = split(el.text)
            el.text = pieces[0]
            for k, piece in enumerate(pieces[1:]):
                el.insert(k, _wbr(piece))
        parent = el.getparent()
        if el.tail and parent is not None and parent.tag not in SKIP and URL.search(el.tail):
            pieces = split(el.tail)
            el.tail = pieces[0]
            anchor = el
            for piece in pieces[1:]:
                anchor.addnext(_wbr(piece))
                anchor = anchor.getnext()


def split(text: str) -> list[str]:
    """Cut ``text`` where a line may break inside its URLs."""
    cuts = []
    for m in URL.finditer(text):
        start = m.start() + m.group().index("//") + 2
        for i in range(start + 1, m.end()):
            if (text[i - 1] == "/" and text[i] != "/") or text[i] in "?&#=":
                cuts.append(i)
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def _wbr(tail: str):
    w = E.wbr()
    w.tail = tail
    return w
