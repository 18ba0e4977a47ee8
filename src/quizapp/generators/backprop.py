"""Backpropagation through a tiny network: 2 inputs, 2 hidden units, 1 or 2 outputs.

h = activation(W1·x + b1), ŷ = W2·h + b2, and L = ½Σ(ŷ − y)² ("squared") or the cross-entropy
of softmax(ŷ) against a one-hot y ("cross-entropy"). The question is ∂L/∂ of one weight, bias
or input. Weights are indexed 0-based, W[i][j] = row i, column j (from unit j to unit i).
Each misconception is the same backward pass with one step done wrong.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import sympy

from quizapp.answers.functions import sigmoid
from quizapp.generators.common import IntRange, Params
from quizapp.generators.model import Draft, Retry
from quizapp.generators.several import approximate, finish
from quizapp.mathtext import readable

Activation = Literal["sigmoid", "relu", "tanh", "identity"]
Target = Literal["W1", "b1", "W2", "b2", "x"]
_ONE, _ZERO = sympy.Integer(1), sympy.Integer(0)


class BackpropParams(Params):
    """The network's activation, outputs and loss, which parameter to ask about, number sizes."""

    activations: tuple[Activation, ...] = ("identity", "relu")
    outputs: IntRange = (1, 1)
    loss: Literal["squared", "cross-entropy"] = "squared"
    targets: tuple[Target, ...] = ("W1", "b1", "W2", "b2")
    weights: IntRange = (-2, 2)
    inputs: IntRange = (-2, 2)
    biases: IntRange = (-1, 1)


def _sigmoid(a: sympy.Expr) -> sympy.Expr:
    return sigmoid(a, evaluate=False)  # σ(1) stays one symbol: products stay small


_FORWARD: dict[str, Callable[[sympy.Expr], sympy.Expr]] = {
    "sigmoid": _sigmoid, "tanh": lambda a: sympy.tanh(a, evaluate=False),
    "identity": lambda a: a,
    "relu": lambda a: a if a > 0 else _ZERO,
}
_SLOPE: dict[str, Callable[[sympy.Expr], sympy.Expr]] = {
    "sigmoid": lambda a: _sigmoid(a) * (1 - _sigmoid(a)),
    "tanh": lambda a: 1 - sympy.tanh(a, evaluate=False) ** 2, "identity": lambda a: _ONE,
    "relu": lambda a: _ONE if a > 0 else _ZERO,
}
_SLOPE_TEXT = {"sigmoid": "σ′(a) = σ(a)(1 − σ(a))", "tanh": "tanh′(a) = 1 − tanh²(a)",
               "identity": "the identity's slope is 1",
               "relu": "relu′(a) = 1 for a > 0 and 0 for a < 0"}
_NAME = {"sigmoid": "σ", "tanh": "tanh", "identity": "identity", "relu": "relu"}


@dataclass(frozen=True)
class Net:
    """The numbers of one problem."""

    x: list
    W1: list
    b1: list
    W2: list
    b2: list
    y: list
    activation: str
    loss: str


@dataclass(frozen=True)
class Pass:
    """The forward and backward values of one (possibly mistaken) pass."""

    a: list
    h: list
    out: list
    p: list | None
    d_out: list
    d_h: list
    d_a: list


def _forward(net: Net) -> Pass:
    """The forward values (the backward fields left empty)."""
    a = [sum((w * xi for w, xi in zip(row, net.x, strict=True)), b)
         for row, b in zip(net.W1, net.b1, strict=True)]
    h = [_FORWARD[net.activation](v) for v in a]
    out = [sum((w * hi for w, hi in zip(row, h, strict=True)), b)
           for row, b in zip(net.W2, net.b2, strict=True)]
    p = None
    if net.loss == "cross-entropy":
        total = sympy.Add(*(sympy.exp(v) for v in out))
        p = [sympy.exp(v) / total for v in out]
    return Pass(a, h, out, p, [], [], [])


def _run(net: Net, forward: Pass, slope: Callable[[sympy.Expr], sympy.Expr],
         d_loss: Callable[[list, list], list] | None = None) -> Pass:
    """The backward pass from the forward values (a mistaken one with another slope or loss)."""
    compared = forward.p if forward.p is not None else forward.out
    d_out = d_loss(compared, net.y) if d_loss else [c - t for c, t in zip(compared, net.y,
                                                                            strict=True)]
    d_h = [sum((net.W2[i][j] * d_out[i] for i in range(len(d_out))), _ZERO) for j in range(2)]
    d_a = [d_h[j] * slope(forward.a[j]) for j in range(2)]
    return Pass(forward.a, forward.h, forward.out, forward.p, d_out, d_h, d_a)


