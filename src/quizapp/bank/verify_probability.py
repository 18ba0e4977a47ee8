"""`bank check` for the probability and notation topics: each key recomputed from the problem's
`data` alone, with fractions.Fraction and numpy (never the generators' own arithmetic)."""

import math
from collections.abc import Callable
from fractions import Fraction

import numpy
import sympy

from quizapp.answers import read_answer
from quizapp.bank.problems import Problem


def _key(problem: Problem) -> list[sympy.Expr]:
    return [v.expr for v in read_answer(problem.answer, problem.answer_kind, ()).values]


def _is(problem: Problem, want: object) -> str | None:
    """None when the key equals `want` (a Fraction, int or float), else the fault."""
    got = _key(problem)
    if len(got) != 1:
        return f"key {problem.answer} is not one number"
    if isinstance(want, Fraction | int):
        same = got[0] == sympy.Rational(want.numerator, want.denominator) if isinstance(
            want, Fraction) else got[0] == want
    else:
        same = abs(float(sympy.N(got[0], 30)) - float(want)) < 1e-9 * max(1.0, abs(want))
    return None if same else f"key {problem.answer} is not {want}"


def _fractions(items: list) -> list[Fraction]:
    return [Fraction(str(v)) for v in items]


def _basics(problem: Problem) -> str | None:
    outcomes, favourable = problem.data["outcomes"], problem.data["favourable"]
    if not 0 < favourable < outcomes:
        return f"{favourable} of {outcomes} outcomes is a certain or impossible event"
    return _is(problem, Fraction(favourable, outcomes))


def _bayes(problem: Problem) -> str | None:
    prior, sens, false = (Fraction(problem.data[k]) for k in
                          ("prior", "sensitivity", "false_positive_rate"))
    return _is(problem, sens * prior / (sens * prior + false * (1 - prior)))


def _moments(problem: Problem) -> str | None:
    data = problem.data
    x = numpy.array(data["values"], dtype=float)
    p = numpy.array([float(q) for q in _fractions(data["probabilities"])])
    if abs(p.sum() - 1) > 1e-12 or (p <= 0).any():
        return f"probabilities {data['probabilities']} are not a distribution"
    a, b = data.get("a", 1), data.get("b", 0)
    y = a * x + b
    mean = float(p @ y)
    variance = float(p @ (y - mean) ** 2)
    want = {"mean": mean, "variance": variance, "std": math.sqrt(variance),
            "second-moment": float(p @ y ** 2)}[data["ask"]]
    return _is(problem, want)


def verify_probability(problem: Problem) -> str | None:
    """What is wrong with a probability problem's key, or None when Fraction/numpy agree."""
    check: Callable[[Problem], str | None] | None = {
        "probability-basics": _basics, "bayes-rule": _bayes, "expectation-variance": _moments,
    }.get(problem.skill)
    return check(problem) if check else f"no check for skill {problem.skill}"


# --- notation ------------------------------------------------------------------------------

def _series(problem: Problem) -> str | None:
    data = problem.data
    term = read_answer(data["expression"], "expression", (data["index"],)).values[0].expr
    index = next(iter(term.free_symbols))
    values = [int(term.subs(index, n)) for n in range(data["from"], data["to"] + 1)]
    return _is(problem, sum(values) if data["kind"] == "sum" else math.prod(values))


def _indicator(problem: Problem) -> str | None:
    x = numpy.array(problem.data["values"])
    t = problem.data["threshold"]
    count = int((x > t).sum() if problem.data["condition"] == ">" else (x < t).sum())
    return _is(problem, count)


def _arg(problem: Problem) -> str | None:
    v = numpy.array(problem.data["values"])
    position = numpy.argmax(v) if problem.data["kind"] == "argmax" else numpy.argmin(v)
    if (v == v[position]).sum() != 1:
        return "the extreme value is not unique"
    return _is(problem, int(position) + problem.data["first_index"])


def _hadamard(problem: Problem) -> str | None:
    want = numpy.array(problem.data["A"]) * numpy.array(problem.data["B"])
    answer = read_answer(problem.answer, "matrix", ())
    got = numpy.array([float(v.expr) for v in answer.values]).reshape(answer.shape)
    return None if got.shape == want.shape and numpy.array_equal(got, want) else \
        f"key {problem.answer} is not A ⊙ B = {want.tolist()}"


def _inner(problem: Problem) -> str | None:
    return _is(problem, int(numpy.dot(problem.data["u"], problem.data["v"])))


def _norm(problem: Problem) -> str | None:
    p = problem.data["p"]
    return _is(problem, float(numpy.linalg.norm(numpy.array(problem.data["v"], float),
                                                numpy.inf if p == "inf" else p)))


def _expectation(problem: Problem) -> str | None:
    p = _fractions(problem.data["probabilities"])
    if sum(p) != 1:
        return "probabilities do not add up to 1"
    return _is(problem, sum((Fraction(x) * q for x, q in zip(problem.data["values"], p,
                                                             strict=True)), Fraction(0)))


def _indexed(problem: Problem) -> str | None:
    data = problem.data
    base = data["first_index"]
    return _is(problem, data["table"][data["example"] - base][data["feature"] - base])


def _shape(problem: Problem) -> str | None:
    shapes = problem.data["shapes"]
    product, _, added = problem.data["expression"].partition("+")
    result = None
    for name in product.split():
        factor = numpy.zeros(shapes[name.removesuffix("^T")])
        factor = factor.T if name.endswith("^T") else factor
        result = factor if result is None else result @ factor
    assert result is not None
    if added.strip():
        result = result + numpy.zeros(shapes[added.strip()])
    want = list(result.shape)
    got = [int(v) for v in _key(problem)]
    return None if got == want else f"shape {got} is not {want}"


_NOTATION: dict[str, Callable[[Problem], str | None]] = {
    "sum": _series, "product": _series, "indicator": _indicator, "argmax": _arg,
    "argmin": _arg, "hadamard": _hadamard, "inner-product": _inner, "norm": _norm,
    "expectation": _expectation, "indexed": _indexed, "shape": _shape,
}


def verify_notation(problem: Problem) -> str | None:
    """What is wrong with a notation problem's key, or None when numpy/Fraction agree."""
    check = _NOTATION.get(problem.data.get("kind", ""))
    return check(problem) if check else f"no check for kind {problem.data.get('kind')}"
