"""The linear-algebra topic: every key recomputed from the problem's `data` with sympy/numpy
(never the generators' own arithmetic), the data contract, families per skill, and the
problems' shape (misconceptions, hints, solutions, resources)."""

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import numpy
import pytest
import sympy

from quizapp.answers import check, read_answer
from quizapp.bank import Problem, load_bank, make_problem
from quizapp.mathtext import prose

BANK = load_bank()
FAMILIES = [f for f in BANK.families.values() if f.topic == "linear-algebra"]
SKILLS = ["dot-product", "norms", "transpose", "determinant", "matrix-inverse", "rank",
          "eigenvectors", "diagonalization", "svd", "change-of-basis"]
SEEDS = range(12)


def problems(skill: str) -> list[Problem]:
    return [make_problem(BANK, f.id, seed) for f in FAMILIES if f.skill == skill
            for seed in SEEDS]


def matrix(rows: list) -> sympy.Matrix:
    return sympy.Matrix([[sympy.Rational(str(v)) for v in row] for row in rows])


def key_values(problem: Problem) -> list[sympy.Expr]:
    kind = "vector" if problem.answer_kind == "direction" else problem.answer_kind
    return [v.expr for v in read_answer(problem.answer, kind, ()).values]


def key_matrix(problem: Problem) -> sympy.Matrix:
    answer = read_answer(problem.answer, "matrix", ())
    return sympy.Matrix(*answer.shape, [v.expr for v in answer.values])


def accepts(problem: Problem, expected: object) -> bool:
    """Whether the problem's own checker takes `expected` (an independent result) as right."""
    if isinstance(expected, sympy.MatrixBase):
        text = str(expected.tolist())
    elif isinstance(expected, list | tuple):
        text = ", ".join(sympy.sstr(v) for v in expected)
        text = f"[{text}]" if problem.answer_kind in ("vector", "direction") else text
    else:
        text = sympy.sstr(expected)
    return check(text, problem.answer, problem.answer_kind).correct


def test_every_skill_has_two_families_and_two_levels() -> None:
    topic = BANK.topics["linear-algebra"]
    assert [s.id for s in topic.skills] == SKILLS
    families, levels = defaultdict(int), defaultdict(set)
    for family in FAMILIES:
        families[family.skill] += 1
        levels[family.skill].add(family.difficulty)
    assert all(families[s] >= 2 and len(levels[s]) >= 2 for s in SKILLS), (families, levels)
    for skill in topic.skills:
        assert skill.resources and all(r in BANK.resources for r in skill.resources)


DATA_FIELDS = {
    "dot-product": ({"u", "v"}, {"ask"}), "norms": ({"v", "p"}, set()),
    "transpose": ({"A", "ask"}, {"B"}), "determinant": ({"matrix"}, {"ask", "det_A", "det_B",
                                                                     "n", "k"}),
    "matrix-inverse": ({"matrix"}, set()), "rank": ({"matrix"}, set()),
    "eigenvectors": ({"matrix", "eigenvalue"}, set()),
    "diagonalization": ({"matrix"}, {"power"}), "svd": ({"matrix"}, set()),
    "change-of-basis": ({"basis", "vector"}, set()),
}


@pytest.mark.parametrize("skill", SKILLS)
def test_problems_follow_the_data_contract_and_teach(skill: str) -> None:
    required, optional = DATA_FIELDS[skill]
    for problem in problems(skill):
        assert required <= set(problem.data) <= required | optional, problem.data
        json.dumps(problem.data)  # plain numbers and strings only
        assert len(problem.hints) >= 2 and len(problem.solution) >= 2 and problem.resources
        assert len(problem.misconceptions) >= 2
        for m in problem.misconceptions:
            verdict = check(m.answer, problem.answer, problem.answer_kind,
                            misconceptions=_known(problem))
            assert not verdict.correct and verdict.misconception == m.id, (problem.id, m)
    if skill == "dot-product":
        assert {p.data.get("ask") for p in problems(skill)} == {None, "cosine"}
    if skill == "norms":
        assert {p.data["p"] for p in problems(skill)} == {1, 2, "inf"}


def _known(problem: Problem) -> list:
    from quizapp.answers import Misconception

    return [Misconception(m.id, m.answer, m.feedback) for m in problem.misconceptions]


# ----------------------------------------------------------------------------- keys
def test_dot_products_and_cosines() -> None:
    for problem in problems("dot-product"):
        u, v = sympy.Matrix(problem.data["u"]), sympy.Matrix(problem.data["v"])
        want = u.dot(v)
        if problem.data.get("ask") == "cosine":
            want = want / (u.norm() * v.norm())
            assert "sqrt" in problem.answer or sympy.sympify(want).is_Rational
        assert accepts(problem, sympy.nsimplify(want)), problem.id


def test_norms() -> None:
    for problem in problems("norms"):
        p = problem.data["p"]
        want = sympy.Matrix(problem.data["v"]).norm(sympy.oo if p == "inf" else p)
        assert accepts(problem, want), problem.id


