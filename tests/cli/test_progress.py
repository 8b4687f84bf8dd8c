"""The progress bar: drawn on a terminal, silent with -q or when stderr is not a terminal."""

import io

from publish.cli.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_draws_one_step_per_article_on_a_terminal():
    out = Terminal()
    bar = Progress(stream=out)
    for k in range(1, 4):
        bar(k, 3, f"Article {k}", 0.1, cached=k == 2)
    text = out.getvalue()
    assert "1/3" in text and "3/3" in text and "(cached)" in text and text.endswith("\n")
    assert "[" + "#" * 24 + "]" in text


def test_silent_when_quiet_or_not_a_terminal():
    for bar, out in ((Progress(quiet=True, stream=Terminal()), None), (Progress(stream=io.StringIO()), None)):
        bar(1, 1, "A", 0.0)
        assert bar.stream.getvalue() == ""
