"""Equivalence on the real line, where both sides are defined (issue 10, item 3).

Points cover negative values; odd roots of negatives are real; rewrites of powers that hold
only for positive bases are not accepted; a problem's declared domain is still honoured.
"""

import pytest

from quizapp.answers import check, preview

ABC = ("a", "b", "c")
XA = ("x", "a")

CASES = [
    # (key, answer, variables, domain, right?)
    ("abs(x)", "sqrt(x^2)", ("x",), None, True),
    ("x", "sqrt(x^2)", ("x",), None, False),
    ("x", "(x^4)^(1/4)", ("x",), None, False),
    ("abs(x)", "(x^4)^(1/4)", ("x",), None, True),
    ("x", "sqrt(x^2)", ("x",), {"x": (0, 5)}, True),  # the declared domain still counts
    ("x**3", "(x^(1/3))^9", ("x",), None, True),
    ("x", "(x^3)^(1/3)", ("x",), None, True),  # odd roots of negatives are real
    ("-(-x)**(1/3)", "x^(1/3)", ("x",), None, True),
    ("x**(2/3)", "(x^2)^(1/3)", ("x",), None, True),
    ("x**(1/3)", "-x^(1/3)", ("x",), None, False),
    ("a**(b*c)", "(a^b)^c", ABC, None, False),  # only for a > 0
    ("(a**b)**c", "a^(bc)", ABC, None, False),
    ("(a**b)**c", "a^(bc)", ABC, {"a": (0.5, 4)}, True),  # ... where it holds
    ("x**(a*b)", "(x^a)^b", ("x", "a", "b"), None, False),
    ("x**(2*a)", "(x^2)^a", XA, None, False),
    ("(x**2)**a", "x^(2a)", XA, None, False),
    ("x**a*x**b", "x^(a+b)", ("x", "a", "b"), None, True),
    ("2**x*log(2)", "2^x ln 2", ("x",), None, True),
]


@pytest.mark.parametrize(("key", "answer", "variables", "domain", "right"), CASES)
def test_equivalence_on_the_real_line(key, answer, variables, domain, right) -> None:
    verdict = check(answer, key, "expression", variables, domain)
    assert verdict.error is None, verdict
    assert verdict.correct is right, verdict


NUMBERS = [
    ("-2", "(-8)^(1/3)", True),
    ("(-8)**(1/3)", "-2", True),
    ("4", "(-8)^(2/3)", True),
    ("2", "(-8)^(1/3)", False),
    ("-2", "∛(-8)", True),
    ("-2", "cbrt(-8)", True),
]


@pytest.mark.parametrize(("key", "answer", "right"), NUMBERS)
def test_odd_roots_of_negative_numbers_are_real(key: str, answer: str, right: bool) -> None:
    verdict = check(answer, key, "number")
    assert verdict.error is None, verdict
    assert verdict.correct is right, verdict


def test_a_fourth_root_of_a_fourth_power_has_no_silly_domain_note() -> None:
    assert preview("(x^4)^(1/4)", "expression").notes == ()
    assert any("x ≥ 0" in note for note in preview("(√x)^2", "expression").notes)


def test_a_domain_note_appears_only_when_the_question_leaves_it_open() -> None:
    from quizapp.answers import preview

    assert preview("x + ln(x) - ln(x)", "expression").notes == (
        "reads as x, but only where x > 0",)
    assert preview("x + ln(x) - ln(x)", "expression", domain={"x": (0.5, 3.0)}).notes == ()
    assert preview("x + ln(x) - ln(x)", "expression", domain={"x": (-2.0, 3.0)}).notes
    assert preview("(sqrt(x))^2", "expression", domain={"x": (0.0, 4.0)}).notes == ()
