"""Derivative problems: the power, product, quotient and chain rules, over the functions of ML.

Each key is built by applying the rule to the parts, as a learner would, so that the hints, the
worked solution and every misconception come from the same parts; the bank's self-test checks
the key against sympy's own `diff`. A draw where a listed misconception (or a classic slip)
gives the key is rejected (`Retry`): no known mistake may score.
"""

import random
from fractions import Fraction
from typing import Literal

import sympy
from pydantic import field_validator

from quizapp.answers.functions import sigmoid
from quizapp.generators.common import IntRange, Params, nonzero, prune
from quizapp.generators.derivative_parts import (
    Outer,
    Part,
    U,
    W,
    X,
    call,
    factor,
    inner,
    machine_text,
    outer,
    poly_add,
    poly_diff,
    poly_expr,
    poly_mul,
    poly_text,
    raised_power,
    total,
    unwrap,
    upright,
)
from quizapp.generators.fingerprint import fingerprint, same
from quizapp.generators.model import Draft, Retry, WrongAnswer
from quizapp.generators.text import plain, readable

POSITIVE_DOMAIN = {"x": (0.2, 1.4)}  # where every inside we draw for ln and √ is positive

Inner = Literal["identity", "scaled", "linear", "monomial", "quadratic", "sin", "cos", "exp",
                "exp-plus"]
OuterKind = Literal["sin", "cos", "tan", "exp", "ln", "power", "sqrt", "base-power", "sigmoid",
                    "tanh", "softplus"]
Factor = Literal["monomial", "sin", "cos", "exp", "ln", "sqrt", "linear", "affine", "binomial",
                 "sin-linear", "cos-linear", "sin-square", "cos-square", "exp-linear",
                 "exp-square", "ln-linear", "ln-square", "power-linear", "sqrt-linear",
                 "sigmoid-scaled", "tanh-scaled"]
Candidate = tuple[str, sympy.Expr | W | None, str]


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
    """c·f(u(x)): which outer functions f and inner functions u, their coefficient ranges, and
    the range of the constant factor c in front (1 by default)."""

    outer: tuple[OuterKind, ...]
    inner: tuple[Inner, ...]
    coefficients: IntRange = (2, 5)
    powers: IntRange = (2, 5)
    scale: IntRange = (1, 1)


class ProductParams(Params):
    """u·v for two different kinds of factor; with `composite`, u is a composition drawn from it
    (so the chain rule is needed inside the product rule); `same_kind` allows u, v of one kind."""

    factors: tuple[Factor, ...]
    coefficients: IntRange = (1, 5)
    exponents: IntRange = (1, 3)
    composite: tuple[Factor, ...] = ()
    same_kind: bool = False


class QuotientParams(Params):
    """u/v: which numerators and denominators (`same_kind` allows both of one kind)."""

    numerators: tuple[Factor, ...]
    denominators: tuple[Factor, ...]
    coefficients: IntRange = (1, 5)
    exponents: IntRange = (1, 3)
    same_kind: bool = False


class SumParams(Params):
    """Sums of c·g(kx) for basic functions g: the derivative term by term."""

    functions: tuple[Literal["sin", "cos", "tan", "exp", "ln", "base-power", "power", "sigmoid",
                             "tanh", "softplus"], ...]
    terms: IntRange = (1, 2)
    coefficients: IntRange = (-9, 9)
    scales: IntRange = (1, 1)
    powers: IntRange = (2, 5)


# ----------------------------------------------------------------------------- shared
def _factor_text(e: sympy.Expr) -> str:
    """An expression as a factor: bracketed when it is a sum, a fraction or negative, so that
    no `·-` or `·3/2` is ever written."""
    text = readable(e)
    if e.is_Add or text.startswith(("-", "−")) or "/" in text:
        return f"({text})"
    return text


def _times(c: int, e: sympy.Expr | W) -> sympy.Expr | W:
    return e if c == 1 else W(c) * e


def _shown(f: sympy.Expr, *parts: sympy.Expr) -> bool:
    """Whether every part is written as such in the question (sympy did not rewrite it)."""
    text = readable(f)
    return all(readable(p) in text for p in parts)


