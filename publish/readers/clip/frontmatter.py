"""A clipping's front matter, recognised by position and shape: chrome, date, title, dek, byline, bio.

The byline anchors everything: paragraphs before it are masthead, chrome, date, title and
subtitle; after it come dates and bios (paragraphs opening with an author's name in capitals).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from publish.errors import Report
from publish.readers.clip import dates
from publish.readers.clip.chrome import heading_text, is_breadcrumb, is_capitals, masthead_name, plain, publisher_name
from publish.readers.clip.paragraphs import Para, ends_sentence

PARTICLES = {"de", "da", "di", "del", "della", "der", "den", "van", "von", "du", "la", "le", "al", "el",
             "bin", "ibn", "y", "dos", "das", "ter", "ten", "zu", "st."}
NOT_NAMES = {"a", "an", "the", "on", "in", "of", "how", "why", "what", "when", "where", "who", "is",
             "are", "to", "for", "and", "with", "from", "after", "before", "about", "inside", "our"}
NAME_SEPARATORS = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
BYLINE_DATE = re.compile(r"\s*(?:\||·|•|—|–|\s-\s)\s*")
#: Job titles that follow a name in some bylines ("By Ann Example, Staff Writer").
ROLE_WORDS = {"writer", "editor", "correspondent", "reporter", "columnist", "staff", "contributor",
              "contributing", "fellow", "bureau", "chief", "special", "senior"}
BIO_PRONOUNS = {"he", "she", "they", "his", "her", "their"}  # an article cannot open on a bare pronoun
SCAN = 12  # the byline is looked for in this many first paragraphs


@dataclass
class Front:
    publication: str | None = None
    publisher: str | None = None
    date: str | None = None
    title: Para | None = None
    subtitle: Para | None = None
    authors: list[str] = field(default_factory=list)
    bios: dict[int, list[Para]] = field(default_factory=dict)  # author index -> bio paragraphs
    end: int = 0  # index of the first body paragraph


def fold(name: str) -> str:
    """A name for comparison: no diacritics, no case, letters and spaces only."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", "", letters.casefold()).split())


def same_person(capitals: str, name: str) -> bool:
    a, b = fold(capitals).split(), fold(name).split()
    return bool(a and b) and (a == b or (a[-1] == b[-1] and a[0][0] == b[0][0]))


def name_case(name: str) -> str:
    """'JÖRG MÜLLER-LÜDENSCHEIDT' → 'Jörg Müller-Lüdenscheidt'; mixed-case names are kept."""
    if not is_capitals(name):
        return name
    words = [w.lower() if w.lower() in PARTICLES else w for w in name.split()]
    return " ".join(w if w.islower() else re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), w.lower())
                    for w in words)


def _name_like(name: str, loose: bool) -> bool:
    tokens = name.split()
    if not (1 if loose else 2) <= len(tokens) <= 6 or tokens[0].lower() in NOT_NAMES:
        return False
    return all(t[:1].isupper() or t.lower() in PARTICLES or t.lower() in ("jr.", "sr.") for t in tokens) \
        and not any(c.isdigit() for c in name)


def byline_names(text: str) -> tuple[list[str] | None, str | None]:
    """(names, date text) of a byline; 'By' makes the test looser. (None, None) if not one."""
    t = plain(text)
    parts = BYLINE_DATE.split(t, maxsplit=1)
    date_text = parts[1] if len(parts) == 2 and _date_or_none(parts[1]) else None
    t = parts[0] if date_text else t
    by = re.match(r"^by\s+(.+)$", t, re.I)
    t = by.group(1) if by else t
    names = [n.strip(" .") if not n.strip().endswith((" Jr.", " Sr.")) else n.strip()
             for n in NAME_SEPARATORS.split(t.strip()) if n.strip()]
    people = [n for n in names if not ROLE_WORDS.intersection(fold(n).split())]
    names = people if people else names
    if names and all(_name_like(n, loose=bool(by)) for n in names):
        return [name_case(n) for n in names], date_text
    return None, None


def bio_capitals(text: str) -> str | None:
    """The name in capitals opening a bio ('KIMBERLY MARTEN is …'), or None."""
    run = []
    for token in plain(text).split():
        word = token.rstrip(",")
        if (is_capitals(word) and len(word) > 1) or (run and word.lower() in PARTICLES):
            run.append(word)
            if token.endswith(","):
                break
            continue
        if not word[:1].islower():
            return None
        break
    else:
        return None
    return " ".join(run) if len(run) >= 2 else None


def _date_or_none(text: str) -> str | None:
    try:
        return dates.parse(text)
    except dates.BadDate:
        return None


