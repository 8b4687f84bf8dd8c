"""Article accessors: metadata, notes and their calls, serialisation."""

from publish.model import Article, Contributor, E, Metadata, Rights


def build() -> Article:
    meta = Metadata(title="T", subtitle="S", contributors=[Contributor("A B", bio=[E.p("Bio")])],
                    date="2021-05", publication="P", publisher="Pub", language="fr",
                    identifiers=["urn:x"], source_url="https://example.org/a",
                    rights=Rights("2021", "Holder", "All rights reserved.", "https://l.example/",
                                  [E.p("Ask.")]))
    body = [E.p("x", E.a("1", role="doc-noteref", href="#note-1"), " y",
                E.a("1", role="doc-noteref", href="#note-1"))]
    return Article.build(meta, body, [(1, [E.p("n")])])


def test_metadata_round_trips_through_the_tree():
    meta = build().meta
    assert (meta.title, meta.subtitle, meta.date, meta.publication, meta.publisher) == ("T", "S", "2021-05", "P", "Pub")
    assert meta.language == "fr" and meta.identifiers == ["urn:x"] and meta.source_url == "https://example.org/a"
    assert meta.authors == ["A B"] and meta.contributors[0].bio[0].text == "Bio"
    r = meta.rights
    assert (r.year, r.holder, r.statement, r.license_url) == ("2021", "Holder", "All rights reserved.", "https://l.example/")
    assert r.copyright_line() == "© 2021 Holder" and r.permissions[0].text == "Ask."


def test_a_note_may_have_several_calls():
    (note,) = build().notes()
    assert note.number == 1 and len(note.calls) == 2


def test_serialisation_is_xhtml_with_doctype():
    data = build().to_bytes()
    assert data.startswith(b"<?xml") and b"<!DOCTYPE html>" in data and b'xml:lang="fr"' in data
