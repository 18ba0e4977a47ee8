"""The notation topic: every key recomputed from `data` with numpy / fractions (never the
generators' code), the data contract per kind, the issue's misconceptions typed as a learner
would, and the ASCII spelling of each symbol for --ascii."""

import math
from collections import defaultdict
from fractions import Fraction

import numpy
import pytest
import sympy

from quizapp.answers import Misconception, check
from quizapp.bank import Problem, load_bank, make_problem
from quizapp.mathtext import prose

BANK = load_bank()
FAMILIES = [f for f in BANK.families.values() if f.topic == "notation"]
PROBLEMS = [make_problem(BANK, f.id, seed) for f in FAMILIES for seed in range(30)]
CONTRACT = {"sum": {"expression", "index", "from", "to"},
            "product": {"expression", "index", "from", "to"},
            "argmax": {"values", "first_index"}, "argmin": {"values", "first_index"},
            "hadamard": {"A", "B"}, "inner-product": {"u", "v"}, "norm": {"v", "p"},
            "expectation": {"values", "probabilities"}, "indicator": {"values", "threshold"},
            "indexed": {"table", "feature", "example"}, "shape": {"expression", "shapes"}}


def of(kind: str) -> list[Problem]:
    found = [p for p in PROBLEMS if p.data["kind"] == kind]
    assert found, kind
    return found


def named(problem: Problem, typed: str) -> str | None:
    known = [Misconception(m.id, m.answer, m.feedback) for m in problem.misconceptions]
    verdict = check(typed, problem.answer, problem.answer_kind, (), None, known)
    assert not verdict.correct and verdict.error is None, (problem.id, typed)
    return verdict.misconception


def right(problem: Problem, typed: str) -> bool:
    return check(typed, problem.answer, problem.answer_kind).correct


def terms(problem: Problem, low: int, high: int) -> list[int]:
    symbol = sympy.Symbol(problem.data["index"])
    f = sympy.lambdify(symbol, sympy.sympify(problem.data["expression"]))  # trusted test data
    return [int(f(n)) for n in range(low, high + 1)]


def test_one_skill_with_families_at_every_level() -> None:
    assert [s.id for s in BANK.topics["notation"].skills] == ["math-notation"]
    levels = defaultdict(int)
    for family in FAMILIES:
        levels[family.difficulty] += 1
    assert len(FAMILIES) >= 2 and set(levels) == {1, 2, 3}
    assert set(CONTRACT) == {p.data["kind"] for p in PROBLEMS}


def test_sums_and_products_and_their_off_by_one_slips() -> None:
    for problem in of("sum") + of("product"):
        data = problem.data
        combine = sum if data["kind"] == "sum" else math.prod
        assert right(problem, str(combine(terms(problem, data["from"], data["to"]))))
        if data["to"] > data["from"]:  # Python's range: the upper limit left out
            short = combine(terms(problem, data["from"], data["to"] - 1))
            assert named(problem, str(short)) == "range-end-excluded"


def test_argmax_index_not_value() -> None:
    for problem in of("argmax") + of("argmin"):
        v = numpy.array(problem.data["values"])
        pick = numpy.argmax if problem.data["kind"] == "argmax" else numpy.argmin
        index = int(pick(v)) + problem.data["first_index"]
        assert right(problem, str(index))
        assert named(problem, str(v[pick(v)])) == f"{problem.data['kind']}-as-value"
        other = index + (1 if problem.data["first_index"] == 0 else -1)
        assert named(problem, str(other)) in ("index-base-off-by-one",
                                              f"{problem.data['kind']}-direction-swapped")


def test_hadamard_is_elementwise_and_the_matrix_product_is_named() -> None:
    for problem in of("hadamard"):
        a, b = numpy.array(problem.data["A"]), numpy.array(problem.data["B"])
        assert right(problem, "; ".join(" ".join(map(str, row)) for row in (a * b).tolist()))
        assert named(problem, str((a @ b).tolist())) == "hadamard-as-matrix-product"


