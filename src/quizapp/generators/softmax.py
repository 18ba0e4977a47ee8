"""Softmax: its probabilities, its Jacobian, and the gradient of cross-entropy on softmax (p − y).

Logits are either logarithms of small integers (z = ln 2 gives eᶻ = 2, so p is a fraction a
learner finds by hand) or small integers (p then has e in it; decimals are accepted).
"""

import random
from typing import Literal

import sympy

from quizapp.generators.common import IntRange, Params
from quizapp.generators.model import Draft, Retry
from quizapp.generators.several import Value, finish
from quizapp.mathtext import plain, readable

Ask = Literal["softmax", "softmax-jacobian", "cross-entropy-gradient"]


class SoftmaxParams(Params):
    """What to ask, how many classes, and what the logits look like."""

    ask: tuple[Ask, ...] = ("softmax",)
    classes: IntRange = (2, 3)
    logits: Literal["log", "integer"] = "log"
    values: IntRange = (1, 6)  # the integers e^z (for "log") or z (for "integer")


def _vector(values: list[sympy.Expr]) -> str:
    return "(" + ", ".join(readable(v) for v in values) + ")"


def _logits(params: SoftmaxParams, rng: random.Random, n: int) -> tuple[list, list]:
    """The logits z and their exponentials eᶻ."""
    if params.logits == "log":
        weights = [rng.randint(max(1, params.values[0]), params.values[1]) for _ in range(n)]
        if len(set(weights)) == 1:
            raise Retry
        return [sympy.log(w) for w in weights], [sympy.Integer(w) for w in weights]
    z = [rng.randint(*params.values) for _ in range(n)]
    if len(set(z)) == 1:
        raise Retry
    return [sympy.Integer(v) for v in z], [sympy.exp(v) for v in z]


def softmax(params: SoftmaxParams, rng: random.Random) -> Draft:
    """One softmax question about logits z."""
    ask = rng.choice(params.ask)
    n = rng.randint(*params.classes)
    z, e = _logits(params, rng, n)
    total = sympy.Add(*e)
    p = [w / total for w in e]
    data: dict = {"logits": [int(v) if v.is_Integer else plain(v) for v in z], "ask": ask}
    shown = f"z = {_vector(z)}"
    exps = f"eᶻ = {_vector(e)}, Σ eᶻʲ = {readable(total)}"
    probabilities = f"p = softmax(z) = {_vector(p)}"
    if ask == "softmax":
        key: Value = p
        inverse = [1 / w for w in e]
        candidates: list[tuple[str, Value | None, str]] = [
            ("softmax-not-normalised", list(e),
             "Divide each eᶻⁱ by the sum Σⱼ eᶻʲ so that the probabilities add up to 1."),
            ("softmax-logits-normalised",
             [v / sympy.Add(*z) for v in z] if sympy.Add(*z) != 0 else None,
             "Softmax exponentiates first: pᵢ = eᶻⁱ/Σⱼ eᶻʲ, not zᵢ/Σⱼ zⱼ."),
            ("softmax-sign-flipped", [w / sympy.Add(*inverse) for w in inverse],
             "pᵢ = eᶻⁱ/Σ eᶻʲ with +zᵢ: the largest logit gets the largest probability."),
        ]
        prompt = f"Compute softmax(z) for the logits {shown}."
        hints = ["softmax(z)ᵢ = eᶻⁱ / Σⱼ eᶻʲ: exponentiate every logit, then divide by the sum.",
                 "e^(ln a) = a." if params.logits == "log" else
                 "The sum of the answers is 1; decimals to 3 significant digits are fine."]
        solution = [exps, probabilities]
    elif ask == "softmax-jacobian":
        key = [[p[i] * ((1 if i == j else 0) - p[j]) for j in range(n)] for i in range(n)]
        candidates = [
            ("softmax-jacobian-off-diagonal-missing",
             [[p[i] * (1 - p[i]) if i == j else sympy.Integer(0) for j in range(n)]
              for i in range(n)],
             "Every output depends on every logit: ∂pᵢ/∂zⱼ = −pᵢpⱼ off the diagonal, not 0."),
            ("softmax-derivative-as-softmax",
             [[p[i] if i == j else sympy.Integer(0) for j in range(n)] for i in range(n)],
             "Like σ′ = σ(1 − σ), ∂pᵢ/∂zᵢ = pᵢ(1 − pᵢ), not pᵢ — and off the diagonal −pᵢpⱼ."),
            ("softmax-jacobian-off-diagonal-sign",
             [[p[i] * (1 - p[i]) if i == j else p[i] * p[j] for j in range(n)]
              for i in range(n)],
             "Off the diagonal ∂pᵢ/∂zⱼ = −pᵢpⱼ: raising another logit lowers pᵢ."),
            ("softmax-jacobian-negated",
             [[-v for v in row] for row in key],
             "J = diag(p) − ppᵀ: the diagonal pᵢ(1 − pᵢ) is positive."),
        ]
        prompt = (f"For the logits {shown}, find the Jacobian J of p = softmax(z): "
                  "Jᵢⱼ = ∂pᵢ/∂zⱼ.")
        hints = ["First compute p = softmax(z).",
                 "∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ): pᵢ(1 − pᵢ) on the diagonal, −pᵢpⱼ off it "
                 "(J = diag(p) − ppᵀ)."]
        solution = [exps, probabilities,
                    f"J = diag(p) − ppᵀ = {readable.matrix_line(key)}"]
    else:
        target = rng.randrange(n)
        data["target"] = target
        y = [sympy.Integer(1 if i == target else 0) for i in range(n)]
        key = [p[i] - y[i] for i in range(n)]
        candidates = [
            ("cross-entropy-gradient-sign-flipped", [y[i] - p[i] for i in range(n)],
             "Sign: ∂L/∂z = p − y (prediction minus target); y − p points uphill."),
            ("cross-entropy-gradient-target-forgotten", list(p),
             "Subtract the one-hot target: ∂L/∂z = p − y, so the true class gets p − 1."),
            ("cross-entropy-gradient-wrt-probabilities",
             [-y[i] / p[i] for i in range(n)],
             "−y/p is ∂L/∂p; through softmax's Jacobian the gradient with respect to the "
             "logits simplifies to p − y."),
        ]
        one_hot = _vector(y)
        prompt = (f"A classifier has logits {shown} and the true class is {target} "
                  f"(0-based; one-hot y = {one_hot}). With p = softmax(z) and the cross-entropy "
                  "L = −Σ yᵢ ln pᵢ, find ∂L/∂z.")
        hints = ["First compute p = softmax(z).",
                 "For cross-entropy on softmax the gradient with respect to the logits is "
                 "p − y."]
        solution = [exps, probabilities, f"∂L/∂z = p − y = {_vector(key)}"]
    kind = "matrix" if ask == "softmax-jacobian" else "vector"
    return finish(prompt, kind, key, data, hints, solution, candidates)
