"""Functions of several variables for the calculus problems: polynomials, and one outer
function of an inside plus a polynomial term — drawn with the pieces each misconception needs."""

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import sympy

from quizapp.generators.common import IntRange, Params, nonzero
from quizapp.generators.differentiate import apply, d
from quizapp.generators.several import SYMBOLS, monomials

Shape = Literal["polynomial", "composite"]
Outer = Literal["exp", "sin", "cos", "ln"]
_OUTER = {"exp": (sympy.exp, lambda u: apply(sympy.exp, u)),
          "sin": (sympy.sin, lambda u: apply(sympy.cos, u)),
          "cos": (sympy.cos, lambda u: -apply(sympy.sin, u)), "ln": (sympy.log, lambda u: 1 / u)}


class SurfaceParams(Params):
    """Which functions f(x, y[, z]) to draw: their shape, variables, terms and coefficients."""

    shapes: tuple[Shape, ...] = ("polynomial",)
    variables: IntRange = (2, 2)
    terms: IntRange = (2, 3)
    coefficients: IntRange = (-5, 5)
    max_degree: int = 3
    outer: tuple[Outer, ...] = ("exp", "sin", "cos", "ln")


@dataclass(frozen=True)
class Surface:
    """f = scale·outer(inner) + rest (outer is None for a polynomial, and f = rest)."""

    names: tuple[str, ...]
    f: sympy.Expr
    rest: sympy.Expr
    outer: str | None = None
    inner: sympy.Expr | None = None
    scale: sympy.Expr = sympy.S.One
    _partials: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def symbols(self) -> tuple[sympy.Symbol, ...]:
        """The variables as sympy symbols, in order."""
        return tuple(SYMBOLS[n] for n in self.names)

    @property
    def positive(self) -> bool:
        """Whether f is defined only for positive variables (a logarithm)."""
        return self.outer == "ln"

    def partial(self, v: sympy.Symbol) -> sympy.Expr:
        """∂f/∂v (remembered: the misconceptions reuse it)."""
        if v not in self._partials:
            self._partials[v] = d(self.f, v)
        return self._partials[v]

    def inner_forgotten(self, v: sympy.Symbol) -> sympy.Expr | None:
        """∂f/∂v with the outer function's derivative but not the inside's (None: no outer)."""
        if self.outer is None or self.inner is None or v not in self.inner.free_symbols:
            return None
        derivative = _OUTER[self.outer][1]
        return self.scale * derivative(self.inner) + d(self.rest, v)

    def mixed_dropped(self, v: sympy.Symbol) -> sympy.Expr:
        """∂f/∂v with every term that has another variable dropped (taken as constant)."""
        kept = [t for t in sympy.Add.make_args(self.f) if t.free_symbols <= {v}]
        return d(sympy.Add(*kept), v)

    def not_held_constant(self, v: sympy.Symbol) -> sympy.Expr:
        """The sum of all partials: the other variables differentiated as if they moved with v."""
        return sympy.Add(*(self.partial(w) for w in self.symbols))


def draw_surface(params: SurfaceParams, rng: random.Random,
                 names: Sequence[str] | None = None, cover: bool = True) -> Surface:
    """A random f in the variables `names` (default: x, y and perhaps z), in which every
    variable appears if `cover`."""
    if names is None:
        names = ("x", "y", "z")[:rng.randint(*params.variables)]
    symbols = [SYMBOLS[n] for n in names]
    shape = rng.choice(params.shapes)
    if shape == "polynomial":
        count = rng.randint(*params.terms)
        if cover and count * params.max_degree < len(symbols):
            count = -(-len(symbols) // params.max_degree)
        terms = monomials(symbols, rng, count, params.coefficients, params.max_degree,
                          cover=cover)
        f = sympy.Add(*terms)
        return Surface(tuple(names), f, f)
    outer = rng.choice(params.outer)
    pair = rng.sample(symbols, 2)
    if outer == "ln" or rng.random() < 0.5:
        inner = rng.randint(1, 3) * pair[0] ** rng.randint(1, 2) * pair[1]
    else:
        inner = nonzero(rng, (-3, 3)) * pair[0] + nonzero(rng, (-3, 3)) * pair[1]
    scale = sympy.Integer(nonzero(rng, (1, 4) if outer == "ln" else (-4, 4)))
    others = [s for s in symbols if s not in pair]
    if others and cover:  # the rest term carries the variables the inside leaves out
        rest = sympy.Integer(nonzero(rng, params.coefficients))
        for s in others:
            rest *= s ** rng.randint(1, 2)
    else:
        rest = monomials(symbols, rng, 1, params.coefficients, 2, need_mixed=False)[0]
    function = apply(_OUTER[outer][0], inner)
    return Surface(tuple(names), scale * function + rest, rest, outer, inner, scale)
