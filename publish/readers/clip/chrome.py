"""Site chrome at the top of a clipping: the masthead, the publisher line and the breadcrumb."""

from __future__ import annotations

import re

HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
PUBLISHED_BY = re.compile(r"^(?:published|brought to you|presented)\s+by\s+(?P<name>.+?)\.?$"
                          r"|^a\s+publication\s+of\s+(?P<name2>.+?)\.?$", re.I)
MD_LINK = re.compile(r"\[([^\[\]]*)\]\([^()\s]*\)")  # no nested brackets: linear on stray '['s
CRUMB_SEPARATOR = re.compile(r"\s*(?:\\?>|&gt;|[›»→])\s*")
#: Small words kept lowercase when an all-capitals masthead is set in title case.
SMALL_WORDS = {"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to"}
VOWELS = set("AEIOUY")


def heading_text(text: str) -> str | None:
    """The text of an ATX heading line (`# Name`), or None."""
    m = HEADING.match(text)
    return m.group(1).strip() if m else None


def plain(text: str) -> str:
    """Markdown inline syntax removed: links to their text, emphasis and escapes dropped."""
    text = MD_LINK.sub(r"\1", text)
    text = re.sub(r"(\*\*|__|\*|(?<!\w)_|_(?!\w))", "", text)
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
    return " ".join(text.split())


def is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def masthead_name(text: str) -> str:
    """The publication named by a masthead; capitals become title case (acronyms stay)."""
    name = plain(text)
    if not is_capitals(name) or len([c for c in name if c.isalpha()]) < 4:
        return name
    words = []
    for i, word in enumerate(name.split()):
        letters = [c for c in word if c.isalpha()]
        if len(letters) <= 3 and not VOWELS.intersection(letters):
            words.append(word)  # an acronym such as NPR or BBC
        elif i and word.lower() in SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append(word.capitalize())
    return " ".join(words)


def publisher_name(text: str) -> str | None:
    """The publisher from 'Published by …'; a lowercase 'the' belongs to the sentence, not the name."""
    m = PUBLISHED_BY.match(plain(text))
    if not m:
        return None
    name = (m.group("name") or m.group("name2")).strip()
    return re.sub(r"^the\s+", "", name)


def is_breadcrumb(text: str) -> bool:
    """A navigation trail: two or more short parts joined by '>' (or › »), one a link or 'Home'."""
    parts = [p for p in CRUMB_SEPARATOR.split(text.strip()) if p.strip()]
    if len(parts) < 2 or len(CRUMB_SEPARATOR.findall(text.strip())) < len(parts) - 1:
        return False
    if any(len(plain(p).split()) > 15 for p in parts):
        return False
    return bool(MD_LINK.search(text)) or plain(parts[0]).lower() in ("home", "start", "front page")
