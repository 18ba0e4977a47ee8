"""The slips a learner makes while differentiating, found from the function alone.

`slips(f, x)` differentiates `f` rule by rule, and alongside the right derivative builds every
derivative that one classic slip at one place would give: an inner derivative dropped at one
composite (also inside a factor of a product or quotient), u′v′ for a product, the quotient rule
misremembered, an exponent not lowered (or raised instead), ln a dropped from aᵘ, the minus of
cos lost, σ′ taken as σ. Each comes with a message that names the piece of this function where
the slip happened, written as a teacher writes maths.

Only the node types of our problems are taken rule by rule; anything else is differentiated
whole by sympy and offers no slips.
"""

from dataclasses import dataclass
from functools import lru_cache

import sympy

from quizapp.answers.functions import sigmoid
from quizapp.mathtext import write


@dataclass(frozen=True)
class Slip:
    """One slip: its id, the derivative it leads to, and what to tell the learner."""

    id: str
    derivative: sympy.Expr
    feedback: str


@dataclass(frozen=True)
class _Worked:
    """A node's right derivative, and the derivatives one slip inside it would give."""

    right: sympy.Expr
    slips: tuple[Slip, ...]


def _depends(e: sympy.Expr, x: sympy.Symbol) -> bool:
    return e.has(x)


@lru_cache(maxsize=64)
def _outer_derivative(function: type) -> tuple[sympy.Dummy, sympy.Expr]:
    """f′(t) for a one-argument sympy function class, as (t, expression in t)."""
    t = sympy.Dummy("t")
    return t, sympy.diff(function(t), t)


def _shown(e: sympy.Expr) -> str:
    return write(e)


