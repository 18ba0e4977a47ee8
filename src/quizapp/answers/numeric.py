"""Evaluate a sympy expression at a point in arbitrary-precision complex arithmetic.

Powers follow the real line where it has an answer: an odd root of a negative number is real,
(−8)^(1/3) = −2 and (−8)^(2/3) = 4, as in school; other powers of negatives are complex.

A small evaluator of our own (not lambdify, not evalf) so that every operation is bounded:
an overflow, a pole or a huge intermediate makes the point *undefined* instead of hanging.
"""

import threading
from collections.abc import Mapping

import mpmath
import sympy

from quizapp.answers.functions import sigmoid

PRECISION_BITS = 256
_MAX_MAGNITUDE_BITS = 20_000  # |value| above 2**20000 counts as an overflow
_MAX_EXP_ARGUMENT = 10_000


class Undefined(ArithmeticError):
    """The expression has no finite value at this point."""


class TooLarge(Undefined):
    """The expression's value here is too large to work with (far beyond any answer's)."""


_local = threading.local()


def context(precision: int = PRECISION_BITS) -> mpmath.MPContext:
    """This thread's own mpmath context at `precision` bits (mpmath's global precision is not
    thread-safe)."""
    contexts = getattr(_local, "contexts", None)
    if contexts is None:
        contexts = _local.contexts = {}
    if precision not in contexts:
        contexts[precision] = mpmath.MPContext()
        contexts[precision].prec = precision
    return contexts[precision]


def evaluate(expr: sympy.Expr, point: Mapping[sympy.Symbol, object],
             precision: int = PRECISION_BITS, real: bool = False) -> mpmath.mpc:
    """The value of `expr` at `point` (symbol → mpmath number); raise Undefined if it has none.

    With `real`, a power with a symbolic exponent is undefined where it is not real, as on the
    real line: ((−1)^½)² has no value there, though complex arithmetic gives it −1.
    """
    ctx = context(precision)
    try:
        value = _eval(ctx, expr, point, real)
    except OverflowError as exc:
        raise TooLarge(str(exc)) from exc
    except (ZeroDivisionError, ValueError, TypeError) as exc:
        raise Undefined(str(exc)) from exc
    return ctx.mpc(value)


def _check(ctx: mpmath.MPContext, value: object) -> object:
    if ctx.isnan(value) or ctx.isinf(value):
        raise Undefined("not finite")
    if value and ctx.mag(value) > _MAX_MAGNITUDE_BITS:
        raise TooLarge("overflow")
    return value


def _eval(ctx: mpmath.MPContext, expr: sympy.Expr, point: Mapping, real: bool = False) -> object:
    if expr.is_Integer:
        return ctx.mpf(int(expr))
    if expr.is_Rational:
        return ctx.mpf(int(expr.p)) / int(expr.q)
    if expr.is_Symbol:
        if expr not in point:
            raise Undefined(f"no value for {expr}")
        return point[expr]
    if expr is sympy.pi:
        return +ctx.pi
    if expr is sympy.E:
        return +ctx.e
    if expr is sympy.I:
        return ctx.mpc(0, 1)
    args = [_eval(ctx, arg, point, real) for arg in expr.args]
    if expr.is_Add:
        return _check(ctx, ctx.fsum(args))
    if expr.is_Mul:
        result = args[0]
        for arg in args[1:]:
            result = _check(ctx, result * arg)
        return result
    if expr.is_Pow:
        return _power(ctx, expr, args[0], args[1], real)
    handler = _FUNCTIONS.get(type(expr))
    if handler is None:
        raise Undefined(f"cannot evaluate {type(expr).__name__}")
    return _check(ctx, handler(ctx, *args))


def _power(ctx: mpmath.MPContext, expr: sympy.Expr, base: object, exponent: object,
           real: bool = False) -> object:
    if base == 0:
        if ctx.re(exponent) <= 0:
            raise Undefined("0 to a non-positive power")
        return ctx.mpf(0)
    sym_exponent = expr.args[1]
    if sym_exponent.is_Integer:
        return _check(ctx, base ** int(sym_exponent))
    if sym_exponent == sympy.S.Half:
        return _check(ctx, ctx.sqrt(base))
    if sym_exponent.is_Rational and sym_exponent.q % 2 == 1 and ctx.im(base) == 0 \
            and ctx.re(base) < 0:
        # On the real line an odd root of a negative number is real: (−8)^(1/3) = −2.
        magnitude = _check(ctx, ctx.power(-ctx.re(base), exponent))
        return -magnitude if sym_exponent.p % 2 else magnitude
    if real and ctx.im(base) == 0 and ctx.re(base) < 0 and not (
            ctx.im(exponent) == 0 and ctx.isint(ctx.re(exponent))):
        raise Undefined("a negative number to a power that is not whole")
    # |ln base| < 2^bits, where bits is the size of log2|base|: a cheap bound on overflow
    if ctx.mag(exponent) + abs(ctx.mag(base)).bit_length() > 41:
        raise TooLarge("overflow")
    return _check(ctx, ctx.power(base, exponent))


def _exp(ctx: mpmath.MPContext, z: object) -> object:
    if ctx.re(z) > _MAX_EXP_ARGUMENT or abs(ctx.im(z)) > 1e30:
        raise TooLarge("overflow")
    if ctx.re(z) < -_MAX_EXP_ARGUMENT:  # mpmath spends seconds on exp(−10²⁰⁰⁰) at high precision
        return ctx.mpf(0)
    return ctx.exp(z)


def _log(ctx: mpmath.MPContext, z: object) -> object:
    if z == 0:
        raise Undefined("log of zero")
    return ctx.log(z)


def _sigmoid(ctx: mpmath.MPContext, z: object) -> object:
    if ctx.re(z) < -_MAX_EXP_ARGUMENT:
        raise TooLarge("overflow")
    return 1 / (1 + _exp(ctx, -z))


_FUNCTIONS = {
    sympy.exp: _exp, sympy.log: _log, sigmoid: _sigmoid,
    sympy.sin: lambda c, z: c.sin(z), sympy.cos: lambda c, z: c.cos(z),
    sympy.tan: lambda c, z: c.tan(z), sympy.sec: lambda c, z: c.sec(z),
    sympy.csc: lambda c, z: c.csc(z), sympy.cot: lambda c, z: c.cot(z),
    sympy.asin: lambda c, z: c.asin(z), sympy.acos: lambda c, z: c.acos(z),
    sympy.atan: lambda c, z: c.atan(z), sympy.sinh: lambda c, z: c.sinh(z),
    sympy.cosh: lambda c, z: c.cosh(z), sympy.tanh: lambda c, z: c.tanh(z),
    sympy.sech: lambda c, z: c.sech(z), sympy.csch: lambda c, z: c.csch(z),
    sympy.coth: lambda c, z: c.coth(z),
    sympy.Abs: lambda c, z: abs(z), sympy.re: lambda c, z: c.re(z),
    sympy.im: lambda c, z: c.im(z), sympy.conjugate: lambda c, z: c.conj(z),
    sympy.arg: lambda c, z: c.arg(z),
    sympy.sign: lambda c, z: z / abs(z) if z != 0 else c.mpf(0),
}


def evaluate_float(expr: sympy.Expr, point: Mapping[sympy.Symbol, float],
                   real: bool = False) -> complex:
    """A quick double-precision value of `expr` at `point`; raise Undefined if it has none."""
    try:
        return complex(_eval(mpmath.fp, expr, point, real))
    except (ZeroDivisionError, ValueError, OverflowError, TypeError) as exc:
        raise Undefined(str(exc)) from exc
