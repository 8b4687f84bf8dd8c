"""Note calls in the text, and the endnotes document that links back to every call.

The markup, chosen so that pop-up notes work where a reading system offers them and
EPUBCheck and Ace stay silent::

    <a href="endnotes.xhtml#note-6" id="noteref-6-2" epub:type="noteref" role="doc-noteref">6</a>

    <section id="endnotes" epub:type="endnotes footnotes" role="doc-endnotes">
      <ol>
        <li id="note-6" value="6" epub:type="endnote footnote">
          <p><a href="article.xhtml#noteref-6" epub:type="backlink" role="doc-backlink"
                aria-label="Back to note 6, first citation">6</a>
             <a href="article.xhtml#noteref-6-2" … aria-label="Back to note 6, second citation">b</a>
             The note's text …</p>

Why, reading system by reading system:

- Apple Books pops up a noteref whose target is typed ``footnote``; Standard Ebooks' build
  adds ``footnote``/``footnotes`` next to ``endnote``/``endnotes`` for that reason, "still
  required as of 2021-05" (standardebooks/tools, se/se_epub_build.py).
- KOReader (koreader-base cre.cpp ``_isLinkToFootnote``; readerlink.lua
  ``showAsFootnotePopup``) trusts a source typed ``noteref`` or role ``doc-noteref``, and a
  target typed note/footnote/rearnote/endnote; the pop-up shows the target element's HTML,
  so the id sits on the ``li`` holding the whole note.
- Kobo (kobolabs/epub-spec README, "Footnotes/Endnotes"): pop-ups for targets typed
  footnote/endnote, or any link whose target node comes later in the book and holds 9 to
  5,000 characters of text; the target is the ``li`` with the note's text in it.
- Kindle (KDP "Hyperlink Guidelines"): notes must link both ways, and the pop-up heuristic
  expects the note to open with its link back to the call (what Standard Ebooks'
  endnotes2kindle produces: ``<p id="note-1"><a href="…#noteref-1">1</a>. text``); so
  the backlinks come first, then the note's text.
- Thorium (readium/r2-navigator-js popupFootNotes.ts) pops up a ``noteref`` only when its
  target is in the same document; with one endnotes document it follows the link, and the
  backlinks bring the reader back.
- EPUBCheck: role ``doc-endnote`` is deprecated (warning) and ``doc-footnote`` is not
  allowed on ``li`` (error), so the ``li`` keeps its implicit listitem role and carries only
  ``epub:type``. Ace's epub-type-has-matching-role check reads the *first* mapped
  ``epub:type`` token: ``endnote`` maps to the deprecated ``doc-endnote`` and passes,
  ``footnote`` first would demand ``role="doc-footnote"``; hence the order "endnote footnote".

A note cited more than once links back to each citation: the number to the first, then
one lettered link (b, c, …) per further citation, each labelled for screen readers.
"""

from __future__ import annotations

import copy
import re
import string

from publish.backends.epub.documents import ARTICLE, ENDNOTES, EPUB_TYPE, Document, page, typed
from publish.model import XHTML, E
from publish.model.article import Article

NOTE_TYPES = "endnote footnote"  # order matters for Ace, see above
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
#: Punctuation a call moves after ("word.¹", not "word¹."); parentheses and dashes stay put.
TRAILING = re.compile(r"^[.,;:!?…\u201d\u2019\u00bb]+")
P, SUP = f"{{{XHTML}}}p", f"{{{XHTML}}}sup"


def link_calls(tree, endnotes: str = ENDNOTES) -> None:
    """Point every call in ``tree`` at its note in the endnotes document, after punctuation."""
    for a in list(tree.iter(f"{{{XHTML}}}a")):
        if a.get("role") != "doc-noteref":
            continue
        _unwrap_sup(a)
        _after_punctuation(a)
        a.set("href", endnotes + a.get("href", ""))
        a.set(EPUB_TYPE, "noteref")


def backlink_label(number: int, k: int, total: int) -> str:
    """'Back to note 6, first citation' (just 'Back to note 6' when cited once)."""
    if total == 1:
        return f"Back to note {number}"
    which = f"{ORDINALS[k]} citation" if k < len(ORDINALS) else f"citation {k + 1}"
    return f"Back to note {number}, {which}"


def endnotes_document(article: Article, file_name: str = ENDNOTES, article_file: str = ARTICLE,
                      title: str = "Notes") -> Document:
    """The notes of one article (a coursepack has one such document per article)."""
    ol = E.ol()
    for note in article.notes():
        li = typed(E.li(*[copy.deepcopy(b) for b in note.element], id=note.id, value=str(note.number)),
                   NOTE_TYPES)
        link_calls(li, file_name)  # a note may cite another note
        _prepend_backlinks(li, note, article_file)
        ol.append(li)
    section = typed(E.section(E.h2("Notes", id="notes-heading"), ol, id="endnotes",
                              **{"aria-labelledby": "notes-heading"}), "endnotes footnotes", "doc-endnotes")
    return Document(file_name, title, page(title, article.language, "backmatter", section), landmark="endnotes")


def _prepend_backlinks(li, note, article_file: str) -> None:
    links = []
    for k, call in enumerate(note.calls):
        text = str(note.number) if k == 0 else _letter(k)
        back = typed(E.a(text, href=f"{article_file}#{call.get('id')}",
                         **{"aria-label": backlink_label(note.number, k, len(note.calls))}),
                     "backlink", "doc-backlink")
        if k:
            back.set("class", "also-cited")
        links.append(back)
    if not links:  # an uncited note still shows its number
        links.append(E.span(str(note.number), {"class": "note-number"}))
    first = li[0] if len(li) and li[0].tag == P else None
    if first is None:
        first = E.p()
        li.insert(0, first)
        tail = ""
    else:
        tail = " " + (first.text or "")
        first.text = None
    for n, link in enumerate(links):
        link.tail = " " if n < len(links) - 1 else tail
        first.insert(n, link)


def _letter(k: int) -> str:
    letters = string.ascii_lowercase
    return letters[k] if k < len(letters) else letters[k // len(letters) - 1] + letters[k % len(letters)]


def _unwrap_sup(a) -> None:
    """A call alone in <sup> loses the <sup>: the stylesheet raises calls itself."""
    sup = a.getparent()
    if sup is None or sup.tag != SUP or len(sup) != 1 or (sup.text or "").strip() or (a.tail or "").strip():
        return
    a.tail = sup.tail
    sup.addprevious(a)
    sup.getparent().remove(sup)


def _after_punctuation(a) -> None:
    """Move punctuation that follows a call before it, and drop the space before the call."""
    tail = a.tail or ""
    m = TRAILING.match(tail)
    before = _text_before(a)
    if before is None:
        return
    text = before[0]
    stripped = text.rstrip()
    if m:
        stripped += m.group()
        a.tail = tail[m.end():]
    if stripped != text and stripped:
        before[1](stripped)


def _text_before(a):
    """(text, setter) of the text node just before ``a``, or None."""
    prev = a.getprevious()
    if prev is not None:
        return prev.tail or "", lambda v: setattr(prev, "tail", v)
    parent = a.getparent()
    if parent is None:
        return None
    return parent.text or "", lambda v: setattr(parent, "text", v)
