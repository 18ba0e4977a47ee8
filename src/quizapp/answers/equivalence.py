"""Decide whether two values are equal: as functions on a domain, or as exact numbers.

Functions are compared at random points where the expected value is defined, in 256-bit
complex arithmetic, so `x + 10⁻⁹` is not `x` and `ln(x²)` is not `2 ln x`; the points cover
negative values too, so `√(x²)` is |x|, not x. Where the key raises to a symbolic power, a few
points with whole and half values are added, where `(a^b)^c` and `a^(bc)` part ways.

Constants are compared at high precision, relative to their own size: 10⁻⁴⁰ is judged as 1
is, and zero equals only zero. In number, vector, matrix and multiset answers a learner's
decimal is accepted for an exact value when it is within one unit of its last written digit
and has at least three significant digits; in expression answers decimals are exact.
"""

import itertools
import random
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import mpmath
import sympy

from quizapp.answers.model import Value
from quizapp.answers.numeric import TooLarge, Undefined, context, evaluate, evaluate_float

REQUIRED_POINTS = 8
HIGH_PRECISION_BITS = 6144
MAX_TRIES = 80
RELATIVE_TOLERANCE = mpmath.mpf(10) ** -25
MIN_SIGNIFICANT = 3
# Below this, a value is compared with the digits of its own size; rounding noise of 256-bit
# arithmetic (~10⁻⁷⁷ of the terms) stays far below the tolerance even at this floor.
_SMALLEST_FLOOR = mpmath.mpf(10) ** -45
# Values where powers with symbolic exponents show their real-line behaviour: (−1)² = 1 but
# ((−1)²)^(1/2) = 1 ≠ (−1)^(2·1/2) = −1. Halves are exact in binary, so 2 · 1/2 is exactly 1.
_SPECIAL_VALUES = (-2.0, -1.0, -0.5, 0.5, 1.5, 2.0, 3.0)
_SPECIAL_POINTS = 6
# Answers that agree with the key in double precision at every point are confirmed at full
# precision at this many of them (so x + 10⁻¹² is still not x).
_CONFIRMING_POINTS = 3
_QUICK_TOLERANCE = 1e-9
_AGREE = "agree"
_SPECIAL_TRIES = 150
Domain = Mapping[str, tuple[float, float]]


@dataclass(frozen=True)
class Comparison:
    """Whether two values are equal, and if not, how they differ (for feedback)."""

    equal: bool
    relation: str | None = None  # "negated", "factor", "offset", "undefined", "too-few-digits"
    where: str | None = None  # a point at which they differ, when that helps
    checkable: bool = True


def _close(a: object, b: object, scale: object, floor: object = 1) -> bool:
    return abs(a - b) <= RELATIVE_TOLERANCE * max(floor, abs(scale))


def _floor(*values: Value) -> object:
    """The size below which two values are compared absolutely: 1, or the smallest number
    written in them (so that 10⁻⁴⁰·x is not taken for 0)."""
    smallest = mpmath.mpf(1)
    for value in values:
        for number in value.expr.atoms(sympy.Rational):
            if number != 0:
                size = mpmath.mpf(abs(int(number.p))) / int(number.q)
                smallest = min(smallest, size)
    return max(smallest, _SMALLEST_FLOOR)


def _sample(rng: random.Random, bounds: tuple[float, float] | None) -> float:
    """A random point, usually not an integer: integers hide `sin(πx)` and friends."""
    lo, hi = bounds if bounds is not None else (
        (-4.0, 4.0) if rng.random() < 0.75 else (-12.0, 12.0))
    for _ in range(20):
        value = rng.uniform(lo, hi)
        if abs(value - round(value)) > 0.04 or hi - lo < 2:
            return value
    return value


def _defined(value: Value, point: dict) -> bool:
    """Whether `value` is defined at `point` on the real line (its roots, logs, arcsines)."""
    for kind, argument in value.conditions:
        try:
            z = evaluate(argument, point)
        except Undefined:
            return False
        if abs(z.imag) > RELATIVE_TOLERANCE * max(1, abs(z)):
            return False
        if (kind == "nonnegative" and z.real < 0) or (kind == "positive" and z.real <= 0) \
                or (kind == "unit" and abs(z.real) > 1):
            return False
    return True


@lru_cache(maxsize=1024)
def _reference(expected: Value, variables: tuple[str, ...],
               domain: tuple[tuple[str, tuple[float, float]], ...]) -> tuple[list, list, bool]:
    """Sample points where `expected` is defined, with its values there; special points (only
    compared where the answer is defined too); and whether they are real-line points.
    Cached: the same problem is checked again and again."""
    symbols = [sympy.Symbol(v) for v in variables]
    seed = zlib.crc32(sympy.srepr(expected.expr).encode())
    real = not expected.expr.has(sympy.I)
    points = _points(expected, symbols, dict(domain), seed, real_only=real) if real else []
    if len(points) < 3:  # nowhere real on the domain: compare as complex functions
        real = False
        points = _points(expected, symbols, dict(domain), seed, real_only=False)
    special = _special_points(expected, symbols, dict(domain), seed) if real else []
    return points, special, real