def test_transposes_with_shapes() -> None:
    asks = set()
    for problem in problems("transpose"):
        a = numpy.array(problem.data["A"])
        b = numpy.array(problem.data.get("B", [[0]]))
        ask = problem.data["ask"]
        asks.add(ask)
        want = {"A^T": a.T, "(AB)^T": (a @ b).T if ask == "(AB)^T" else None,
                "B^TA^T": b.T @ a.T if ask == "B^TA^T" else None,
                "A^TB": a.T @ b if ask == "A^TB" else None,
                "AB^T": a @ b.T if ask == "AB^T" else None, "A^TA": a.T @ a,
                "AA^T": a @ a.T}[ask]
        assert read_answer(problem.answer, "matrix", ()).shape == want.shape
        assert accepts(problem, sympy.Matrix(want.tolist())), problem.id
    assert asks == {"A^T", "(AB)^T", "B^TA^T", "A^TB", "AB^T", "A^TA", "AA^T"}


def test_determinants() -> None:
    for problem in problems("determinant"):
        assert accepts(problem, matrix(problem.data["matrix"]).det()), problem.id
        if "det_A" in problem.data:  # the rule, from the given determinants alone
            data = problem.data
            det_a, ask = data["det_A"], data["ask"]
            if ask == "kA":
                rule = data["k"] ** data["n"] * det_a
            elif ask == "A^-1":
                rule = sympy.Rational(1, det_a)
            else:
                rule = det_a * data["det_B"]
            assert accepts(problem, rule), problem.id


def test_inverses_and_none_for_singular_matrices() -> None:
    singular = 0
    for problem in problems("matrix-inverse"):
        a = matrix(problem.data["matrix"])
        if a.det() == 0:
            singular += 1
            assert problem.answer == "none"
            for word in ("none", "singular", "no inverse", "does not exist"):
                assert check(word, problem.answer, "matrix").correct
        else:
            assert accepts(problem, a.inv()), problem.id
            assert not check("none", problem.answer, "matrix").correct
    assert 0 < singular < len(problems("matrix-inverse")) // 2
    assert any(isinstance(v, str) for p in problems("matrix-inverse")
               for row in p.data["matrix"] for v in row)  # rational entries appear


def test_ranks_full_and_deficient() -> None:
    seen = set()
    for problem in problems("rank"):
        a = numpy.array(problem.data["matrix"], dtype=float)
        want = int(numpy.linalg.matrix_rank(a))
        seen.add((a.shape, want == min(a.shape)))
        assert accepts(problem, want), problem.id
    assert {((2, 3), True), ((2, 3), False), ((3, 3), False), ((3, 4), True),
            ((3, 4), False)} <= seen


def test_eigenvectors_are_null_vectors_of_a_minus_lambda() -> None:
    for problem in problems("eigenvectors"):
        a = matrix(problem.data["matrix"])
        lam = problem.data["eigenvalue"]
        assert lam in a.eigenvals()
        null = (a - lam * sympy.eye(a.rows)).nullspace()
        assert len(null) == 1
        v = list(null[0])
        assert accepts(problem, v), problem.id
        assert accepts(problem, [-3 * x for x in v])
        assert accepts(problem, [x / 7 for x in v])


def test_diagonalisation_and_powers() -> None:
    for problem in problems("diagonalization"):
        a = matrix(problem.data["matrix"])
        if "power" in problem.data:
            assert accepts(problem, a ** problem.data["power"]), problem.id
        else:
            values = sorted(a.eigenvals(multiple=True), reverse=True)
            assert accepts(problem, sympy.diag(*values)), problem.id


def test_singular_values() -> None:
    for problem in problems("svd"):
        a = matrix(problem.data["matrix"])
        sigma2 = [e for e in (a.T * a).eigenvals(multiple=True) if e != 0]
        want = sorted((sympy.sqrt(e) for e in sigma2), key=float, reverse=True)
        if problem.answer_kind == "number":
            assert a.rank() == 1 and len(want) == 1
            assert accepts(problem, want[0]), problem.id
        else:
            assert accepts(problem, want), problem.id
            assert not a.is_symmetric()


def test_coordinates_in_a_basis() -> None:
    for problem in problems("change-of-basis"):
        basis, x = matrix(problem.data["basis"]), sympy.Matrix(problem.data["vector"])
        assert accepts(problem, list(basis.LUsolve(x))), problem.id


def test_ascii_text_has_no_unreadable_characters() -> None:
    for family in FAMILIES:
        problem = make_problem(BANK, family.id, 5)
        for text in (problem.prompt, *problem.hints, *problem.solution,
                     *(m.feedback for m in problem.misconceptions)):
            shown = prose(text, False)
            assert shown.isascii() and shown.count("?") == text.count("?"), (family.id, text)


def test_generate_from_the_command_line_gives_the_topic() -> None:
    command = Path(sys.executable).parent / "quizapp"
    if not command.exists():
        pytest.skip("quizapp is not installed in this venv")
    result = subprocess.run([str(command), "generate", "--topic", "linear-algebra", "--count",
                             "40", "--seed", "3"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 40 and {p["topic"] for p in lines} == {"linear-algebra"}
    assert "direction" in {p["answer_kind"] for p in lines}
