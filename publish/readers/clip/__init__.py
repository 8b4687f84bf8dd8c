"""Web-clip reader: print-friendly pages of magazine and think-tank sites, saved as Markdown-ish text.

A clipping runs: site chrome (masthead, "Published by", breadcrumb), front matter (date,
title, dek, byline, bio), the body with numbered calls, the rights block (copyright line,
rights statement, permissions, source URL) and a numbered Links list that becomes the notes.
"""

from __future__ import annotations

import re

from publish.errors import Report
from publish.model import Article, Contributor, Metadata, Rights
from publish.model.names import E
from publish.readers import Reader
from publish.readers.clip import dates, frontmatter, links, markup, paragraphs, rights
from publish.readers.clip.chrome import heading_text, plain
from publish.readers.clip.citations import Citations
from publish.readers.clip.paragraphs import Para
from publish.readers.markdown import FRONT_MATTER
from publish.source import Source

#: Diagnostics of this reader, by stable id.
RULES = {
    "C001": "the clipping has no title",
    "C002": "a call names a number that has no entry in the Links list",
    "C003": "a Links entry is never cited (it does not become a note)",
    "C004": "the copyright line gives no year or no holder",
    "C005": "a Links entry has no URL",
    "C006": "two Links entries share a number",
    "C007": "the date line names no real day",
    "C008": "a link's target is the placeholder '#' and it has no number",
    "C009": "no byline was found",
    "C010": "text after the article body was not recognised and is dropped",
    "C011": "a paragraph between the title and the byline was dropped",
    "C012": "the clipping has no body text",
    "C013": "the clipping holds control characters (removed)",
}
STRONG_SIGNS = [
    re.compile(r"^\s*[-*+]\s+\\?\[\d{1,4}\\?\]\s+(?:<https?://|\[https?://|https?://)", re.M),
    re.compile(r"\]\(\s*#\s*\)\s*<sup>\s*\\?\[\d{1,4}\\?\]"),
    re.compile(r"^\s*(?:\*\*|__)?\s*Source URL\s*:", re.M | re.I),
    re.compile(r"^\s*\[Home\]\([^)]*\)\s*(?:\\?>|›|»)", re.M),
]
WEAK_SIGNS = [
    re.compile(r"\A\s*#\s+[A-Z][A-Z .&'’-]+\s*$", re.M),
    re.compile(r"^\s*Published by\s", re.M | re.I),
    re.compile(r"^\s*(?:Copyright\s*)?©\s*\d{4}", re.M),
    re.compile(r"^\s*(?:\*\*|__)?Links(?:\*\*|__)?\s*$", re.M),
]
BYLINE = re.compile(r"^(?:\*\*|__|\*|_)?By\s+[^\W\d_][^\s,]*\s+[^\W\d_]", re.I)
#: The loader already removed what XML cannot hold (S015); DEL is legal XML but not text.
CONTROL = re.compile("\x7f")
BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<text>[^*_].*?)\1\s*$")


class ClipReader(Reader):
    name = "clip"
    extensions = (".txt", ".md", ".markdown")

    def sniff(self, source: Source) -> float:
        """Sure on site chrome, placeholder citations and a numbered Links list; never on front matter."""
        text = source.text
        if FRONT_MATTER.match(text):
            return 0.0
        score = 0.3 * sum(bool(s.search(text)) for s in STRONG_SIGNS)
        score += 0.15 * sum(bool(s.search(text)) for s in WEAK_SIGNS)
        top = paragraphs.split(text[:3000])[:8]
        score += 0.15 * any(_is_date(p.text) for p in top) + 0.15 * any(BYLINE.match(p.text) for p in top)
        return min(score, 0.95)

    def read(self, source: Source, report: Report) -> Article:
        return Clipping(source, report).article()


def _is_date(text: str) -> bool:
    try:
        return dates.parse(text) is not None
    except dates.BadDate:
        return True


