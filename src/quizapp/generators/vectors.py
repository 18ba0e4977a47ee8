"""Dot products, the cosine of the angle between two vectors, and vector norms."""

import random
from fractions import Fraction
from typing import Literal

import sympy
from pydantic import field_validator

from quizapp.generators.common import IntRange, Params, prune, within
from quizapp.generators.exact import plain_number, say, show_vector
from quizapp.generators.fingerprint import fingerprint
from quizapp.generators.model import Draft, Retry, WrongAnswer


class DotParams(Params):
    """u·v (or the cosine of the angle) for vectors of `sizes` entries drawn from `entries`."""

    sizes: tuple[int, ...] = (2,)
    entries: IntRange = (-4, 5)
    ask: Literal["dot", "cosine"] = "dot"

    @field_validator("sizes")
    @classmethod
    def _small(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        return within(value, 2, 4, "sizes")


class NormParams(Params):
    """‖v‖ₚ for p in `norms` (1, 2 or "inf"), vectors of `sizes` entries from `entries`."""

    sizes: tuple[int, ...] = (2, 3)
    entries: IntRange = (-6, 6)
    norms: tuple[Literal[1, 2, "inf"], ...] = (1, 2, "inf")

    @field_validator("sizes")
    @classmethod
    def _small(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        return within(value, 2, 5, "sizes")


def value(a: object) -> complex:
    """An exact number (int, Fraction or sympy constant) in double precision, quickly."""
    if isinstance(a, int | Fraction):
        return complex(a)
    return fingerprint(a, (0.0,))[0] or complex("nan")  # type: ignore[arg-type]


def same_number(a: object, b: object) -> bool:
    """Whether two exact numbers are equal (numerically, to 1e-9)."""
    return abs(value(a) - value(b)) < 1e-9


def _draw(rng: random.Random, n: int, entries: tuple[int, int]) -> list[int]:
    v = [rng.randint(*entries) for _ in range(n)]
    if sum(1 for x in v if x) < 2:
        raise Retry
    return v


def _products(u: list[int], v: list[int]) -> str:
    return " + ".join(f"{_paren(a)}·{_paren(b)}" for a, b in zip(u, v, strict=True))


def _paren(x: int) -> str:
    return f"({say(x)})" if x < 0 else say(x)


def _squares(v: list[int]) -> str:
    return " + ".join(f"{_paren(x)}²" for x in v)


def _number_draft(prompt: str, key: sympy.Expr, data: dict, hints: tuple[str, ...],
                  solution: tuple[str, ...], candidates: list) -> Draft:
    kept = prune(key, candidates, same_number)
    return Draft(prompt=prompt, answer_kind="number", answer=plain_number(key), data=data,
                 hints=hints, solution=solution,
                 misconceptions=tuple(WrongAnswer(i, plain_number(w), m) for i, w, m in kept))


def dot_product(params: DotParams, rng: random.Random) -> Draft:
    """u·v, or cos θ = u·v / (‖u‖₂‖v‖₂) written exactly with square roots."""
    n = rng.choice(params.sizes)
    u, v = _draw(rng, n, params.entries), _draw(rng, n, params.entries)
    dot = sum(a * b for a, b in zip(u, v, strict=True))
    if dot == 0 or u == v:
        raise Retry
    data: dict = {"u": u, "v": v}
    shown = f"u = {show_vector(u)} and v = {show_vector(v)}"
    sum_u, sum_v = sum(u), sum(v)
    if params.ask == "dot":
        candidates = [
            ("dot-added-pairs", sum(a + b for a, b in zip(u, v, strict=True)),
             "The dot product multiplies matching entries and adds the products; you added "
             "the entries instead."),
            ("dot-product-of-sums", sum_u * sum_v,
             "(sum of u)·(sum of v) multiplies every entry by every entry; u·v pairs only "
             "matching entries: u₁v₁ + u₂v₂ + …"),
            ("dot-signs-dropped", sum(abs(a * b) for a, b in zip(u, v, strict=True)),
             "Keep the signs: a negative entry times a positive one gives a negative product."),
        ]
        return _number_draft(
            f"Compute the dot product u·v for\n{shown}.", sympy.Integer(dot), data,
            ("Multiply matching entries: u₁v₁, u₂v₂, …", "Then add the products, signs "
             "included."),
            (f"u·v = {_products(u, v)}", f"= {say(dot)}."), candidates)
    data["ask"] = "cosine"
    nu, nv = sum(a * a for a in u), sum(b * b for b in v)
    key = sympy.Integer(dot) / sympy.sqrt(sympy.Integer(nu * nv))
    candidates = [
        ("cosine-not-normalised", sympy.Integer(dot),
         "That is u·v; the cosine divides it by the lengths: cos θ = u·v / (‖u‖₂‖v‖₂)."),
        ("cosine-squared-norms", sympy.Rational(dot, nu * nv),
         "Divide by the lengths ‖u‖₂‖v‖₂, which are square roots of the sums of squares — "
         "not by the sums of squares themselves."),
        ("cosine-one-norm", sympy.Integer(dot) / sympy.sqrt(sympy.Integer(nu)),
         "Divide by both lengths: cos θ = u·v / (‖u‖₂‖v‖₂), not u·v / ‖u‖₂."),
    ]
    return _number_draft(
        f"Find the cosine of the angle θ between\n{shown}.\nGive it exactly (√ is fine).",
        key, data,
        ("cos θ = u·v / (‖u‖₂‖v‖₂).",
         f"u·v = {say(dot)}, ‖u‖₂ = √{nu} and ‖v‖₂ = √{nv}."),
        (f"u·v = {_products(u, v)} = {say(dot)}.",
         f"‖u‖₂ = √({_squares(u)}) = √{nu}; ‖v‖₂ = √({_squares(v)}) = √{nv}.",
         f"cos θ = {say(dot)}/(√{nu}·√{nv}) = {say(key)}."), candidates)


def norm(params: NormParams, rng: random.Random) -> Draft:
    """‖v‖₁ = Σ|vᵢ|, ‖v‖₂ = √(Σvᵢ²) (exact) or ‖v‖∞ = max|vᵢ|."""
    n = rng.choice(params.sizes)
    v = _draw(rng, n, params.entries)
    p = rng.choice(params.norms)
    if not any(x < 0 for x in v) or len({abs(x) for x in v}) < 2:
        raise Retry
    l1 = sum(abs(x) for x in v)
    squares = sum(x * x for x in v)
    l2 = sympy.sqrt(sympy.Integer(squares))
    linf = max(abs(x) for x in v)
    signed_max = max(v)
    data = {"v": v, "p": p}
    if p == 1:
        name, key = "‖v‖₁ (the 1-norm)", sympy.Integer(l1)
        candidates = [
            ("l1-no-abs", sympy.Integer(sum(v)),
             "The 1-norm adds absolute values: |−3| counts as 3."),
            ("l1-as-l2", l2, "That is the 2-norm √(Σvᵢ²); the 1-norm is Σ|vᵢ|."),
            ("l1-as-max", sympy.Integer(linf), "That is the max norm; the 1-norm adds all |vᵢ|."),
        ]
        hints = ("‖v‖₁ = |v₁| + |v₂| + … : add the absolute values.",
                 "Drop every minus sign before adding.")
        steps = (f"‖v‖₁ = {' + '.join(f'|{say(x)}|' for x in v)}", f"= {l1}.")
    elif p == 2:
        name, key = "‖v‖₂ (the Euclidean 2-norm)", l2
        candidates = [
            ("l2-no-sqrt", sympy.Integer(squares),
             "That is ‖v‖₂² — take the square root of the sum of squares."),
            ("l2-as-l1", sympy.Integer(l1), "That is the 1-norm Σ|vᵢ|; the 2-norm is √(Σvᵢ²)."),
            ("l2-sum-then-square-root", sympy.sqrt(sympy.Integer(abs(sum(v)))),
             "Square each entry before adding: √(Σvᵢ²), not √|Σvᵢ|."),
        ]
        hints = ("‖v‖₂ = √(v₁² + v₂² + …).", f"The sum of squares is {squares}; now take "
                 "its square root and simplify it.")
        steps = (f"‖v‖₂ = √({_squares(v)}) = √{squares}", f"= {say(l2)}.")
    else:
        name, key = "‖v‖∞ (the max norm)", sympy.Integer(linf)
        candidates = [
            ("linf-signed-max", sympy.Integer(signed_max),
             "The max norm takes the largest absolute value: |−7| = 7 beats 5."),
            ("linf-as-l1", sympy.Integer(l1), "That is the 1-norm; ‖v‖∞ is the largest |vᵢ|."),
            ("linf-as-l2", l2, "That is the 2-norm; ‖v‖∞ is the largest |vᵢ|."),
        ]
        hints = ("‖v‖∞ = max |vᵢ|: the largest entry in absolute value.",
                 "Ignore the signs, then take the largest.")
        steps = (f"|vᵢ|: {', '.join(say(abs(x)) for x in v)}.", f"The largest is {linf}.")
    return _number_draft(f"Compute {name} of\nv = {show_vector(v)}.", key, data, hints, steps,
                         candidates)
