"""The multivariable chain rule: dz/dt for z = f(x, y) with x = g(t) and y = h(t)."""

import random
from typing import Literal

import sympy

from quizapp.generators.common import nonzero
from quizapp.generators.differentiate import apply, d, substitute
from quizapp.generators.model import Draft
from quizapp.generators.several import T, X, Y, finish
from quizapp.generators.surfaces import SurfaceParams, draw_surface
from quizapp.mathtext import plain, readable

Path = Literal["linear", "square", "cube", "sin", "cos", "exp"]


class PathParams(SurfaceParams):
    """Which f(x, y) and which paths x(t), y(t)."""

    paths: tuple[Path, ...] = ("linear", "square", "cube", "sin", "cos", "exp")


def _path(kind: str, rng: random.Random, positive: bool) -> tuple[sympy.Expr, sympy.Expr]:
    """x(t) and x′(t), written out."""
    a = nonzero(rng, (1, 3) if positive else (-3, 3))
    if kind == "linear":
        b = nonzero(rng, (1, 4) if positive else (-4, 4))
        return a * T + b, sympy.Integer(a)
    if kind == "square":
        return a * T**2, 2 * a * T
    if kind == "cube":
        return T**3, 3 * T**2
    function = {"sin": sympy.sin, "cos": sympy.cos, "exp": sympy.exp}[kind]
    return apply(function, T), d(apply(function, T), T)


def chain(params: PathParams, rng: random.Random) -> Draft:
    """dz/dt = ∂z/∂x·dx/dt + ∂z/∂y·dy/dt, with every term in t."""
    surface = draw_surface(params, rng, ("x", "y"))
    kinds = list(params.paths)
    if surface.positive:  # ln needs x(t), y(t) > 0 for t in (0.2, 1.5)
        kinds = [k for k in kinds if k not in ("sin", "cos")] or ["square"]
    first, second = rng.sample(kinds, 2) if len(kinds) > 1 else (kinds[0], kinds[0])
    (g, dg), (h, dh) = _path(first, rng, surface.positive), _path(second, rng, surface.positive)
    along = {X: g, Y: h}
    fx, fy = surface.partial(X), surface.partial(Y)
    x_term, y_term = substitute(fx, along) * dg, substitute(fy, along) * dh
    key = x_term + y_term
    candidates = [
        ("chain-rule-y-path-missing", x_term,
         "z depends on t through y as well: add ∂z/∂y·dy/dt."),
        ("chain-rule-x-path-missing", y_term,
         "z depends on t through x as well: add ∂z/∂x·dx/dt."),
        ("chain-rule-inner-derivatives-forgotten",
         substitute(fx, along) + substitute(fy, along),
         "Each path is a product: ∂z/∂x times dx/dt, and ∂z/∂y times dy/dt."),
        ("chain-rule-partial-not-held-constant",
         substitute(fx + fy, along) * dg + substitute(fx + fy, along) * dh,
         "∂z/∂x holds y constant (and ∂z/∂y holds x constant): take each partial alone."),
    ]
    hints = ["z depends on t along two paths, through x and through y: "
             "dz/dt = ∂z/∂x·dx/dt + ∂z/∂y·dy/dt.",
             f"∂z/∂x = {readable(fx)} and ∂z/∂y = {readable(fy)}; then put x = {readable(g)} "
             f"and y = {readable(h)} in."]
    solution = [f"∂z/∂x = {readable(fx)}, dx/dt = {readable(dg)}",
                f"∂z/∂y = {readable(fy)}, dy/dt = {readable(dh)}",
                f"dz/dt = ({readable(substitute(fx, along))})·{_factor(dg)} + "
                f"({readable(substitute(fy, along))})·{_factor(dh)}",
                f"= {readable(key)}"]
    prompt = (f"Let z = {readable(surface.f)} with x = {readable(g)} and y = {readable(h)}. "
              "Find dz/dt, in terms of t.")
    data = {"function": plain(surface.f), "intermediates": {"x": plain(g), "y": plain(h)},
            "variable": "t"}
    return finish(prompt, "expression", key, data, hints, solution, candidates, ("t",),
                  surface.positive)


def _factor(e: sympy.Expr) -> str:
    text = readable(e)
    return f"({text})" if e.is_Add or text.startswith("−") else text