def _symbolic_power(expr: sympy.Expr) -> bool:
    return any(power.args[1].free_symbols for power in expr.atoms(sympy.Pow))


def _special_points(expected: Value, symbols: Sequence[sympy.Symbol], domain: Domain,
                    seed: int) -> list[tuple[dict, object]]:
    """Points with whole and half values where the key raises a negative number to a symbolic
    power and is still real: there rewrites that hold only for positive bases fail. Only for
    keys with such powers; found once per key (cached with the reference points)."""
    powers = [p for p in expected.expr.atoms(sympy.Pow) if p.args[1].free_symbols]
    if not powers:
        return []
    ctx = context()
    choices = []
    for symbol in symbols:
        bounds = domain.get(symbol.name)
        allowed = [v for v in _SPECIAL_VALUES if bounds is None or bounds[0] <= v <= bounds[1]]
        if not allowed:
            return []
        choices.append(allowed)
    combos = list(itertools.product(*choices))
    random.Random(seed).shuffle(combos)
    # Halves first: (−1)^(2·½) is real though ½ is not whole, and that is where rewrites fail.
    combos.sort(key=lambda combo: all(float(v).is_integer() for v in combo))
    found: list[tuple[dict, object]] = []
    for combo in combos[:_SPECIAL_TRIES]:
        point = {s: ctx.mpf(v) for s, v in zip(symbols, combo, strict=True)}
        try:
            if not any(_negative(evaluate(p.args[0], point)) for p in powers):
                continue
            value = evaluate(expected.expr, point, real=True)
        except Undefined:
            continue
        if abs(value.imag) > RELATIVE_TOLERANCE * max(1, abs(value)) \
                or not _defined(expected, point):
            continue
        found.append((point, value))
        if len(found) >= _SPECIAL_POINTS:
            break
    return found


def _negative(z: object) -> bool:
    return z.imag == 0 and z.real < 0


def _points(expected: Value, symbols: Sequence[sympy.Symbol], domain: Domain, seed: int,
            real_only: bool) -> list[tuple[dict, object]]:
    ctx = context()
    rng = random.Random(seed)
    found: list[tuple[dict, object]] = []
    for _ in range(MAX_TRIES):
        point = {s: ctx.mpf(_sample(rng, domain.get(s.name))) for s in symbols}
        try:
            value = evaluate(expected.expr, point, real=real_only)
        except Undefined:
            continue
        if real_only and (abs(value.imag) > RELATIVE_TOLERANCE * max(1, abs(value))
                          or not _defined(expected, point)):
            continue
        found.append((point, value))
        if len(found) >= REQUIRED_POINTS:
            break
    return found


def _may_cancel(expr: sympy.Expr) -> bool:
    """Whether `expr` has terms big enough to lose every digit when they cancel: high powers
    or long numbers."""
    for power in expr.atoms(sympy.Pow):
        exponent = power.args[1]
        if exponent.is_Integer and abs(int(exponent)) >= 16:
            return True
    return any(max(abs(int(r.p)), int(r.q)).bit_length() > 64 for r in expr.atoms(sympy.Rational))


def _equal_when_precise(expected: Value, answer: Value, point: dict, floor: object = 1,
                        real: bool = False) -> bool:
    """Recheck a mismatch at far higher precision: huge terms that cancel, as in
    (x+1)¹⁰⁰⁰(x−1)¹⁰⁰⁰ − (x²−1)¹⁰⁰⁰, lose every digit at the usual precision."""
    try:
        want = evaluate(expected.expr, point, HIGH_PRECISION_BITS, real)
        got = evaluate(answer.expr, point, HIGH_PRECISION_BITS, real)
    except Undefined:
        return False
    return _close(got, want, want, floor)


def _describe(point: dict) -> str:
    return ", ".join(f"{s} = {mpmath.nstr(v, 4)}" for s, v in point.items())


def functions_equal(expected: Value, answer: Value, variables: Sequence[str],
                    domain: Domain | None = None) -> Comparison:
    """Whether `answer` equals `expected` as a function of `variables` on `domain` (default ℝ):
    equal at sample points where `expected` is defined, and defined at all of them."""
    if expected.expr == answer.expr and set(answer.conditions) <= set(expected.conditions):
        return Comparison(True)
    points, special, real = _reference(expected, tuple(variables),
                                       tuple(sorted((domain or {}).items())))
    if not points:
        return Comparison(False, checkable=False)
    floor = _floor(expected, answer)
    # A precise recheck costs milliseconds: only where huge terms could cancel.
    recheck = _may_cancel(expected.expr) or _may_cancel(answer.expr)
    if not recheck:
        quick = _quick_comparison(expected, answer, points, real, floor)
        if isinstance(quick, Comparison):
            return quick
        if quick == _AGREE:  # equal in doubles: confirm at full precision at a few points
            points = points[:_CONFIRMING_POINTS]
    ratios, differences, mismatch = [], [], None
    for point, want in points:
        try:
            if real and not _defined(answer, point):
                raise Undefined("outside the answer's domain")
            got = evaluate(answer.expr, point, real=real)
        except TooLarge:
            return Comparison(False, "too-large", _describe(point))
        except Undefined:
            return Comparison(False, "undefined", _describe(point))
        if not _close(got, want, want, floor):
            if recheck and _equal_when_precise(expected, answer, point, floor, real):
                continue
            recheck = False
            mismatch = mismatch or point
        if want != 0:
            ratios.append(got / want)
        differences.append(got - want)
    if mismatch is None:
        special_mismatch = _special_mismatch(expected, answer, special, floor)
        if special_mismatch is None:
            return Comparison(True)
        return Comparison(False, None, _describe(special_mismatch))
    return Comparison(False, _relation(ratios, differences), _describe(mismatch))


