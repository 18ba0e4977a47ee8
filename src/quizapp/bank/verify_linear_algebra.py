"""`bank check` for the linear-algebra topic: each key recomputed from the problem's `data`
alone, with numpy and sympy (never the generators' own arithmetic)."""

from collections.abc import Callable

import numpy
import sympy

from quizapp.answers import read_answer
from quizapp.bank.problems import Problem


def _matrix(rows: list) -> sympy.Matrix:
    return sympy.Matrix([[sympy.Rational(str(v)) for v in row] for row in rows])


def _values(problem: Problem) -> list[sympy.Expr]:
    kind = "vector" if problem.answer_kind == "direction" else problem.answer_kind
    return [v.expr for v in read_answer(problem.answer, kind, ()).values]


def _key_matrix(problem: Problem) -> sympy.Matrix:
    answer = read_answer(problem.answer, "matrix", ())
    return sympy.Matrix(*answer.shape, [v.expr for v in answer.values])


def _close(a: object, b: object) -> bool:
    return abs(complex(sympy.N(a, 30)) - complex(b)) < 1e-9 * max(1.0, abs(complex(b)))


def _dot(problem: Problem) -> str | None:
    u, v = numpy.array(problem.data["u"], float), numpy.array(problem.data["v"], float)
    want = u @ v
    if problem.data.get("ask") == "cosine":
        want = want / (numpy.linalg.norm(u) * numpy.linalg.norm(v))
    return None if _close(_values(problem)[0], want) else f"key {problem.answer} is not {want}"


def _norm(problem: Problem) -> str | None:
    p = problem.data["p"]
    want = numpy.linalg.norm(numpy.array(problem.data["v"], float),
                             numpy.inf if p == "inf" else p)
    return None if _close(_values(problem)[0], want) else f"key {problem.answer} is not {want}"


def _transpose(problem: Problem) -> str | None:
    a = numpy.array(problem.data["A"])
    b = numpy.array(problem.data["B"]) if "B" in problem.data else None
    ask = problem.data["ask"]
    want = {"A^T": lambda: a.T, "(AB)^T": lambda: (a @ b).T, "B^TA^T": lambda: b.T @ a.T,
            "A^TB": lambda: a.T @ b, "AB^T": lambda: a @ b.T, "A^TA": lambda: a.T @ a,
            "AA^T": lambda: a @ a.T}[ask]()
    got = numpy.array(_key_matrix(problem).tolist(), dtype=float)
    if got.shape != want.shape or not numpy.allclose(got, want):
        return f"key {problem.answer} is not {ask} = {want.tolist()}"
    return None


def _determinant(problem: Problem) -> str | None:
    want = _matrix(problem.data["matrix"]).det()
    return None if _close(_values(problem)[0], want) else f"key {problem.answer} is not {want}"


def _inverse(problem: Problem) -> str | None:
    a = _matrix(problem.data["matrix"])
    if a.det() == 0:
        return None if problem.answer == "none" else f"A is singular; the key is {problem.answer}"
    if problem.answer == "none":
        return "A is invertible but the key is none"
    return None if _key_matrix(problem) == a.inv() else f"key {problem.answer} is not A⁻¹"


def _rank(problem: Problem) -> str | None:
    want = numpy.linalg.matrix_rank(numpy.array(problem.data["matrix"], float))
    return None if _values(problem)[0] == want else f"key {problem.answer} is not rank {want}"


def _eigenvector(problem: Problem) -> str | None:
    a = _matrix(problem.data["matrix"])
    lam = sympy.Rational(str(problem.data["eigenvalue"]))
    v = sympy.Matrix(_values(problem))
    if not any(v) or (a - lam * sympy.eye(a.rows)) * v != sympy.zeros(a.rows, 1):
        return f"key {problem.answer} is not an eigenvector for {lam}"
    return None


def _diagonalization(problem: Problem) -> str | None:
    a = _matrix(problem.data["matrix"])
    key = _key_matrix(problem)
    if "power" in problem.data:
        return None if key == a ** int(problem.data["power"]) else "key is not A^k"
    values = sorted(numpy.linalg.eigvals(numpy.array(a.tolist(), float)).real, reverse=True)
    want = numpy.diag(values)
    got = numpy.array(key.tolist(), float)
    return None if got.shape == want.shape and numpy.allclose(got, want) else \
        f"key {problem.answer} is not diag{values}"


def _svd(problem: Problem) -> str | None:
    sigma = numpy.linalg.svd(numpy.array(problem.data["matrix"], float), compute_uv=False)
    ours = sorted((complex(sympy.N(v)).real for v in _values(problem)), reverse=True)
    want = list(sigma[:len(ours)])
    if problem.answer_kind == "number" and any(s > 1e-9 for s in sigma[1:]):
        return "the matrix is not rank one"
    return None if numpy.allclose(ours, want) else f"key {problem.answer} is not σ = {want}"


def _basis(problem: Problem) -> str | None:
    basis = _matrix(problem.data["basis"])
    x = sympy.Matrix(problem.data["vector"])
    c = sympy.Matrix(_values(problem))
    return None if basis * c == x else f"B·{problem.answer} is not {list(x)}"


CHECKS: dict[str, Callable[[Problem], str | None]] = {
    "dot-product": _dot, "norms": _norm, "transpose": _transpose,
    "determinant": _determinant, "matrix-inverse": _inverse, "rank": _rank,
    "eigenvectors": _eigenvector, "diagonalization": _diagonalization, "svd": _svd,
    "change-of-basis": _basis,
}


def verify_linear_algebra(problem: Problem) -> str | None:
    """What is wrong with a linear-algebra problem's key, or None when numpy/sympy agree."""
    check = CHECKS.get(problem.skill)
    return check(problem) if check else f"no check for skill {problem.skill}"
