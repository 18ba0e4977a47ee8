"""Notations learners bring (issue 10, item 4): accepted when right, graded (not refused) when
wrong, shown in the preview as read; an ambiguous exponent is refused with both readings."""

import pytest

from quizapp.answers import check, preview

RIGHT, WRONG, REFUSED = "right", "wrong", "refused"


def _outcome(verdict) -> str:
    if verdict.error:
        return REFUSED
    return RIGHT if verdict.correct else WRONG


SHAPES = [
    ("2×3", RIGHT), ("2x3", RIGHT), ("2 x 3", RIGHT), ("2 by 3", RIGHT), ("(2, 3)", RIGHT),
    ("2X3", RIGHT), ("2, 3", RIGHT),
    ("3×2", WRONG), ("3x2", WRONG), ("3 by 2", WRONG), ("2 x 2", WRONG), ("(3, 3)", WRONG),
]


@pytest.mark.parametrize(("answer", "outcome"), SHAPES)
def test_shapes_in_the_questions_own_notation(answer: str, outcome: str) -> None:
    verdict = check(answer, "[2, 3]", "vector")
    assert _outcome(verdict) == outcome, verdict


@pytest.mark.parametrize("answer", ["2×3", "2x3", "2 by 3"])
def test_a_shape_is_previewed_as_rows_and_columns(answer: str) -> None:
    shown = preview(answer, "vector")
    assert shown.ok and shown.line == "[2, 3]"
    assert any("2 rows, 3 columns" in note for note in shown.notes)


def test_a_shape_misconception_is_still_named() -> None:
    from quizapp.answers import Misconception

    reversed_shape = Misconception("shape-reversed", "[3, 2]", "Rows first.")
    verdict = check("3×2", "[2, 3]", "vector", misconceptions=[reversed_shape])
    assert verdict.misconception == "shape-reversed"


EIGENVALUES = [
    ("λ = 1, 5", RIGHT), ("λ₁ = 1, λ₂ = 5", RIGHT), ("l1 = 1, l2 = 5", RIGHT),
    ("1 and 5", RIGHT), ("λ = 1 or λ = 5", RIGHT), ("{1, 5}", RIGHT), ("λ=5, 1", RIGHT),
    ("lambda = 1, 5", RIGHT), ("λ_1 = 1, λ_2 = 5", RIGHT),
    ("λ = 1, 6", WRONG), ("λ₁ = 1, λ₂ = -5", WRONG), ("1 and 6", WRONG), ("λ = 1 or λ = 4", WRONG),
    ("λ = 1, 5 = 3", REFUSED), ("1 = 5", REFUSED), ("x = 1, 5", REFUSED),
]


@pytest.mark.parametrize(("answer", "outcome"), EIGENVALUES)
def test_named_eigenvalue_lists(answer: str, outcome: str) -> None:
    verdict = check(answer, "1, 5", "multiset")
    assert _outcome(verdict) == outcome, verdict
    if outcome == REFUSED:
        assert verdict.error == "Type only the answer, without '='"


def test_named_eigenvalues_preview_as_the_list_read() -> None:
    shown = preview("λ₁ = 1, λ₂ = 5", "multiset")
    assert shown.ok and shown.line == "1, 5" and shown.text == "{1, 5}"


NUMPY = [
    ("number", "2 + 3*I", "2+3j", RIGHT), ("number", "2 - 3*I", "(2-3j)", RIGHT),
    ("number", "2 + 3*I", "2-3j", WRONG), ("number", "3*I/2", "1.5j", RIGHT),
    ("vector", "[I, 2 - I]", "[1j, 2-1j]", RIGHT), ("vector", "[I, 2]", "[2j, 2]", WRONG),
    ("multiset", "2 + 3*I, 2 - 3*I", "2+3j, 2-3j", RIGHT),
    ("multiset", "2 + 3*I, 2 - 3*I", "2±3j", RIGHT),
    ("multiset", "2 + 3*I, 2 - 3*I", "3+2j, 3-2j", WRONG),
]


