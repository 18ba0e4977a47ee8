"""The gradient of the mean squared error of a linear model fitted to 2–4 points."""

import random

import sympy

from quizapp.generators.common import IntRange, Params
from quizapp.generators.model import Draft, Retry
from quizapp.generators.several import finish
from quizapp.mathtext import readable


class RegressionParams(Params):
    """How many points and features, whether there is a bias b, and the number ranges."""

    points: IntRange = (2, 3)
    features: IntRange = (1, 1)
    bias: bool = True
    values: IntRange = (-3, 3)
    weights: IntRange = (-2, 2)


def _row(values: list) -> str:
    return "(" + ", ".join(readable(v) for v in values) + ")"


def mse_gradient(params: RegressionParams, rng: random.Random) -> Draft:
    """∂L/∂(w₁, …, b) for L = (1/n)Σ(xᵢ·w + b − yᵢ)²."""
    n = rng.randint(*params.points)
    k = rng.randint(*params.features)

    def draw(bounds: tuple[int, int]) -> sympy.Integer:
        return sympy.Integer(rng.randint(*bounds))

    X = [[draw(params.values) for _ in range(k)] for _ in range(n)]
    y = [draw(params.values) for _ in range(n)]
    w = [draw(params.weights) for _ in range(k)]
    b = draw(params.weights) if params.bias else sympy.Integer(0)
    if len({tuple(row) for row in X}) < n:
        raise Retry  # repeated inputs
    residuals = [sum((xi * wi for xi, wi in zip(row, w, strict=True)), b) - yi
                 for row, yi in zip(X, y, strict=True)]
    if all(r == 0 for r in residuals):
        raise Retry  # a perfect fit: the gradient is 0
    columns = [[row[c] for row in X] for c in range(k)]
    if params.bias:
        columns.append([sympy.Integer(1)] * n)
    sums = [sum((r * v for r, v in zip(residuals, column, strict=True)), sympy.Integer(0))
            for column in columns]
    key = [2 * s / n for s in sums]
    if all(v == 0 for v in key):
        raise Retry
    candidates = [
        ("mse-gradient-two-forgotten", [s / n for s in sums],
         "d/du u² = 2u: the gradient of the squared error carries a factor 2."),
        ("mse-gradient-mean-forgotten", [2 * s for s in sums],
         f"L is a MEAN: divide the sum by n = {n}."),
        ("mse-gradient-sign-flipped", [-v for v in key],
         "Sign: the residual is prediction minus target, xᵢ·w + b − yᵢ."),
        ("mse-gradient-input-forgotten",
         [2 * sum(residuals, sympy.Integer(0)) / n] * len(columns) if k >= 1 else None,
         "Chain rule: ∂/∂wⱼ of (xᵢ·w + b − yᵢ) is xᵢⱼ — multiply each residual by its input."),
    ]
    names = [f"w{chr(0x2081 + c)}" for c in range(k)] if k > 1 else ["w"]
    model = " + ".join(f"{nm}·x{chr(0x2081 + c)}" if k > 1 else "w·x"
                       for c, nm in enumerate(names)) + (" + b" if params.bias else "")
    wrt = names + (["b"] if params.bias else [])
    table = "; ".join(f"x = {_row(row) if k > 1 else readable(row[0])}, y = {readable(yi)}"
                      for row, yi in zip(X, y, strict=True))
    current = ", ".join(f"{nm} = {readable(v)}" for nm, v in zip(names, w, strict=True)) + (
        f", b = {readable(b)}" if params.bias else "")
    prompt = (f"A linear model ŷ = {model} is fitted to {n} points: {table}. The loss is "
              f"L = (1/n)Σ(ŷᵢ − yᵢ)² with n = {n}. At {current}, find the gradient "
              f"({', '.join('∂L/∂' + v for v in wrt)}).")
    hints = ["First the residuals rᵢ = ŷᵢ − yᵢ at the current parameters.",
             "∂L/∂wⱼ = (2/n)Σ rᵢ·xᵢⱼ" + (" and ∂L/∂b = (2/n)Σ rᵢ." if params.bias else ".")]
    solution = [f"Residuals r = ŷ − y = {_row(residuals)}"]
    for name, column, total in zip(wrt, columns, sums, strict=True):
        solution.append(f"∂L/∂{name} = (2/{n})·Σ rᵢ·{_row(column)}ᵢ = (2/{n})·{readable(total)}"
                        f" = {readable(2 * total / n)}")
    data: dict = {"X": [[int(v) for v in row] for row in X], "y": [int(v) for v in y],
                  "w": [int(v) for v in w]}
    if params.bias:
        data["b"] = int(b)
    return finish(prompt, "vector", key, data, hints, solution, candidates)
