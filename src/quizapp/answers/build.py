"""Build sympy expressions from parsed pieces, refusing any that would be too costly.

Every constructor checks its result's size before returning, so that no chain of operations the
learner writes can make sympy compute a huge number (`9^9^9^9`) or expand a huge power.
"""

from fractions import Fraction

import sympy

from quizapp.answers import limits
from quizapp.answers.errors import AnswerError
from quizapp.answers.functions import sigmoid
from quizapp.answers.numeric import Undefined, evaluate

_UNDEFINED = (sympy.zoo, sympy.nan, sympy.oo, -sympy.oo)
CONSTANTS = {"E": sympy.E, "pi": sympy.pi, "I": sympy.I}
_SIMPLE_FUNCTIONS = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "sec": sympy.sec, "csc": sympy.csc,
    "cot": sympy.cot, "asin": sympy.asin, "acos": sympy.acos, "atan": sympy.atan,
    "sinh": sympy.sinh, "cosh": sympy.cosh, "tanh": sympy.tanh, "exp": sympy.exp,
    "sech": sympy.sech, "csch": sympy.csch, "coth": sympy.coth,
    "abs": sympy.Abs, "sigmoid": sigmoid,
}
_ROOTS = {"sqrt": sympy.Rational(1, 2), "cbrt": sympy.Rational(1, 3),
          "root4": sympy.Rational(1, 4)}
TOO_LARGE = "Number too large — the answer should not need numbers this big"


def _bits(value: sympy.Rational) -> int:
    return max(abs(int(value.p)).bit_length(), int(value.q).bit_length())


def _effective_exponent(expr: sympy.Basic) -> sympy.Rational | None:
    """The exponent of a power of a non-rational base (exp(3) counts as e³), when rational."""
    if isinstance(expr, sympy.exp):
        exponent = expr.args[0]
    elif expr.is_Pow and not expr.args[0].is_Rational:
        exponent = expr.args[1]
    else:
        return None
    return exponent if exponent.is_Rational else None


def _check_exponents(expr: sympy.Expr) -> None:
    """Refuse powers that sympy merged past the cap: (x^999)^999 is x^998001, x^999·x^999 is
    x^1998, exp(999)^999 is exp(998001). Merging only happens where a node is built, so the
    node and its arguments are all there is to look at."""
    for part in (expr, *expr.args):
        exponent = _effective_exponent(part)
        if exponent is not None and -(-abs(int(exponent.p)) // int(exponent.q)) \
                > limits.MAX_SYMBOLIC_EXPONENT:
            raise AnswerError(f"Exponent too large: at most {limits.MAX_SYMBOLIC_EXPONENT}, "
                              "also when powers are combined")


def _check_size(expr: sympy.Expr) -> sympy.Expr:
    if expr.has(*_UNDEFINED):
        raise AnswerError("That value is undefined (a division by zero?)")
    _check_exponents(expr)
    coefficient = expr
    if expr.is_Add:
        coefficient = expr.as_coeff_Add()[0]
    elif expr.is_Mul:
        coefficient = expr.as_coeff_Mul()[0]
    if coefficient.is_Rational and _bits(coefficient) > limits.MAX_CONSTANT_BITS:
        raise AnswerError(TOO_LARGE)
    return expr


def number(value: Fraction) -> sympy.Expr:
    """An exact rational number."""
    return sympy.Rational(value.numerator, value.denominator)


def add(a: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
    """a + b."""
    return _check_size(sympy.Add(a, b))


def multiply(a: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
    """a · b."""
    return _check_size(sympy.Mul(a, b))


def divide(a: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
    """a / b, refusing an exact division by zero."""
    if b.is_zero:
        raise AnswerError("Division by zero")
    return multiply(a, power(b, sympy.Integer(-1)))


def power(base: sympy.Expr, exponent: sympy.Expr) -> sympy.Expr:
    """base ^ exponent, refusing results too large to hold or expand."""
    if base.is_zero and exponent.is_extended_negative:
        raise AnswerError("Division by zero: 0 to a negative power")
    if exponent.is_Rational:
        top, bottom = abs(int(exponent.p)), int(exponent.q)
        whole_powers = -(-top // bottom)  # b^(p/q) is about as big as b^⌈p/q⌉
        if bottom > limits.MAX_ROOT_DENOMINATOR:
            raise AnswerError("Exponent too complicated — use a simpler root")
        if base.is_Rational:
            if whole_powers * _bits(base) > limits.MAX_CONSTANT_BITS:
                raise AnswerError(TOO_LARGE)
        elif whole_powers > limits.MAX_SYMBOLIC_EXPONENT:
            raise AnswerError("Exponent too large")
    return _check_size(sympy.Pow(base, exponent))


def apply(name: str, args: list[sympy.Expr]) -> sympy.Expr:
    """Apply a whitelisted function (canonical name) to its arguments."""
    if name in _ROOTS:  # real roots: ∛(−8) = −2 (see numeric)
        _arity(name, args, 1)
        return power(args[0], _ROOTS[name])
    if name in ("log10", "log2"):
        _arity(name, args, 1)
        return divide(apply("log", args), sympy.log(int(name[3:])))
    if name == "log":
        if len(args) == 2:
            return divide(_check_size(sympy.log(args[0])), _check_size(sympy.log(args[1])))
        _arity(name, args, 1)
        if args[0].is_zero:
            raise AnswerError("ln(0) is undefined")
        return _check_size(sympy.log(args[0]))
    _arity(name, args, 1)
    if name == "exp":
        return power(sympy.E, args[0])
    if name in ("asin", "acos") and not args[0].free_symbols:
        _within_unit_interval(name, args[0])
    try:
        result = _SIMPLE_FUNCTIONS[name](args[0])
    except (ValueError, TypeError, ZeroDivisionError) as exc:  # sympy refusing an argument
        raise AnswerError(f"{name}({args[0]}) is undefined") from exc
    if result.has(*_UNDEFINED):
        raise AnswerError(f"{name}({args[0]}) is undefined")
    return _check_size(result)


def _within_unit_interval(name: str, argument: sympy.Expr) -> None:
    """asin and acos of a number outside [−1, 1] are complex, and sympy can take minutes on
    what is built on them (csc(1/ln(asin(2)))): refuse them, as a real-valued course would."""
    try:
        value = evaluate(argument, {})
    except Undefined:
        raise AnswerError(f"{name}({argument}) is undefined") from None
    if abs(value.imag) > 1e-30 or abs(value.real) > 1:
        raise AnswerError(f"{name}({argument}) is undefined: {name} takes numbers from −1 to 1")


def _arity(name: str, args: list[sympy.Expr], count: int) -> None:
    if len(args) != count:
        shown = "ln" if name == "log" else name
        raise AnswerError(f"{shown} takes {count} argument{'s' if count > 1 else ''}, "
                          f"not {len(args)}")
