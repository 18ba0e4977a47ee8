"""Partial derivatives, gradients and Hessians of f(x, y[, z]), symbolically or at a point."""

import random
from typing import Literal

import sympy

from quizapp.generators.differentiate import d, substitute
from quizapp.generators.model import Draft, Retry
from quizapp.generators.several import Value, as_expr, finish, point_text
from quizapp.generators.surfaces import Surface, SurfaceParams, draw_surface
from quizapp.mathtext import plain, readable

Order = Literal["first", "second", "mixed"]


class PartialParams(SurfaceParams):
    """∂f/∂v (first), ∂²f/∂v² (second) or ∂²f/∂w∂v (mixed)."""

    orders: tuple[Order, ...] = ("first",)


class GradientParams(SurfaceParams):
    """∇f, symbolically or at an integer point."""

    at_point: bool = False
    point: tuple[int, int] = (-2, 2)


class HessianParams(SurfaceParams):
    """H of f, symbolically or at an integer point."""

    at_point: bool = False
    point: tuple[int, int] = (-2, 2)


def _f_text(surface: Surface) -> str:
    return f"f({', '.join(surface.names)}) = {readable(surface.f)}"


def _data(surface: Surface, **extra: object) -> dict:
    return {"function": plain(surface.f), "variables": list(surface.names), **extra}


def _evaluate(value: Value | None, point: dict) -> Value | None:
    """An expression, vector or matrix at a point (None stays None)."""
    if value is None or point is None:
        return value
    if isinstance(value, list):
        return [_evaluate(v, point) for v in value]
    return substitute(as_expr(value), point)


def _draw_point(surface: Surface, bounds: tuple[int, int], rng: random.Random) -> dict:
    low, high = (max(1, bounds[0]), max(1, bounds[1])) if surface.positive else bounds
    return {s: sympy.Integer(rng.randint(low, high)) for s in surface.symbols}


HOLD_CONSTANT = ("Hold the other variables constant: in ∂/∂{v} they are numbers, so a term like "
                 "3{v}²{w} gives 6{v}{w} — {w} is not differentiated, and it is not dropped "
                 "either.")


# ----------------------------------------------------------------------------- partial derivatives
def partial(params: PartialParams, rng: random.Random) -> Draft:
    """A first, second or mixed partial derivative of f."""
    surface = draw_surface(params, rng)
    order = rng.choice(params.orders)
    v, w = rng.sample(surface.symbols, 2)
    first = surface.partial(v)
    if order == "first":
        respect_to, key = [v], first
        asked = short = f"∂f/∂{v.name}"
    elif order == "second":
        respect_to, key = [v, v], d(first, v)
        asked = short = f"∂²f/∂{v.name}²"
    else:
        respect_to, key = [v, w], d(first, w)
        short = f"∂²f/∂{w.name}∂{v.name}"
        asked = f"{short} (first ∂/∂{v.name}, then ∂/∂{w.name})"
    hold = HOLD_CONSTANT.format(v=v.name, w=w.name)
    candidates: list[tuple[str, Value | None, str]] = []
    if order == "first":
        candidates += [
            ("partial-other-variable-not-held-constant", surface.not_held_constant(v), hold),
            ("partial-mixed-terms-dropped", surface.mixed_dropped(v),
             f"Terms with {w.name} in them still change with {v.name}: treat {w.name} as a "
             f"number and keep it as a factor (∂/∂{v.name} of 3{v.name}²{w.name} is "
             f"6{v.name}{w.name}, not 0)."),
            ("partial-wrong-variable", surface.partial(w),
             f"That is ∂f/∂{w.name}; the question asks for ∂f/∂{v.name}."),
            ("partial-inner-derivative-forgotten", surface.inner_forgotten(v),
             f"Chain rule: multiply by ∂/∂{v.name} of the inside, "
             f"{readable(surface.inner) if surface.inner is not None else ''}."),
        ]
    else:
        candidates += [
            ("second-partial-stopped-at-first", first,
             f"That is ∂f/∂{v.name}; differentiate it once more"
             f" with respect to {respect_to[1].name}."),
            ("second-partial-other-variable-not-held-constant",
             d(surface.not_held_constant(v), respect_to[1]), hold),
            ("partial-mixed-terms-dropped", d(surface.mixed_dropped(v), respect_to[1]),
             f"Terms with {w.name} in them still change with {v.name}: keep {w.name} as a "
             "constant factor, do not drop the term."),
        ]
        if order == "mixed":
            candidates.append(("mixed-partial-as-product", first * surface.partial(w),
                               "A mixed partial is a derivative of a derivative: "
                               f"∂/∂{w.name}(∂f/∂{v.name}), not ∂f/∂{v.name}·∂f/∂{w.name}."))
        else:
            candidates.append(("second-partial-as-mixed", d(first, w),
                               f"∂²f/∂{v.name}² differentiates twice with respect to {v.name}; "
                               f"you took ∂/∂{w.name} the second time."))
    hints = [f"In ∂/∂{v.name} every other variable is a constant: differentiate "
             f"{readable(surface.f)} as a function of {v.name} alone.",
             hold if order == "first" else
             f"First find ∂f/∂{v.name}, then differentiate that with respect to "
             f"{respect_to[1].name}."]
    if surface.outer:
        hints.append(f"Chain rule on {surface.outer}(u) with u = {readable(surface.inner)}: "
                     f"multiply by ∂u/∂{v.name}.")
    solution = [f"∂f/∂{v.name} = {readable(first)}"]
    if order != "first":
        solution.append(f"{short} = ∂/∂{respect_to[1].name}"
                        f"({readable(first)}) = {readable(key)}")
    solution.append(f"So {short} = {readable(key)}.")
    return finish(f"Let {_f_text(surface)}. Find {asked}.", "expression", key,
                  _data(surface, respect_to=[s.name for s in respect_to]), hints, solution,
                  candidates, surface.names, surface.positive)


