"""Coursepack page plan: articles open on the side asked for, blank versos only where needed."""

from publish.backends.pdf.assemble import Part, Plan


def part(pages, side="right"):
    return Part(b"", pages, [], "t", None, side)


def test_right_openers_get_a_blank_verso_after_an_odd_article():
    plan = Plan.of([part(3), part(2), part(1), part(4)])
    assert plan.starts == [0, 4, 6, 8] and plan.blanks == [3, 7] and plan.total == 12
    assert all(s % 2 == 0 for s in plan.starts)  # index 0 is body page 1, a right-hand page


def test_a_left_opener_lands_on_an_odd_index():
    plan = Plan.of([part(3), part(2, "left"), part(1), part(2)])
    assert plan.starts == [0, 3, 6, 8] and plan.blanks == [5, 7] and plan.total == 10
