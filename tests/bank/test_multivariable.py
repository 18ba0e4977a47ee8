"""Multivariable calculus and softmax problems: every key recomputed here from the problem's
`data` alone (sympy's diff, numpy, finite differences — none of the generators' code), the
misconceptions the issue lists recognised when typed, and the notation in Unicode and ASCII."""


import numpy
import pytest
import sympy

from quizapp.answers import Misconception, check
from quizapp.bank import Problem, generate_problems, load_bank, make_problem
from quizapp.bank.selftest import check_problem
from quizapp.mathtext import prose

BANK = load_bank()
TOPIC = "multivariable-calculus"
FAMILIES = [f.id for f in BANK.families.values()
            if f.topic == TOPIC or f.generator == "softmax"]
SEEDS = range(6)
NAMES = {n: sympy.Symbol(n) for n in "xyzt"}
SKILLS = ("partial-derivatives", "gradient", "jacobian", "hessian", "multivariable-chain-rule",
          "backpropagation", "gradient-descent", "linear-regression")


def problems(*skills: str) -> list[Problem]:
    return [make_problem(BANK, f, seed) for f in FAMILIES for seed in SEEDS
            if not skills or BANK.families[f].skill in skills]


def _sigmoid(u: sympy.Expr) -> sympy.Expr:
    return 1 / (1 + sympy.exp(-u))


def _sym(text: object) -> sympy.Expr:
    return sympy.sympify(str(text), locals=NAMES)


def _text(value: object) -> str:
    if isinstance(value, list | tuple | numpy.ndarray):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    return sympy.sstr(value) if isinstance(value, sympy.Basic) else f"{float(value):.7g}"


def grade(problem: Problem, answer: str):
    known = [Misconception(m.id, m.answer, m.feedback) for m in problem.misconceptions]
    return check(answer, problem.answer, problem.answer_kind, problem.variables,
                 problem.domain or None, known)


def _at(e: sympy.Expr, point: dict | None) -> sympy.Expr:
    return e.subs({NAMES[k]: v for k, v in point.items()}) if point else e


# ----------------------------------------------------------------------------- the topic
def test_every_skill_has_two_families_and_two_levels() -> None:
    for skill in (*SKILLS, "sigmoid-softmax-derivatives"):
        families = [f for f in BANK.families.values() if f.skill == skill]
        assert len(families) >= 2, skill
        assert len({f.difficulty for f in families}) >= 2, skill
    softmax = [f for f in BANK.families.values() if f.generator == "softmax"]
    asks = {a for f in softmax for a in BANK.params[f.id].ask}
    assert asks == {"softmax", "softmax-jacobian", "cross-entropy-gradient"}


@pytest.mark.parametrize("family", FAMILIES)
def test_every_problem_passes_the_bank_self_test(family: str) -> None:
    for seed in SEEDS:
        problem = make_problem(BANK, family, seed)
        assert check_problem(problem) == [], problem.id
        assert len(problem.misconceptions) >= 2 and len(problem.hints) >= 2
        assert len(problem.solution) >= 2 and problem.resources


# ----------------------------------------------------------------------------- keys, recomputed
def _expected(problem: Problem) -> object:
    data = problem.data
    if problem.skill == "partial-derivatives":
        f = _sym(data["function"])
        return sympy.diff(f, *[NAMES[v] for v in data["respect_to"]])
    if problem.skill == "gradient":
        f = _sym(data["function"])
        return [_at(sympy.diff(f, NAMES[v]), data.get("point")) for v in data["variables"]]
    if problem.skill == "hessian":
        f = _sym(data["function"])
        return [[_at(f.diff(NAMES[a]).diff(NAMES[b]), data.get("point"))
                 for b in data["variables"]] for a in data["variables"]]
    if problem.skill == "jacobian":
        return [[_at(sympy.diff(_sym(f), NAMES[v]), data.get("point"))
                 for v in data["variables"]] for f in data["functions"]]
    if problem.skill == "multivariable-chain-rule":
        z = _sym(data["function"]).subs({NAMES[k]: _sym(v)
                                         for k, v in data["intermediates"].items()})
        return sympy.diff(z, NAMES[data["variable"]])
    if problem.skill == "gradient-descent":
        f = _sym(data["function"])
        point = numpy.array([data["point"][v] for v in data["variables"]], dtype=float)
        gradient = numpy.array([float(_at(sympy.diff(f, NAMES[v]), data["point"]))
                                for v in data["variables"]])
        return point - float(_sym(data["learning_rate"])) * gradient
    if problem.skill == "linear-regression":
        return _mse_gradient_numerically(data)
    if problem.skill == "backpropagation":
        return _backprop_numerically(data)
    return _softmax_numerically(data)


