"""The pieces derivative problems are built from: inside functions, outer functions, factors.

Every piece carries its derivative written out (sympy's `diff` is too slow to call hundreds of
times a second) and, for a composite piece, its own inside function, so that hints, solutions
and misconceptions name exactly the expressions the question shows.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import sympy

from quizapp.answers.functions import sigmoid
from quizapp.generators.common import nonzero
from quizapp.generators.model import Retry

X = sympy.Symbol("x")
U = sympy.Symbol("u")
ODD = frozenset({"sin", "tan", "tanh"})  # f(−u) = −f(u): sympy pulls the sign out
EVEN = frozenset({"cos"})  # f(−u) = f(u): sympy drops the sign


def call(function: type[sympy.Function], arg: sympy.Expr) -> sympy.Expr:
    """function(arg) exactly as built: sympy's evaluation would pull signs out of the inside
    (cos(−x²) → cos(x²)) and costs milliseconds for a sum inside a trig function."""
    return function(arg, evaluate=False)


# ----------------------------------------------------------------------------- polynomials
Poly = dict[int, int]  # exponent → coefficient


def poly_expr(poly: Poly) -> sympy.Expr:
    """The polynomial as a sympy sum (built directly: no expand)."""
    return sympy.Add(*(sympy.Integer(c) * X**n for n, c in poly.items() if c))


def poly_mul(a: Poly, b: Poly) -> Poly:
    """The product of two polynomials."""
    out: Poly = {}
    for n, c in a.items():
        for m, d in b.items():
            out[n + m] = out.get(n + m, 0) + c * d
    return out


def poly_add(a: Poly, b: Poly, sign: int = 1) -> Poly:
    """a + sign·b."""
    out = dict(a)
    for n, c in b.items():
        out[n] = out.get(n, 0) + sign * c
    return out


def poly_diff(a: Poly) -> Poly:
    """The derivative of a polynomial."""
    return {n - 1: n * c for n, c in a.items() if n}


# ----------------------------------------------------------------------------- inside functions
def _positive_range(bounds: tuple[int, int]) -> tuple[int, int]:
    return max(1, bounds[0]), max(1, bounds[1])


def inner(kind: str, rng: random.Random, coefficients: tuple[int, int],
          positive: bool) -> tuple[sympy.Expr, sympy.Expr]:
    """An inside function u and its derivative u′."""
    bounds = _positive_range(coefficients) if positive else coefficients
    if kind == "identity":
        return X, sympy.Integer(1)
    if kind == "scaled":
        k = nonzero(rng, bounds, exclude=(1,))
        return k * X, sympy.Integer(k)
    if kind == "linear":  # a ≠ 1: forgetting the chain rule must not give the key
        a, b = nonzero(rng, bounds, exclude=(1,)), nonzero(rng, bounds)
        return a * X + b, sympy.Integer(a)
    if kind == "monomial":
        a, n = nonzero(rng, bounds), rng.randint(2, 3)
        return a * X**n, a * n * X ** (n - 1)
    if kind == "quadratic":
        a, c = nonzero(rng, bounds), nonzero(rng, bounds)
        return a * X**2 + c, 2 * a * X
    k = rng.randint(1, max(1, min(4, abs(coefficients[1]))))
    if positive and kind in ("sin", "cos"):
        k = 1  # sin x and cos x stay positive on the domain we sample, sin 3x does not
    kx = k * X
    if kind == "exp-plus":  # e^(kx) + c, positive
        c = rng.randint(1, 5)
        return call(sympy.exp, kx) + c, k * call(sympy.exp, kx)
    if kind == "sin":
        return call(sympy.sin, kx), k * call(sympy.cos, kx)
    if kind == "cos":
        return call(sympy.cos, kx), -k * call(sympy.sin, kx)
    return call(sympy.exp, kx), k * call(sympy.exp, kx)


# ----------------------------------------------------------------------------- outer functions
@dataclass(frozen=True)
class Outer:
    """An outer function f(u) with its derivative f′(u)."""

    kind: str
    f: Callable[[sympy.Expr], sympy.Expr]
    df: Callable[[sympy.Expr], sympy.Expr]
    positive: bool = False  # needs a positive inside (ln, √)


def _softplus(u: sympy.Expr) -> sympy.Expr:
    return call(sympy.log, 1 + call(sympy.exp, u))


_TABLE = {
    "sin": Outer("sin", partial(call, sympy.sin), partial(call, sympy.cos)),
    "cos": Outer("cos", partial(call, sympy.cos), lambda u: -call(sympy.sin, u)),
    "tan": Outer("tan", partial(call, sympy.tan), lambda u: call(sympy.sec, u) ** 2),
    "exp": Outer("exp", partial(call, sympy.exp), partial(call, sympy.exp)),
    "ln": Outer("ln", partial(call, sympy.log), lambda u: 1 / u, positive=True),
    "sqrt": Outer("sqrt", sympy.sqrt, lambda u: 1 / (2 * sympy.sqrt(u)), positive=True),
    "sigmoid": Outer("sigmoid", sigmoid, lambda u: call(sigmoid, u) * (1 - call(sigmoid, u))),
    "tanh": Outer("tanh", sympy.tanh, lambda u: 1 - call(sympy.tanh, u) ** 2),
    "softplus": Outer("softplus", _softplus, partial(call, sigmoid)),
}


def outer(kind: str, rng: random.Random, powers: tuple[int, int]) -> Outer:
    """The outer function of `kind` (a power or a base drawn at random)."""
    if kind == "power":
        n = rng.randint(*powers)
        return Outer("power", lambda u: u**n, lambda u: n * u ** (n - 1))
    if kind == "base-power":
        a = sympy.Integer(rng.choice([2, 3, 5, 10]))
        return Outer("base-power", lambda u: a**u, lambda u: a**u * call(sympy.log, a))
    return _TABLE[kind]


def upright(kind: str, u: sympy.Expr, du: sympy.Expr,
            scale: int) -> tuple[sympy.Expr, sympy.Expr, int]:
    """Turn f(−w) into ±f(w) as sympy will show it, so that the inside named is the one shown."""
    if (kind in ODD or kind in EVEN) and u.could_extract_minus_sign():
        return -u, -du, -scale if kind in ODD else scale
    return u, du, scale


# ----------------------------------------------------------------------------- factors
@dataclass(frozen=True)
class Part:
    """A factor of a product or quotient: its expression and derivative, and if it is a
    composition, its outer kind, inside u and u′ (for the chain-rule step and its slip)."""

    expr: sympy.Expr
    derivative: sympy.Expr
    poly: Poly | None = None
    outer: Outer | None = None
    inside: tuple[sympy.Expr, sympy.Expr] | None = None
    positive: bool = False

    @property
    def derivative_without_inner(self) -> sympy.Expr | None:
        """The factor's derivative with the inside's derivative forgotten."""
        return None if self.outer is None or self.inside is None else \
            self.outer.df(self.inside[0])


def _poly_part(poly: Poly, positive: bool = False) -> Part:
    return Part(poly_expr(poly), poly_expr(poly_diff(poly)), poly, positive=positive)


_COMPOSITES = {  # factor kind → (outer kind, inside kind)
    "sin-linear": ("sin", "linear"), "cos-linear": ("cos", "linear"),
    "sin-square": ("sin", "monomial"), "cos-square": ("cos", "monomial"),
    "exp-linear": ("exp", "linear"), "exp-square": ("exp", "monomial"),
    "ln-linear": ("ln", "linear"), "ln-square": ("ln", "quadratic"),
    "power-linear": ("power", "linear"), "sqrt-linear": ("sqrt", "linear"),
    "sigmoid-scaled": ("sigmoid", "scaled"), "tanh-scaled": ("tanh", "scaled"),
}


def factor(kind: str, rng: random.Random, coefficients: tuple[int, int],
           exponents: tuple[int, int]) -> Part:
    """A factor of a product or quotient, of the given kind."""
    if kind in _COMPOSITES:
        outer_kind, inner_kind = _COMPOSITES[kind]
        f = outer(outer_kind, rng, (2, 4))
        # insides of composite factors keep positive coefficients: sympy shows them unchanged
        u, du = inner(inner_kind, rng, (1, max(2, min(5, coefficients[1]))), True)
        return Part(f.f(u), f.df(u) * du, outer=f, inside=(u, du), positive=f.positive)
    a = nonzero(rng, coefficients)
    if kind == "monomial":
        n = rng.randint(max(1, exponents[0]), max(1, exponents[1]))
        return _poly_part({n: a})
    if kind == "linear":
        return _poly_part({1: 1, 0: nonzero(rng, coefficients)})
    if kind == "affine":  # a·x + b
        return _poly_part({1: a, 0: nonzero(rng, coefficients)})
    if kind == "binomial":  # a·xⁿ + b, n ≥ 2
        return _poly_part({rng.randint(2, max(2, exponents[1])): a, 0: nonzero(rng, coefficients)})
    if kind == "ln":
        return Part(call(sympy.log, X), 1 / X, positive=True)
    if kind == "sqrt":
        return Part(sympy.sqrt(X), 1 / (2 * sympy.sqrt(X)), positive=True)
    k = rng.randint(1, 3)
    if kind == "sin":
        return Part(call(sympy.sin, k * X), k * call(sympy.cos, k * X))
    if kind == "cos":
        return Part(call(sympy.cos, k * X), -k * call(sympy.sin, k * X))
    if kind == "exp":
        return Part(call(sympy.exp, k * X), k * call(sympy.exp, k * X))
    raise Retry  # an unknown kind cannot pass the params validation; be safe


# ----------------------------------------------------------------------------- wrong answers
class W:
    """An expression built without sympy's evaluation: wrong answers are only fingerprinted and
    printed for the answer checker, never shown, and evaluating them costs most of the time.
    (sympy's `evaluate(False)` context would clear its whole cache on every use.)"""

    __slots__ = ("e",)

    def __init__(self, e: object) -> None:
        self.e = e if isinstance(e, sympy.Basic) else sympy.Integer(e)  # type: ignore[arg-type]

    @staticmethod
    def _of(other: object) -> sympy.Basic:
        if isinstance(other, W):
            return other.e
        return other if isinstance(other, sympy.Basic) else sympy.Integer(other)  # type: ignore[arg-type]

    def __mul__(self, other: object) -> "W":
        return W(sympy.Mul(self.e, W._of(other), evaluate=False))

    def __rmul__(self, other: object) -> "W":
        return W(sympy.Mul(W._of(other), self.e, evaluate=False))

    def __add__(self, other: object) -> "W":
        return W(sympy.Add(self.e, W._of(other), evaluate=False))

    def __radd__(self, other: object) -> "W":
        return W(sympy.Add(W._of(other), self.e, evaluate=False))

    def __neg__(self) -> "W":
        return W(sympy.Mul(sympy.S.NegativeOne, self.e, evaluate=False))

    def __sub__(self, other: object) -> "W":
        return self + (-W(W._of(other)))

    def __rsub__(self, other: object) -> "W":
        return W(W._of(other)) + (-self)

    def __truediv__(self, other: object) -> "W":
        return W(sympy.Mul(self.e, sympy.Pow(W._of(other), -1, evaluate=False), evaluate=False))

    def __rtruediv__(self, other: object) -> "W":
        return W(W._of(other)) / self

    def __pow__(self, other: object) -> "W":
        return W(sympy.Pow(self.e, W._of(other), evaluate=False))


def total(terms: list) -> "W":
    """An unevaluated sum of expressions or W's."""
    return W(sympy.Add(*(W._of(t) for t in terms), evaluate=False))


def unwrap(e: object) -> sympy.Expr | None:
    """The sympy expression inside a W (or the expression itself, or None)."""
    return e.e if isinstance(e, W) else e  # type: ignore[return-value]


def machine_text(e: sympy.Basic) -> str:
    """Plain sympy syntax for a wrong answer, bracketing generously: wrong answers are read by
    the answer checker only, and the readable printer's ordering work is not needed here."""
    if e.is_Integer:
        return str(e.p) if e.p >= 0 else f"({e.p})"
    if e.is_Rational:
        return f"({e.p}/{e.q})"
    if e.is_Symbol:
        return e.name
    if e is sympy.E:
        return "E"
    if e.is_Add:
        return "(" + " + ".join(machine_text(a) for a in e.args) + ")"
    if e.is_Mul:
        return "*".join(machine_text(a) for a in e.args)
    if e.is_Pow:
        base, exponent = e.args
        base_text = machine_text(base)
        if base.is_Mul or base.is_Pow:
            base_text = f"({base_text})"
        exponent_text = machine_text(exponent)
        if exponent.is_Mul or exponent.is_Pow:
            exponent_text = f"({exponent_text})"
        return f"{base_text}**{exponent_text}"
    if isinstance(e, sympy.Function):
        return f"{type(e).__name__}({', '.join(machine_text(a) for a in e.args)})"
    return f"({sympy.sstr(e)})"


_SUPERSCRIPT = str.maketrans("0123456789-−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻")


def raised_power(exponent: object) -> str:
    """x to a power as a teacher writes it in a step: x³, x⁻², x (for 1), x^(1/2)."""
    text = str(exponent)
    if text == "1":
        return "x"
    if text.lstrip("-").isdigit():
        return "x" + text.translate(_SUPERSCRIPT)
    return f"x^({text.replace('-', '−')})"


def poly_text(poly: Poly) -> str:
    """A polynomial written for people in descending degree: `−9x² − 8x + 12`."""
    out = ""
    for n in sorted((n for n, c in poly.items() if c), reverse=True):
        c = poly[n]
        size = abs(c)
        body = ("" if size == 1 and n else str(size)) + (
            "" if n == 0 else "x" if n == 1 else "x" + str(n).translate(_SUPERSCRIPT))
        out += ("−" if c < 0 else "") + body if not out else (" − " if c < 0 else " + ") + body
    return out or "0"
