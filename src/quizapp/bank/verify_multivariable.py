"""Independent checks of multivariable and softmax keys for `quizapp bank check`.

Each key is recomputed from the problem's `data` alone with sympy's own `diff` (or plain
arithmetic for softmax, backpropagation by symbolic differentiation of the whole loss, and
regression), then compared with the answer engine — never with the generators' code.
"""

import sympy

from quizapp.answers import AnswerError, check, read_answer
from quizapp.bank.problems import Problem

_NAMES = {name: sympy.Symbol(name) for name in ("x", "y", "z", "t")}


def _parse(text: object) -> sympy.Expr:
    """Data in plain sympy syntax, read by the answer engine (never eval), in our symbols."""
    expr = read_answer(str(text), "expression", tuple(_NAMES)).values[0].expr
    return expr.xreplace({s: _NAMES[s.name] for s in expr.free_symbols if s.name in _NAMES})


def _text(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    return sympy.sstr(value)


def _at(value: sympy.Expr, point: dict | None) -> sympy.Expr:
    if not point:
        return value
    return value.subs({_NAMES[k]: v for k, v in point.items()})


def _key_from_data(problem: Problem) -> object:
    data, skill = problem.data, problem.skill
    if "logits" in data:
        return _softmax_key(data)
    if skill == "partial-derivatives":
        result = _parse(data["function"])
        for name in data["respect_to"]:
            result = sympy.diff(result, _NAMES[name])
        return result
    if skill in ("gradient", "gradient-descent"):
        f = _parse(data["function"])
        gradient = [_at(sympy.diff(f, _NAMES[v]), data.get("point")) for v in data["variables"]]
        if skill == "gradient":
            return gradient
        rate = _parse(data["learning_rate"])
        return [data["point"][v] - rate * g for v, g in zip(data["variables"], gradient,
                                                            strict=True)]
    if skill == "hessian":
        f = _parse(data["function"])
        return [[_at(sympy.diff(f, _NAMES[a], _NAMES[b]), data.get("point"))
                 for b in data["variables"]] for a in data["variables"]]
    if skill == "jacobian":
        return [[_at(sympy.diff(_parse(f), _NAMES[v]), data.get("point"))
                 for v in data["variables"]] for f in data["functions"]]
    if skill == "multivariable-chain-rule":
        along = {_NAMES[k]: _parse(v) for k, v in data["intermediates"].items()}
        return sympy.diff(_parse(data["function"]).subs(along), _NAMES[data["variable"]])
    if skill == "backpropagation":
        return _backprop_key(data)
    if skill == "linear-regression":
        return _regression_key(data)
    raise KeyError(skill)


def _softmax_key(data: dict) -> object:
    z = [_parse(v) for v in data["logits"]]
    total = sum(sympy.exp(v) for v in z)
    p = [sympy.exp(v) / total for v in z]
    if data["ask"] == "softmax":
        return p
    symbols = sympy.symbols(f"s0:{len(z)}")
    at_logits = dict(zip(symbols, z, strict=True))
    if data["ask"] == "softmax-jacobian":
        denominator = sum(sympy.exp(s) for s in symbols)
        return [[sympy.diff(sympy.exp(si) / denominator, sj).subs(at_logits) for sj in symbols]
                for si in symbols]
    target = data["target"]
    loss = -sympy.log(sympy.exp(symbols[target]) / sum(sympy.exp(s) for s in symbols))
    return [sympy.diff(loss, s).subs(at_logits) for s in symbols]


def _backprop_key(data: dict) -> sympy.Expr:
    """Differentiate the whole loss symbolically with respect to the one named parameter."""
    names = {}
    arrays = {}
    for key in ("x", "W1", "b1", "W2", "b2"):
        value = data[key]
        if isinstance(value[0], list):
            arrays[key] = [[sympy.Symbol(f"{key}_{i}_{j}") for j in range(len(row))]
                           for i, row in enumerate(value)]
            for i, row in enumerate(value):
                for j, v in enumerate(row):
                    names[arrays[key][i][j]] = v
        else:
            arrays[key] = [sympy.Symbol(f"{key}_{i}") for i in range(len(value))]
            for i, v in enumerate(value):
                names[arrays[key][i]] = v
    activation = {"sigmoid": lambda a: 1 / (1 + sympy.exp(-a)), "tanh": sympy.tanh,
                  "identity": lambda a: a, "relu": None}[data["activation"]]
    x, W1, b1, W2, b2 = (arrays[k] for k in ("x", "W1", "b1", "W2", "b2"))
    a = [sum(W1[i][j] * x[j] for j in range(len(x))) + b1[i] for i in range(len(b1))]
    if activation is None:  # relu: a unit is on or off at these numbers
        h = [a[i] if a[i].subs(names) > 0 else sympy.Integer(0) for i in range(len(a))]
    else:
        h = [activation(v) for v in a]
    out = [sum(W2[i][j] * h[j] for j in range(len(h))) + b2[i] for i in range(len(b2))]
    y = data["y"]
    if data["loss"] == "squared":
        loss = sum((o - t) ** 2 for o, t in zip(out, y, strict=True)) / 2
    else:
        total = sum(sympy.exp(o) for o in out)
        loss = -sum(t * sympy.log(sympy.exp(o) / total) for o, t in zip(out, y, strict=True))
    parts = data["wrt"].replace("]", "").split("[")
    symbol = arrays[parts[0]]
    for index in parts[1:]:
        symbol = symbol[int(index)]
    return sympy.diff(loss, symbol).subs(names)


def _regression_key(data: dict) -> list:
    weights = sympy.symbols(f"w0:{len(data['w'])}")
    b = sympy.Symbol("b")
    n = len(data["y"])
    loss = sum((sum(wi * xi for wi, xi in zip(weights, row, strict=True)) + b - yi) ** 2
               for row, yi in zip(data["X"], data["y"], strict=True)) / n
    values = {**dict(zip(weights, data["w"], strict=True)), b: data.get("b", 0)}
    wrt = list(weights) + ([b] if "b" in data else [])
    return [sympy.diff(loss, s).subs(values) for s in wrt]


def verify_multivariable(problem: Problem) -> str | None:
    """What is wrong with a multivariable or softmax problem's key (None when it is right)."""
    try:
        expected = _key_from_data(problem)
    except (KeyError, ValueError, TypeError, IndexError, AnswerError) as exc:
        return f"data cannot be re-derived: {exc!r}"
    verdict = check(problem.answer, _text(expected), problem.answer_kind, problem.variables,
                    problem.domain or None)
    if not verdict.correct:
        return f"key {problem.answer} is not {_text(expected)} ({verdict.feedback})"
    return None
