"""A made-up stress article for the PDF footnote guarantee: 60+ pages, 150+ notes of
varying length, notes in lists and block quotes, notes called on several pages."""

from __future__ import annotations

import random

WORDS = ("harbour lantern keeper signal channel beacon logbook weather pattern season "
         "archive station record tide current reef compass chart pilot vessel coast "
         "survey notice edition volume margin entry evening morning winter summer light "
         "distance bearing sector flash eclipse period group colour range height glass "
         "brass wick oil fog horn bell relief inspector district board ledger").split()
GREEK = "φάρος θάλασσα λιμάνι"
CYRILLIC = "маяк море гавань"


def _sentence(rng: random.Random, low: int = 8, high: int = 24) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _para(rng, low=3, high=9) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(low, high)))


def _note_text(rng, number: int) -> str:
    if number % 23 == 0:  # very long: three paragraphs, a third of a page or more
        return "\n\n    ".join(_para(rng, 4, 6) for _ in range(3))
    kind = number % 7
    if kind == 0:  # long, two paragraphs, with a long URL
        return (_para(rng, 3, 5) + f" See https://example.org/archives/lists-of-lights/"
                f"national-series/volume-{number}/index-of-stations-1850-1950.html for one example."
                + "\n\n    " + _para(rng, 2, 4))
    if kind == 3:  # medium with a URL that has no natural breaks but slashes and dots
        return (_sentence(rng) + f" https://records.example.net/a.b.c.d/{number}/"
                "supercalifragilisticexpialidocious.lighthouse.keepers.logbook.pdf")
    if kind == 5:
        return _para(rng, 2, 4) + f" ({GREEK}; {CYRILLIC}.)"
    return _sentence(rng, 4, 14)


def stress_markdown(seed: int = 5, sections: int = 36, language: str = "en") -> str:
    """Markdown source for the stress article (deterministic for a given seed)."""
    rng = random.Random(seed)
    out = ["---", "title: Notes on Notes, a Stress Test for Footnotes",
           "subtitle: Made-up text with many notes of varying length",
           "authors:", "  - name: Ada Placeholder", "    bio: |",
           "      ADA PLACEHOLDER does not exist; she writes test documents.[^1]",
           "date: 2025-01-02", "publication: The Test Quarterly", "publisher: Nobody Press",
           f"language: {language}", "source: https://example.org/stress",
           "rights:", "  year: 2025", "  holder: Nobody Press", "  statement: All rights reserved.",
           "  permissions: |", "    Copy freely for testing.", "---", ""]
    notes: list[int] = []
    number = 1
    notes.append(1)

    def call() -> str:
        nonlocal number
        # Mostly new notes; sometimes a note cited before (often pages earlier).
        if len(notes) > 8 and rng.random() < 0.18:
            return f"[^{rng.choice(notes[: max(1, len(notes) - 5)])}]"
        number += 1
        notes.append(number)
        return f"[^{number}]"

    def para_with_calls(low=3, high=8, calls=(0, 3)) -> str:
        sentences = [_sentence(rng) for _ in range(rng.randint(low, high))]
        for _ in range(rng.randint(*calls)):
            k = rng.randrange(len(sentences))
            sentences[k] += call()
        return " ".join(sentences)

    for s in range(sections):
        out += [f"## Section {s + 1}: {rng.choice(WORDS)} and {rng.choice(WORDS)}", ""]
        for _ in range(rng.randint(4, 7)):
            out += [para_with_calls(), ""]
            r = rng.random()
            if r < 0.2:
                out += [f"- {_sentence(rng)}{call()}" if i % 2 == 0 else f"- {_sentence(rng)}"
                        for i in range(rng.randint(3, 6))] + [""]
            elif r < 0.35:
                out += ["> " + para_with_calls(2, 5, (1, 2)), ""]
            elif r < 0.4:
                out += [f"1. {_sentence(rng)}{call()}" for _ in range(3)] + [""]
    rng2 = random.Random(seed + 1)
    for n in sorted(set(notes)):
        out += [f"[^{n}]: " + _note_text(rng2, n), ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(stress_markdown())