# ----------------------------------------------------------------------------- gradient
def gradient(params: GradientParams, rng: random.Random) -> Draft:
    """∇f as a vector of partials, symbolically or at a point."""
    surface = draw_surface(params, rng)
    symbols = surface.symbols
    point = _draw_point(surface, params.point, rng) if params.at_point else None
    partials = [surface.partial(s) for s in symbols]
    key = _evaluate(partials, point)
    all_partials = surface.not_held_constant(symbols[0])
    swapped = [partials[1], partials[0], *partials[2:]]
    in_order = ", ".join("∂f/∂" + n for n in surface.names)
    candidates = [
        ("gradient-other-variable-not-held-constant",
         _evaluate([all_partials] * len(symbols), point),
         HOLD_CONSTANT.format(v=symbols[0].name, w=symbols[1].name)),
        ("partial-mixed-terms-dropped", _evaluate([surface.mixed_dropped(s) for s in symbols],
                                                  point),
         "A term with several variables changes with each of them: in ∂/∂x keep y as a "
         "constant factor instead of dropping the term."),
        ("gradient-components-swapped", _evaluate(swapped, point),
         f"∇f lists the partials in the order of the variables: ({in_order})."),
        ("partial-inner-derivative-forgotten",
         _evaluate([surface.inner_forgotten(s) if surface.inner_forgotten(s) is not None
                    else surface.partial(s) for s in symbols], point)
         if surface.outer else None,
         f"Chain rule: each partial of {surface.outer}(u) is multiplied by the partial of the "
         f"inside u = {readable(surface.inner) if surface.inner is not None else ''}."),
    ]
    names = ", ".join(surface.names)
    where = f" at {point_text(surface.names, list(point.values()))}" if point else ""
    hints = [f"∇f = ({', '.join('∂f/∂' + n for n in surface.names)}): one partial derivative "
             "per variable, in that order.",
             "For each partial, hold the other variables constant."]
    if point:
        hints.append("Find the partials first, then put the numbers in.")
    solution = [f"∂f/∂{s.name} = {readable(p)}" for s, p in zip(symbols, partials, strict=True)]
    if point:
        solution.append(f"At {point_text(surface.names, list(point.values()))}: "
                        f"∇f = ({', '.join(readable(k) for k in key)}).")
    else:
        solution.append(f"∇f = ({', '.join(readable(k) for k in key)}).")
    data = _data(surface)
    if point:
        data["point"] = {s.name: int(v) for s, v in point.items()}
    return finish(f"Let {_f_text(surface)}. Find ∇f{where}, as a vector ({names} order).",
                  "vector", key, data, hints, solution, candidates,
                  () if point else surface.names, surface.positive and not point)


# ----------------------------------------------------------------------------- Hessian
def hessian(params: HessianParams, rng: random.Random) -> Draft:
    """The matrix of second partials, symbolically or at a point."""
    surface = draw_surface(params, rng)
    symbols = surface.symbols
    point = _draw_point(surface, params.point, rng) if params.at_point else None
    firsts = [surface.partial(s) for s in symbols]
    rows = [[d(fi, s) for s in symbols] for fi in firsts]
    n = len(symbols)
    if all(rows[i][j] == 0 for i in range(n) for j in range(n) if i != j):
        raise Retry  # no mixed partial: nothing to get wrong off the diagonal
    key = _evaluate(rows, point)
    missing = [[rows[i][j] if i == j else sympy.Integer(0) for j in range(n)] for i in range(n)]
    doubled = [[rows[i][j] * (1 if i == j else 2) for j in range(n)] for i in range(n)]
    gradient_diagonal = [[firsts[i] if i == j else rows[i][j] for j in range(n)]
                         for i in range(n)]
    candidates = [
        ("hessian-mixed-partial-missing", _evaluate(missing, point),
         "The off-diagonal entries are the mixed partials ∂²f/∂x∂y — they are not 0 here."),
        ("hessian-mixed-partial-doubled", _evaluate(doubled, point),
         "Each off-diagonal entry is one mixed partial ∂²f/∂x∂y, not twice it (the 2 in "
         "a Taylor expansion's 2·fₓᵧ is not part of H)."),
        ("hessian-first-derivatives-on-diagonal", _evaluate(gradient_diagonal, point),
         "The diagonal holds second derivatives ∂²f/∂x², not the first partials ∂f/∂x."),
    ]
    hints = ["H is the matrix of second partials: row i, column j is ∂²f/∂vᵢ∂vⱼ.",
             "Find the gradient first, then differentiate each partial with respect to each "
             "variable; the two mixed partials are equal."]
    solution = [f"∂f/∂{s.name} = {readable(p)}" for s, p in zip(symbols, firsts, strict=True)]
    solution += [f"∂²f/∂{a.name}∂{b.name} = {readable(rows[i][j])}"
                 for i, a in enumerate(symbols) for j, b in enumerate(symbols) if i <= j]
    where = ""
    if point:
        where = f" at {point_text(surface.names, list(point.values()))}"
        solution.append(f"At {point_text(surface.names, list(point.values()))}: "
                        f"H = {readable.matrix_line(key)}")
    else:
        solution.append(f"H = {readable.matrix_line(key)}")
    data = _data(surface)
    if point:
        data["point"] = {s.name: int(v) for s, v in point.items()}
    return finish(f"Let {_f_text(surface)}. Find the Hessian H{where}.", "matrix", key, data,
                  hints, solution, candidates, () if point else surface.names,
                  surface.positive and not point)
