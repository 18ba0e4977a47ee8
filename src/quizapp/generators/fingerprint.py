"""Cheap numeric fingerprints, to merge misconceptions that coincide and drop any equal to the key.

The bank's self-test re-checks everything with the full answer engine; this only has to be fast.
"""

import sympy

from quizapp.answers.numeric import Undefined, evaluate_float

X = sympy.Symbol("x")
POINTS = (0.37, 1.21, 2.63, -0.81, -1.7)


def fingerprint(expr: sympy.Expr, points: tuple[float, ...] = POINTS) -> tuple:
    """Values of `expr` (in x) at a few fixed points, in double precision; None where undefined."""
    values: list[complex | None] = []
    for p in points:
        try:
            values.append(evaluate_float(expr, {X: p}))
        except Undefined:
            values.append(None)
    return tuple(values)


def same(a: tuple, b: tuple) -> bool:
    """Whether two fingerprints agree at every point where the first is defined."""
    compared = 0
    for u, v in zip(a, b, strict=True):
        if u is None:
            continue
        if v is None or abs(u - v) > 1e-9 * max(1.0, abs(u)):
            return False
        compared += 1
    return compared > 0