def _mse_gradient_numerically(data: dict) -> numpy.ndarray:
    X, y = numpy.array(data["X"], dtype=float), numpy.array(data["y"], dtype=float)
    w, b = numpy.array(data["w"], dtype=float), float(data.get("b", 0))
    r = X @ w + b - y
    gradient = 2 / len(y) * (X.T @ r)
    return numpy.append(gradient, 2 / len(y) * r.sum()) if "b" in data else gradient


def _loss(data: dict, params: dict) -> float:
    act = {"sigmoid": lambda a: 1 / (1 + numpy.exp(-a)), "tanh": numpy.tanh,
           "relu": lambda a: numpy.maximum(a, 0), "identity": lambda a: a}[data["activation"]]
    h = act(params["W1"] @ params["x"] + params["b1"])
    out = params["W2"] @ h + params["b2"]
    y = numpy.array(data["y"], dtype=float)
    if data["loss"] == "squared":
        return 0.5 * float(((out - y) ** 2).sum())
    p = numpy.exp(out) / numpy.exp(out).sum()
    return -float((y * numpy.log(p)).sum())


def _backprop_numerically(data: dict) -> float:
    """∂L/∂(the named parameter) by a central finite difference of the whole network."""
    params = {k: numpy.array(data[k], dtype=float) for k in ("x", "W1", "b1", "W2", "b2")}
    name, *indices = data["wrt"].replace("]", "").split("[")
    index = tuple(int(i) for i in indices)
    step = 1e-6
    up = {k: v.copy() for k, v in params.items()}
    down = {k: v.copy() for k, v in params.items()}
    up[name][index] += step
    down[name][index] -= step
    return (_loss(data, up) - _loss(data, down)) / (2 * step)


def _softmax_numerically(data: dict) -> numpy.ndarray:
    z = numpy.array([float(_sym(v)) for v in data["logits"]])
    p = numpy.exp(z) / numpy.exp(z).sum()
    if data["ask"] == "softmax":
        return p
    if data["ask"] == "softmax-jacobian":
        return numpy.diag(p) - numpy.outer(p, p)
    y = numpy.zeros_like(p)
    y[data["target"]] = 1
    return p - y


def _floats(value: object) -> numpy.ndarray:
    return numpy.array(sympy.Matrix(value).evalf() if isinstance(value, list) else
                       [value.evalf()], dtype=float)


@pytest.mark.parametrize("family", FAMILIES)
def test_keys_agree_with_an_independent_computation_from_data(family: str) -> None:
    for seed in SEEDS:
        problem = make_problem(BANK, family, seed)
        expected = _expected(problem)
        key = sympy.sympify(problem.answer, locals={**NAMES, "sigmoid": _sigmoid})
        if isinstance(expected, numpy.ndarray | float):
            ours = _floats(key).reshape(numpy.shape(expected))
            assert numpy.allclose(ours, expected, atol=1e-5), (problem.id, ours, expected)
        else:
            verdict = check(problem.answer, _text(expected), problem.answer_kind,
                            problem.variables, problem.domain or None)
            assert verdict.correct, (problem.id, problem.answer, expected, verdict.feedback)


def test_the_data_contract_fields_are_there() -> None:
    fields = {
        "partial-derivatives": {"function", "variables", "respect_to"},
        "gradient": {"function", "variables"}, "hessian": {"function", "variables"},
        "jacobian": {"functions", "variables"},
        "multivariable-chain-rule": {"function", "intermediates", "variable"},
        "backpropagation": {"x", "W1", "b1", "W2", "b2", "activation", "loss", "y", "wrt"},
        "gradient-descent": {"function", "variables", "point", "learning_rate"},
        "linear-regression": {"X", "y", "w"},
        "sigmoid-softmax-derivatives": {"logits", "ask"},
    }
    for problem in problems():
        assert fields[problem.skill] <= set(problem.data), (problem.id, problem.data)
        if problem.data.get("ask") == "cross-entropy-gradient":
            assert isinstance(problem.data["target"], int)
        if problem.skill == "backpropagation":
            assert problem.data["activation"] in ("sigmoid", "relu", "tanh", "identity")
            assert problem.data["loss"] in ("squared", "cross-entropy")


# ----------------------------------------------------------------------------- misconceptions
def _recognised(problem: Problem, wrong: str, expected_id: str) -> bool:
    """`wrong` is graded wrong, with a misconception's message; True if it is `expected_id`."""
    verdict = grade(problem, wrong)
    if verdict.correct:
        return False  # the slip gives the right answer for this problem
    assert verdict.error is None, (problem.id, wrong, verdict.error)
    by_id = {m.id: m for m in problem.misconceptions}
    assert verdict.misconception in by_id, f"{problem.id}: {wrong} not recognised"
    assert verdict.feedback == by_id[verdict.misconception].feedback
    return verdict.misconception == expected_id


