"""Generated problems: reproducible from their ids, keys verified independently of the generators
(sympy's diff, numpy's @ and eigvals), hints, worked solutions, misconceptions and resources."""

import json
import re
import tomllib
from pathlib import Path

import numpy
import pytest
import sympy

from quizapp.answers import Misconception, check, read_answer
from quizapp.answers.errors import AnswerError
from quizapp.bank import (
    Problem,
    UnknownProblem,
    choose_families,
    generate_problems,
    load_bank,
    make_problem,
    problem_by_id,
)
from quizapp.bank.selftest import check_problem

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "question_bank"
BANK = load_bank(SHIPPED)
FAMILIES = list(BANK.families)
# multivariable-calculus and softmax families have their own checks: test_multivariable.py
CORE_FAMILIES = [f.id for f in BANK.families.values() if f.generator != "softmax"
                 and f.topic in ("derivatives", "matrix-products", "eigenvalues")]
SEEDS = range(8)  # every family over 8 seeds; `quizapp bank check` goes to 1,000


def families_using(*generators: str) -> list[str]:
    return [f.id for f in BANK.families.values() if f.generator in generators]


def _expr(text: str, variable: str) -> sympy.Expr:
    return read_answer(text, "expression", (variable,)).values[0].expr


def _symbol(expr: sympy.Expr, name: str) -> sympy.Symbol:
    """The symbol called `name` in `expr` (the answer engine makes its own symbols)."""
    return next((s for s in expr.free_symbols if s.name == name), sympy.Symbol(name))


# ----------------------------------------------------------------------------- independent keys
def verify_derivative(problem: Problem) -> None:
    assert problem.answer_kind == "expression" and problem.data["variable"] == "x"
    function = _expr(problem.data["function"], "x")
    x = _symbol(function, "x")
    assert x in function.free_symbols, problem.data
    derivative = sympy.diff(function, x)
    assert not derivative.is_number, f"{problem.id}: d/dx {function} is a constant"
    verdict = check(problem.answer, sympy.sstr(derivative), "expression", ("x",),
                    problem.domain or None)
    assert verdict.correct, f"{problem.id}: key {problem.answer} ≠ d/dx {function} = {derivative}"


def _is_identity(matrix: numpy.ndarray) -> bool:
    return matrix.ndim == 2 and matrix.shape[0] == matrix.shape[1] and numpy.array_equal(
        matrix, numpy.eye(matrix.shape[0], dtype=int))


def verify_shape(problem: Problem) -> None:
    """The shape of A·B or A·B·C by numpy's @, or `undefined` where numpy refuses."""
    factors = [numpy.array(problem.data[name]) for name in problem.data["shape_of"].split("·")]
    assert all(f.dtype.kind == "i" and f.ndim == 2 for f in factors), problem.id
    try:
        result = factors[0]
        for factor in factors[1:]:
            result = result @ factor
    except ValueError:
        assert problem.answer == "undefined", problem.id
        return
    assert json.loads(problem.answer) == list(result.shape), problem.id


def verify_product(problem: Problem) -> None:
    if problem.data.get("shape_of"):
        verify_shape(problem)
        return
    a, b = numpy.array(problem.data["A"]), numpy.array(problem.data["B"])
    assert a.dtype.kind == "i" and b.dtype.kind == "i" and a.ndim == b.ndim == 2
    key = json.loads(problem.answer)
    product = a @ b
    if problem.answer_kind == "vector":
        assert b.shape[1] == 1, "a vector is an n×1 matrix in data"
        assert key == product.ravel().tolist(), problem.id
    else:
        assert problem.answer_kind == "matrix"
        assert key == product.tolist(), problem.id
    for name, matrix in (("A", a), ("B", b), ("A·B", product)):
        assert matrix.any() and not _is_identity(matrix), f"{problem.id}: {name} is degenerate"


def _multisets_close(ours: list[complex], theirs: list[complex], tolerance: float) -> bool:
    left = list(theirs)
    for value in ours:
        nearest = min(range(len(left)), key=lambda i: abs(left[i] - value), default=None)
        if nearest is None or abs(left[nearest] - value) > tolerance * max(1.0, abs(value)):
            return False
        left.pop(nearest)
    return not left


