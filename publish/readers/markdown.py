"""Markdown reader: CommonMark (markdown-it-py), YAML front matter, Pandoc-style notes.

Notes: ``[^id]`` references with ``[^id]: …`` definitions (indented paragraphs continue a
note) and inline ``^[…]`` notes. Notes keep their labels as numbers when every label is
a positive integer; otherwise they are numbered in order of first call, as Pandoc does.
"""

from __future__ import annotations

import datetime as dt
import re

import lxml.html
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from publish.errors import Report
from publish.model import Article, Contributor, Metadata, Rights
from publish.model.html import LINE_ATTR, blocks, contents, to_model
from publish.model.names import xml_text
from publish.readers import Reader
from publish.readers.dates import parse_date
from publish.source import Source

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
KNOWN_KEYS = {"title", "subtitle", "author", "authors", "date", "publication", "publisher",
              "language", "lang", "identifier", "identifiers", "source", "rights"}
RIGHTS_KEYS = {"year", "holder", "statement", "license", "permissions"}
UNDEFINED_REF = re.compile(r"\[\^([^\]\s]+)\]")


class MarkdownReader(Reader):
    name = "markdown"
    extensions = (".md", ".markdown", ".txt")

    def sniff(self, source: Source) -> float:
        suffix = source.path.suffix.lower()
        if suffix in (".md", ".markdown"):
            return 0.8
        if FRONT_MATTER.match(source.text):
            return 0.6
        return 0.2 if suffix == ".txt" else 0.0

    def read(self, source: Source, report: Report) -> Article:
        return MarkdownDocument(source, report).article()


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    md.use(footnote_plugin, inline=True)
    md.enable(["table", "strikethrough"])
    r = md.add_render_rule
    r("footnote_ref", lambda self, tokens, idx, options, env:
      '<a role="doc-noteref" href="#note-{0}">{0}</a>'.format(env["_numbers"][tokens[idx].meta["id"]]))
    r("footnote_block_open", lambda *a: '<section class="_notes">')
    r("footnote_block_close", lambda *a: "</section>")
    r("footnote_open", lambda self, tokens, idx, options, env:
      '<div class="_note" data-number="{}">'.format(env["_numbers"][tokens[idx].meta["id"]]))
    r("footnote_close", lambda *a: "</div>")
    r("footnote_anchor", lambda *a: "")
    r("softbreak", lambda *a: " ")
    r("html_block", _html_block)
    return md


