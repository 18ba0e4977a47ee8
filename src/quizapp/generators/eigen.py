"""Eigenvalue problems, built backwards from known eigenvalues so every key is exact.

A = P·D·P⁻¹ with an integer P of determinant ±1 (so P⁻¹ is integer too) gives an integer
matrix with the eigenvalues we chose; a Jordan block gives a repeated eigenvalue, and a
rotation-scaling block [[a, −b], [b, a]] gives the complex pair a ± bi.
"""

import math
import random
from typing import Literal

import sympy

from quizapp.answers.numeric import evaluate_float
from quizapp.generators.common import IntRange, Params, prune
from quizapp.generators.integer_matrices import (
    Matrix,
    determinant,
    is_triangular,
    multiply,
    principal_minor_sum,
    random_matrix,
    show_matrix,
    unimodular,
)
from quizapp.generators.model import Draft, Retry, WrongAnswer
from quizapp.generators.text import plain, readable

Roots = list[sympy.Expr]


class ConjugatedParams(Params):
    """P·D·P⁻¹: size, eigenvalue range, a repeated eigenvalue, the largest entry allowed."""

    size: Literal[2, 3] = 2
    eigenvalues: IntRange = (-5, 5)
    repeated: bool = False
    max_entry: int = 9
    mixing: IntRange = (-2, 2)


class TriangularParams(Params):
    """A triangular matrix: its eigenvalues are its diagonal."""

    size: Literal[2, 3] = 2
    entries: IntRange = (-6, 6)


class SymmetricParams(Params):
    """A symmetric 2×2 matrix [[a, b], [b, d]] with integer eigenvalues."""

    entries: IntRange = (-6, 6)


class QuadraticParams(Params):
    """A 2×2 matrix whose eigenvalues are irrational (t ± √D)/2 or a complex pair a ± bi."""

    roots: Literal["irrational", "complex"] = "irrational"
    entries: IntRange = (-5, 5)
    max_entry: int = 9


# ----------------------------------------------------------------------------- text
def _polynomial(coefficients: list[int]) -> str:
    """λ-polynomial from its coefficients, highest power first: [1, -5, 6] → λ² − 5λ + 6."""
    degree = len(coefficients) - 1
    powers = {0: "", 1: "λ", 2: "λ²", 3: "λ³"}
    out = ""
    for k, c in enumerate(coefficients):
        power = degree - k
        if c == 0:
            continue
        magnitude = abs(c)
        body = (str(magnitude) if magnitude != 1 or power == 0 else "") + powers[power]
        if not out:
            out = ("−" if c < 0 else "") + body
        else:
            out += (" − " if c < 0 else " + ") + body
    return out or "0"


def _factored(roots: Roots) -> str:
    """(λ − 3)²(λ + 1) from the roots 3, 3, −1."""
    parts = []
    for r in dict.fromkeys(roots):
        power = {1: "", 2: "²", 3: "³"}[roots.count(r)]
        if r == 0:
            parts.append("λ" + power)
        elif r.is_Integer and r < 0:
            parts.append(f"(λ + {-r}){power}")
        else:
            parts.append(f"(λ − {readable(r)}){power}")
    return "".join(parts)


def _char_poly(a: Matrix) -> list[int]:
    """Coefficients of det(λI − A), highest power first."""
    if len(a) == 2:
        return [1, -(a[0][0] + a[1][1]), determinant(a)]
    return [1, -sum(a[i][i] for i in range(3)), principal_minor_sum(a), -determinant(a)]


def _values(roots: Roots) -> str:
    return ", ".join(plain(r) for r in roots)


def _numeric(roots: Roots) -> list[tuple[float, float]]:
    values = [complex(int(r)) if r.is_Integer else evaluate_float(r, {}) for r in roots]
    return sorted((round(z.real, 9), round(z.imag, 9)) for z in values)


def _multisets_equal(a: Roots, b: Roots) -> bool:
    return len(a) == len(b) and _numeric(a) == _numeric(b)


