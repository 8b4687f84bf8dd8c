"""Paper size (A4 or US Letter, by default from the locale), bleed and printer's marks."""

from __future__ import annotations

import os

SIZES = {"a4": "A4", "letter": "letter"}
#: Territories whose printers load US Letter (CLDR paper-size data).
LETTER_TERRITORIES = {"US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "GT", "SV", "NI", "CR",
                      "PA", "DO", "BZ"}


def default_paper(environ=None) -> str:
    """'letter' when the paper locale (LC_ALL, LC_PAPER, then LANG) names a Letter
    territory such as en_US or es_MX; 'a4' otherwise."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_PAPER", "LANG"):
        value = env.get(key)
        if value:
            territory = value.split(".")[0].split("@")[0].partition("_")[2].upper()
            return "letter" if territory in LETTER_TERRITORIES else "a4"
    return "a4"


def page_css(paper: str, bleed: str | None = None, marks: bool = False, first_number: int | None = None) -> str:
    """The @page rules that depend on options; the style sheet holds everything else.
    ``first_number`` numbers the first page (an article placed inside a coursepack)."""
    rules = [f"size: {SIZES[paper]};"]
    if bleed:
        rules.append(f"bleed: {bleed};")
    if marks:
        rules.append("marks: crop cross;")
    css = "@page { " + " ".join(rules) + " }\n"
    if first_number is not None:
        css += f"@page :first {{ counter-reset: page {int(first_number)} }}\n"
    return css
