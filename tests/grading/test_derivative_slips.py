"""A wrong derivative is named by the slip it shows, found from the function itself — also when
the problem's own list of misconceptions does not have it, and inside bigger rules."""

import pytest

from quizapp.bank import Problem
from quizapp.grading import grade


def derivative_problem(function: str, answer: str) -> Problem:
    """A differentiation problem with no misconceptions of its own."""
    return Problem(id="hand-made.1", topic="derivatives", skill="derivative-chain-rule",
                   family="hand-made", difficulty=2, prompt=f"Differentiate {function}.",
                   answer_kind="expression", data={"function": function, "variable": "x"},
                   answer=answer, hints=(), solution=(), misconceptions=(), resources=(),
                   variables=("x",))


# function, key, the learner's slip, the slip's id, words the message must contain
CASES = [
    ("x**2*sin(3*x)", "2*x*sin(3*x) + 3*x**2*cos(3*x)", "2x sin(3x) + x^2 cos(3x)",
     "inner-derivative-dropped", ("sin(3x)", "3")),
    ("sin(3*x)/x**2", "3*cos(3*x)/x**2 - 2*sin(3*x)/x**3", "cos(3x)/x^2 - 2 sin(3x)/x^3",
     "inner-derivative-dropped", ("sin(3x)",)),
    ("cos(x**2)", "-2*x*sin(x**2)", "-sin(x^2)", "inner-derivative-dropped", ("cos(x²)", "2x")),
    ("cos(x**2)", "-2*x*sin(x**2)", "2x sin(x^2)", "cos-derivative-sign", ("−sin",)),
    ("exp(4*x)*x", "4*x*exp(4*x) + exp(4*x)", "x e^(4x) + e^(4x)", "inner-derivative-dropped",
     ("e⁴ˣ", "4")),
    ("2**x", "2**x*log(2)", "2^x", "exponential-ln-base-missing", ("ln(2)",)),
    ("3**(2*x)", "2*3**(2*x)*log(3)", "2*3^(2x)", "exponential-ln-base-missing", ("ln(3)",)),
    ("(x**2 + 1)*x**3", "2*x**4 + 3*x**2*(x**2 + 1)", "2x*3x^2", "product-derivatives-multiplied",
     ("u′v + uv′", "x² + 1")),
    ("x**(-2)", "-2/x**3", "-2/x", "power-negative-exponent-raised", ("−3",)),
    ("x**5 + 3*x**2", "5*x**4 + 6*x", "5x^5 + 6x^2", "power-exponent-not-lowered",
     ("exponent",)),
    ("sigmoid(2*x)", "2*sigmoid(2*x)*(1 - sigmoid(2*x))", "2 sigmoid(2x)",
     "sigmoid-derivative-as-sigmoid", ("σ(u)·(1 − σ(u))",)),
    ("sin(x)/(x + 1)", "cos(x)/(x + 1) - sin(x)/(x + 1)**2",
     "(cos(x)(x+1) + sin(x))/(x+1)^2", "quotient-rule-plus", ("u′v − uv′", "x + 1")),
    ("sin(x)/(x + 1)", "cos(x)/(x + 1) - sin(x)/(x + 1)**2",
     "(sin(x) - cos(x)(x+1))/(x+1)^2", "quotient-rule-order-swapped", ("u′v comes first",)),
    ("sin(x)/(x + 1)", "cos(x)/(x + 1) - sin(x)/(x + 1)**2", "cos(x)",
     "quotient-rule-derivatives-divided", ("u′/v′",)),
    ("log(x**2 + 1)", "2*x/(x**2 + 1)", "1/(x^2+1)", "inner-derivative-dropped", ("2x",)),
]


@pytest.mark.parametrize(("function", "key", "typed", "slip", "words"), CASES,
                         ids=[f"{c[0]} ← {c[2]}" for c in CASES])
def test_a_slip_is_named_with_the_pieces_of_this_function(function: str, key: str, typed: str,
                                                          slip: str, words: tuple[str, ...]
                                                          ) -> None:
    verdict = grade(derivative_problem(function, key), typed)
    assert not verdict.correct and verdict.error is None
    assert verdict.misconception == slip, verdict.feedback
    for word in words:
        assert word in verdict.feedback


def test_right_answers_and_unrelated_wrong_ones_are_not_named() -> None:
    problem = derivative_problem("x**2*sin(3*x)", "2*x*sin(3*x) + 3*x**2*cos(3*x)")
    assert grade(problem, "2x sin(3x) + 3x^2 cos(3x)").correct
    wrong = grade(problem, "x^3 + 1")
    assert not wrong.correct and wrong.misconception is None


def test_the_problems_own_misconceptions_come_first() -> None:
    from quizapp.bank.problems import MisconceptionOut

    problem = derivative_problem("cos(x**2)", "-2*x*sin(x**2)").model_copy(update={
        "misconceptions": (MisconceptionOut(id="own", answer="-sin(x**2)",
                                            feedback="Own words."),)})
    assert grade(problem, "-sin(x^2)").misconception == "own"


def test_problems_that_are_not_derivatives_get_no_derivative_slips() -> None:
    problem = derivative_problem("x**2", "2*x").model_copy(update={
        "answer_kind": "number", "answer": "4", "data": {"matrix": [[1, 2], [3, 4]]}})
    assert grade(problem, "5").misconception is None
