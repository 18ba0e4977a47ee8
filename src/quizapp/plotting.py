"""Curves to plot: the learner's derivative against the right one, sampled on an interval where
both are defined. Pure: the answer engine reads both texts (never eval), sympy evaluates them
numerically point by point; no Textual here."""

from collections.abc import Sequence
from dataclasses import dataclass

import sympy

from quizapp.answers import AnswerError, read_answer
from quizapp.answers.functions import sigmoid

POINTS = 121
# Intervals tried in turn when the problem declares no domain; the one where both curves are
# defined at the most points wins (ln x and √x need x > 0; tan needs to stay near 0).
CANDIDATES = ((-4.0, 4.0), (0.2, 5.0), (-1.5, 1.5), (0.5, 10.0))
MIN_SHARE = 0.5  # of the points, where both must be defined for an interval to be chosen
HUGE = 1e6  # values beyond this are left out: one pole would flatten the rest of the plot


class SamplingError(ValueError):
    """The curves cannot be drawn; the message says why, in one line."""


@dataclass(frozen=True)
class Curves:
    """Both functions sampled at the same x values; None where one is undefined or huge."""

    xs: tuple[float, ...]
    right: tuple[float | None, ...]
    learner: tuple[float | None, ...]
    parts_at: float | None  # the first x where they differ, or None when they agree everywhere
    agree_at: int  # how many of the points where both are defined have equal values

    @property
    def low(self) -> float:
        """The left end of the interval."""
        return self.xs[0]

    @property
    def high(self) -> float:
        """The right end of the interval."""
        return self.xs[-1]


def _expression(text: str, variable: str) -> sympy.Expr:
    try:
        answer = read_answer(text, "expression", (variable,))
    except (AnswerError, ValueError) as exc:
        raise SamplingError(f"{text!r} cannot be read as a function of {variable}") from exc
    expr = answer.values[0].expr.replace(sigmoid, lambda a: 1 / (1 + sympy.exp(-a)))
    others = sorted(str(s) for s in expr.free_symbols if str(s) != variable)
    if others:
        raise SamplingError(f"the answer uses {', '.join(others)}, not only {variable}")
    return expr


def _value(expr: sympy.Expr, symbol: sympy.Symbol, x: float) -> float | None:
    try:
        value = complex(expr.xreplace({symbol: sympy.Float(x, 15)}).evalf(15))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    if abs(value.imag) > 1e-9 * max(1.0, abs(value.real)) or value.real != value.real:
        return None
    return value.real if abs(value.real) <= HUGE else None


def sample(expr: sympy.Expr, symbol: sympy.Symbol, xs: Sequence[float]) -> list[float | None]:
    """`expr` at each x (None where it is undefined, not real, or beyond ±HUGE)."""
    if not expr.has(symbol):
        constant = _value(expr, symbol, 0.0)
        return [constant] * len(xs)
    return [_value(expr, symbol, x) for x in xs]


def grid(low: float, high: float, points: int = POINTS) -> list[float]:
    """`points` evenly spaced x values from low to high."""
    step = (high - low) / (points - 1)
    return [round(low + i * step, 12) for i in range(points)]


def _differ(a: float | None, b: float | None) -> bool | None:
    """Whether two values differ (None where either is undefined)."""
    return None if a is None or b is None else abs(a - b) > 1e-6 * (1 + abs(a))


def _parts_at(xs: Sequence[float], right: Sequence[float | None],
              learner: Sequence[float | None]) -> float | None:
    return next((x for x, a, b in zip(xs, right, learner, strict=True) if _differ(a, b)), None)


def derivative_curves(expected: str, answer: str, variable: str = "x",
                      domain: tuple[float, float] | None = None,
                      points: int = POINTS) -> Curves:
    """The right derivative (`expected`) and the learner's (`answer`) sampled on `domain`, or
    on the candidate interval where both are defined at the most points; raise SamplingError
    when the answer cannot be read or the two are never defined together."""
    symbol = sympy.Symbol(variable)
    right_expr, learner_expr = _expression(expected, variable), _expression(answer, variable)
    best: tuple[int, list[float], list[float | None], list[float | None]] | None = None
    for low, high in ((domain,) if domain else CANDIDATES):
        xs = grid(low, high, points)
        right = sample(right_expr, symbol, xs)
        learner = sample(learner_expr, symbol, xs)
        both = sum(a is not None and b is not None for a, b in zip(right, learner, strict=True))
        if best is None or both > best[0]:
            best = (both, xs, right, learner)
        if both == points:
            break
    assert best is not None
    both, xs, right, learner = best
    if both < MIN_SHARE * points:
        raise SamplingError("the two derivatives are not defined together on any interval "
                            "tried")
    defined = [i for i, (a, b) in enumerate(zip(right, learner, strict=True))
               if a is not None and b is not None]
    if domain is None and (defined[0], defined[-1]) != (0, len(xs) - 1) \
            and defined[-1] > defined[0]:
        # only part of the interval has both (ln(x − 2) on 0.2…5): draw just that part, so
        # the caption names where both are defined
        xs = grid(xs[defined[0]], xs[defined[-1]], points)
        right, learner = sample(right_expr, symbol, xs), sample(learner_expr, symbol, xs)
    agree = sum(_differ(a, b) is False for a, b in zip(right, learner, strict=True))
    return Curves(tuple(xs), tuple(right), tuple(learner), _parts_at(xs, right, learner), agree)