def test_inner_products() -> None:
    for problem in of("inner-product"):
        assert right(problem, str(int(numpy.dot(problem.data["u"], problem.data["v"]))))


def test_p_norms_and_the_missing_root() -> None:
    for problem in of("norm"):
        v, p = numpy.array(problem.data["v"], float), problem.data["p"]
        want = numpy.linalg.norm(v, numpy.inf if p == "inf" else p)
        assert right(problem, f"{want:.6g}")
        if p not in ("inf", 1):
            powered = int(numpy.sum(numpy.abs(v) ** p))
            assert named(problem, str(powered)) == "norm-no-root"


def test_expectation_over_a_table() -> None:
    for problem in of("expectation"):
        p = [Fraction(q) for q in problem.data["probabilities"]]
        mean = sum(x * q for x, q in zip(problem.data["values"], p, strict=True))
        assert right(problem, str(mean))
        unweighted = Fraction(sum(problem.data["values"]), len(p))
        if unweighted != mean:
            assert named(problem, str(unweighted)) == "mean-unweighted"


def test_indicator_counts() -> None:
    for problem in of("indicator"):
        x, t = numpy.array(problem.data["values"]), problem.data["threshold"]
        holds = x > t if problem.data["condition"] == ">" else x < t
        assert right(problem, str(int(holds.sum())))
        assert named(problem, str(int(x[holds].sum()))) in ("indicator-summed-values", None)


def test_indexed_entries_and_swapped_indices() -> None:
    for problem in of("indexed"):
        table, i, j = (problem.data[k] for k in ("table", "feature", "example"))
        assert right(problem, str(table[j - 1][i - 1]))  # example j is row j, feature i column i
        assert named(problem, str(table[i - 1][j - 1])) == "indices-swapped"


def test_shapes_from_numpy() -> None:
    for problem in of("shape"):
        shapes = problem.data["shapes"]
        product, _, added = problem.data["expression"].partition("+")
        result = None
        for name in product.split():
            m = numpy.zeros(shapes[name.removesuffix("^T")])
            m = m.T if name.endswith("^T") else m
            result = m if result is None else result @ m
        if added.strip():
            result = result + numpy.zeros(shapes[added.strip()])
        rows, cols = result.shape
        assert right(problem, f"{rows}, {cols}") and right(problem, f"{rows}×{cols}")


def test_contract_hints_solutions_misconceptions_resources() -> None:
    for problem in PROBLEMS:
        assert CONTRACT[problem.data["kind"]] <= set(problem.data), problem.id
        assert len(problem.hints) >= 2 and len(problem.solution) >= 2
        assert len(problem.misconceptions) >= 2
        for m in problem.misconceptions:
            assert named(problem, m.answer) == m.id
        assert {r.id for r in problem.resources} == {"mml-table-of-symbols", "dlbook-notation"}


@pytest.mark.parametrize(("kind", "spelling"), [
    ("sum", "sum_{"), ("product", "prod_{"), ("argmax", "argmax_i"), ("argmin", "argmin_i"),
    ("hadamard", "A (.) B"), ("inner-product", "<u, v>"), ("norm", "||v||"),
    ("expectation", "E[X]"), ("indicator", "1[x_i"), ("indexed", "^("), ("shape", " in R^")])
def test_ascii_spells_each_symbol(kind: str, spelling: str) -> None:
    for problem in of(kind):
        for text in (problem.prompt, *problem.hints, *problem.solution):
            spelled = prose(text, False)
            assert spelled.isascii() and spelled.count("?") == text.count("?"), spelled
        assert spelling in prose(problem.prompt, False)


def test_sum_limits_spelled_like_latex() -> None:
    problem = of("sum")[0]
    d = problem.data
    assert f"sum_{{{d['index']}={d['from']}}}^{{{d['to']}}}" in prose(problem.prompt, False)
