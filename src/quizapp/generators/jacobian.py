"""Jacobians of f: ℝ² → ℝ² or ℝ³ → ℝ², symbolically or at a point."""

import random

import sympy

from quizapp.generators.common import IntRange
from quizapp.generators.differentiate import substitute
from quizapp.generators.model import Draft, Retry
from quizapp.generators.several import Value, as_expr, finish, point_text
from quizapp.generators.surfaces import SurfaceParams, draw_surface
from quizapp.mathtext import plain, readable

_SPACE = {1: "ℝ", 2: "ℝ²", 3: "ℝ³"}


class JacobianParams(SurfaceParams):
    """How many outputs and inputs, and whether at an integer point."""

    outputs: IntRange = (2, 2)
    at_point: bool = False
    point: tuple[int, int] = (-2, 2)


def jacobian(params: JacobianParams, rng: random.Random) -> Draft:
    """J with one row per output and one column per variable."""
    names = ("x", "y", "z")[:rng.randint(*params.variables)]
    outputs = rng.randint(*params.outputs)
    surfaces = [draw_surface(params, rng, names, cover=False) for _ in range(outputs)]
    symbols = surfaces[0].symbols
    if set().union(*(s.f.free_symbols for s in surfaces)) != set(symbols):
        raise Retry  # every variable should matter to some output
    positive = any(s.positive for s in surfaces)
    rows = [[s.partial(v) for v in symbols] for s in surfaces]
    if len(rows) == len(symbols) and all(rows[i][j] == rows[j][i] for i in range(len(rows))
                                        for j in range(i)):
        raise Retry  # a symmetric J: its transpose would not be a mistake
    point = None
    if params.at_point:
        low, high = (max(1, params.point[0]), max(1, params.point[1])) if positive \
            else params.point
        point = {v: sympy.Integer(rng.randint(low, high)) for v in symbols}

    def at(value: list) -> Value:
        if point is None:
            return value
        return [[substitute(as_expr(e), point) for e in row] for row in value]

    key = at(rows)
    transposed = [list(column) for column in zip(*rows, strict=True)]
    candidates = [
        ("jacobian-transposed", at(transposed),
         "J has one ROW per output fᵢ and one COLUMN per variable: row i is ∇fᵢ. "
         "Yours is transposed."),
        ("jacobian-other-variable-not-held-constant",
         at([[s.not_held_constant(v) for v in symbols] for s in surfaces]),
         "Hold the other variables constant in each partial: ∂/∂x treats y as a number."),
        ("partial-mixed-terms-dropped", at([[s.mixed_dropped(v) for v in symbols]
                                            for s in surfaces]),
         "A term with several variables changes with each of them: keep the other variables "
         "as constant factors instead of dropping the term."),
        ("partial-inner-derivative-forgotten",
         at([[s.inner_forgotten(v) if s.inner_forgotten(v) is not None else s.partial(v)
              for v in symbols] for s in surfaces])
         if any(s.outer for s in surfaces) else None,
         "Chain rule: the partial of an outer function of u is multiplied by the partial "
         "of u."),
    ]
    fs = [f"f{chr(0x2081 + i)}({', '.join(names)}) = {readable(s.f)}"
          for i, s in enumerate(surfaces)]
    where = f" at {point_text(names, list(point.values()))}" if point else ""
    prompt = (f"Let f: {_SPACE[len(names)]} → {_SPACE[outputs]} with " + "; ".join(fs)
              + f". Find the Jacobian J{where} (one row per fᵢ, one column per variable).")
    hints = ["Row i of J is the gradient of fᵢ: Jᵢⱼ = ∂fᵢ/∂vⱼ.",
             "Differentiate each component with respect to each variable, holding the others "
             "constant."]
    if point:
        hints.append("Find the partials first, then put the numbers in.")
    solution = [f"Row {i + 1}: ∇f{chr(0x2081 + i)} = ({', '.join(readable(e) for e in row)})"
                for i, row in enumerate(rows)]
    solution.append(f"J{where} = {readable.matrix_line(key)}")
    data: dict = {"functions": [plain(s.f) for s in surfaces], "variables": list(names)}
    if point:
        data["point"] = {v.name: int(value) for v, value in point.items()}
    return finish(prompt, "matrix", key, data, hints, solution, candidates,
                  () if point else names, positive and not point)