def _numbers(values: object) -> str:
    return _text(numpy.asarray(values).tolist() if isinstance(values, numpy.ndarray)
                 else values)


def _slips(problem: Problem) -> list[tuple[str, str]]:
    """(wrong answer, misconception id) for the slips the issue lists, computed from data."""
    data, skill = problem.data, problem.skill
    if skill == "partial-derivatives" and len(data["respect_to"]) == 1:
        f = _sym(data["function"])
        total = sum(sympy.diff(f, NAMES[v]) for v in data["variables"])
        return [(sympy.sstr(total), "partial-other-variable-not-held-constant")]
    if skill == "jacobian":
        rows = _expected(problem)
        return [(_text([list(c) for c in zip(*rows, strict=True)]), "jacobian-transposed")]
    if skill == "hessian":
        rows = _expected(problem)
        n = len(rows)
        missing = [[rows[i][j] if i == j else 0 for j in range(n)] for i in range(n)]
        doubled = [[rows[i][j] * (1 if i == j else 2) for j in range(n)] for i in range(n)]
        return [(_text(missing), "hessian-mixed-partial-missing"),
                (_text(doubled), "hessian-mixed-partial-doubled")]
    if skill == "multivariable-chain-rule":
        f, t = _sym(data["function"]), NAMES["t"]
        along = {NAMES[k]: _sym(v) for k, v in data["intermediates"].items()}
        x_path = sympy.diff(f, NAMES["x"]).subs(along) * sympy.diff(along[NAMES["x"]], t)
        y_path = sympy.diff(f, NAMES["y"]).subs(along) * sympy.diff(along[NAMES["y"]], t)
        return [(sympy.sstr(x_path), "chain-rule-y-path-missing"),
                (sympy.sstr(y_path), "chain-rule-x-path-missing")]
    if skill == "gradient-descent":
        f = _sym(data["function"])
        point = numpy.array([data["point"][v] for v in data["variables"]], dtype=float)
        g = numpy.array([float(_at(sympy.diff(f, NAMES[v]), data["point"]))
                         for v in data["variables"]])
        rate = float(_sym(data["learning_rate"]))
        return [(_numbers(point + rate * g), "gradient-step-uphill"),
                (_numbers(point - g), "gradient-step-without-learning-rate")]
    if skill == "linear-regression":
        right = _mse_gradient_numerically(data)
        n = len(data["y"])
        return [(_numbers(right / 2), "mse-gradient-two-forgotten"),
                (_numbers(right * n), "mse-gradient-mean-forgotten")]
    if skill == "gradient" and "A" in data:
        A = numpy.array(data["A"])
        v = sympy.Matrix([NAMES[n] for n in data["variables"]])
        as_ax = sympy.Matrix(A.tolist()) * v + sympy.Matrix(data["a"])
        return [(_text(list(as_ax)), "quadratic-form-gradient-as-Ax")]
    if skill == "backpropagation":
        return _backprop_slips(problem)
    if data.get("ask") == "cross-entropy-gradient":
        return [(_numbers(-_softmax_numerically(data)), "cross-entropy-gradient-sign-flipped")]
    return []


def _backprop_slips(problem: Problem) -> list[tuple[str, str]]:
    data = problem.data
    slips = [(_numbers(-_backprop_numerically(data)), "loss-gradient-sign-flipped")]
    if data["wrt"].startswith("W2") or data["wrt"].startswith("b2"):
        return slips
    if data["activation"] == "sigmoid":  # σ′(a) taken as σ(a)
        slope = _hidden_gradient(data, lambda a: 1 / (1 + numpy.exp(-a)))
        slips.append((_numbers(slope), "sigmoid-derivative-is-sigmoid"))
    if data["activation"] == "relu":  # relu′ taken as 1, also where a < 0
        slips.append((_numbers(_hidden_gradient(data, numpy.ones_like)),
                      "relu-derivative-one-for-negative"))
    return slips


def _hidden_gradient(data: dict, slope) -> float:
    """∂L/∂(W1, b1 or x entry) by the backward pass with the activation's slope replaced."""
    act = {"sigmoid": lambda a: 1 / (1 + numpy.exp(-a)), "tanh": numpy.tanh,
           "relu": lambda a: numpy.maximum(a, 0), "identity": lambda a: a}[data["activation"]]
    x, W1, b1 = (numpy.array(data[k], dtype=float) for k in ("x", "W1", "b1"))
    W2, b2 = numpy.array(data["W2"], dtype=float), numpy.array(data["b2"], dtype=float)
    a = W1 @ x + b1
    out = W2 @ act(a) + b2
    y = numpy.array(data["y"], dtype=float)
    error = out - y if data["loss"] == "squared" else numpy.exp(out) / numpy.exp(out).sum() - y
    d_a = (W2.T @ error) * slope(a)
    name, *indices = data["wrt"].replace("]", "").split("[")
    index = tuple(int(i) for i in indices)
    if name == "W1":
        return float(d_a[index[0]] * x[index[1]])
    if name == "b1":
        return float(d_a[index[0]])
    return float(W1[:, index[0]] @ d_a)


