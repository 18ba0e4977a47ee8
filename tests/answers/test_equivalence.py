"""Equivalence corners the case table does not reach: cancellation, domains, feedback kinds."""

from quizapp.answers import check, preview


def test_huge_terms_that_cancel_are_still_equal() -> None:
    answer = "(x+1)^1000*(x-1)^1000-(x^2-1)^1000+3x^2"
    assert check(answer, "3*x**2", "expression").correct
    assert not check(answer + "+x", "3*x**2", "expression").correct


def test_a_zero_answer_is_not_called_off_by_a_factor() -> None:
    verdict = check("0", "3*x**2", "expression")
    assert not verdict.correct and "factor" not in verdict.feedback


def test_simple_relations_are_named() -> None:
    assert "sign" in check("-3x^2", "3*x**2", "expression").feedback
    assert "factor" in check("6x^2", "3*x**2", "expression").feedback
    assert "constant" in check("3x^2 + 1", "3*x**2", "expression").feedback


def test_a_domain_hidden_by_simplifying_is_shown_in_the_preview_and_checked() -> None:
    shown = preview("x + ln(x) - ln(x)", "expression")
    assert shown.line == "x" and any("x > 0" in note for note in shown.notes)
    assert not check("x + ln(x) - ln(x)", "x", "expression").correct
    assert check("x + ln(x) - ln(x)", "x", "expression", domain={"x": (0.5, 4)}).correct