class _Differentiator:
    """Rule-by-rule differentiation with every single slip alongside."""

    def __init__(self, x: sympy.Symbol, keep_exponents: bool = False) -> None:
        self.x = x
        self.keep_exponents = keep_exponents  # the slip everywhere: d/dx xⁿ taken as n·xⁿ

    def work(self, e: sympy.Expr) -> _Worked:
        """The right derivative of `e` and the slips inside it."""
        x = self.x
        if not _depends(e, x):
            return _Worked(sympy.S.Zero, ())
        if e == x:
            return _Worked(sympy.S.One, ())
        if e.is_Add:
            return self.add(e)
        if e.is_Mul:
            return self.mul(e)
        if e.is_Pow:
            return self.power(e)
        if isinstance(e, sympy.Function) and len(e.args) == 1:
            return self.function(e)
        return _Worked(sympy.diff(e, x), ())

    def add(self, e: sympy.Expr) -> _Worked:
        parts = [self.work(term) for term in e.args]
        right = sympy.Add(*[p.right for p in parts])
        slips = [Slip(s.id, right - p.right + s.derivative, s.feedback)
                 for p in parts for s in p.slips]
        return _Worked(right, tuple(slips))

    def mul(self, e: sympy.Expr) -> _Worked:
        x = self.x
        constant = sympy.Mul(*[f for f in e.args if not _depends(f, x)])
        factors = [f for f in e.args if _depends(f, x)]
        if len(factors) == 1:  # c·g(x): the constant stays
            inner = self.work(factors[0])
            return _Worked(constant * inner.right, tuple(
                Slip(s.id, constant * s.derivative, s.feedback) for s in inner.slips))
        parts = [self.work(f) for f in factors]
        rest = [sympy.Mul(*(factors[:i] + factors[i + 1:])) for i in range(len(factors))]
        right = constant * sympy.Add(*[p.right * r for p, r in zip(parts, rest, strict=True)])
        slips = []
        for i, part in enumerate(parts):
            for s in part.slips:
                changed = right + constant * (s.derivative - part.right) * rest[i]
                slips.append(Slip(s.id, changed, s.feedback))
        slips += self.product_slips(constant, factors, parts)
        slips += self.quotient_slips(constant, factors)
        return _Worked(right, tuple(slips))

    def product_slips(self, constant: sympy.Expr, factors: list[sympy.Expr],
                      parts: list[_Worked]) -> list[Slip]:
        """u′v′ for a product of two factors that both depend on x (not a quotient's 1/v)."""
        if len(factors) != 2 or any(f.is_Pow and f.exp.is_negative for f in factors):
            return []
        u, v = constant * factors[0], factors[1]
        du, dv = constant * parts[0].right, parts[1].right
        return [Slip("product-derivatives-multiplied", du * dv,
                     f"Product rule: d/dx(u·v) = u′v + uv′, not u′·v′ — here u = {_shown(u)} "
                     f"and v = {_shown(v)}.")]

    def quotient_slips(self, constant: sympy.Expr, factors: list[sympy.Expr]) -> list[Slip]:
        """The quotient rule misremembered, where the product is a written quotient u/v."""
        x = self.x
        below = [f.base ** -f.exp for f in factors if f.is_Pow and f.exp.is_negative
                 and f.exp.is_Rational]
        above = [f for f in factors if not (f.is_Pow and f.exp.is_negative and f.exp.is_Rational)]
        if not below or not above:
            return []
        u, v = constant * sympy.Mul(*above), sympy.Mul(*below)
        if not _depends(u, x) or not _depends(v, x):
            return []
        du, dv = self.work(u).right, self.work(v).right
        pieces = f"u = {_shown(u)}, v = {_shown(v)}"
        return [
            Slip("quotient-rule-plus", (du * v + u * dv) / v**2,
                 f"Quotient rule: the numerator is u′v − uv′, with a minus ({pieces})."),
            Slip("quotient-rule-order-swapped", (u * dv - du * v) / v**2,
                 f"Quotient rule: u′v comes first — (u′v − uv′)/v²; the other order gives the "
                 f"negative ({pieces})."),
            Slip("quotient-rule-denominator-not-squared", (du * v - u * dv) / v,
                 f"Quotient rule: divide by v² = ({_shown(v)})², not by v."),
            Slip("quotient-rule-derivatives-divided", du / dv,
                 f"Quotient rule: d/dx(u/v) is not u′/v′ — use (u′v − uv′)/v² with {pieces}."),
        ]

    def power(self, e: sympy.Expr) -> _Worked:
        x = self.x
        base, exponent = e.args
        if _depends(exponent, x):
            if _depends(base, x):
                return _Worked(sympy.diff(e, x), ())
            return self.exponential(e, base, exponent)
        inner = self.work(base)
        kept = self.keep_exponents and base == x  # the powers of x a learner sees as xⁿ
        outer = exponent * base ** (exponent - (0 if kept else 1))
        right = outer * inner.right
        slips = [Slip(s.id, outer * s.derivative, s.feedback) for s in inner.slips]
        lowered = _shown(base ** (exponent - 1)) if exponent != 2 else _shown(base)
        if exponent.is_Rational and exponent != 1:
            slips.append(Slip(
                "power-exponent-not-lowered", exponent * e * inner.right,
                f"Power rule: d/dx {_shown(e)} = {_shown(exponent)}·{lowered}"
                f"{'' if base == x else '·(…)′'} — the exponent drops by one."))
            if exponent.is_negative:
                slips.append(Slip(
                    "power-negative-exponent-raised",
                    exponent * base ** (exponent + 1) * inner.right,
                    f"Power rule with a negative exponent: {_shown(e)} becomes "
                    f"{_shown(exponent)}·{lowered} — the exponent goes down to "
                    f"{_shown(exponent - 1)}, not up to {_shown(exponent + 1)}."))
        if base != x and inner.right != 1:
            slips.append(self.inner_dropped(e, base, outer, right, inner.right))
        return _Worked(right, tuple(slips))

    def exponential(self, e: sympy.Expr, base: sympy.Expr, exponent: sympy.Expr) -> _Worked:
        """aᵍ with a constant base (eᵍ included)."""
        inner = self.work(exponent)
        outer = e * sympy.log(base)
        right = outer * inner.right
        slips = [Slip(s.id, outer * s.derivative, s.feedback) for s in inner.slips]
        if base != sympy.E:
            slips.append(Slip(
                "exponential-ln-base-missing", e * inner.right,
                f"d/dx aᵘ = aᵘ·ln a·u′: the factor ln({_shown(base)}) is missing from the "
                f"derivative of {_shown(e)}."))
        if exponent != self.x and inner.right != 1:
            slips.append(self.inner_dropped(e, exponent, outer, right, inner.right))
        return _Worked(right, tuple(slips))

    def function(self, e: sympy.Function) -> _Worked:
        argument = e.args[0]
        if isinstance(e, sympy.exp):
            return self.exponential(e, sympy.E, argument)
        t, derivative = _outer_derivative(type(e))
        outer = derivative.subs(t, argument)
        inner = self.work(argument)
        right = outer * inner.right
        slips = [Slip(s.id, outer * s.derivative, s.feedback) for s in inner.slips]
        if argument != self.x and inner.right != 1:
            slips.append(self.inner_dropped(e, argument, outer, right, inner.right))
        if isinstance(e, sympy.cos):
            slips.append(Slip("cos-derivative-sign", -right,
                              f"d/dx cos(u) = −sin(u)·u′: the minus sign is missing at "
                              f"{_shown(e)}."))
        if isinstance(e, sigmoid):
            slips.append(Slip("sigmoid-derivative-as-sigmoid", e * inner.right,
                              f"σ′(u) = σ(u)·(1 − σ(u)), not σ(u) — at {_shown(e)}."))
        return _Worked(right, tuple(slips))

    def inner_dropped(self, node: sympy.Expr, inside: sympy.Expr, outer: sympy.Expr,
                      right: sympy.Expr, inner_right: sympy.Expr) -> Slip:
        """The chain rule's inner derivative left out at `node`."""
        return Slip(
            "inner-derivative-dropped", outer,
            f"The inner derivative is missing at {_shown(node)}: its inside {_shown(inside)} "
            f"has derivative {_shown(inner_right)}, so d/dx {_shown(node)} = {_shown(right)}.")


@lru_cache(maxsize=256)
def slips(function: sympy.Expr, variable: sympy.Symbol) -> tuple[Slip, ...]:
    """Every derivative of `function` that one classic slip would give, each with its message;
    slips that happen to give the right derivative are left out."""
    worked = _Differentiator(variable).work(function)
    everywhere = _Differentiator(variable, keep_exponents=True).work(function).right
    kept = Slip("power-exponent-not-lowered", everywhere,
                "Power rule: d/dx xⁿ = n·xⁿ⁻¹ — every exponent drops by one when you "
                "differentiate.")
    seen: set[sympy.Expr] = set()
    out = []
    for slip in (*worked.slips, kept):
        if slip.derivative in seen or (slip.derivative - worked.right).expand() == 0:
            continue
        seen.add(slip.derivative)
        out.append(slip)
    return tuple(out)
