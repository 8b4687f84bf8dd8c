"""A made-up coursepack for benchmarks: N articles of about 7 pages and 15 notes each, in
Markdown, with a manifest whose items all carry a permission record. Deterministic (seeded).

    python bench/pack.py OUT_DIR [--articles 40]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = ("tide harbour ledger signal coast keeper archive season chart pilot survey notice margin "
         "winter lantern current bearing station record compass beacon relief district weather "
         "entry volume evening morning channel distance sector period glass brass rope knot bell").split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def article(rng: random.Random, n: int, paragraphs: int = 26, notes: int = 15) -> str:
    calls = []
    body = []
    for p in range(paragraphs):
        if p % 7 == 3:
            body.append(f"## Part {p // 7 + 1}")
        text = " ".join(sentence(rng) for _ in range(rng.randint(4, 8)))
        if len(calls) < notes and rng.random() < 0.7:
            label = len(calls) + 1
            calls.append(label)
            text += f"[^{label}]"
            if label > 2 and rng.random() < 0.2:  # a note cited again later
                text += f" {sentence(rng)}[^{rng.randint(1, label - 1)}]"
        body.append(text)
    defs = [f"[^{k}]: " + " ".join(sentence(rng) for _ in range(rng.randint(1, 3))) for k in calls]
    return (f"---\ntitle: Essay {n} on {rng.choice(WORDS)} and {rng.choice(WORDS)}\n"
            f"subtitle: A made-up article for benchmarks\nauthor: Author {n}\ndate: 2024-01-{n % 28 + 1:02d}\n"
            f"publication: Bench Quarterly\nrights:\n  year: 2024\n  holder: Bench Press\n"
            f"  statement: All rights reserved.\n---\n\n" + "\n\n".join(body + defs) + "\n")


def make_pack(folder: Path, articles: int = 40, seed: int = 1) -> Path:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    items = []
    for n in range(1, articles + 1):
        (folder / f"essay-{n:02d}.md").write_text(article(rng, n), "utf-8")
        week = (n - 1) // 5 + 1
        items.append((week, f"essay-{n:02d}.md"))
    lines = ['[course]\ntitle = "Benchmark Pack"\ncode = "BENCH 100"\nterm = "Spring"\npaper = "a4"\n']
    for week in sorted({w for w, _ in items}):
        lines.append(f'\n[[sections]]\ntitle = "Week {week}"\n')
        for w, name in items:
            if w == week:
                lines.append(f'\n[[sections.items]]\nsource = "{name}"\n[sections.items.permission]\n'
                             f'kind = "ccc"\nnumber = "{1000 + len(lines)}"\n')
    manifest = folder / "coursepack.toml"
    manifest.write_text("".join(lines), "utf-8")
    return manifest


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=40)
    args = parser.parse_args()
    print(make_pack(args.out, args.articles))