def verify_eigenvalues(problem: Problem) -> None:
    assert problem.answer_kind == "multiset"
    matrix = numpy.array(problem.data["matrix"])
    assert matrix.dtype.kind == "i" and matrix.shape in ((2, 2), (3, 3)), problem.data
    expected = [complex(z) for z in numpy.linalg.eigvals(matrix.astype(float))]
    values = read_answer(problem.answer, "multiset", ()).values
    ours = [complex(sympy.N(v.expr, 30)) for v in values]
    # a repeated eigenvalue of a defective matrix comes back from LAPACK only to ~√eps
    assert _multisets_close(ours, expected, 1e-5), f"{problem.id}: {ours} vs eigvals {expected}"
    assert matrix.any() and not _is_identity(matrix)


VERIFY = {"derivatives": verify_derivative, "matrix-products": verify_product,
          "eigenvalues": verify_eigenvalues}


def _integers_in(value: object) -> list[int]:
    if isinstance(value, list):
        return [n for item in value for n in _integers_in(item)]
    if isinstance(value, dict):
        return [n for item in value.values() for n in _integers_in(item)]
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [value]
    if isinstance(value, str):
        return [int(n) for n in re.findall(r"\d+", value)]
    return []


@pytest.mark.parametrize("family", CORE_FAMILIES)
def test_every_problem_of_every_family_is_sound(family: str) -> None:
    for seed in SEEDS:
        problem = make_problem(BANK, family, seed)
        assert problem.id == f"{family}.{seed}" and problem.family == family
        assert (problem.topic, problem.skill, problem.difficulty) == (
            BANK.families[family].topic, BANK.families[family].skill,
            BANK.families[family].difficulty)
        assert check_problem(problem) == [], problem.id
        VERIFY[problem.topic](problem)
        assert problem.prompt.strip()
        if problem.topic != "derivatives" and not problem.data.get("shape_of"):
            shown = {int(n) for n in re.findall(r"-?\d+", problem.prompt.replace("−", "-"))}
            assert set(_integers_in(problem.data)) <= shown, (problem.id, problem.prompt)
        assert len(problem.hints) >= 2 and all(h.strip() for h in problem.hints)
        assert len(problem.solution) >= 2 and all(s.strip() for s in problem.solution)
        assert len(set(problem.hints)) == len(problem.hints)

        # the key, typed back, is right and names no misconception
        known = [Misconception(m.id, m.answer, m.feedback) for m in problem.misconceptions]
        domain = problem.domain or None
        right = check(problem.answer, problem.answer, problem.answer_kind, problem.variables,
                      domain, known)
        assert right.correct and right.misconception is None and right.error is None

        # every misconception, typed, is wrong, readable, and recognised as itself
        assert len(problem.misconceptions) >= 2, problem.id
        assert len({m.id for m in problem.misconceptions}) == len(problem.misconceptions)
        for m in problem.misconceptions:
            assert m.answer != problem.answer and m.feedback.strip()
            verdict = check(m.answer, problem.answer, problem.answer_kind, problem.variables,
                            domain, known)
            assert not verdict.correct, f"{problem.id}: misconception {m.id} equals the key"
            assert verdict.error is None, f"{problem.id}: {m.id} unreadable: {verdict.error}"
            assert verdict.misconception == m.id, (problem.id, m.id, verdict.misconception)
            assert verdict.feedback == m.feedback

        if problem.difficulty == 1:
            numbers = _integers_in(problem.data) + _integers_in(problem.answer)
            assert all(abs(n) < 100 for n in numbers), f"{problem.id}: 3-digit {numbers}"


# ----------------------------------------------------------------------------- determinism
@pytest.mark.parametrize("family", FAMILIES)
def test_same_family_and_seed_give_the_same_problem(family: str) -> None:
    fresh = load_bank(SHIPPED)  # another Bank object: nothing cached on the first one matters
    for seed in (0, 7, 999_999):
        first = make_problem(BANK, family, seed).model_dump()
        assert make_problem(fresh, family, seed).model_dump() == first
    prompts = {make_problem(BANK, family, seed).prompt for seed in range(10)}
    assert len(prompts) >= 3, f"{family}: 10 seeds give only {len(prompts)} different problems"