def _gradient(net: Net, run: Pass, target: str, i: int, j: int) -> sympy.Expr:
    """∂L/∂target[i][j] (or [i]) from one pass's values."""
    if target == "W2":
        return run.d_out[i] * run.h[j]
    if target == "b2":
        return run.d_out[i]
    if target == "W1":
        return run.d_a[i] * net.x[j]
    if target == "b1":
        return run.d_a[i]
    return sum((net.W1[k][i] * run.d_a[k] for k in range(2)), _ZERO)


def _vector(values: list) -> str:
    return "(" + ", ".join(readable(v) for v in values) + ")"


def _matrix(rows: list) -> str:
    return "[" + ", ".join("[" + ", ".join(readable(v) for v in row) + "]" for row in rows) + "]"


def backprop(params: BackpropParams, rng: random.Random) -> Draft:
    """∂L/∂(one weight, bias or input) of the tiny network."""
    activation = rng.choice(params.activations)
    outputs = rng.randint(*params.outputs)
    if params.loss == "cross-entropy" and outputs < 2:
        outputs = 2

    def ints(n: int, bounds: tuple[int, int]) -> list[int]:
        return [rng.randint(*bounds) for _ in range(n)]

    # Plain integers first: every redraw is decided before any sympy arithmetic.
    x = ints(2, params.inputs)
    W1 = [ints(2, params.weights) for _ in range(2)]
    W2 = [ints(2, params.weights) for _ in range(outputs)]
    b1, b2 = ints(2, params.biases), ints(outputs, params.biases)
    a = [W1[i][0] * x[0] + W1[i][1] * x[1] + b1[i] for i in range(2)]
    if 0 in a or not any(x) or any(not any(row) for row in W1 + W2):
        raise Retry  # relu′(0) is undefined; zero rows make a dull network
    if activation in ("sigmoid", "tanh") and any(abs(v) > 2 for v in a):
        raise Retry  # saturated units: slopes too small to see, and no work by hand
    if params.loss == "cross-entropy":
        if activation not in ("relu", "identity"):
            raise Retry
        # equal outputs make p = (½, ½), softmax by hand: the last bias evens them out
        h = [max(v, 0) if activation == "relu" else v for v in a]
        first = W2[0][0] * h[0] + W2[0][1] * h[1] + b2[0]
        for k in range(1, outputs):
            b2[k] = first - W2[k][0] * h[0] - W2[k][1] * h[1]
        if any(abs(v) > 3 for v in b2):
            raise Retry
        y = [0] * outputs
        y[rng.randrange(outputs)] = 1
    else:
        y = ints(outputs, (-3, 3))

    def exact(values: list) -> list:
        return [exact(v) if isinstance(v, list) else sympy.Integer(v) for v in values]

    net = Net(exact(x), exact(W1), exact(b1), exact(W2), exact(b2), exact(y), activation,
              params.loss)
    forward = _forward(net)
    run = _run(net, forward, _SLOPE[activation])
    target = rng.choice(params.targets)
    i = rng.randrange(outputs) if target in ("W2", "b2") else rng.randrange(2)
    j = rng.randrange(2)
    name = {"W1": f"W1[{i}][{j}]", "W2": f"W2[{i}][{j}]", "b1": f"b1[{i}]", "b2": f"b2[{i}]",
            "x": f"x[{i}]"}[target]
    key = _gradient(net, run, target, i, j)
    if key == 0 and not (activation == "relu" and target in ("W1", "b1", "x")):
        raise Retry  # a zero gradient is only worth asking where a relu unit is off

    def variant(slope: Callable | None = None, d_loss: Callable | None = None,
                ti: int | None = None, tj: int | None = None) -> sympy.Expr:
        mistaken = _run(net, forward, slope or _SLOPE[activation], d_loss)
        return _gradient(net, mistaken, target, i if ti is None else ti, j if tj is None else tj)

    through_hidden = target in ("W1", "b1", "x")
    candidates = [
        ("loss-gradient-sign-flipped", -key,  # the gradient is linear in ∂L/∂ŷ
         "Sign: ∂L/∂ŷ = ŷ − y (prediction minus target)" if params.loss == "squared" else
         "Sign: for cross-entropy on softmax ∂L/∂ŷ = p − y, not y − p."),
        ("loss-target-forgotten", variant(d_loss=lambda c, t: list(c)),
         "∂L/∂ŷ subtracts the target: ŷ − y" if params.loss == "squared" else
         "Subtract the one-hot target: ∂L/∂ŷ = p − y."),
        ("squared-loss-half-forgotten",
         2 * key if params.loss == "squared" else None,
         "L = ½(ŷ − y)²: the ½ cancels the 2, so ∂L/∂ŷ = ŷ − y, not 2(ŷ − y)."),
        ("weight-index-transposed",
         variant(ti=j, tj=i) if target in ("W1", "W2") and i != j and (
             target == "W1" or j < outputs) else None,
         f"{target}[i][j] is row i, column j: the weight INTO unit i FROM unit j."),
        ("sigmoid-derivative-is-sigmoid",
         variant(slope=_sigmoid) if activation == "sigmoid" and through_hidden else None,
         "σ′(a) = σ(a)·(1 − σ(a)), not σ(a)."),
        ("tanh-derivative-sign",
         variant(slope=lambda a: 1 + sympy.tanh(a, evaluate=False) ** 2)
         if activation == "tanh" and through_hidden else None,
         "tanh′(a) = 1 − tanh²(a), with a minus."),
        ("relu-derivative-one-for-negative",
         variant(slope=lambda a: _ONE) if activation == "relu" and through_hidden else None,
         "relu′(a) = 0 for a < 0: a unit that is off passes no gradient back."),
        ("activation-derivative-forgotten",
         variant(slope=lambda a: _ONE)
         if activation in ("sigmoid", "tanh") and through_hidden else None,
         f"Multiply by the activation's slope at a: {_SLOPE_TEXT[activation]}."),
        ("backprop-pre-activation-used",
         run.d_out[i] * run.a[j] if target == "W2" and activation != "identity" else None,
         "∂L/∂W2[i][j] = ∂L/∂ŷᵢ·hⱼ uses the unit's OUTPUT h = activation(a), not a."),
    ]
    loss_text = ("L = ½Σ(ŷ − y)²" if params.loss == "squared"
                 else "L = −Σ yₖ ln pₖ with p = softmax(ŷ)")
    prompt = (f"A network computes h = {_NAME[activation]}(W1·x + b1) and ŷ = W2·h + b2, with "
              f"loss {loss_text}. x = {_vector(net.x)}, W1 = {_matrix(net.W1)}, "
              f"b1 = {_vector(net.b1)}, W2 = {_matrix(net.W2)}, b2 = {_vector(net.b2)}, "
              f"y = {_vector(net.y)}. Indices are 0-based; "
              "W[i][j] is row i, column j (the weight into unit i from unit j). "
              f"Find ∂L/∂{name}.")
    d_out_text = "ŷ − y" if params.loss == "squared" else "p − y"
    forward_text = [f"Forward: a = W1·x + b1 = {_vector(run.a)}; h = {_NAME[activation]}(a) = "
               f"{_vector(run.h)}; ŷ = W2·h + b2 = {_vector(run.out)}"
               + (f"; p = softmax(ŷ) = {_vector(run.p)}" if run.p is not None else "")]
    backward = [f"Backward: ∂L/∂ŷ = {d_out_text} = {_vector(run.d_out)}"]
    if through_hidden:
        backward.append(f"∂L/∂h = W2ᵀ·∂L/∂ŷ = {_vector(run.d_h)}; ∂L/∂a = ∂L/∂h ⊙ "
                        f"{_NAME[activation]}′(a) = {_vector(run.d_a)}")
    rule = {"W2": f"∂L/∂ŷ[{i}]·h[{j}]", "b2": f"∂L/∂ŷ[{i}]", "W1": f"∂L/∂a[{i}]·x[{j}]",
            "b1": f"∂L/∂a[{i}]", "x": f"Σₖ W1[k][{i}]·∂L/∂a[k]"}[target]
    result = f"∂L/∂{name} = {rule} = {readable(key)}"
    if not key.is_Rational:
        result += f" ≈ {approximate(key)}"
    solution = forward_text + backward + [result]
    hints = ["Forward pass first: a = W1·x + b1, h = activation(a), ŷ = W2·h + b2 "
             "— write the values down.",
             f"Then backward: ∂L/∂ŷ = {d_out_text}; each layer multiplies by its weights "
             f"(transposed) and by the activation's slope ({_SLOPE_TEXT[activation]}).",
             f"∂L/∂{name} = {rule}."]
    data = {"x": x, "W1": W1, "b1": b1, "W2": W2, "b2": b2, "activation": activation,
            "loss": params.loss, "y": y, "wrt": name}
    return finish(prompt, "number", key, data, hints, solution, candidates, allow_zero=True)