class FrontReader:
    """Reads the front matter from the first paragraphs, up to ``stop`` (the back matter)."""

    def __init__(self, paras: list[Para], stop: int, report: Report):
        self.paras, self.stop, self.report = paras, stop, report
        self.front = Front()

    def read(self) -> Front:
        at = self._find_byline()
        candidates = self._before(at if at is not None else self.stop, stop_at_body=at is None)
        i = self.front.end
        if at is not None:
            names, date_text = byline_names(self.paras[at].text)
            self.front.authors = names
            if date_text:
                self._date(Para([(date_text, self.paras[at].line)]))
            i = at + 1
        elif i < self.stop and bio_capitals(self.paras[i].text):
            name = name_case(bio_capitals(self.paras[i].text).rstrip(","))
            self.front.authors = [name]
            self.report.warning(f"no byline found; the author '{name}' is taken from the bio", rule="C009",
                                line=self.paras[i].line, hint="add a line 'By Name' under the title")
        else:
            self.report.warning("no byline found; the article has no author", rule="C009",
                                line=candidates[0].line if candidates else 1,
                                hint="add a line 'By Name' under the title")
        self.front.end = self._bios(i)
        self._titles(candidates)
        return self.front

    # -- byline ---------------------------------------------------------------
    def _find_byline(self) -> int | None:
        for j in range(1, min(self.stop, SCAN)):
            text = self.paras[j].text
            if len(text.split()) > 40:
                return None  # the body has begun
            names, _ = byline_names(text)
            if not names:
                continue
            if re.match(r"^by\s", plain(text), re.I) or self._confirmed(j, names):
                return j
        return None

    def _confirmed(self, j: int, names: list[str]) -> bool:
        """A byline without 'By' counts when a bio of one of its names, or the body, follows."""
        for para in self.paras[j + 1:self.stop]:
            if _date_or_none(para.text):
                continue
            capitals = bio_capitals(para.text)
            if capitals:
                return any(same_person(capitals, n) for n in names)
            words = len(para.text.split())
            return words > 40 or (words > 12 and ends_sentence(para.text))
        return False

    # -- before the byline: chrome, date, masthead, title, subtitle ----------
    def _before(self, end: int, stop_at_body: bool) -> list[Para]:
        candidates, i = [], 0
        while i < end:
            para = self.paras[i]
            text = para.text
            if self.front.publisher is None and publisher_name(text):
                self.front.publisher = publisher_name(text)
            elif is_breadcrumb(text) or self._date(para):
                pass
            elif stop_at_body and (self._body_like(para, candidates) or (candidates and bio_capitals(text))):
                break
            else:
                candidates.append(para)
            i += 1
        self.front.end = i
        return candidates

    def _body_like(self, para: Para, candidates: list) -> bool:
        words = len(para.text.split())
        room = 3 if candidates and heading_text(candidates[0].lines[0][0]) else 2
        return (not para.plain and not heading_text(para.lines[0][0])) or words > 30 \
            or (ends_sentence(para.text) and words > 15 and candidates) or len(candidates) >= room

    def _date(self, para: Para) -> bool:
        try:
            iso = dates.parse(plain(para.text))
        except dates.BadDate:
            self.report.warning(f"'{para.text}' is not a real date; the article has no date", rule="C007",
                                line=para.line, hint="correct the date line")
            return True
        if iso and self.front.date is None:
            self.front.date = iso
        return iso is not None

    def _titles(self, candidates: list[Para]) -> None:
        """Masthead, title, subtitle: a heading (or a line in capitals) first of three is the masthead."""
        if len(candidates) >= 2:
            heading = heading_text(candidates[0].lines[0][0])
            first = heading if heading is not None else candidates[0].text
            if (heading is not None or is_capitals(first)) and (len(candidates) >= 3 or heading is not None and (
                    is_capitals(first) or heading_text(candidates[1].lines[0][0]) is not None
                    or self.front.publisher)):
                self.front.publication = masthead_name(first)
                candidates = candidates[1:]
        if candidates:
            self.front.title = candidates[0]
        if len(candidates) > 1:
            self.front.subtitle = candidates[1]
        for extra in candidates[2:]:
            self.report.warning(f"dropped '{plain(extra.text)[:50]}' between the title and the byline", rule="C011",
                                line=extra.line,
                                hint="a section label or site chrome? move it into the body if it belongs there")

    # -- after the byline: dates and bios -------------------------------------
    def _bios(self, i: int) -> int:
        current = None
        while i < self.stop:
            para = self.paras[i]
            capitals = bio_capitals(para.text)
            match = next((k for k, n in enumerate(self.front.authors) if capitals and same_person(capitals, n)), None)
            if self._date(para):
                pass
            elif match is not None:
                self.front.bios.setdefault(match, []).append(para)
                current = match
            elif current is not None and self._continues_bio(para, self.front.authors[current]):
                self.front.bios[current].append(para)
            else:
                break
            i += 1
        return i

    @staticmethod
    def _continues_bio(para: Para, name: str) -> bool:
        """A further bio paragraph opens with a pronoun or the surname (no article starts so)."""
        words = plain(para.text).split()
        first = words[0].strip(",").lower() if words else ""
        return para.plain and len(words) <= 100 and (first in BIO_PRONOUNS or fold(first) == (fold(name).split() or [""])[-1])


def read(paras: list[Para], stop: int, report: Report) -> Front:
    return FrontReader(paras, stop, report).read()