def test_generate_problems_is_reproducible_and_depends_on_the_seed() -> None:
    families = choose_families(BANK, topic="derivatives")
    first = [p.model_dump() for p in generate_problems(BANK, families, 12, seed=5)]
    again = [p.model_dump() for p in generate_problems(BANK, families, 12, seed=5)]
    other = [p.model_dump() for p in generate_problems(BANK, families, 12, seed=6)]
    assert first == again and len(first) == 12
    assert sum(a["id"] != b["id"] for a, b in zip(first, other, strict=True)) >= 10
    assert {p["topic"] for p in first} == {"derivatives"}


def test_generate_problems_uses_every_family_before_repeating_one() -> None:
    families = choose_families(BANK, topic="eigenvalues")
    problems = generate_problems(BANK, families, len(families), seed=3)
    assert sorted(p.family for p in problems) == sorted(families)


def test_choose_families_filters_by_topic_skill_and_difficulty() -> None:
    chosen = choose_families(BANK, topic="matrix-products", difficulty=1)
    assert chosen and all(BANK.families[f].topic == "matrix-products"
                          and BANK.families[f].difficulty == 1 for f in chosen)
    by_skill = choose_families(BANK, skill="matrix-shapes")
    assert by_skill and all(BANK.families[f].skill == "matrix-shapes" for f in by_skill)
    assert choose_families(BANK, topic="eigenvalues", skill="matrix-product") == []


def test_a_problem_id_reproduces_the_problem() -> None:
    problems = [make_problem(BANK, f, 42) for f in FAMILIES[::3]]
    problems += generate_problems(BANK, choose_families(BANK, topic="matrix-products"), 5, 8)
    for problem in problems:
        assert problem_by_id(BANK, problem.id).model_dump() == problem.model_dump()
        assert problem_by_id(BANK, f"  {problem.id}\n") == problem


@pytest.mark.parametrize("text", ["no-such-family.3", "power-one-term", "power-one-term.",
                                  "power-one-term.-1", "power-one-term.x", "",
                                  "Power-One-Term.3", "power-one-term.1234567890",
                                  "matmul-2x2.3.4", "../etc/passwd.1"])
def test_a_bad_problem_id_raises_unknown_problem_with_a_message(text: str) -> None:
    with pytest.raises(UnknownProblem) as caught:
        problem_by_id(BANK, text)
    message = caught.value.message
    assert message.strip() and "\n" not in message
    assert text.strip() in message or "no family" in message


# ----------------------------------------------------------------------------- worked solutions
def _same(a: str, b: sympy.Expr, variable: str, domain: tuple[float, float]) -> bool:
    return check(a, sympy.sstr(b), "expression", (variable,), {variable: domain}).correct


STEP = re.compile(r"=\s*(?P<f>.+?),\s*so\s+\S+\s*=\s*(?P<df>.+?)\.?$")


@pytest.mark.parametrize("family", families_using("chain"))
def test_a_chain_rule_solution_names_outer_and_inner_and_their_derivatives(family: str) -> None:
    for seed in range(6):
        problem = make_problem(BANK, family, seed)
        outer = [s for s in problem.solution if "outer" in s.lower()]
        inner = [s for s in problem.solution if "inner" in s.lower()]
        assert outer and inner, problem.solution
        outer_step, inner_step = STEP.search(outer[0]), STEP.search(inner[0])
        assert outer_step and inner_step, problem.solution
        f, df = outer_step["f"], outer_step["df"]
        u_text, du_text = inner_step["f"], inner_step["df"]
        f_u, u_x = _expr(f, "u"), _expr(u_text, "x")
        u, x = _symbol(f_u, "u"), _symbol(u_x, "x")
        assert u in f_u.free_symbols, f"outer function {f!r} is not written in u"
        assert _same(df, sympy.diff(f_u, u), "u", (0.3, 1.3)), (problem.id, f, df)
        assert _same(du_text, sympy.diff(u_x, x), "x", (0.2, 1.4)), (problem.id, u_text,
                                                                    du_text)
        # and they are the outer and inner functions of this very problem
        composed = f_u.subs(u, u_x)
        assert check(sympy.sstr(composed), problem.data["function"], "expression", ("x",),
                     problem.domain or None).correct, (problem.id, f, u_text)


SIGNED = re.compile(r"(^|[−+(;]\s*)(\d+)·(\(−\d+\)|\d+)")