def _quick_comparison(expected: Value, answer: Value, points: list, real: bool,
                      floor: object) -> Comparison | str | None:
    """Compare in double precision first (several times faster): a difference confirmed at
    full precision at one point settles "wrong"; agreement gives _AGREE, to be confirmed at
    full precision at a few points; None leaves it all to the precise comparison (a point
    where the answer is undefined, which it reports)."""
    tiny = float(floor)
    values = []
    for point, want in points:
        try:
            if real and not _defined(answer, point):
                return None
            got = evaluate_float(answer.expr, {s: float(v) for s, v in point.items()}, real)
        except Undefined:
            return None
        values.append((point, want, complex(want), got))
    for point, want, quick_want, got in values:
        if abs(got - quick_want) > _QUICK_TOLERANCE * max(tiny, abs(quick_want)):
            try:
                precise = evaluate(answer.expr, point, real=real)
            except Undefined:
                return None
            if _close(precise, want, want, floor):
                continue  # double rounding, not a difference
            ratios = [g / w for _, _, w, g in values if w != 0]
            differences = [g - w for _, _, w, g in values]
            return Comparison(False, _quick_relation(ratios, differences), _describe(point))
    return _AGREE


def _quick_relation(ratios: list[complex], differences: list[complex]) -> str | None:
    """`_relation` on double-precision values."""
    def near(a: complex, b: complex, scale: float) -> bool:
        return abs(a - b) <= 1e-9 * max(1.0, scale)

    if len(ratios) >= 3 and all(near(r, ratios[0], abs(ratios[0])) for r in ratios) \
            and not near(ratios[0], 0, 1):
        return "negated" if near(ratios[0], -1, 1) else "factor"
    if len(differences) >= 3 and all(near(d, differences[0], 1) for d in differences):
        return "offset"
    return None


def _special_mismatch(expected: Value, answer: Value, special: list, floor: object) -> dict | None:
    """The first special point where both values are defined and differ, if any."""
    for point, want in special:
        try:
            if not _defined(answer, point):
                continue
            got = evaluate(answer.expr, point, real=True)
        except Undefined:
            continue
        if not _close(got, want, want, floor) and \
                not (_may_cancel(answer.expr)
                     and _equal_when_precise(expected, answer, point, floor, True)):
            return point
    return None


def _relation(ratios: list, differences: list) -> str | None:
    """Name a simple way in which the answer is off, if there is one."""
    if len(ratios) >= 3 and all(_close(r, ratios[0], ratios[0]) for r in ratios) \
            and not _close(ratios[0], 0, 1):  # a zero answer is not "off by a factor"
        return "negated" if _close(ratios[0], -1, 1) else "factor"
    if len(differences) >= 3 and all(_close(d, differences[0], 1) for d in differences):
        return "offset"
    return None


def constants_equal(expected: Value, answer: Value, decimal_rule: bool = True) -> Comparison:
    """Whether two constant values are equal: exactly, or by the decimal rule for the answer
    (when `decimal_rule`; in expression answers decimals are exact)."""
    if expected.expr == answer.expr:
        return Comparison(True)
    try:
        want = evaluate(expected.expr, {})
        got = evaluate(answer.expr, {})
    except Undefined:
        return Comparison(False, "undefined")
    if _close(got, want, want, _floor(expected, answer)):
        return Comparison(True)
    if decimal_rule and answer.decimals and want != 0:  # zero equals only zero
        # Several decimals (1.5 ± 1.803): their rounding errors add up, and the most precise
        # one shows how precise the learner meant to be.
        unit = sum(d.unit for d in answer.decimals)
        significant = max(d.significant for d in answer.decimals)
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
                 domain: Domain | None = None, decimal_rule: bool = True) -> Comparison:
    """Compare two values, as constants when neither has variables, else as functions.

    With `decimal_rule` a constant answer's decimals may be rounded (numbers, vectors,
    matrices, multisets); without it they are exact (expression answers)."""
    if not expected.expr.free_symbols and not answer.expr.free_symbols:
        return constants_equal(expected, answer, decimal_rule)
    names = sorted({*variables, *(str(s) for s in expected.expr.free_symbols)})
    return functions_equal(expected, answer, names, domain)
