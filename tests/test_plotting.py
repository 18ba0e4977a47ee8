"""Sampling a learner's derivative against the right one: on an interval where both are
defined, values computed independently, where they part, and one-line refusals."""

import math

import pytest

from quizapp.plotting import CANDIDATES, SamplingError, derivative_curves, grid


def test_values_are_both_functions_at_the_same_points_and_they_part_where_they_differ() -> None:
    curves = derivative_curves("3*x**2", "3x", points=81)
    assert (curves.low, curves.high) == CANDIDATES[0] and len(curves.xs) == 81
    for x, right, learner in zip(curves.xs, curves.right, curves.learner, strict=True):
        assert right == pytest.approx(3 * x * x, rel=1e-12, abs=1e-12)
        assert learner == pytest.approx(3 * x, rel=1e-12, abs=1e-12)
    # 3x² = 3x at x = 0 and x = 1 only: they agree there and part at the first point shown
    assert curves.parts_at == curves.low
    assert curves.agree_at == sum(1 for x in curves.xs if abs(3 * x * x - 3 * x) < 1e-9) == 2


def test_an_answer_that_agrees_on_the_left_parts_where_it_stops_agreeing() -> None:
    curves = derivative_curves("2*x", "x - Abs(x)", domain=(-2.0, 2.0), points=41)
    assert curves.parts_at == pytest.approx(0.1)  # equal for x ≤ 0, apart from the next point
    assert curves.agree_at == 21


def test_the_interval_is_one_where_both_are_defined() -> None:
    curves = derivative_curves("1/x", "ln(x)")  # ln x needs x > 0
    assert curves.low > 0 and all(v is not None for v in curves.right + curves.learner)
    for x, value in zip(curves.xs, curves.learner, strict=True):
        assert value == pytest.approx(math.log(x))


def test_a_declared_domain_is_used_and_undefined_points_are_gaps() -> None:
    curves = derivative_curves("1/(2*sqrt(x))", "sqrt(x)", domain=(-1.0, 4.0), points=51)
    assert (curves.low, curves.high) == (-1.0, 4.0)
    assert [v is None for v in curves.right] == [x <= 0 for x in grid(-1.0, 4.0, 51)]


def test_sigmoid_is_evaluated() -> None:
    curves = derivative_curves("sigmoid(x)*(1 - sigmoid(x))", "σ(x)", points=21)
    s = 1 / (1 + math.exp(-curves.xs[3]))
    assert curves.right[3] == pytest.approx(s * (1 - s)) and curves.learner[3] == pytest.approx(s)


@pytest.mark.parametrize(("answer", "why"), [
    ("3x^", "cannot be read"), ("3y", "cannot be read"),
    ("__import__('os')", "cannot be read"),
])
def test_an_answer_that_is_not_a_function_of_x_is_refused_in_one_line(answer: str,
                                                                       why: str) -> None:
    with pytest.raises(SamplingError) as caught:
        derivative_curves("3*x**2", answer)
    assert why in str(caught.value) and "\n" not in str(caught.value)


def test_functions_never_defined_together_are_refused() -> None:
    with pytest.raises(SamplingError, match="not defined together"):
        derivative_curves("sqrt(x)", "sqrt(-x)", domain=(-1.0, 1.0))


def test_a_tried_interval_is_cut_to_where_both_are_defined() -> None:
    curves = derivative_curves("1/(x-2)", "ln(x-2)")  # neither is drawn left of x = 2
    assert 2 < curves.low < 2.1
    assert all(v is not None for v in curves.right + curves.learner)