class Clipping:
    """One clipping being read."""

    def __init__(self, source: Source, report: Report):
        self.source, self.report = source, report
        self.entries: dict[int, links.Entry] = {}
        self.rights = rights.RightsBlock()
        self.source_url: str | None = None

    def article(self) -> Article:
        paras = paragraphs.split(self._printable(self.source.text))
        back = self._back_start(paras)
        front = frontmatter.read(paras, back, self.report)
        self._back(paras[back:])
        cite = Citations({n: e.url for n, e in self.entries.items()}, self.report)

        body = self._subheadings(paragraphs.rejoin(paras[front.end:back]))
        self._closing_bio(body, front)
        meta = self._metadata(front)
        for k, contributor in enumerate(meta.contributors):
            contributor.bio = markup.render([cite.mark(p) for p in front.bios.get(k, [])], self.report)
        blocks = markup.render([cite.mark(p) for p in body], self.report)
        meta.rights.permissions = markup.render(
            [cite.mark(Para([(text, line)])) for text, line in self.rights.permissions], self.report)
        if not blocks:
            self.report.error("the clipping has no body text", line=paras[-1].line if paras else 1, rule="C012",
                              hint="is the whole text taken as title and byline? check the lines after the byline")
            blocks = [E.p("")]
        return Article.build(meta, blocks, self._notes(cite), source=self.source.path)

    def _printable(self, text: str) -> str:
        """The text without DEL characters (the loader removed the others, see CONTROL)."""
        found = CONTROL.search(text)
        if found:
            self.report.warning(f"removed {len(CONTROL.findall(text))} control character(s)", rule="C013",
                                line=text.count("\n", 0, found.start()) + 1,
                                hint="the clipping holds bytes that are not text; check how it was saved")
        return CONTROL.sub("", text)

    # -- back matter: Links list, rights block, source URL -------------------
    @staticmethod
    def _back_start(paras: list[Para]) -> int:
        for i, para in enumerate(paras[1:], start=1):
            first = para.lines[0][0]
            if (links.HEADING.match(first) or links.is_list(para) or rights.source_url(para.text)
                    or rights.is_copyright(para.text)):
                return i
        return len(paras)

    def _back(self, paras: list[Para]) -> None:
        in_rights = False
        for para in paras:
            rows = para.lines[1:] if links.HEADING.match(para.lines[0][0]) else para.lines
            if not rows:
                continue
            rest = Para(rows)
            if links.is_list(rest):
                links.parse(rest, self.entries, self.report)
            elif rights.source_url(rest.text):
                self.source_url = rights.source_url(rest.text)
            elif in_rights or rights.is_copyright(rest.text) or rights.STATEMENT.search(rest.text) \
                    or re.search(r"\b(permission|reprint|licen[cs]e)", rest.text, re.I):
                in_rights = True
                rights.read(rest.text, rest.line, self.rights, self.report)
            else:
                self.report.warning(f"dropped '{plain(rest.text)[:50]}' after the article body", line=rest.line,
                                    rule="C010", hint="site chrome? if it belongs to the article, move it above "
                                    "the copyright line")

    def _notes(self, cite: Citations) -> list:
        for number, entry in sorted(self.entries.items()):
            if number not in cite.cited:
                self.report.warning(f"Links entry [{number}] is never cited; it is left out of the notes",
                                    line=entry.line, rule="C003", hint=f"add a call [{number}] in the text, "
                                    "or delete the entry")
        return [(n, links.note_blocks(e)) for n, e in sorted(self.entries.items()) if n in cite.cited]

    # -- body ------------------------------------------------------------------
    @staticmethod
    def _subheadings(body: list[Para]) -> list[Para]:
        """A lone short bold line without a full stop is the site's subheading."""
        out = []
        for para in body:
            m = BOLD_LINE.match(para.lines[0][0]) if len(para.lines) == 1 else None
            if m and len(m.group("text").split()) <= 12 and not m.group("text").rstrip().endswith("."):
                para = Para([(f"## {m.group('text').strip()}", para.line)])
            out.append(para)
        return out

    @staticmethod
    def _closing_bio(body: list[Para], front) -> None:
        """Some sites print the bio after the article: take it when it names an author without one."""
        if not body:
            return
        capitals = frontmatter.bio_capitals(body[-1].text)
        for k, name in enumerate(front.authors):
            if capitals and k not in front.bios and frontmatter.same_person(capitals, name):
                front.bios[k] = [body.pop()]
                return

    # -- metadata ----------------------------------------------------------------
    def _metadata(self, front) -> Metadata:
        meta = Metadata(date=front.date, publication=front.publication, publisher=front.publisher,
                        source_url=self.source_url)
        if front.title is None:
            self.report.error("the clipping has no title", line=1, rule="C001",
                              hint="the title is the first plain line after the masthead, breadcrumb and date")
            meta.title = self.source.path.stem
        else:
            line = front.title.lines[0][0]
            text = heading_text(line) if heading_text(line) is not None else front.title.text
            items = markup.inline(text, self.report, front.title.line)
            meta.title = " ".join("".join(i if isinstance(i, str) else "".join(i.itertext())
                                          for i in items).split()) or plain(text)
            if any(not isinstance(i, str) for i in items):
                meta.title_inline = items
        if front.subtitle is not None:
            line = front.subtitle.lines[0][0]
            meta.subtitle = plain(heading_text(line) if heading_text(line) is not None else front.subtitle.text)
        meta.contributors = [Contributor(name) for name in front.authors]
        r = self.rights
        meta.rights = Rights(year=r.year, holder=r.holder, statement=r.statement, license_url=r.license_url)
        return meta