def _signed_pairs(step: str) -> list[tuple[int, int]]:
    """(a, b) for each term a·b of a row sum written `2·3 − 2·(−2)` (a's sign before it)."""
    pairs = []
    for sign, a, b in SIGNED.findall(step):
        left = -int(a) if sign.strip() == "−" else int(a)
        pairs.append((left, -int(b[2:-1]) if b.startswith("(") else int(b)))
    return pairs


@pytest.mark.parametrize("family", families_using("matrix-product", "matrix-vector"))
def test_a_product_solution_shows_row_times_column_with_the_numbers(family: str) -> None:
    for seed in range(6):
        problem = make_problem(BANK, family, seed)
        a, b = problem.data["A"], problem.data["B"]
        product = numpy.array(a) @ numpy.array(b)
        for i in range(len(a)):
            for j in range(len(b[0])):
                pairs = [(a[i][k], b[k][j]) for k in range(len(b))]
                shown = [step for step in problem.solution
                         if _contains_run(_signed_pairs(step), pairs)]
                terms = " + ".join(f"{p}·{q}" for p, q in pairs)
                assert shown, f"{problem.id}: entry ({i + 1},{j + 1}) = {terms} not shown in " \
                              f"{problem.solution}"
                value = str(product[i][j]).replace("-", "−")
                assert any(re.search(rf"(?<![\d−]){value}(?!\d)", s) for s in shown)


def test_a_row_sum_never_writes_plus_minus() -> None:
    """`− 2·(−2)`, not `+ -2·(-2)`: no ASCII minus and no `+ −` in product solutions."""
    for family in families_using("matrix-product", "matrix-vector"):
        for seed in range(20):
            problem = make_problem(BANK, family, seed)
            for step in (*problem.solution, *problem.hints):
                assert "-" not in step and "+ −" not in step, (problem.id, step)
            if any(v < 0 for row in problem.data["A"] for v in row):
                assert any("−" in step for step in problem.solution), problem.id


def _contains_run(found: list[tuple[int, int]], run: list[tuple[int, int]]) -> bool:
    return any(found[k:k + len(run)] == run for k in range(len(found) - len(run) + 1))


POLYNOMIAL = re.compile(r"=\s*([^=.:,]*λ[^=.:,]*)")


@pytest.mark.parametrize("family", [f.id for f in BANK.families.values()
                                    if f.topic == "eigenvalues"])
def test_an_eigenvalue_solution_shows_the_characteristic_polynomial(family: str) -> None:
    for seed in range(6):
        problem = make_problem(BANK, family, seed)
        text = "\n".join(problem.solution)
        assert "λ" in text
        want = sympy.Matrix(problem.data["matrix"])
        found = []
        for candidate in POLYNOMIAL.findall(text):
            try:
                polynomial = _expr(candidate.strip(), "λ")
            except AnswerError:
                continue
            lam = _symbol(polynomial, "λ")
            found.append(sympy.expand(polynomial - want.charpoly(lam).as_expr()) == 0)
        assert any(found), f"{problem.id}: no characteristic polynomial of {want.tolist()} " \
                           f"in {problem.solution}"


# ----------------------------------------------------------------------------- resources
def test_resources_are_the_skills_resources_from_topics_toml_in_order() -> None:
    topics = tomllib.loads((SHIPPED / "topics.toml").read_text(encoding="utf-8"))
    resources = {r["id"]: r for r in tomllib.loads(
        (SHIPPED / "resources.toml").read_text(encoding="utf-8"))["resource"]}
    listed = {s["id"]: s["resources"] for t in topics["topic"] for s in t["skill"]}
    for family in FAMILIES:
        problem = make_problem(BANK, family, 1)
        assert [r.id for r in problem.resources] == listed[problem.skill], family
        for shown in problem.resources:
            source = resources[shown.id]
            assert (shown.title, shown.url, shown.provider, shown.kind) == (
                source["title"], source["url"], source["provider"], source["kind"])
            assert shown.url.startswith("https://")


# ----------------------------------------------------------------------------- classic mistakes
def _grade(problem: Problem, answer: str):
    known = [Misconception(m.id, m.answer, m.feedback) for m in problem.misconceptions]
    return check(answer, problem.answer, problem.answer_kind, problem.variables,
                 problem.domain or None, known)