@pytest.mark.parametrize(("kind", "key", "answer", "outcome"), NUMPY)
def test_numpys_imaginary_unit(kind: str, key: str, answer: str, outcome: str) -> None:
    verdict = check(answer, key, kind)
    assert _outcome(verdict) == outcome, verdict


def test_j_stays_a_variable_when_the_problem_has_one() -> None:
    verdict = check("3j", "3*j", "expression", variables=("j",))
    assert verdict.correct
    assert preview("2+3j", "number").line == "2 + 3*I"


UNICODE = [
    ("number", "1/2", "½", RIGHT), ("number", "1/3", "⅓", RIGHT), ("number", "2/3", "⅔", RIGHT),
    ("number", "3/4", "¾", RIGHT), ("number", "1/5", "⅕", RIGHT), ("number", "7/8", "⅞", RIGHT),
    ("number", "5/2", "2½", RIGHT), ("number", "1/4", "½", WRONG),
    ("expression", "x/2", "½x", RIGHT), ("expression", "2*x/3", "⅔x", RIGHT),
    ("expression", "x/3", "¼x", WRONG),
    ("number", "2", "∛8", RIGHT), ("number", "2", "∛(8)", RIGHT), ("number", "2", "∜16", RIGHT),
    ("number", "2", "∜(16)", RIGHT), ("number", "3", "cbrt(27)", RIGHT),
    ("number", "3", "∛8", WRONG), ("number", "2", "cbrt(9)", WRONG),
    ("expression", "x**(1/3)", "∛x", RIGHT), ("expression", "(x + 1)**(1/3)", "∛(x+1)", RIGHT),
    ("expression", "x**(1/4)", "∜x", RIGHT), ("expression", "x**(1/3)", "cbrt(x)", RIGHT),
    ("expression", "x**(1/3)", "∜x", WRONG), ("expression", "sqrt(x)", "√x", RIGHT),
]


@pytest.mark.parametrize(("kind", "key", "answer", "outcome"), UNICODE)
def test_unicode_fractions_and_roots(kind: str, key: str, answer: str, outcome: str) -> None:
    verdict = check(answer, key, kind)
    assert _outcome(verdict) == outcome, verdict


@pytest.mark.parametrize(("text", "line"), [("½", "1/2"), ("2½", "5/2"), ("∛8", "2"),
                                            ("cbrt(x)", "x**(1/3)"), ("∜x", "x**(1/4)")])
def test_unicode_notations_preview_as_read(text: str, line: str) -> None:
    shown = preview(text, "expression")
    assert shown.ok and shown.line == line


EXPONENTS = [
    # (typed, key, the end of the refusal, or None when it is graded)
    ("e^2x", "exp(2*x)", "e^(2x) or e^2·x? Add brackets"),
    ("e^2x", "x*exp(2)", "e^(2x) or e^2·x? Add brackets"),
    ("2^3x", "8*x", "2^(3x) or 2^3·x? Add brackets"),
    ("x^2y", "x**2*y", "x^(2y) or x^2·y? Add brackets"),
    ("e^-2x", "exp(-2*x)", "e^(-2x) or e^-2·x? Add brackets"),
    ("e^2(x+1)", "exp(2*x + 2)", "e^(2(x+1)) or e^2·(x+1)? Add brackets"),
    ("e^(2x)", "exp(2*x)", None), ("e^2 x", "x*exp(2)", None), ("e^2·x", "x*exp(2)", None),
    ("x²y", "x**2*y", None), ("2^(3x)", "8**x", None),
]


@pytest.mark.parametrize(("text", "key", "readings"), EXPONENTS)
def test_an_exponent_glued_to_a_factor_is_refused_with_both_readings(
        text: str, key: str, readings: str | None) -> None:
    verdict = check(text, key, "expression", variables=("x", "y"))
    shown = preview(text, "expression", ("x", "y"))
    if readings is None:
        assert verdict.correct and verdict.error is None, verdict
        assert shown.ok
    else:
        assert verdict.error is not None and not verdict.correct
        assert verdict.error.endswith(readings), verdict.error
        assert shown.message is not None and shown.message.endswith(readings)