def markdown_blocks(text: str, report: Report) -> list:
    """Model blocks for a stand-alone Markdown fragment (a coursepack preface): no notes."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.add_render_rule("softbreak", lambda *a: " ")
    root = lxml.html.fragment_fromstring(md.render(text), create_parent="div", parser=_html_parser())
    return blocks(to_model(contents(root), report))


def _html_parser():
    return lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)


START_TAG = re.compile(r"<([a-zA-Z][\w-]*)(?=[\s/>])")


def _html_block(self, tokens, idx, options, env):
    """Raw HTML, each start tag marked with its source line (a block may be half an element)."""
    tok = tokens[idx]
    first = tok.meta.get("line")
    if not first:
        return tok.content
    return START_TAG.sub(lambda m: f'<{m.group(1)} {LINE_ATTR}="{first + tok.content.count(chr(10), 0, m.start())}"',
                         tok.content)


class MarkdownDocument:
    """One Markdown source being read; front-matter fields that hold Markdown (bios,
    permissions) are parsed with the body so that their note calls share its notes."""

    def __init__(self, source: Source, report: Report):
        self.source, self.report = source, report
        self.lines: list[tuple[str, int]] = []  # (text, line in the real file)

    def article(self) -> Article:
        text, fm, body_start = self.source.text, {}, 1
        m = FRONT_MATTER.match(text)
        if m:
            fm = self._front_matter(m.group(1))
            if fm is None:  # broken YAML, already reported: say nothing more about metadata
                return Article.build(Metadata(title="untitled"), [], [], source=self.source.path)
            body_start = text.count("\n", 0, m.end()) + 1
            text = text[m.end():]
        meta = self._metadata(fm)

        bios = [self._markdown(a.get("bio")) if isinstance(a, dict) else [] for a in self._authors(fm)]
        perms = self._markdown((fm.get("rights") or {}).get("permissions")
                              if isinstance(fm.get("rights"), dict) else None)
        for i, bio in enumerate(bios):
            self._add_wrapped(f"_bio{i}", bio, self._key_line("bio"))
        self._add_wrapped("_permissions", perms, self._key_line("permissions"))
        for n, line in enumerate(text.split("\n")):
            self.lines.append((line, body_start + n))

        root = self._parse()
        parts = {el.get("class"): el for el in root.xpath("./div[starts-with(@class,'_')]")}
        for i, contributor in enumerate(meta.contributors):
            if f"_bio{i}" in parts:
                contributor.bio = blocks(to_model(contents(parts[f"_bio{i}"]), self.report))
        if "_permissions" in parts:
            meta.rights.permissions = blocks(to_model(contents(parts["_permissions"]), self.report))
        for div in parts.values():
            root.remove(div)
        notes = []
        for section in root.xpath("./section[@class='_notes']"):
            for div in section.xpath("./div[@class='_note']"):
                notes.append((int(div.get("data-number")), blocks(to_model(contents(div), self.report))))
            section.getparent().remove(section)
        body = blocks(to_model(contents(root), self.report))
        self._check_refs(body, meta)
        if not body:
            self.report.error("the article has no body text", line=body_start,
                              hint="write the article below the front matter")
        notes.sort(key=lambda n: n[0])
        return Article.build(meta, body, notes, source=self.source.path)

    # -- parsing ------------------------------------------------------------
    def _add_wrapped(self, cls, markdown_text, line):
        if not markdown_text:
            return
        self.lines.append((f'<div class="{cls}">', line))
        self.lines.append(("", line))
        for n, row in enumerate(markdown_text.split("\n")):
            self.lines.append((row, line + 1 + n))
        self.lines.extend([("", line), ("</div>", line), ("", line)])

    def _parse(self):
        md = _parser()
        env: dict = {}
        src = "\n".join(row for row, _ in self.lines) + "\n"
        tokens = md.parse(src, env)
        env["_numbers"] = self._numbers(env, src)
        for tok in tokens:
            if tok.map and tok.nesting >= 0 and tok.type != "inline":
                real = self.lines[min(tok.map[0], len(self.lines) - 1)][1]
                if tok.type == "html_block":
                    tok.meta["line"] = real
                else:
                    tok.attrSet(LINE_ATTR, str(real))
        html = md.renderer.render(tokens, md.options, env)
        return lxml.html.fragment_fromstring(html, create_parent="div", parser=_html_parser())

    def _numbers(self, env, src) -> dict:
        fns = env.get("footnotes", {})
        ids = fns.get("list", {})
        labels = {i: f.get("label") for i, f in ids.items()}
        for label, i in fns.get("refs", {}).items():
            if i == -1:
                self.report.error(f"note [^{label[1:]}] is never called", rule="M004",
                                  line=self._line_of(f"[^{label[1:]}]:", src),
                                  hint="add a call to it in the text, or delete the note")
        numeric = all(lbl and lbl.isdigit() and int(lbl) > 0 for lbl in labels.values())
        if numeric and len({int(v) for v in labels.values()}) == len(labels):
            return {i: int(lbl) for i, lbl in labels.items()}
        return {i: i + 1 for i in ids}

    def _line_of(self, needle, src):
        for n, (row, real) in enumerate(self.lines):
            if needle in row:
                return real
        return None

    def _check_refs(self, body, meta):
        holders = list(body) + [b for c in meta.contributors for b in c.bio] + meta.rights.permissions
        for block in holders:
            for el in block.iter():
                if el.tag.endswith(("}code", "}pre")):
                    continue
                for text in (el.text, el.tail):
                    for m in UNDEFINED_REF.finditer(text or ""):
                        self.report.error(f"note call [^{m.group(1)}] has no note", line=el.sourceline,
                                          rule="M003", hint=f"add a definition '[^{m.group(1)}]: …'")

    # -- front matter -------------------------------------------------------
    def _front_matter(self, text) -> dict:
        self.fm_text = text
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            self.report.error(f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
                              line=(mark.line + 2) if mark else 1,
                              hint="check indentation and quote values containing ':'")
            return None
        except (ValueError, RecursionError) as exc:  # e.g. an impossible date such as 2020-13-40
            self.report.error(f"front matter has a value YAML cannot read: {exc}", line=self._bad_date_line(text),
                              hint="quote the value, or write dates as YYYY-MM-DD")
            return None
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.report.error("front matter must be a mapping of keys to values", line=2)
            return {}
        for key in data:
            if key not in KNOWN_KEYS:
                self.report.warning(f"unknown front-matter key '{key}' ignored", line=self._key_line(key),
                                    hint=f"known keys: {', '.join(sorted(KNOWN_KEYS))}")
        rights = data.get("rights")
        if isinstance(rights, dict):
            for key in rights:
                if key not in RIGHTS_KEYS:
                    self.report.warning(f"unknown rights key '{key}' ignored", line=self._key_line(key),
                                        hint=f"known keys: {', '.join(sorted(RIGHTS_KEYS))}")
        return data

    @staticmethod
    def _bad_date_line(text) -> int:
        for n, row in enumerate(text.split("\n")):
            if re.search(r":\s*\d{4}-\d{1,2}-\d{1,2}", row):
                return n + 2
        return 1

    def _key_line(self, key) -> int:
        for n, row in enumerate(getattr(self, "fm_text", "").split("\n")):
            if re.match(rf"\s*-?\s*{re.escape(str(key))}\s*:", row):
                return n + 2
        return 1

    def _authors(self, fm) -> list:
        authors = fm.get("authors", fm.get("author"))
        if authors is None:
            return []
        return authors if isinstance(authors, list) else [authors]

    def _metadata(self, fm) -> Metadata:
        s = self._scalar
        meta = Metadata(
            title=s(fm, "title") or "",
            subtitle=s(fm, "subtitle"),
            date=s(fm, "date"),
            publication=s(fm, "publication"),
            publisher=s(fm, "publisher"),
            language=s(fm, "language") or s(fm, "lang") or "en",
            source_url=s(fm, "source"),
        )
        if meta.date:
            iso = parse_date(meta.date)
            if iso is None:
                self.report.error(f"date '{meta.date}' is not a date publish understands", rule="M007",
                                  line=self._key_line("date"), hint="write it as YYYY-MM-DD")
            meta.date = iso
        if not meta.title:
            self.report.error("the article has no title", line=1,
                              hint="add 'title: …' to the YAML front matter at the top")
        idents = fm.get("identifiers", fm.get("identifier"))
        meta.identifiers = [str(i) for i in (idents if isinstance(idents, list) else [idents] if idents else [])]
        for a in self._authors(fm):
            if isinstance(a, dict):
                role = a.get("role", "author")
                if not a.get("name"):
                    self.report.error("an author has no name", line=self._key_line("name"))
                    continue
                meta.contributors.append(Contributor(str(a["name"]), role if role in
                                                     ("author", "editor", "translator", "illustrator") else "author"))
            else:
                meta.contributors.append(Contributor(str(a)))
        rights = fm.get("rights") or {}
        if isinstance(rights, dict):
            meta.rights = Rights(year=s(rights, "year"), holder=s(rights, "holder"),
                                 statement=s(rights, "statement"), license_url=s(rights, "license"))
        return meta

    def _scalar(self, data, key):
        value = data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()[:10]
        if isinstance(value, (dict, list)):
            self.report.error(f"'{key}' must be a single value", line=self._key_line(key))
            return None
        return " ".join(xml_text(str(value)).split()) or None

    @staticmethod
    def _markdown(value):
        return str(value).strip() if value else ""
