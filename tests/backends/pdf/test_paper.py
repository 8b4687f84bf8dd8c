"""Paper size from the locale, and the @page rules options add."""

import pytest

from publish.backends.pdf.paper import default_paper, page_css


@pytest.mark.parametrize("env, paper", [
    ({"LANG": "en_US.UTF-8"}, "letter"), ({"LANG": "en_CA.UTF-8"}, "letter"),
    ({"LANG": "es_MX.UTF-8"}, "letter"), ({"LANG": "en_GB.UTF-8"}, "a4"),
    ({"LANG": "fr_CA.UTF-8", "LC_PAPER": "de_DE.UTF-8"}, "a4"),
    ({"LANG": "de_DE.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "letter"),
    ({"LC_ALL": "en_US.UTF-8", "LC_PAPER": "de_DE"}, "letter"),
    ({"LANG": "C.UTF-8"}, "a4"), ({}, "a4"),
])
def test_default_paper_follows_the_paper_locale(env, paper):
    assert default_paper(env) == paper


def test_page_css():
    assert "size: letter" in page_css("letter")
    css = page_css("a4", "3mm", True)
    assert "size: A4" in css and "bleed: 3mm" in css and "marks: crop cross" in css
    assert "counter-reset: page 17" in page_css("a4", first_number=17)
