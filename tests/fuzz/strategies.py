"""Hypothesis strategies: made-up articles in Markdown with random Unicode, nesting, notes
and calls (some dangling), and metadata; plus raw bytes for the loader."""

from __future__ import annotations

from hypothesis import strategies as st

# Any Unicode except surrogates; control characters included on purpose.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=60)
WORD = st.text(st.characters(whitelist_categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=12)
MARKUP = st.sampled_from(["*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "&", "#", "\\", "|", "\"", "'",
                          "...", "--", "^[", "[^", "<b>", "</b>", "<script>", "<img src=x>", "&amp;", "&#0;"])


@st.composite
def inline(draw, labels):
    parts = draw(st.lists(st.one_of(WORD, MARKUP, TEXT), min_size=1, max_size=8))
    out = []
    for p in parts:
        out.append(p)
        if labels and draw(st.integers(0, 4)) == 0:
            out.append(f"[^{draw(st.sampled_from(labels))}]")
    return " ".join(out).replace("\n", " ")


@st.composite
def block(draw, labels, depth=0):
    kind = draw(st.sampled_from(["p", "p", "h", "quote", "list", "code"] if depth < 3 else ["p"]))
    text = draw(inline(labels))
    if kind == "h":
        return "#" * draw(st.integers(1, 6)) + " " + text
    if kind == "quote":
        return "\n".join("> " + line for line in draw(block(labels, depth + 1)).split("\n"))
    if kind == "list":
        marker = draw(st.sampled_from(["-", "*", "1."]))
        items = draw(st.lists(inline(labels), min_size=1, max_size=4))
        return "\n".join(f"{marker} {i}" for i in items)
    if kind == "code":
        return "    " + text
    return text


@st.composite
def markdown_article(draw):
    labels = draw(st.lists(st.from_regex(r"[a-z0-9]{1,4}", fullmatch=True), max_size=5, unique=True))
    title = draw(st.one_of(WORD, TEXT))
    yaml_title = title.replace("\\", "\\\\").replace('"', '\\"')
    front = [f'title: "{yaml_title}"']
    if draw(st.booleans()):
        front.append(f'author: "{draw(WORD)}"')
    if draw(st.booleans()):
        front.append(f"date: {draw(st.sampled_from(['2020-01-02', 'May 2020', '3 March 2021', 'soon', '2020-13-40']))}")
    if draw(st.booleans()):
        front.append("rights:\n  year: 2020\n  holder: Someone\n  statement: All rights reserved.")
    body = draw(st.lists(block(labels), min_size=0, max_size=6))
    # Mostly well-formed: nearly every note is called somewhere (an uncalled note is an error,
    # which the cases that skip this still exercise).
    if draw(st.integers(0, 9)):
        for label in labels:
            if f"[^{label}]" not in "".join(body):
                body.append(f"{draw(WORD)}[^{label}] {draw(WORD)}")
    notes = [f"[^{label}]: {draw(inline([]))}" for label in labels]
    return "---\n" + "\n".join(front) + "\n---\n\n" + "\n\n".join(body + notes) + "\n"
