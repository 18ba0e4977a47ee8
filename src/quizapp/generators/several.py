"""Shared by the multivariable generators: variables, random polynomials in several variables,
cheap numeric fingerprints of expressions, vectors and matrices, and finishing a Draft.

Fingerprints are plain complex doubles at a few fixed points, to merge misconceptions that
coincide and drop any equal to the key; the bank's self-test re-checks every problem with the
full answer engine at high precision.
"""

import cmath
import random
from collections.abc import Callable, Sequence
from fractions import Fraction

import sympy

from quizapp.answers.functions import sigmoid
from quizapp.generators.common import nonzero, prune
from quizapp.generators.model import Draft, Retry, WrongAnswer
from quizapp.mathtext import plain, readable

X, Y, Z, T = sympy.symbols("x y z t")
SYMBOLS = {"x": X, "y": Y, "z": Z, "t": T}
# One row per point: values of x, y, z, t. Not integers (they hide sin(πx)), both signs.
POINTS = ((0.37, -0.81, 1.21, 0.53), (1.21, 0.44, -0.63, -1.3), (-0.72, 1.37, 0.29, 0.91))
POSITIVE_POINTS = ((0.37, 0.81, 1.21, 0.53), (1.21, 0.44, 0.63, 1.3), (0.72, 1.37, 0.29, 0.91))
POSITIVE_DOMAIN = (0.2, 1.5)

Value = sympy.Expr | list  # an expression, a vector (list of Expr) or a matrix (list of lists)

_FUNCTIONS: dict[type, Callable[[complex], complex]] = {
    sympy.sin: cmath.sin, sympy.cos: cmath.cos, sympy.tan: cmath.tan, sympy.exp: cmath.exp,
    sympy.log: cmath.log, sympy.tanh: cmath.tanh, sympy.Abs: abs,
    sigmoid: lambda z: 1 / (1 + cmath.exp(-z)),
}


def _value(e: sympy.Expr, env: dict[sympy.Symbol, complex]) -> complex:
    if e.is_Rational:
        return e.p / e.q
    if e.is_Symbol:
        return env[e]
    if e is sympy.E:
        return cmath.e
    if e is sympy.pi:
        return cmath.pi
    if e.is_Add:
        return sum(_value(a, env) for a in e.args)
    if e.is_Mul:
        result: complex = 1
        for a in e.args:
            result *= _value(a, env)
        return result
    if e.is_Pow:
        base, exponent = e.args
        if exponent.is_Integer:
            return _value(base, env) ** int(exponent)
        return _value(base, env) ** _value(exponent, env)
    return _FUNCTIONS[type(e)](_value(e.args[0], env))


def as_expr(value: object) -> sympy.Expr:
    """An int as a sympy Integer; an expression as it is."""
    return sympy.Integer(value) if isinstance(value, int) else value


def approximate(e: sympy.Expr) -> str:
    """A number in 4 significant digits (≈ 0.6523), for solutions whose exact form has e, tanh…"""
    return f"{complex(_value(e, {})).real:.4g}"


def flatten(value: Value) -> list[sympy.Expr]:
    """The entries of an expression, vector or matrix, row by row."""
    if isinstance(value, list):
        return [entry for item in value for entry in flatten(item)]
    return [as_expr(value)]


def fingerprint(value: Value, positive: bool = False) -> tuple:
    """Values of every entry at a few fixed points (None where undefined), with the shape."""
    shape = (len(value), len(value[0]) if isinstance(value[0], list) else 0) \
        if isinstance(value, list) else ()
    values: list[complex | None] = []
    for row in POSITIVE_POINTS if positive else POINTS:
        env = dict(zip((X, Y, Z, T), (complex(v) for v in row), strict=True))
        for entry in flatten(value):
            try:
                z = complex(_value(entry, env))
                values.append(z if cmath.isfinite(z) else None)
            except (ArithmeticError, ValueError, KeyError, TypeError):
                values.append(None)
    return shape, tuple(values)


def same(a: tuple, b: tuple) -> bool:
    """Whether two fingerprints have one shape and agree wherever the first is defined."""
    if a[0] != b[0] or len(a[1]) != len(b[1]):
        return False
    for u, v in zip(a[1], b[1], strict=True):
        if u is None:
            continue
        if v is None or abs(u - v) > 1e-9 * max(1.0, abs(u)):
            return False
    return True


def is_zero(value: Value) -> bool:
    """Whether every entry is 0 at every point (a degenerate key)."""
    return all(v is not None and abs(v) < 1e-12 for v in fingerprint(value)[1])


