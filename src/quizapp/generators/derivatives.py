"""Derivative problems: the power, product, quotient and chain rules, over the functions of ML.

Each key is built by applying the rule to the parts, as a learner would, so that the hints, the
worked solution and every misconception come from the same parts; the bank's self-test checks
the key against sympy's own `diff`.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

import sympy
from pydantic import field_validator

from quizapp.answers.functions import sigmoid
from quizapp.generators.common import IntRange, Params, nonzero, prune
from quizapp.generators.fingerprint import fingerprint, same
from quizapp.generators.model import Draft, Retry, WrongAnswer
from quizapp.generators.text import plain, readable

X = sympy.Symbol("x")
U = sympy.Symbol("u")
POSITIVE_DOMAIN = {"x": (0.2, 1.4)}  # where every inside we draw for ln and √ is positive

Inner = Literal["identity", "scaled", "linear", "monomial", "quadratic", "sin", "cos", "exp"]
Outer = Literal["sin", "cos", "tan", "exp", "ln", "power", "sqrt", "base-power", "sigmoid", "tanh",
                "softplus"]
Factor = Literal["monomial", "sin", "cos", "exp", "ln", "sqrt", "linear"]


# ----------------------------------------------------------------------------- parameters
class PowerParams(Params):
    """Sums of terms a·xⁿ: how many terms, their coefficients and exponents, and a constant."""

    terms: IntRange = (1, 1)
    coefficients: IntRange = (1, 9)
    exponents: tuple[str, ...] = ("2", "3", "4", "5")
    constant: bool = False

    @field_validator("exponents")
    @classmethod
    def _fractions(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for text in value:
            try:
                exponent = Fraction(text)
            except (ValueError, ZeroDivisionError) as exc:
                raise ValueError(f"exponent {text!r} is not a number like 3, -2 or 1/2") from exc
            if exponent in (0, 1):
                raise ValueError(f"exponent {text!r} makes a trivial term; use others")
        if not value:
            raise ValueError("give at least one exponent")
        return value


class ChainParams(Params):
    """f(u(x)): which outer functions f and inner functions u, and their coefficient ranges."""

    outer: tuple[Outer, ...]
    inner: tuple[Inner, ...]
    coefficients: IntRange = (2, 5)
    powers: IntRange = (2, 5)


class ProductParams(Params):
    """u·v for two different kinds of factor."""

    factors: tuple[Factor, ...]
    coefficients: IntRange = (1, 5)
    exponents: IntRange = (1, 3)


class QuotientParams(Params):
    """u/v: which numerators and denominators."""

    numerators: tuple[Factor, ...]
    denominators: tuple[Factor, ...]
    coefficients: IntRange = (1, 5)
    exponents: IntRange = (1, 3)


# ----------------------------------------------------------------------------- shared
def _factor_text(e: sympy.Expr) -> str:
    """A number or expression as a factor: bracketed when negative, a fraction or a sum."""
    text = readable(e)
    return f"({text})" if e.is_Add or (e.is_Number and (e < 0 or not e.is_Integer)) else text


def _derivative_draft(f: sympy.Expr, key: sympy.Expr, hints: list[str], solution: list[str],
                      candidates: list[tuple[str, sympy.Expr | None, str]],
                      positive: bool) -> Draft:
    """Finish a derivative problem: check it is not degenerate, prune the misconceptions."""
    domain = POSITIVE_DOMAIN if positive else {}
    points = (0.37, 0.83, 1.29) if positive else (0.37, 1.21, -0.81)
    key_print = fingerprint(key, points)
    if None in key_print or all(abs(v) < 1e-12 for v in key_print) or key.is_number:
        raise Retry  # undefined where we sample, zero, or constant: a poor question
    prints = {id(key): key_print}

    def print_of(e: sympy.Expr) -> tuple:
        if id(e) not in prints:
            prints[id(e)] = fingerprint(e, points)
        return prints[id(e)]

    def equal(a: sympy.Expr, b: sympy.Expr) -> bool:
        return same(print_of(a), print_of(b))

    kept = prune(key, candidates, equal)
    return Draft(
        prompt=f"Differentiate f(x) = {readable(f)} with respect to x.",
        answer_kind="expression",
        answer=plain(key),
        data={"function": plain(f), "variable": "x"},
        hints=tuple(hints),
        solution=tuple(solution),
        misconceptions=tuple(WrongAnswer(i, plain(w), m) for i, w, m in kept),
        variables=("x",),
        domain=dict(domain),
    )


# ----------------------------------------------------------------------------- power rule
def power(params: PowerParams, rng: random.Random) -> Draft:
    """d/dx of a sum of a·xⁿ terms (and perhaps a constant)."""
    count = rng.randint(*params.terms)
    exponents = rng.sample(list(params.exponents), min(count, len(params.exponents)))
    terms = [(sympy.Integer(nonzero(rng, params.coefficients)), sympy.Rational(str(Fraction(e))))
             for e in exponents]
    constant = nonzero(rng, params.coefficients) if params.constant else 0
    f = sympy.Add(*(a * X**n for a, n in terms), constant)
    key = sympy.Add(*(a * n * X**(n - 1) for a, n in terms))
    negative = any(n < 0 for _, n in terms)
    positive = any(not n.is_integer for _, n in terms)
    steps = [f"d/dx {readable(a * X**n)} = {_factor_text(a)}·{_factor_text(n)}·"
             f"x^{_factor_text(n - 1)} = {readable(a * n * X**(n - 1))}" for a, n in terms]
    if constant:
        steps.append(f"d/dx {constant} = 0 (a constant does not change)")
    steps.append(f"So f′(x) = {readable(key)}.")
    candidates = [
        ("power-exponent-not-reduced", sympy.Add(*(a * n * X**n for a, n in terms)),
         "Power rule: bring the exponent down AND reduce it by one — d/dx xⁿ = n·xⁿ⁻¹."),
        ("power-exponent-not-multiplied", sympy.Add(*(a * X**(n - 1) for a, n in terms)),
         "Power rule: the old exponent multiplies the term — d/dx a·xⁿ = a·n·xⁿ⁻¹, not a·xⁿ⁻¹."),
        ("power-constant-kept", key + constant if constant else None,
         f"The derivative of the constant {constant} is 0 — drop it."),
        ("power-negative-exponent-raised",
         sympy.Add(*(a * n * X**(n + 1) for a, n in terms)) if negative else None,
         "With a negative exponent, still subtract one: d/dx x⁻² = −2x⁻³ (down to −3, not up)."),
    ]
    hints = ["Differentiate term by term: the derivative of a sum is the sum of the derivatives.",
             "Power rule: d/dx a·xⁿ = a·n·xⁿ⁻¹, for any exponent n (also negative or a fraction);"
             " a constant's derivative is 0."]
    return _derivative_draft(f, key, hints, steps, candidates, positive)


# ----------------------------------------------------------------------------- chain rule
def _inner(kind: str, rng: random.Random, coefficients: tuple[int, int],
           positive: bool) -> tuple[sympy.Expr, sympy.Expr]:
    """An inside function u and its derivative u′ (written out: sympy's diff is slow)."""
    lo, hi = (max(1, coefficients[0]), max(1, coefficients[1])) if positive else coefficients
    if kind == "identity":
        return X, sympy.Integer(1)
    if kind == "scaled":
        k = nonzero(rng, (lo, hi), exclude=(1,))
        return k * X, sympy.Integer(k)
    if kind == "linear":
        a, b = nonzero(rng, (lo, hi)), nonzero(rng, (lo, hi))
        return a * X + b, sympy.Integer(a)
    if kind == "monomial":
        a, n = nonzero(rng, (lo, hi)), rng.randint(2, 3)
        return a * X**n, a * n * X ** (n - 1)
    if kind == "quadratic":
        a, c = nonzero(rng, (lo, hi)), nonzero(rng, (lo, hi))
        return a * X**2 + c, 2 * a * X
    return {"sin": (sympy.sin(X), sympy.cos(X)), "cos": (sympy.cos(X), -sympy.sin(X)),
            "exp": (sympy.exp(X), sympy.exp(X))}[kind]


@dataclass(frozen=True)
class _Outer:
    name: str
    f: Callable[[sympy.Expr], sympy.Expr]
    df: Callable[[sympy.Expr], sympy.Expr]
    positive: bool = False  # needs a positive inside (ln, √)


def _outer(kind: str, rng: random.Random, powers: tuple[int, int]) -> _Outer:
    if kind == "power":
        n = rng.randint(*powers)
        return _Outer(f"(·)^{n}", lambda u: u**n, lambda u: n * u ** (n - 1))
    if kind == "base-power":
        a = rng.choice([2, 3, 5, 10])
        return _Outer(f"{a}^(·)", lambda u: sympy.Integer(a) ** u,
                      lambda u: sympy.Integer(a) ** u * sympy.log(a))
    table = {
        "sin": _Outer("sin", sympy.sin, sympy.cos),
        "cos": _Outer("cos", sympy.cos, lambda u: -sympy.sin(u)),
        "tan": _Outer("tan", sympy.tan, lambda u: sympy.sec(u) ** 2),
        "exp": _Outer("exp", sympy.exp, sympy.exp),
        "ln": _Outer("ln", sympy.log, lambda u: 1 / u, positive=True),
        "sqrt": _Outer("√", sympy.sqrt, lambda u: 1 / (2 * sympy.sqrt(u)), positive=True),
        "sigmoid": _Outer("σ", sigmoid, lambda u: sigmoid(u) * (1 - sigmoid(u))),
        "tanh": _Outer("tanh", sympy.tanh, lambda u: 1 - sympy.tanh(u) ** 2),
        "softplus": _Outer("softplus", lambda u: sympy.log(1 + sympy.exp(u)), sigmoid),
    }
    return table[kind]


def _outer_misconceptions(kind: str, outer: _Outer, u: sympy.Expr,
                          du: sympy.Expr) -> list[tuple[str, sympy.Expr | None, str]]:
    """The classic slips of one outer function, applied to this inside."""
    if kind == "cos":
        return [("trig-cos-sign", sympy.sin(u) * du,
                 "Sign: d/dx cos(u) = −sin(u)·u′ — the derivative of cos has a minus.")]
    if kind == "sin":
        return [("trig-sin-sign", -sympy.cos(u) * du,
                 "Sign: d/dx sin(u) = +cos(u)·u′ — no minus here (that is cos′).")]
    if kind == "tan":
        return [("trig-tan-as-sec", sympy.sec(u) * sympy.tan(u) * du,
                 "sec(u)·tan(u) is the derivative of sec; d/dx tan(u) = sec²(u)·u′.")]
    if kind == "exp":
        return [("exp-power-rule", u * sympy.exp(u - 1) * du,
                 "eᵘ is not a power of u: d/dx eᵘ = eᵘ·u′, not u·eᵘ⁻¹.")]
    if kind == "ln":
        return [("ln-one-over-x", 1 / X if u != X else None,
                 f"d/dx ln(u) = u′/u: divide by the inside {readable(u)}, not by x.")]
    if kind == "sqrt":
        return [("sqrt-half-missing", du / sympy.sqrt(u),
                 "d/dx √u = u′/(2√u): the ½ from the exponent is missing.")]
    if kind == "power":
        n = outer.df(U).as_coeff_Mul()[0]
        return [("power-exponent-not-reduced", n * u**n * du,
                 "Power rule on the outside: d/dx uⁿ = n·uⁿ⁻¹·u′ — reduce the exponent by one.")]
    if kind == "base-power":
        base = outer.f(U).args[0]
        return [("a-to-x-power-rule", u * base ** (u - 1) * du,
                 f"{base}ᵘ is an exponential, not a power: d/dx {base}ᵘ = {base}ᵘ·ln({base})·u′."),
                ("a-to-x-without-ln", base**u * du,
                 f"Only eᵘ is its own derivative: d/dx {base}ᵘ carries the factor ln({base}).")]
    if kind == "sigmoid":
        return [("sigmoid-derivative-is-sigmoid", sigmoid(u) * du,
                 "σ′(u) = σ(u)·(1 − σ(u)), not σ(u) itself.")]
    if kind == "tanh":
        return [("tanh-sign", (1 + sympy.tanh(u) ** 2) * du,
                 "d/dx tanh(u) = (1 − tanh²(u))·u′ — a minus, not a plus.")]
    if kind == "softplus":
        return [("softplus-exp-only", sympy.exp(u) * du,
                 "d/du ln(1 + eᵘ) = eᵘ/(1 + eᵘ) = σ(u): the ln divides by 1 + eᵘ."),
                ("softplus-reciprocal-only", du / (1 + sympy.exp(u)),
                 "ln gives 1/(1 + eᵘ), which still multiplies the derivative of 1 + eᵘ, eᵘ.")]
    return []


def chain(params: ChainParams, rng: random.Random) -> Draft:
    """d/dx f(u(x)): name the outer and inner functions and multiply their derivatives."""
    kind = rng.choice(params.outer)
    outer = _outer(kind, rng, params.powers)
    u, du = _inner(rng.choice(params.inner), rng, params.coefficients, outer.positive)
    if kind in ("power", "sqrt") and u.func is sympy.exp:
        raise Retry  # (eˣ)ⁿ is e^(nx): sympy would show no composition at all
    f = outer.f(u)
    key = outer.df(u) * du
    positive = outer.positive
    candidates = [
        ("chain-inner-derivative-forgotten", outer.df(u) if du != 1 else None,
         f"Chain rule: multiply by the derivative of the inside, u = {readable(u)}, "
         f"u′ = {readable(du)}."),
        ("chain-outer-not-differentiated", outer.f(u) * du,
         f"Chain rule: the outer function must be differentiated too — d/du {readable(outer.f(U))}"
         f" = {readable(outer.df(U))}."),
        ("chain-inner-replaced-by-derivative", outer.df(du) if du.free_symbols else None,
         f"Chain rule: evaluate the outer derivative at the inside u = {readable(u)}, "
         f"not at u′ = {readable(du)}."),
        *_outer_misconceptions(kind, outer, u, du),
    ]
    hints = [f"This is a composition f(u(x)): outer f(u) = {readable(outer.f(U))}, "
             f"inner u = {readable(u)}.",
             "Chain rule: d/dx f(u(x)) = f′(u)·u′(x) — differentiate the outside, keep the inside,"
             " then multiply by the derivative of the inside."]
    solution = [f"Outer: f(u) = {readable(outer.f(U))}, so f′(u) = {readable(outer.df(U))}.",
                f"Inner: u = {readable(u)}, so u′ = {readable(du)}.",
                f"Chain rule: f′(u)·u′ = {readable(key)}."]
    return _derivative_draft(f, key, hints, solution, candidates, positive)


# ----------------------------------------------------------------------------- products
def _factor(kind: str, rng: random.Random,
            params: ProductParams | QuotientParams) -> tuple[sympy.Expr, sympy.Expr]:
    """A factor of a product or quotient and its derivative (written out: diff is slow)."""
    a = nonzero(rng, params.coefficients)
    k = rng.randint(1, 3)
    if kind == "monomial":
        n = rng.randint(max(1, params.exponents[0]), max(1, params.exponents[1]))
        return a * X**n, a * n * X ** (n - 1)
    if kind == "linear":
        return X + nonzero(rng, params.coefficients), sympy.Integer(1)
    if kind == "ln":
        return sympy.log(X), 1 / X
    if kind == "sqrt":
        return sympy.sqrt(X), 1 / (2 * sympy.sqrt(X))
    if kind == "sin":
        return sympy.sin(k * X), k * sympy.cos(k * X)
    if kind == "cos":
        return sympy.cos(k * X), -k * sympy.sin(k * X)
    return sympy.exp(k * X), k * sympy.exp(k * X)


def _pair(kinds: tuple[str, ...], rng: random.Random) -> tuple[str, str]:
    if len(set(kinds)) < 2:
        raise Retry
    first = rng.choice(kinds)
    second = rng.choice([k for k in kinds if k != first])
    return first, second


def product(params: ProductParams, rng: random.Random) -> Draft:
    """d/dx u·v by the product rule."""
    first, second = _pair(params.factors, rng)
    (u, du), (v, dv) = _factor(first, rng, params), _factor(second, rng, params)
    f, key = u * v, du * v + u * dv
    positive = bool({first, second} & {"ln", "sqrt"})
    candidates = [
        ("product-derivatives-multiplied", du * dv,
         "Product rule: (uv)′ is not u′·v′ — it is u′v + uv′."),
        ("product-first-term-only", du * v,
         f"Product rule: two terms — you have u′v; add uv′ = "
         f"{_factor_text(u)}·{_factor_text(dv)}."),
        ("product-second-term-only", u * dv,
         f"Product rule: two terms — you have uv′; add u′v = "
         f"{_factor_text(du)}·{_factor_text(v)}."),
        ("product-minus-sign", du * v - u * dv,
         "Product rule: the two terms are added, u′v + uv′ (the minus belongs to the quotient "
         "rule)."),
    ]
    hints = [f"f is a product u·v with u = {readable(u)} and v = {readable(v)}.",
             f"Product rule: (uv)′ = u′v + uv′, where u′ = {readable(du)} and "
             f"v′ = {readable(dv)}."]
    solution = [f"u = {readable(u)}, so u′ = {readable(du)}.",
                f"v = {readable(v)}, so v′ = {readable(dv)}.",
                f"(uv)′ = u′v + uv′ = {readable(key)}."]
    return _derivative_draft(f, key, hints, solution, candidates, positive)


def quotient(params: QuotientParams, rng: random.Random) -> Draft:
    """d/dx u/v by the quotient rule."""
    top_kind = rng.choice(params.numerators)
    bottom_kind = rng.choice([k for k in params.denominators if k != top_kind] or [None])
    if bottom_kind is None:
        raise Retry
    (u, du), (v, dv) = _factor(top_kind, rng, params), _factor(bottom_kind, rng, params)
    f = u / v
    if "/" not in plain(f):
        raise Retry  # e.g. u/e^(kx) becomes u·e^(−kx): not a quotient any more
    key = (du * v - u * dv) / v**2
    positive = bool({top_kind, bottom_kind} & {"ln", "sqrt", "linear"})
    candidates = [
        ("quotient-numerator-swapped", (u * dv - du * v) / v**2,
         "Quotient rule: the numerator is u′v − uv′ — derivative of the top first."),
        ("quotient-denominator-not-squared", (du * v - u * dv) / v,
         "Quotient rule: divide by v², the bottom squared, not by v."),
        ("quotient-derivatives-divided", du / dv,
         "Quotient rule: (u/v)′ is not u′/v′ — it is (u′v − uv′)/v²."),
        ("quotient-plus-sign", (du * v + u * dv) / v**2,
         "Quotient rule: the numerator has a minus, u′v − uv′."),
    ]
    hints = [f"f is a quotient u/v with u = {readable(u)} and v = {readable(v)}.",
             f"Quotient rule: (u/v)′ = (u′v − uv′)/v², where u′ = {readable(du)} and "
             f"v′ = {readable(dv)}."]
    solution = [f"u = {readable(u)}, so u′ = {readable(du)}.",
                f"v = {readable(v)}, so v′ = {readable(dv)}.",
                f"(u/v)′ = (u′v − uv′)/v² = {readable(key)}."]
    return _derivative_draft(f, key, hints, solution, candidates, positive)
