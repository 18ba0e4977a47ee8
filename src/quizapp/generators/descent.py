"""One step of gradient descent: the next point p − η∇f(p)."""

import random

import sympy

from quizapp.generators.differentiate import d, substitute
from quizapp.generators.model import Draft, Retry
from quizapp.generators.several import decimal_text, finish, point_text
from quizapp.generators.surfaces import SurfaceParams, draw_surface
from quizapp.mathtext import plain, readable


class DescentParams(SurfaceParams):
    """f, the start point's range and the learning rates (as fractions: "1/10")."""

    point: tuple[int, int] = (-2, 2)
    learning_rates: tuple[str, ...] = ("1/10", "1/4", "1/2")


def _vector(values: list) -> str:
    return "(" + ", ".join(readable(v) for v in values) + ")"


def step(params: DescentParams, rng: random.Random) -> Draft:
    """From point p with learning rate η, the next point p − η∇f(p)."""
    surface = draw_surface(params, rng)
    symbols = surface.symbols
    low, high = (max(1, params.point[0]), max(1, params.point[1])) if surface.positive \
        else params.point
    start = [sympy.Integer(rng.randint(low, high)) for _ in symbols]
    at = dict(zip(symbols, start, strict=True))
    rate = sympy.Rational(rng.choice(params.learning_rates))
    partials = [d(surface.f, s) for s in symbols]
    gradient = [substitute(g, at) for g in partials]
    if all(g == 0 for g in gradient):
        raise Retry  # a stationary point: no step to take
    key = [p - rate * g for p, g in zip(start, gradient, strict=True)]
    candidates = [
        ("gradient-step-uphill", [p + rate * g for p, g in zip(start, gradient, strict=True)],
         "Descent goes AGAINST the gradient: p − η∇f(p), not p + η∇f(p)."),
        ("gradient-step-without-learning-rate",
         [p - g for p, g in zip(start, gradient, strict=True)],
         f"Scale the gradient by the learning rate η = {decimal_text(rate)} before stepping."),
        ("gradient-step-start-forgotten", [-rate * g for g in gradient],
         "−η∇f(p) is the step; the new point is the old point plus the step."),
        ("gradient-step-is-gradient", list(gradient),
         "∇f(p) is the direction of steepest ascent; the new point is p − η∇f(p)."),
    ]
    names = surface.names
    prompt = (f"Minimise f({', '.join(names)}) = {readable(surface.f)} by gradient descent "
              f"with learning rate η = {decimal_text(rate)}, starting at "
              f"{point_text(names, start)}. Find the point after one step.")
    hints = [f"∇f = ({', '.join('∂f/∂' + n for n in names)}); evaluate it at the start point.",
             "One step: p_new = p − η·∇f(p) — against the gradient, scaled by η."]
    solution = [f"∇f = ({', '.join(readable(g) for g in partials)})",
                f"∇f{_vector(start)} = {_vector(gradient)}",
                f"p − η∇f(p) = {_vector(start)} − {decimal_text(rate)}·{_vector(gradient)} "
                f"= {_vector(key)}"]
    data = {"function": plain(surface.f), "variables": list(names),
            "point": {n: int(v) for n, v in zip(names, start, strict=True)},
            "learning_rate": plain(rate)}
    return finish(prompt, "vector", key, data, hints, solution, candidates)