# ----------------------------------------------------------------------------- assembly
def _eigen_draft(a: Matrix, roots: Roots, triangular: bool, extra: list, hints: list[str],
                 solution_roots: list[str]) -> Draft:
    n = len(a)
    coefficients = _char_poly(a)
    diagonal = [sympy.Integer(a[i][i]) for i in range(n)]
    # What a learner lists who confuses the polynomial's coefficients with its roots:
    # trace and determinant (and for 3×3 the sum of the principal 2×2 minors between them).
    invariants = [sympy.Integer(-c if k % 2 == 0 else c) for k, c in
                  enumerate(coefficients[1:])]
    candidates = [
        ("eigen-diagonal-entries", None if triangular else diagonal,
         "The diagonal entries are the eigenvalues only for a triangular matrix; solve "
         "det(A − λI) = 0."),
        ("eigen-signs-flipped", [-r for r in roots],
         "Signs flipped: the eigenvalues solve det(A − λI) = 0, so a factor (λ − 3) gives λ = 3,"
         " not −3."),
        ("eigen-char-poly-coefficients", invariants,
         "Those are the coefficients of the characteristic polynomial (trace, determinant …), "
         "not its roots."),
        *extra,
    ]
    if not triangular and _multisets_equal(diagonal, roots):
        raise Retry  # reading the diagonal would give the right answer: a poor question
    kept = prune(roots, candidates, _multisets_equal)
    polynomial = _polynomial(coefficients)
    steps = [f"det(λI − A) = {polynomial}."]
    if triangular:
        steps = [f"A is triangular, so det(λI − A) = {_factored(diagonal)}: the eigenvalues "
                 "are the diagonal entries."]
    steps += solution_roots
    steps.append(f"Eigenvalues: {', '.join(readable(r) for r in roots)}.")
    count = "both" if n == 2 else "all three"
    return Draft(
        prompt=(f"Find the eigenvalues of\nA =\n{show_matrix(a)}\n"
                f"Type {count}, separated by commas (repeat a repeated one)."),
        answer_kind="multiset",
        answer=_values(roots),
        data={"matrix": a},
        hints=tuple(hints),
        solution=tuple(steps),
        misconceptions=tuple(WrongAnswer(i, _values(w), msg) for i, w, msg in kept),
    )


def _standard_hints(a: Matrix) -> list[str]:
    if len(a) == 2:
        trace, det = a[0][0] + a[1][1], determinant(a)
        return ["The eigenvalues are the roots of the characteristic polynomial det(A − λI) = 0.",
                f"For a 2×2 matrix it is λ² − (trace)λ + det = 0; here trace = {trace} and "
                f"det = {det}."]
    return ["The eigenvalues are the roots of det(A − λI) = 0, a cubic for a 3×3 matrix.",
            f"Integer roots divide det(A) = {determinant(a)}; their sum is the trace, "
            f"{sum(a[i][i] for i in range(3))}."]


def conjugated(params: ConjugatedParams, rng: random.Random) -> Draft:
    """A = P·D·P⁻¹ (or P·J·P⁻¹ for a repeated eigenvalue) with integer eigenvalues."""
    n = params.size
    lo, hi = params.eigenvalues
    if params.repeated:
        double, single = rng.randint(lo, hi), rng.randint(lo, hi)
        chosen = [double, double] + ([single] if n == 3 else [])
        d = [[chosen[i] if i == j else int(i == 0 and j == 1) for j in range(n)]
             for i in range(n)]  # a Jordan block: one eigenvector for the double eigenvalue
    else:
        if hi - lo + 1 < n:
            raise Retry
        chosen = rng.sample(range(lo, hi + 1), n)
        d = [[chosen[i] if i == j else 0 for j in range(n)] for i in range(n)]
    p, p_inverse = unimodular(rng, n, params.mixing)
    a = multiply(multiply(p, d), p_inverse)
    if max(abs(v) for row in a for v in row) > params.max_entry or is_triangular(a):
        raise Retry
    roots: Roots = [sympy.Integer(v) for v in sorted(chosen, reverse=True)]
    extra = []
    if params.repeated:
        extra.append(("eigen-repeated-listed-once", sorted(set(roots), reverse=True),
                      f"λ = {chosen[0]} is a double root of the characteristic polynomial: list"
                      " it twice."))
    factored = f"det(λI − A) = {_factored(roots)}, so the roots are " \
               f"{', '.join(str(r) for r in roots)}."
    return _eigen_draft(a, roots, False, extra, _standard_hints(a), [factored])