def _derivative_draft(f: sympy.Expr, key: sympy.Expr, hints: list[str], solution: list[str],
                      candidates: list[Candidate], positive: bool,
                      data: dict | None = None) -> Draft:
    """Finish a derivative problem: reject it if it is degenerate or if a misconception gives
    the key; merge the misconceptions that coincide."""
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

    candidates = [(ident, unwrap(wrong), message) for ident, wrong, message in candidates]
    if any(wrong is not None and equal(key, wrong) for _, wrong, _ in candidates):
        raise Retry  # a known mistake would score on this draw
    kept = prune(key, candidates, equal)
    return Draft(
        prompt=f"Differentiate f(x) = {readable(f)} with respect to x.",
        answer_kind="expression",
        answer=plain(key),
        data={"function": plain(f), "variable": "x", **(data or {})},
        hints=tuple(hints),
        solution=tuple(solution),
        misconceptions=tuple(WrongAnswer(i, machine_text(w), m) for i, w, m in kept),
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
             f"{raised_power(n - 1)} = {readable(a * n * X**(n - 1))}"
             for a, n in sorted(terms, key=lambda term: -term[1])]  # as f is written
    if constant:
        steps.append(f"d/dx {readable(sympy.Integer(constant))} = 0 (a constant does not "
                     "change)")
    whole = all(n.is_Integer and n > 0 for _, n in terms)  # a polynomial: descending degree
    key_text = poly_text({int(n) - 1: int(a * n) for a, n in terms}) if whole else readable(key)
    steps.append(f"So f′(x) = {key_text}.")
    candidates: list[Candidate] = [
        ("power-exponent-not-reduced", total([W(a) * n * W(X)**n for a, n in terms]),
         "Power rule: bring the exponent down AND reduce it by one — d/dx xⁿ = n·xⁿ⁻¹."),
        ("power-exponent-not-multiplied", total([W(a) * W(X)**(n - 1) for a, n in terms]),
         "Power rule: the old exponent multiplies the term — d/dx a·xⁿ = a·n·xⁿ⁻¹, "
         "not a·xⁿ⁻¹."),
        ("power-constant-kept", W(key) + constant if constant else None,
         f"The derivative of the constant {constant} is 0 — drop it."),
        ("power-negative-exponent-raised",  # only the negative exponents go the wrong way
         total([W(a) * n * W(X)**(n + 1 if n < 0 else n - 1) for a, n in terms])
         if negative else None,
         "With a negative exponent, still subtract one: d/dx x⁻² = −2x⁻³ "
         "(down to −3, not up)."),
    ]
    hints = ["Differentiate term by term: the derivative of a sum is the sum of the derivatives.",
             "Power rule: d/dx a·xⁿ = a·n·xⁿ⁻¹, for any exponent n (also negative or a fraction);"
             " a constant's derivative is 0."]
    return _derivative_draft(f, key, hints, steps, candidates, positive)


# ----------------------------------------------------------------------------- chain rule
def _outer_misconceptions(kind: str, outer: Outer, u: sympy.Expr,
                          du: sympy.Expr) -> list[tuple[str, sympy.Expr | None, str]]:
    """The classic slips of one outer function, applied to this inside."""
    if kind == "cos":
        return [("trig-cos-sign", W(call(sympy.sin, u)) * du,
                 "Sign: d/dx cos(u) = −sin(u)·u′ — the derivative of cos has a minus.")]
    if kind == "sin":
        return [("trig-sin-sign", -W(call(sympy.cos, u)) * du,
                 "Sign: d/dx sin(u) = +cos(u)·u′ — no minus here (that is cos′).")]
    if kind == "tan":
        return [("trig-tan-as-sec", W(call(sympy.sec, u)) * call(sympy.tan, u) * du,
                 "sec(u)·tan(u) is the derivative of sec; d/dx tan(u) = sec²(u)·u′.")]
    if kind == "exp":
        return [("exp-power-rule", W(u) * call(sympy.exp, (W(u) - 1).e) * du,
                 "eᵘ is not a power of u: d/dx eᵘ = eᵘ·u′, not u·eᵘ⁻¹.")]
    if kind == "ln":
        return [("ln-one-over-x", None if (u / X).is_number else W(1) / X,  # ln(kx)′ is 1/x
                 f"d/dx ln(u) = u′/u: divide by the inside {readable(u)}, not by x.")]
    if kind == "sqrt":
        return [("sqrt-half-missing", W(du) / W(u)**sympy.S.Half,
                 "d/dx √u = u′/(2√u): the ½ from the exponent is missing.")]
    if kind == "power":
        n = outer.df(U).as_coeff_Mul()[0]
        return [("power-exponent-not-reduced", W(n) * W(u)**n * du,
                 "Power rule on the outside: d/dx uⁿ = n·uⁿ⁻¹·u′ — reduce the exponent by one.")]
    if kind == "base-power":
        base = outer.f(U).args[0]
        return [("a-to-x-power-rule", W(u) * W(base) ** (W(u) - 1) * du,
                 f"{base}ᵘ is an exponential, not a power: d/dx {base}ᵘ = {base}ᵘ·ln({base})·u′."),
                ("a-to-x-without-ln", W(base)**u * du,
                 f"Only eᵘ is its own derivative: d/dx {base}ᵘ carries the factor ln({base}).")]
    if kind == "sigmoid":
        return [("sigmoid-derivative-is-sigmoid", W(call(sigmoid, u)) * du,
                 "σ′(u) = σ(u)·(1 − σ(u)), not σ(u) itself.")]
    if kind == "tanh":
        return [("tanh-sign", (1 + W(call(sympy.tanh, u)) ** 2) * du,
                 "d/dx tanh(u) = (1 − tanh²(u))·u′ — a minus, not a plus.")]
    if kind == "softplus":
        return [("softplus-exp-only", W(call(sympy.exp, u)) * du,
                 "d/du ln(1 + eᵘ) = eᵘ/(1 + eᵘ) = σ(u): the ln divides by 1 + eᵘ."),
                ("softplus-reciprocal-only", W(du) / (1 + W(call(sympy.exp, u))),
                 "ln gives 1/(1 + eᵘ), which still multiplies the derivative of 1 + eᵘ, eᵘ.")]
    return []


