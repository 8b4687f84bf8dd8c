"""Id transforms: notes and calls, headings, the article identifier."""

from publish.pipeline import read
from publish.transforms.identifier import derive

HEAD = "---\ntitle: T\nauthor: A\n---\n\n"


def test_calls_and_headings_get_stable_ids(write):
    art = read(write("a.md", HEAD + "## Intro\n\nA.[^x] B.[^x]\n\n## Intro\n\nC.[^y]\n\n[^x]: X\n[^y]: Y\n"))
    assert [c.get("id") for c in art.calls()] == ["noteref-1", "noteref-1-2", "noteref-2"]
    assert [n.id for n in art.notes()] == ["note-1", "note-2"]
    assert [h.get("id") for h in art.xpath("//h:h2")] == ["h-intro", "h-intro-2"]


def test_identifier_is_derived_from_the_source_not_random(write):
    a = read(write("a.md", "---\ntitle: T\nsource: https://example.org/a\n---\n\nx\n")).meta
    b = read(write("b.md", "---\ntitle: Other\nsource: https://example.org/a\n---\n\ny\n")).meta
    assert a.identifiers == b.identifiers == [derive(a)]
    assert a.identifiers[0].startswith("urn:uuid:")


def test_transforms_are_idempotent(write):
    from publish import plugins
    art = read(write("a.md", HEAD + 'He said "it\'s fine..." -- and left.[^n]\n\n[^n]: N\n'))
    before = art.to_bytes()
    for t in plugins.transforms():
        t.apply(art, None)
    assert art.to_bytes() == before


def test_heading_ids_leave_out_note_calls(write):
    art = read(write("a.md", HEAD + "## Ice and insurance[^n]\n\nText.\n\n[^n]: N\n"))
    assert [h.get("id") for h in art.xpath("//h:h2")] == ["h-ice-and-insurance"]
