"""The gradient of f(v) = vᵀAv + aᵀv for a small non-symmetric integer A: (A + Aᵀ)v + a."""

import random

import sympy

from quizapp.generators.common import IntRange, Params, nonzero
from quizapp.generators.model import Draft, Retry
from quizapp.generators.several import SYMBOLS, finish
from quizapp.mathtext import plain, readable


class FormParams(Params):
    """The size of A and the range of the entries of A and a."""

    size: IntRange = (2, 2)
    entries: IntRange = (-3, 3)


def _times(matrix: list, v: list) -> list:
    return [sympy.Add(*(m * e for m, e in zip(row, v, strict=True))) for row in matrix]


def quadratic_form(params: FormParams, rng: random.Random) -> Draft:
    """∇(vᵀAv + aᵀv), written out in the variables x, y[, z]."""
    n = rng.randint(*params.size)
    names = ("x", "y", "z")[:n]
    v = [SYMBOLS[s] for s in names]
    A = [[rng.randint(*params.entries) for _ in range(n)] for _ in range(n)]
    At = [list(column) for column in zip(*A, strict=True)]
    a = [nonzero(rng, params.entries) for _ in range(n)]
    if At == A or not any(any(row) for row in A):
        raise Retry  # symmetric: Av would not be a mistake worth naming
    both = [[A[i][j] + A[j][i] for j in range(n)] for i in range(n)]
    f = sympy.Add(*(A[i][j] * v[i] * v[j] for i in range(n) for j in range(n)),
                  *(c * e for c, e in zip(a, v, strict=True)))
    key = [e + c for e, c in zip(_times(both, v), a, strict=True)]

    def plus_a(values: list) -> list:
        return [e + c for e, c in zip(values, a, strict=True)]

    candidates = [
        ("quadratic-form-gradient-as-Ax", plus_a(_times(A, v)),
         "∇(vᵀAv) = (A + Aᵀ)v; it is 2Av only when A is symmetric, and never Av."),
        ("quadratic-form-gradient-as-2Ax", plus_a([2 * e for e in _times(A, v)]),
         "This A is not symmetric: ∇(vᵀAv) = (A + Aᵀ)v, not 2Av."),
        ("quadratic-form-linear-term-forgotten", _times(both, v), "∇(aᵀv) = a: add it."),
        ("quadratic-form-gradient-as-ATx", plus_a(_times(At, v)),
         "∇(vᵀAv) has both A and Aᵀ: (A + Aᵀ)v."),
    ]
    column = "(" + ", ".join(names) + ")"
    prompt = (f"Let v = {column}, A = {readable.matrix_line(A)} and "
              f"a = ({', '.join(readable(c) for c in a)}). Find ∇f for f(v) = vᵀAv + aᵀv, "
              f"as a vector in {', '.join(names)}.")
    hints = ["∇(aᵀv) = a, and ∇(vᵀAv) = (A + Aᵀ)v — which is 2Av only for a symmetric A.",
             f"Or write f out, f = {readable(f)}, and take the partials one by one."]
    solution = [f"A + Aᵀ = {readable.matrix_line(both)}",
                f"(A + Aᵀ)v = ({', '.join(readable(e) for e in _times(both, v))})",
                f"∇f = (A + Aᵀ)v + a = ({', '.join(readable(e) for e in key)})"]
    data = {"function": plain(f), "variables": list(names), "A": A, "a": a}
    return finish(prompt, "vector", key, data, hints, solution, candidates, names)
