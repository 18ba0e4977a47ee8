"""Each misconception issue 14 lists, typed as a learner would (computed here from the
problem's data with sympy, not by the generators), is recognised and explained."""

from collections.abc import Callable

import pytest
import sympy

from quizapp.answers import Misconception, check
from quizapp.bank import Problem, load_bank, make_problem

BANK = load_bank()


def _matrix(rows: list) -> sympy.Matrix:
    return sympy.Matrix([[sympy.Rational(str(v)) for v in row] for row in rows])


def _text(value: object) -> str:
    if isinstance(value, sympy.MatrixBase):
        return str(value.tolist()) if value.cols > 1 else str(list(value))
    if isinstance(value, list):
        return ", ".join(sympy.sstr(v) for v in value)
    return sympy.sstr(value)


def ad_plus_bc(p: Problem) -> object:
    (a, b), (c, d) = p.data["matrix"]
    return a * d + b * c


def cofactor_sign_lost(p: Problem) -> object:
    m = _matrix(p.data["matrix"])
    return sum(m[0, j] * m.minor_submatrix(0, j).det() for j in range(3))


def inverse_not_divided(p: Problem) -> object:
    return _matrix(p.data["matrix"]).adjugate()


def diagonal_not_swapped(p: Problem) -> object:
    m = _matrix(p.data["matrix"])
    det = m.det()
    return None if det == 0 else sympy.Matrix([[m[0, 0], -m[0, 1]], [-m[1, 0], m[1, 1]]]) / det


def l2_without_root(p: Problem) -> object:
    return None if p.data["p"] != 2 else sum(x * x for x in p.data["v"])


def l1_without_abs(p: Problem) -> object:
    return None if p.data["p"] != 1 else sum(p.data["v"])


def transpose_not_reversed(p: Problem) -> object:
    if p.data["ask"] not in ("(AB)^T", "B^TA^T"):
        return None
    return _matrix(p.data["A"]).T * _matrix(p.data["B"]).T


def cosine_not_normalised(p: Problem) -> object:
    return None if p.data.get("ask") != "cosine" else \
        sympy.Matrix(p.data["u"]).dot(sympy.Matrix(p.data["v"]))


def rank_as_rows(p: Problem) -> object:
    return sum(1 for row in p.data["matrix"] if any(row))


def eigenvector_from_a(p: Problem) -> object:
    """2×2: a vector killing A's first row (the row of A − λI a learner would use)."""
    m = _matrix(p.data["matrix"])
    if m.rows != 2 or not any(m.row(0) - p.data["eigenvalue"] * sympy.Matrix([[1, 0]])):
        return None
    return [m[0, 1], -m[0, 0]]


def eigenvalues_for_singular_values(p: Problem) -> object:
    if p.answer_kind != "multiset":
        return None
    values = _matrix(p.data["matrix"]).eigenvals(multiple=True)
    return values if all(v.is_real for v in values) else None


def standard_coordinates(p: Problem) -> object:
    return list(p.data["vector"])


CASES: list[tuple[str, str, Callable[[Problem], object]]] = [
    ("la-det-2x2", "det-ad-plus-bc", ad_plus_bc),
    ("la-det-3x3", "det-cofactor-sign-lost", cofactor_sign_lost),
    ("la-inverse-2x2-fractions", "inverse-no-division", inverse_not_divided),
    ("la-inverse-2x2", "inverse-diagonal-not-swapped", diagonal_not_swapped),
    ("la-norm-euclidean", "l2-no-sqrt", l2_without_root),
    ("la-norms-small", "l1-no-abs", l1_without_abs),
    ("la-transpose-products", "transpose-product-not-reversed", transpose_not_reversed),
    ("la-cosine-2d", "cosine-not-normalised", cosine_not_normalised),
    ("la-rank-3x3", "rank-non-zero-rows", rank_as_rows),
    ("la-eigvec-2x2", "eigvec-from-a", eigenvector_from_a),
    ("la-svd-2x2", "svd-eigenvalues-of-a", eigenvalues_for_singular_values),
    ("la-basis-2d", "basis-standard-coordinates", standard_coordinates),
]


@pytest.mark.parametrize(("family", "ident", "mistake"), CASES, ids=[c[1] for c in CASES])
def test_listed_misconception_is_recognised(family: str, ident: str,
                                            mistake: Callable[[Problem], object]) -> None:
    named = 0
    for seed in range(40):
        problem = make_problem(BANK, family, seed)
        wrong = mistake(problem)
        if wrong is None:
            continue
        known = [Misconception(m.id, m.answer, m.feedback) for m in problem.misconceptions]
        verdict = check(_text(wrong), problem.answer, problem.answer_kind,
                        misconceptions=known)
        if verdict.correct:
            continue  # this mistake happens to give the right answer here
        assert verdict.misconception is not None, (problem.id, _text(wrong), verdict)
        if verdict.misconception == ident:
            named += 1
            feedback = next(m.feedback for m in problem.misconceptions if m.id == ident)
            assert verdict.feedback == feedback
    assert named >= 10, f"{ident} recognised only {named} times in 40 problems"


def test_a_multiple_of_the_from_a_vector_is_still_that_misconception() -> None:
    problem = next(p for p in (make_problem(BANK, "la-eigvec-2x2", s) for s in range(40))
                   if any(m.id == "eigvec-from-a" for m in p.misconceptions))
    wrong = eigenvector_from_a(problem)
    assert wrong is not None
    known = [Misconception(m.id, m.answer, m.feedback) for m in problem.misconceptions]
    verdict = check(_text([-2 * x for x in wrong]), problem.answer, "direction",
                    misconceptions=known)
    assert verdict.misconception == "eigvec-from-a"
    assert "A − λI" in verdict.feedback


def test_the_zero_vector_for_an_eigenvector_problem_is_refused() -> None:
    problem = make_problem(BANK, "la-eigvec-3x3", 1)
    verdict = check("0, 0, 0", problem.answer, problem.answer_kind)
    assert verdict.error is not None and not verdict.correct