def triangular(params: TriangularParams, rng: random.Random) -> Draft:
    """A triangular matrix: its eigenvalues are the diagonal entries."""
    n = params.size
    a = random_matrix(rng, n, n, params.entries)
    upper = rng.random() < 0.5
    for i in range(n):
        for j in range(n):
            if (j < i) if upper else (j > i):
                a[i][j] = 0
    off_diagonal = [a[i][j] for i in range(n) for j in range(n) if i != j]
    if all(v == 0 for v in off_diagonal) or all(a[i][i] == 0 for i in range(n)):
        raise Retry
    roots: Roots = [sympy.Integer(a[i][i]) for i in range(n)]
    hints = ["The eigenvalues are the roots of det(A − λI) = 0.",
             "A is triangular: the determinant of a triangular matrix is the product of its "
             "diagonal entries."]
    return _eigen_draft(a, roots, True, [], hints, [])


def symmetric(params: SymmetricParams, rng: random.Random) -> Draft:
    """A symmetric 2×2 matrix whose discriminant is a perfect square."""
    a, b, d = (rng.randint(*params.entries) for _ in range(3))
    discriminant = (a - d) ** 2 + 4 * b * b
    root = math.isqrt(discriminant)
    if b == 0 or root * root != discriminant or (a + d + root) % 2:
        raise Retry
    roots: Roots = [sympy.Integer((a + d + root) // 2), sympy.Integer((a + d - root) // 2)]
    matrix = [[a, b], [b, d]]
    trace = a + d
    steps = [f"λ = (trace ± √(trace² − 4·det))/2 = ({trace} ± √{discriminant})/2 = "
             f"({trace} ± {root})/2."]
    return _eigen_draft(matrix, roots, False, [], _standard_hints(matrix), steps)


def quadratic(params: QuadraticParams, rng: random.Random) -> Draft:
    """A 2×2 matrix with irrational eigenvalues (t ± √D)/2, or a complex pair a ± bi."""
    if params.roots == "complex":
        re, im = rng.randint(-4, 4), rng.randint(1, 4)
        p, p_inverse = unimodular(rng, 2, (-2, 2))
        matrix = multiply(multiply(p, [[re, -im], [im, re]]), p_inverse)
    else:
        matrix = random_matrix(rng, 2, 2, params.entries)
    if max(abs(v) for row in matrix for v in row) > params.max_entry or is_triangular(matrix):
        raise Retry
    trace, det = matrix[0][0] + matrix[1][1], determinant(matrix)
    discriminant = trace * trace - 4 * det
    if params.roots == "irrational" and (discriminant <= 0 or
                                         math.isqrt(discriminant) ** 2 == discriminant):
        raise Retry
    root = sympy.sqrt(sympy.Integer(discriminant))
    roots: Roots = [(trace + root) / 2, (trace - root) / 2]
    extra = [("eigen-forgot-to-halve", [trace + root, trace - root],
              "Quadratic formula: λ = (trace ± √(trace² − 4·det))/2 — divide the whole by 2.")]
    if params.roots == "complex":
        real, imaginary = sympy.Rational(trace, 2), sympy.sqrt(-discriminant) / 2
        extra.append(("eigen-dropped-i", [real + imaginary, real - imaginary],
                      "The discriminant is negative, so the square root is imaginary: the "
                      "eigenvalues are a ± bi, with the i."))
    steps = [f"Quadratic formula: λ = ({trace} ± √({_par(trace)}² − 4·{_par(det)}))/2 = "
             f"({trace} ± √{_par(discriminant)})/2.",
             "The discriminant is negative: √(−d) = i·√d." if discriminant < 0 else
             "The discriminant is not a perfect square, so the roots are irrational."]
    return _eigen_draft(matrix, roots, False, extra, _standard_hints(matrix), steps)


def _par(v: int) -> str:
    return f"({v})" if v < 0 else str(v)
