"""Spot a rounded decimal standing for an exact value in an expression answer.

In expression answers decimals are exact (`0.25x` is x/4), so `0.3333x` for x/3 is not right.
It is not a slip in the maths either: the learner rounded. This module finds the exact value
a decimal looks like (a simple fraction, a root, π, e) and checks that putting it back makes
the answer right, so the learner can be asked for the exact form instead of being marked wrong.
"""

from collections.abc import Sequence
from fractions import Fraction

import mpmath
import sympy

from quizapp.answers.equivalence import MIN_SIGNIFICANT, Domain, constants_equal, values_equal
from quizapp.answers.lexer import Decimal
from quizapp.answers.model import Value
from quizapp.answers.numeric import context
from quizapp.mathtext import write

_MAX_DENOMINATOR = 100
_SMALL_DENOMINATOR = 12
_IRRATIONALS = (
    sympy.sqrt(2), sympy.sqrt(3), sympy.sqrt(5), sympy.sqrt(6), sympy.sqrt(7), sympy.sqrt(10),
    sympy.pi, sympy.E, sympy.log(2), sympy.log(10), sympy.pi ** 2, 1 / sympy.pi,
)
_MAX_CANDIDATES = 4


def exact_candidates(decimal: Decimal) -> list[sympy.Expr]:
    """Exact values within one unit of `decimal`'s last digit that it may be a rounding of:
    fractions with small denominators, and small multiples of √2, √3, π, e, ln 2, …"""
    if decimal.significant < MIN_SIGNIFICANT:
        return []
    ctx = context()
    value, unit = decimal.value, decimal.unit
    found: list[sympy.Expr] = []
    for denominator in range(1, _MAX_DENOMINATOR + 1):  # the simplest fraction in reach
        fraction = Fraction(round(value * denominator), denominator)
        if abs(fraction - value) <= unit:
            if fraction != value:
                found.append(sympy.Rational(fraction.numerator, fraction.denominator))
            break
    target = ctx.mpf(value.numerator) / value.denominator
    for irrational in _IRRATIONALS:
        size = ctx.mpf(sympy.N(irrational, 30))
        ratio = Fraction(str(mpmath.nstr(target / size, 20))).limit_denominator(
            _SMALL_DENOMINATOR)
        if ratio == 0:
            continue
        candidate = sympy.Rational(ratio.numerator, ratio.denominator) * irrational
        if abs(ctx.mpf(sympy.N(candidate, 30)) - target) <= ctx.mpf(unit.numerator) / \
                unit.denominator:
            found.append(candidate)
        if len(found) >= _MAX_CANDIDATES:
            break
    return found


def shown(expr: sympy.Expr) -> str:
    """An exact value written on one line as a teacher writes it: 1/3, √2, 2π/3."""
    return write(expr)


def rounded_exact(expected: Value, answer: Value, variables: Sequence[str],
                  domain: Domain | None) -> str | None:
    """If `answer` is wrong only because a decimal in it is an exact value rounded, say so.

    Returns the try-again message, or None when no rounding explains the difference.
    """
    for decimal in answer.decimals:
        written = sympy.Rational(decimal.value.numerator, decimal.value.denominator)
        if not answer.expr.has(written) and not answer.expr.has(-written):
            continue  # merged with other numbers: tried below as a whole
        for candidate in exact_candidates(decimal):
            exact = answer.expr.xreplace({written: candidate, -written: -candidate})
            if values_equal(expected, Value(exact, conditions=answer.conditions), variables,
                            domain, decimal_rule=False).equal:
                return f"{decimal.text} looks like {shown(candidate)} rounded — type the " \
                       "exact value"
    if not expected.expr.free_symbols and not answer.expr.free_symbols \
            and constants_equal(expected, answer, decimal_rule=True).equal:
        written = " ".join(d.text for d in answer.decimals)
        return f"{written} looks like the exact answer rounded — type the exact value"
    return None