def _matrix_text(matrix: numpy.ndarray) -> str:
    return json.dumps(matrix.tolist())


def _classic_matrix_slips(problem: Problem) -> list[str]:
    a, b = numpy.array(problem.data["A"]), numpy.array(problem.data["B"])
    key = a @ b
    slips = [key.T]  # the result transposed
    if b.shape[1] == a.shape[0]:
        slips.append(b @ a)  # B·A instead of A·B
    if a.shape == b.shape:
        slips.append(a * b)  # numpy's element-wise A * B
    if problem.answer_kind == "vector":
        slips = [a * b.ravel()]  # numpy's broadcast A * v
        if a.shape[0] == a.shape[1]:
            slips.append(a.T @ b)  # the columns of A instead of its rows
        else:
            slips.append(a[:, :a.shape[0]] @ b[:a.shape[0]])  # the last column left out
    wrong = [s for s in slips if s.shape != key.shape or not numpy.array_equal(s, key)]
    if problem.answer_kind == "vector":
        return [json.dumps(s.ravel().tolist() if s.shape[1] == 1 else s.tolist()) for s in wrong]
    return [_matrix_text(s) for s in wrong]


def _classic_eigen_slips(problem: Problem) -> list[str]:
    matrix = numpy.array(problem.data["matrix"])
    values = [v.expr for v in read_answer(problem.answer, "multiset", ()).values]
    slips = [", ".join(sympy.sstr(-v) for v in values)]  # signs flipped
    if BANK.families[problem.family].generator != "eigen-triangular":
        slips.append(", ".join(str(v) for v in numpy.diag(matrix)))  # the diagonal entries
    return slips


def _classic_derivative_slips(problem: Problem) -> list[str]:
    function = _expr(problem.data["function"], "x")
    x = _symbol(function, "x")
    key = sympy.diff(function, x)
    family = BANK.families[problem.family]
    if family.generator == "power":
        return [sympy.sstr(sympy.expand(x * key))]  # exponent brought down but not reduced
    slips = []
    outer = type(function).__name__
    if family.generator == "chain" and outer in ("sin", "cos", "tan", "exp", "tanh", "sigmoid"):
        inner = function.args[0]
        inner_derivative = sympy.diff(inner, x)
        if inner_derivative != 1:
            slips.append(sympy.sstr(key / inner_derivative))  # the inner derivative forgotten
        if isinstance(function, sympy.sin | sympy.cos):
            slips.append(sympy.sstr(-key))  # the sign of d/dx sin or cos
        if isinstance(function, sympy.exp):
            slips.append(sympy.sstr(function))  # d/dx e^(kx) written as e^(kx)
    return slips


CLASSIC = {"matrix-products": _classic_matrix_slips, "eigenvalues": _classic_eigen_slips,
           "derivatives": _classic_derivative_slips}


@pytest.mark.parametrize("family", CORE_FAMILIES)
def test_the_classic_mistakes_are_recognised_and_explained(family: str) -> None:
    """The mistakes the issue names, computed here from the problem's data, are each wrong
    and answered with a misconception's feedback rather than a bare "not quite"."""
    for seed in range(6):
        problem = make_problem(BANK, family, seed)
        if problem.data.get("shape_of"):
            continue
        by_id = {m.id: m for m in problem.misconceptions}
        for slip in CLASSIC[problem.topic](problem):
            verdict = _grade(problem, slip)
            if verdict.correct:
                continue  # the slip happens to give the right answer for this problem
            assert verdict.error is None, (problem.id, slip, verdict.error)
            assert verdict.misconception in by_id, f"{problem.id}: {slip} not recognised " \
                                                   f"({verdict.feedback})"
            assert verdict.feedback == by_id[verdict.misconception].feedback




@pytest.mark.parametrize("family", [
    f.id
    for f in BANK.families.values()
    if f.topic == "eigenvalues" and f.generator != "eigen-triangular"])
def test_reading_the_diagonal_never_answers_a_non_triangular_problem(family: str) -> None:
    for seed in SEEDS:
        problem = make_problem(BANK, family, seed)
        diagonal = ", ".join(str(v) for v in numpy.diag(numpy.array(problem.data["matrix"])))
        assert not _grade(problem, diagonal).correct, (problem.id, problem.data["matrix"])
