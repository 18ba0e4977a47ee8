"""Decide whether two values are equal: as functions on a domain, or as exact numbers.

Functions are compared at random points where the expected value is defined, in 256-bit
complex arithmetic, so `x + 10⁻⁹` is not `x` and `ln(x²)` is not `2 ln x`. Constants are
compared at high precision; a learner's decimal is accepted for an exact value when it is
right to one unit in its last written digit and has at least three significant digits.
"""

import random
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import mpmath
import sympy

from quizapp.answers.model import Value
from quizapp.answers.numeric import Undefined, context, evaluate

REQUIRED_POINTS = 8
MAX_TRIES = 80
RELATIVE_TOLERANCE = mpmath.mpf(10) ** -25
MIN_SIGNIFICANT = 3
Domain = Mapping[str, tuple[float, float]]


@dataclass(frozen=True)
class Comparison:
    """Whether two values are equal, and if not, how they differ (for feedback)."""

    equal: bool
    relation: str | None = None  # "negated", "factor", "offset", "undefined", "too-few-digits"
    where: str | None = None  # a point at which they differ, when that helps
    checkable: bool = True


def _close(a: object, b: object, scale: object) -> bool:
    return abs(a - b) <= RELATIVE_TOLERANCE * max(1, abs(scale))


def _sample(rng: random.Random, bounds: tuple[float, float] | None) -> float:
    """A random point, usually not an integer: integers hide `sin(πx)` and friends."""
    lo, hi = bounds if bounds is not None else (
        (-4.0, 4.0) if rng.random() < 0.75 else (-12.0, 12.0))
    for _ in range(20):
        value = rng.uniform(lo, hi)
        if abs(value - round(value)) > 0.04 or hi - lo < 2:
            return value
    return value


def _points(expected: sympy.Expr, symbols: Sequence[sympy.Symbol], domain: Domain | None,
            seed: int, real_only: bool) -> list[tuple[dict, object]]:
    """Points where `expected` is defined (and real on a real domain), with its values there."""
    ctx = context()
    rng = random.Random(seed)
    found: list[tuple[dict, object]] = []
    for _ in range(MAX_TRIES):
        point = {s: ctx.mpf(_sample(rng, (domain or {}).get(s.name))) for s in symbols}
        try:
            value = evaluate(expected, point)
        except Undefined:
            continue
        if real_only and abs(value.imag) > RELATIVE_TOLERANCE * max(1, abs(value)):
            continue
        found.append((point, value))
        if len(found) >= REQUIRED_POINTS:
            break
    return found


def _describe(point: dict) -> str:
    return ", ".join(f"{s} = {mpmath.nstr(v, 4)}" for s, v in point.items())


def functions_equal(expected: sympy.Expr, answer: sympy.Expr, variables: Sequence[str],
                    domain: Domain | None = None) -> Comparison:
    """Whether `answer` equals `expected` as a function of `variables` on `domain` (default ℝ)."""
    if expected == answer:
        return Comparison(True)
    symbols = [sympy.Symbol(v) for v in variables]
    seed = zlib.crc32(sympy.srepr(expected).encode())
    points = _points(expected, symbols, domain, seed, real_only=not expected.has(sympy.I))
    if len(points) < 3:  # nowhere real on the domain: compare as complex functions
        points = _points(expected, symbols, domain, seed, real_only=False)
    if not points:
        return Comparison(False, checkable=False)
    ratios, differences, mismatch = [], [], None
    for point, want in points:
        try:
            got = evaluate(answer, point)
        except Undefined:
            return Comparison(False, "undefined", _describe(point))
        if not _close(got, want, want):
            mismatch = mismatch or point
        if want != 0:
            ratios.append(got / want)
        differences.append(got - want)
    if mismatch is None:
        return Comparison(True)
    return Comparison(False, _relation(ratios, differences), _describe(mismatch))


def _relation(ratios: list, differences: list) -> str | None:
    """Name a simple way in which the answer is off, if there is one."""
    if len(ratios) >= 3 and all(_close(r, ratios[0], ratios[0]) for r in ratios):
        return "negated" if _close(ratios[0], -1, 1) else "factor"
    if len(differences) >= 3 and all(_close(d, differences[0], 1) for d in differences):
        return "offset"
    return None


def constants_equal(expected: Value, answer: Value) -> Comparison:
    """Whether two constant values are equal: exactly, or by the decimal rule for the answer."""
    if expected.expr == answer.expr:
        return Comparison(True)
    try:
        want = evaluate(expected.expr, {})
        got = evaluate(answer.expr, {})
    except Undefined:
        return Comparison(False, "undefined")
    if _close(got, want, want):
        return Comparison(True)
    if answer.decimals:
        unit = max(d.unit for d in answer.decimals)
        significant = min(d.significant for d in answer.decimals)
        within = abs(got - want) <= mpmath.mpf(unit.numerator) / unit.denominator * (1 + 1e-9)
        if within and significant >= MIN_SIGNIFICANT:
            return Comparison(True)
        if within:
            return Comparison(False, "too-few-digits")
    ratio = got / want if want != 0 else None
    if ratio is not None and _close(ratio, -1, 1):
        return Comparison(False, "negated")
    return Comparison(False)


def values_equal(expected: Value, answer: Value, variables: Sequence[str],
                 domain: Domain | None = None) -> Comparison:
    """Compare two values, as constants when neither has variables, else as functions."""
    if not expected.expr.free_symbols and not answer.expr.free_symbols:
        return constants_equal(expected, answer)
    names = sorted({*variables, *(str(s) for s in expected.expr.free_symbols)})
    return functions_equal(expected.expr, answer.expr, names, domain)