def _powers(n: int, rng: random.Random, max_degree: int, mixed: bool) -> tuple[int, ...]:
    powers = [0] * n
    if mixed:
        for i in rng.sample(range(n), 2):
            powers[i] = 1
    for _ in range(rng.randint(1, max_degree) - sum(powers)):
        powers[rng.randrange(n)] += 1
    return tuple(powers)


def monomials(variables: Sequence[sympy.Symbol], rng: random.Random, count: int,
              coefficients: tuple[int, int], max_degree: int, need_mixed: bool = True,
              cover: bool = False) -> list[sympy.Expr]:
    """`count` distinct terms a·xⁱ·yʲ(·zᵏ) of total degree 1..max_degree: the first mixed (in
    two variables) if asked, and every variable in some term if `cover`."""
    n = len(variables)
    for _ in range(30):  # drawn as exponent tuples first: sympy objects only for a good draw
        shapes: list[tuple[int, ...]] = []
        for _ in range(4 * count):
            if len(shapes) == count:
                break
            powers = _powers(n, rng, max(max_degree, 2) if need_mixed and not shapes
                             else max_degree, need_mixed and not shapes)
            if sum(powers) > 0 and max(powers) <= 3 and powers not in shapes:
                shapes.append(powers)
        if len(shapes) == count and (not cover or all(any(p[i] for p in shapes)
                                                      for i in range(n))):
            break
    else:
        raise Retry
    terms = []
    for powers in shapes:
        term = sympy.Integer(nonzero(rng, coefficients))
        for v, p in zip(variables, powers, strict=True):
            if p:
                term *= v**p
        terms.append(term)
    return terms


def point_text(names: Sequence[str], point: Sequence[object]) -> str:
    """(x, y) = (1, −2) as a teacher writes it."""
    if len(names) == 1:
        return f"{names[0]} = {readable(point[0])}"
    return f"({', '.join(names)}) = ({', '.join(readable(v) for v in point)})"


def write_value(value: Value, style: Callable[[object], str] = readable) -> str:
    """An expression, vector or matrix on one line in the printer `style`."""
    if not isinstance(value, list):
        return style(value)
    if isinstance(value[0], list):
        return "[" + ", ".join("[" + ", ".join(style(v) for v in row) + "]" for row in value) + "]"
    return "[" + ", ".join(style(v) for v in value) + "]"


def decimal_text(value: Fraction | sympy.Rational) -> str:
    """A rational as a short decimal when it has one (0.1, 0.25), else as a fraction."""
    fraction = Fraction(int(value.p), int(value.q)) if isinstance(value, sympy.Rational) \
        else value
    for places in range(1, 5):
        scaled = fraction * 10**places
        if scaled.denominator == 1:
            return f"{float(fraction):.{places}f}"
    return readable(sympy.Rational(fraction.numerator, fraction.denominator))


def finish(prompt: str, kind: str, key: Value, data: dict, hints: Sequence[str],
           solution: Sequence[str], candidates: Sequence[tuple[str, Value | None, str]],
           variables: Sequence[str] = (), positive: bool = False,
           allow_zero: bool = False) -> Draft:
    """A Draft from a key and its candidate misconceptions: degenerate keys are redrawn,
    misconceptions equal to the key dropped and coinciding ones merged (at least 2 kept).
    A key that is 0 everywhere is redrawn unless `allow_zero` (a relu unit that is off)."""
    key_print = fingerprint(key, positive)
    if None in key_print[1] or (is_zero(key) and not allow_zero):
        raise Retry
    prints: dict[int, tuple] = {id(key): key_print}

    def equal(a: Value, b: Value) -> bool:
        for v in (a, b):
            if id(v) not in prints:
                prints[id(v)] = fingerprint(v, positive)
        return same(prints[id(a)], prints[id(b)])

    if not any(e.free_symbols for e in flatten(key)):
        # a constant key is read without variables, so a wrong answer with some is unreadable
        candidates = [c for c in candidates
                      if c[1] is None or not any(e.free_symbols for e in flatten(c[1]))]
    kept = prune(key, list(candidates), equal)
    domain = {name: POSITIVE_DOMAIN for name in variables} if positive else {}
    return Draft(
        prompt=prompt, answer_kind=kind, answer=write_value(key, plain), data=data,
        hints=tuple(hints), solution=tuple(solution),
        misconceptions=tuple(WrongAnswer(i, write_value(w, plain), m) for i, w, m in kept),
        variables=tuple(variables), domain=domain,
    )