def chain(params: ChainParams, rng: random.Random) -> Draft:
    """d/dx c·f(u(x)): name the outer and inner functions and multiply their derivatives."""
    kind = rng.choice(params.outer)
    f_outer = outer(kind, rng, params.powers)
    u, du = inner(rng.choice(params.inner), rng, params.coefficients, f_outer.positive)
    if kind in ("power", "sqrt") and u.func is sympy.exp:
        raise Retry  # (eˣ)ⁿ is e^(nx): sympy would show no composition at all
    u, du, c = upright(kind, u, du, nonzero(rng, params.scale))
    f = c * f_outer.f(u)
    if not _shown(f, u):
        raise Retry  # sympy rewrote the inside: the steps would not match the question
    outer_at_u = c * f_outer.df(u)
    key = outer_at_u * du
    shape, outer_derivative = readable(c * f_outer.f(U)), readable(c * f_outer.df(U))
    candidates: list[Candidate] = [
        ("chain-inner-derivative-forgotten", outer_at_u if u != X else None,
         f"Chain rule: multiply by the derivative of the inside, u = {readable(u)}, "
         f"u′ = {readable(du)}."),
        ("chain-outer-not-differentiated", _times(c, W(f_outer.f(u)) * du)
         if kind != "exp" else None,
         f"Chain rule: the outer function must be differentiated too — d/du {shape}"
         f" = {outer_derivative}."),
        ("chain-inner-replaced-by-derivative",
         _times(c, W(f_outer.df(du))) if du.free_symbols else None,
         f"Chain rule: evaluate the outer derivative at the inside u = {readable(u)}, "
         f"not at u′ = {readable(du)}."),
        *((i, None if w is None else _times(c, w), m)
          for i, w, m in _outer_misconceptions(kind, f_outer, u, du)),
    ]
    hints = [f"This is a composition f(u(x)): outer f(u) = {shape}, inner u = {readable(u)}.",
             "Chain rule: d/dx f(u(x)) = f′(u)·u′(x) — differentiate the outside, keep the inside,"
             " then multiply by the derivative of the inside."]
    solution = [f"Outer: f(u) = {shape}, so f′(u) = {outer_derivative}.",
                f"Inner: u = {readable(u)}, so u′ = {readable(du)}.",
                f"Chain rule: f′(u)·u′ = {_factor_text(outer_at_u)}·{_factor_text(du)}"
                f" = {readable(key)}."]
    data = {"outer": plain(c * f_outer.f(U)), "inner": plain(u)}
    return _derivative_draft(f, key, hints, solution, candidates, f_outer.positive, data)


# ----------------------------------------------------------------------------- sums
def _term_step(c: int, g: sympy.Expr, d: sympy.Expr) -> str:
    """`d/dx c·g = c·g′ = …`, without repeating a line that is already simplified."""
    done = readable(c * d)
    if c == 1:
        return f"d/dx {readable(g)} = {done}"
    step = f"{_factor_text(sympy.Integer(c))}·{_factor_text(d)}"
    return f"d/dx {readable(c * g)} = {step}" + ("" if step == done else f" = {done}")