@pytest.mark.parametrize("family", FAMILIES)
def test_the_listed_misconceptions_are_recognised(family: str) -> None:
    for seed in SEEDS:
        problem = make_problem(BANK, family, seed)
        for wrong, ident in _slips(problem):
            _recognised(problem, wrong, ident)


def test_each_listed_misconception_is_named_by_its_own_id_somewhere() -> None:
    """Over a few seeds every slip of the issue's list is met and named as itself."""
    named: set[str] = set()
    wanted: set[str] = set()
    for family in FAMILIES:
        for seed in range(12):
            problem = make_problem(BANK, family, seed)
            for wrong, ident in _slips(problem):
                wanted.add(ident)
                if _recognised(problem, wrong, ident):
                    named.add(ident)
    assert named == wanted
    assert {"partial-other-variable-not-held-constant", "jacobian-transposed",
            "hessian-mixed-partial-missing", "hessian-mixed-partial-doubled",
            "chain-rule-y-path-missing", "sigmoid-derivative-is-sigmoid",
            "cross-entropy-gradient-sign-flipped", "gradient-step-uphill",
            "gradient-step-without-learning-rate", "mse-gradient-two-forgotten",
            "mse-gradient-mean-forgotten", "quadratic-form-gradient-as-Ax",
            "relu-derivative-one-for-negative"} <= named


# ----------------------------------------------------------------------------- what learners type
def test_gradients_typed_in_round_or_square_brackets_are_right() -> None:
    for problem in problems("gradient"):
        if not problem.variables:
            continue
        entries = [sympy.sstr(e).replace("**", "^") for e in
                   sympy.sympify(problem.answer, locals=NAMES)]
        for text in (f"({', '.join(entries)})", f"[{', '.join(entries)}]"):
            assert grade(problem, text).correct, (problem.id, text)


def test_a_softmax_answer_in_decimals_is_right() -> None:
    for problem in problems("sigmoid-softmax-derivatives"):
        values = numpy.asarray(_softmax_numerically(problem.data))
        if problem.answer_kind == "matrix":
            text = "; ".join(" ".join(f"{v:.6f}" for v in row) for row in values)
        else:
            text = ", ".join(f"{v:.6f}" for v in values)
        assert grade(problem, text).correct, (problem.id, text)


def test_a_backprop_answer_in_decimals_is_right() -> None:
    for problem in problems("backpropagation"):
        value = _backprop_numerically(problem.data)
        assert grade(problem, f"{value:.6f}").correct, (problem.id, value, problem.answer)


# ----------------------------------------------------------------------------- notation
SYMBOLS_SHOWN = {"partial-derivatives": "∂", "gradient": "∇f", "jacobian": "Jacobian J",
                 "hessian": "Hessian H", "multivariable-chain-rule": "dz/dt",
                 "backpropagation": "ŷ", "gradient-descent": "η",
                 "linear-regression": "ŷ"}
ASCII_SHOWN = {"partial-derivatives": "f/d", "gradient": "grad f", "jacobian": "Jacobian J",
               "hessian": "Hessian H", "multivariable-chain-rule": "dz/dt",
               "backpropagation": "y_hat", "gradient-descent": "eta",
               "linear-regression": "y_hat"}


def test_prompts_use_the_notation_in_unicode_and_read_well_in_ascii() -> None:
    for problem in problems(*SKILLS):
        assert SYMBOLS_SHOWN[problem.skill] in problem.prompt, problem.prompt
        ascii_prompt = prose(problem.prompt, False)
        assert ASCII_SHOWN[problem.skill] in ascii_prompt, ascii_prompt
        for text in (problem.prompt, *problem.hints, *problem.solution,
                     *(m.feedback for m in problem.misconceptions)):
            plain_text = prose(text, False)
            assert plain_text.isascii() and "?" not in plain_text, (problem.id, plain_text)


def test_sigmoid_problems_say_sigma_and_sigma_in_ascii() -> None:
    sigmoid = [p for p in problems("backpropagation") if p.data["activation"] == "sigmoid"]
    assert sigmoid
    for problem in sigmoid:
        assert "σ(" in problem.prompt and "sigma(" in prose(problem.prompt, False)


def test_the_topic_generates_reproducibly() -> None:
    families = [f for f in FAMILIES if BANK.families[f].topic == TOPIC]
    first = [p.model_dump() for p in generate_problems(BANK, families, 30, 5)]
    again = [p.model_dump() for p in generate_problems(BANK, families, 30, 5)]
    assert first == again and {p["skill"] for p in first} == set(SKILLS)
