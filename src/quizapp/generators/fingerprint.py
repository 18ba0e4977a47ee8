"""Cheap numeric fingerprints, to merge misconceptions that coincide and drop any equal to the key.

Plain complex doubles via cmath: generation must stay fast, and the bank's self-test re-checks
every problem with the full answer engine at high precision.
"""

import cmath

import sympy

from quizapp.answers.functions import sigmoid

X = sympy.Symbol("x")
POINTS = (0.37, 1.21, 2.63, -0.81, -1.7)


def _sigmoid(z: complex) -> complex:
    return 1 / (1 + cmath.exp(-z))


_FUNCTIONS = {
    sympy.sin: cmath.sin, sympy.cos: cmath.cos, sympy.tan: cmath.tan, sympy.exp: cmath.exp,
    sympy.log: cmath.log, sympy.sinh: cmath.sinh, sympy.cosh: cmath.cosh,
    sympy.tanh: cmath.tanh, sympy.asin: cmath.asin, sympy.acos: cmath.acos,
    sympy.atan: cmath.atan, sympy.sec: lambda z: 1 / cmath.cos(z),
    sympy.csc: lambda z: 1 / cmath.sin(z), sympy.cot: lambda z: 1 / cmath.tan(z),
    sympy.Abs: abs, sigmoid: _sigmoid, sympy.sech: lambda z: 1 / cmath.cosh(z),
    sympy.csch: lambda z: 1 / cmath.sinh(z), sympy.coth: lambda z: 1 / cmath.tanh(z),
}
_CONSTANTS = {sympy.pi: cmath.pi, sympy.E: cmath.e, sympy.I: 1j}


def _value(e: sympy.Expr, x: complex) -> complex:
    if e.is_Rational:
        return e.p / e.q
    if e.is_Symbol:
        return x
    if e in _CONSTANTS:
        return _CONSTANTS[e]
    if e.is_Add:
        return sum(_value(a, x) for a in e.args)
    if e.is_Mul:
        result = 1
        for a in e.args:
            result *= _value(a, x)
        return result
    if e.is_Pow:
        base, exponent = e.args
        b = _value(base, x)
        if exponent.is_Integer:
            return b ** int(exponent)
        return b ** _value(exponent, x)
    return _FUNCTIONS[type(e)](_value(e.args[0], x))


def fingerprint(expr: sympy.Expr, points: tuple[float, ...] = POINTS) -> tuple:
    """Values of `expr` (in x) at a few fixed points, in double precision; None where undefined."""
    values: list[complex | None] = []
    for p in points:
        try:
            z = complex(_value(expr, complex(p)))
            values.append(z if cmath.isfinite(z) else None)
        except (ArithmeticError, ValueError, KeyError, TypeError):
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