def term_sum(params: SumParams, rng: random.Random) -> Draft:
    """d/dx of c₁·g₁(k₁x) + c₂·g₂(k₂x): basic derivatives, term by term."""
    count = min(rng.randint(*params.terms), len(params.functions))
    kinds = rng.sample(list(params.functions), count)
    terms: list[tuple[int, sympy.Expr, sympy.Expr, list[Candidate], sympy.Expr]] = []
    for kind in kinds:
        c = nonzero(rng, params.coefficients)
        if kind == "power":
            n = rng.randint(*params.powers)
            terms.append((c, X**n, n * X ** (n - 1), [], n * X ** (n - 1)))
            continue
        g = outer(kind, rng, params.powers)
        k = rng.randint(max(1, params.scales[0]), max(1, params.scales[1]))
        u, du = k * X, sympy.Integer(k)
        slips = [(i, w, m) for i, w, m in _outer_misconceptions(kind, g, u, du)
                 if w is not None]
        terms.append((c, g.f(u), g.df(u) * du, slips, g.df(u)))
    f = sympy.Add(*(c * g for c, g, _, _, _ in terms))
    if not _shown(f, *(g for _, g, _, _, _ in terms)):
        raise Retry
    key = sympy.Add(*(c * d for c, _, d, _, _ in terms))
    candidates: list[Candidate] = []
    if any(d != bare for _, _, d, _, bare in terms):
        candidates.append((
            "chain-inner-derivative-forgotten", total([W(c) * b for c, _, _, _, b in terms]),
            "Inside kx, the chain rule gives a factor k: d/dx g(kx) = k·g′(kx)."))
    for index, (c, _, _, slips, _) in enumerate(terms):
        for ident, wrong, message in slips:
            others = [W(c2) * d2 for j, (c2, _, d2, _, _) in enumerate(terms) if j != index]
            candidates.append((ident, total([*others, W(c) * wrong]), message))
    if len(terms) > 1:
        candidates.append(("sum-one-term-only", W(terms[0][0]) * terms[0][2],
                           "Differentiate every term: the derivative of a sum is the sum of "
                           "the derivatives."))
    positive = any(isinstance(g, sympy.log) or (g.is_Pow and g.exp == sympy.S.Half)
                   for _, g, _, _, _ in terms)
    hints = ["Differentiate term by term; a constant factor stays in front.",
             "Basic derivatives: (sin x)′ = cos x, (cos x)′ = −sin x, (eˣ)′ = eˣ, (ln x)′ = 1/x, "
             "(aˣ)′ = aˣ·ln a, σ′ = σ(1 − σ), tanh′ = 1 − tanh², softplus′ = σ; "
             "inside kx multiply by k."]
    solution = [_term_step(c, g, d) for c, g, d, _, _ in terms]
    solution.append(f"So f′(x) = {readable(key)}.")
    return _derivative_draft(f, key, hints, solution, candidates, positive)


# ----------------------------------------------------------------------------- products
def _pair(kinds: tuple[str, ...], others: tuple[str, ...], rng: random.Random,
          same_kind: bool) -> tuple[str, str]:
    first = rng.choice(kinds)
    choices = [k for k in others if same_kind or k != first]
    if not choices:
        raise Retry
    return first, rng.choice(choices)


def _part_step(name: str, part: Part) -> str:
    """`u = …, so u′ = …` — with the chain-rule step for a composite factor."""
    text = f"{name} = {readable(part.expr)}, so {name}′ = {readable(part.derivative)}"
    if part.inside is not None:
        inside, inside_derivative = part.inside
        text += (f" (chain rule: inside {readable(inside)}, whose derivative "
                 f"{readable(inside_derivative)} multiplies)")
    return text + "."


def _inner_slip(part: Part) -> str:
    inside, inside_derivative = part.inside or (X, sympy.Integer(1))
    return (f"Chain rule inside {readable(part.expr)}: multiply by the derivative of "
            f"{readable(inside)}, {readable(inside_derivative)}.")


