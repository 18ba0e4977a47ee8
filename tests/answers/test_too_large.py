"""A value too large to compare is called that — not 'undefined' where it is perfectly defined."""

import pytest

from quizapp.answers import check


@pytest.mark.parametrize("answer", ["exp(exp(x^3))", "exp(x^99)", "e^(e^(e^x))"])
def test_a_huge_answer_says_it_is_too_large(answer: str) -> None:
    verdict = check(answer, "3*x**2", "expression")
    assert not verdict.correct and verdict.error is None
    assert "too large" in verdict.feedback and "undefined" not in verdict.feedback


def test_an_answer_undefined_where_the_key_is_defined_still_says_so() -> None:
    verdict = check("ln(x - 100)", "3*x**2", "expression")
    assert not verdict.correct and "undefined" in verdict.feedback