def product(params: ProductParams, rng: random.Random) -> Draft:
    """d/dx u·v by the product rule."""
    first, second = _pair(params.composite or params.factors, params.factors, rng,
                          params.same_kind)
    u_part = factor(first, rng, params.coefficients, params.exponents)
    v_part = factor(second, rng, params.coefficients, params.exponents)
    (u, du), (v, dv) = (u_part.expr, u_part.derivative), (v_part.expr, v_part.derivative)
    f = u * v
    if u == v or not _shown(f, u, v):
        raise Retry  # sympy merged the factors (x²·√x = x^(5/2)): not a product to show
    if u_part.poly is not None and v_part.poly is not None:
        key_poly = poly_add(poly_mul(poly_diff(u_part.poly), v_part.poly),
                            poly_mul(u_part.poly, poly_diff(v_part.poly)))
        key, key_text = poly_expr(key_poly), poly_text(key_poly)
    else:
        key = du * v + u * dv
        key_text = readable(key)
    candidates: list[Candidate] = [
        ("product-derivatives-multiplied", W(du) * dv,
         "Product rule: (uv)′ is not u′·v′ — it is u′v + uv′."),
        ("product-first-term-only", W(du) * v,
         f"Product rule: two terms — you have u′v; add uv′ = "
         f"{_factor_text(u)}·{_factor_text(dv)}."),
        ("product-second-term-only", W(u) * dv,
         f"Product rule: two terms — you have uv′; add u′v = "
         f"{_factor_text(du)}·{_factor_text(v)}."),
        ("product-minus-sign", W(du) * v - W(u) * dv,
         "Product rule: the two terms are added, u′v + uv′ (u′v − uv′ is the quotient "
         "rule's numerator)."),
        ("product-minus-sign-reversed", W(u) * dv - W(du) * v,
         "Product rule: the two terms are added, u′v + uv′ — no minus, in either order."),
    ]
    if u_part.inside is not None:
        slip = u_part.derivative_without_inner
        candidates.append(("chain-inner-derivative-forgotten", W(slip) * v + W(u) * dv,
                           _inner_slip(u_part)))
    hints = [f"f is a product u·v with u = {readable(u)} and v = {readable(v)}.",
             f"Product rule: (uv)′ = u′v + uv′, where u′ = {readable(du)} and "
             f"v′ = {readable(dv)}."]
    solution = [_part_step("u", u_part), _part_step("v", v_part),
                f"(uv)′ = u′v + uv′ = {_factor_text(du)}·{_factor_text(v)} + "
                f"{_factor_text(u)}·{_factor_text(dv)} = {key_text}."]
    return _derivative_draft(f, key, hints, solution, candidates,
                             u_part.positive or v_part.positive,
                             {"u": plain(u), "v": plain(v)})


def quotient(params: QuotientParams, rng: random.Random) -> Draft:
    """d/dx u/v by the quotient rule."""
    top_kind, bottom_kind = _pair(params.numerators, params.denominators, rng, params.same_kind)
    u_part = factor(top_kind, rng, params.coefficients, params.exponents)
    v_part = factor(bottom_kind, rng, params.coefficients, params.exponents)
    (u, du), (v, dv) = (u_part.expr, u_part.derivative), (v_part.expr, v_part.derivative)
    f = u / v
    if "/" not in plain(f) or not _shown(f, u, v):
        raise Retry  # e.g. u/e^(kx) becomes u·e^(−kx): not a quotient any more
    if u_part.poly is not None and v_part.poly is not None:
        top = poly_add(poly_mul(poly_diff(u_part.poly), v_part.poly),
                       poly_mul(u_part.poly, poly_diff(v_part.poly)), -1)
        key = poly_expr(top) / v**2
        key_text = f"({poly_text(top)})/({readable(v)})²" if len(top) > 1 else readable(key)
    else:
        key = (du * v - u * dv) / v**2
        key_text = readable(key)
    candidates: list[Candidate] = [
        ("quotient-numerator-swapped", (W(u) * dv - W(du) * v) / W(v)**2,
         "Quotient rule: the numerator is u′v − uv′ — derivative of the top first."),
        ("quotient-denominator-not-squared", (W(du) * v - W(u) * dv) / v,
         "Quotient rule: divide by v², the bottom squared, not by v."),
        ("quotient-derivatives-divided", W(du) / dv,
         "Quotient rule: (u/v)′ is not u′/v′ — it is (u′v − uv′)/v²."),
        ("quotient-plus-sign", (W(du) * v + W(u) * dv) / W(v)**2,
         "Quotient rule: the numerator has a minus, u′v − uv′."),
    ]
    hints = [f"f is a quotient u/v with u = {readable(u)} and v = {readable(v)}.",
             f"Quotient rule: (u/v)′ = (u′v − uv′)/v², where u′ = {readable(du)} and "
             f"v′ = {readable(dv)}."]
    solution = [_part_step("u", u_part), _part_step("v", v_part),
                f"(u/v)′ = (u′v − uv′)/v² = ({_factor_text(du)}·{_factor_text(v)} − "
                f"{_factor_text(u)}·{_factor_text(dv)})/{_factor_text(v)}² = {key_text}."]
    positive = u_part.positive or v_part.positive or bool(
        {top_kind, bottom_kind} & {"linear", "affine", "binomial"})
    return _derivative_draft(f, key, hints, solution, candidates, positive,
                             {"u": plain(u), "v": plain(v)})
