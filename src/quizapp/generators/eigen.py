"""Eigenvalue problems, built backwards from known eigenvalues so every key is exact.

A = P·D·P⁻¹ with an integer P of determinant ±1 (so P⁻¹ is integer too) gives an integer
matrix with the eigenvalues we chose; a Jordan block gives a repeated eigenvalue, and a
rotation-scaling block [[a, −b], [b, a]] gives the complex pair a ± bi.
"""

import math
import random
from functools import lru_cache
from typing import Literal

import sympy

from quizapp.answers.numeric import evaluate_float
from quizapp.generators.common import IntRange, Params, prune
from quizapp.generators.eigen_text import expansion, factor, factored, number, values
from quizapp.generators.integer_matrices import (
    MINUS,
    Matrix,
    determinant,
    is_triangular,
    multiply,
    principal_minor_sum,
    products_sum,
    random_matrix,
    show_matrix,
    signed,
    unimodular,
)
from quizapp.generators.model import Draft, Retry, WrongAnswer
from quizapp.generators.scoring import refuse_if_a_mistake_scores
from quizapp.generators.text import plain

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
    """A 2×2 matrix whose eigenvalues are irrational (t ± √D)/2 or a complex pair a ± bi
    (for complex: a from `real_parts`, b from `imaginary_parts`)."""

    roots: Literal["irrational", "complex"] = "irrational"
    entries: IntRange = (-5, 5)
    max_entry: int = 9
    real_parts: IntRange = (-4, 4)
    imaginary_parts: IntRange = (1, 4)


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


def _char_poly(a: Matrix) -> list[int]:
    """Coefficients of det(λI − A), highest power first."""
    if len(a) == 2:
        return [1, -(a[0][0] + a[1][1]), determinant(a)]
    return [1, -sum(a[i][i] for i in range(3)), principal_minor_sum(a), -determinant(a)]


def _values(roots: Roots) -> str:
    return ", ".join(plain(r) for r in roots)


@lru_cache(maxsize=4096)
def _point(root: sympy.Expr) -> tuple[float, float]:
    z = complex(int(root)) if root.is_Integer else evaluate_float(root, {})
    return round(z.real, 9), round(z.imag, 9)


def _numeric(roots: Roots) -> list[tuple[float, float]]:
    return sorted(_point(r) for r in roots)


def _multisets_equal(a: Roots, b: Roots) -> bool:
    return len(a) == len(b) and _numeric(a) == _numeric(b)


# ----------------------------------------------------------------------------- assembly
def _wrapped(value: sympy.Expr) -> str:
    text = number(value)
    return f"({text})" if " " in text or text.startswith(MINUS) else text


def _check_step(a: Matrix, roots: Roots) -> str:
    """Check: the eigenvalues add up to the trace and multiply to the determinant."""
    trace, det = sum(a[i][i] for i in range(len(a))), determinant(a)
    return (f"Check: {' + '.join(_wrapped(r) for r in roots)} = {signed(trace)} = trace and "
            f"{'·'.join(_wrapped(r) for r in roots)} = {signed(det)} = det.")


def _opening_steps(a: Matrix, polynomial: str) -> list[str]:
    """trace and det (2×2) or the row expansion (3×3), then the characteristic polynomial."""
    if len(a) == 2:
        trace = f"{signed(a[0][0])} + {_wrapped(sympy.Integer(a[1][1]))}"
        det = products_sum([(a[0][0], a[1][1]), (-a[0][1], a[1][0])])
        return [f"trace = {trace} = {signed(a[0][0] + a[1][1])} and det = {det} = "
                f"{signed(determinant(a))}.",
                f"det(λI − A) = λ² − (trace)λ + det = {polynomial}."]
    return [f"Expand det(λI − A) along the first row: {expansion(a)}.",
            f"det(λI − A) = {polynomial}."]


def _eigen_draft(a: Matrix, roots: Roots, triangular: bool, extra: list, hints: list[str],
                 solution_roots: list[str]) -> Draft:
    n = len(a)
    coefficients = _char_poly(a)
    diagonal = [sympy.Integer(a[i][i]) for i in range(n)]
    # What a learner lists who confuses the polynomial's coefficients with its roots:
    # trace and determinant (and for 3×3 the sum of the principal 2×2 minors between them).
    invariants = [sympy.Integer(-c if k % 2 == 0 else c) for k, c in
                  enumerate(coefficients[1:])]
    flipped = next((r for r in roots if r != 0), None)
    if flipped is None:
        raise Retry  # all eigenvalues 0: trace and det (0, 0) would score
    candidates = [
        ("eigen-diagonal-entries", None if triangular else diagonal,
         "The diagonal entries are the eigenvalues only for a triangular matrix; solve "
         "det(A − λI) = 0."),
        ("eigen-signs-flipped", [-r for r in roots],
         f"Signs flipped: the eigenvalues solve det(A − λI) = 0, so the factor {factor(flipped)}"
         f" gives λ = {number(flipped)}, not {number(-flipped)}."),
        ("eigen-char-poly-coefficients", invariants,
         "Those are the coefficients of the characteristic polynomial (trace, determinant …), "
         "not its roots."),
        *extra,
    ]
    # A problem where reading the diagonal, or typing trace and det, or flipping the signs
    # gives the right answer teaches nothing: draw another.
    refuse_if_a_mistake_scores(roots, candidates, _multisets_equal)
    kept = prune(roots, candidates, _multisets_equal)
    polynomial = _polynomial(coefficients)
    if triangular:
        steps = [f"A is triangular, so det(λI − A) = {factored(diagonal)}: the eigenvalues "
                 "are the diagonal entries."]
    else:
        steps = _opening_steps(a, polynomial)
    steps += solution_roots
    steps.append(f"Eigenvalues: {values(roots)}.")
    steps.append(_check_step(a, roots))
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


def _factoring_step(a: Matrix, roots: Roots) -> str:
    return f"{_polynomial(_char_poly(a))} = {factored(roots)}, so λ = {values(roots)}."


def _with_trace_and_det(rng: random.Random, trace: int, det: int, largest: int) -> Matrix:
    """A random non-triangular integer [[a, b], [c, d]] with this trace and determinant and
    entries within ±largest: pick a, then d = trace − a, then split b·c = a·d − det."""
    a = rng.randint(-largest, largest)
    d = trace - a
    product = a * d - det
    if product == 0 or abs(d) > largest:
        raise Retry
    divisors = [q for q in range(1, min(abs(product), largest) + 1) if product % q == 0
                and abs(product) // q <= largest]
    if not divisors:
        raise Retry
    b = rng.choice(divisors) * rng.choice((-1, 1))
    return [[a, b], [product // b, d]]


def _jordan_2x2(params: ConjugatedParams, rng: random.Random) -> tuple[Matrix, list[int]]:
    """λI + N with N = k·(u, w)ᵀ(w, −u), a nilpotent rank-1 matrix: the double eigenvalue λ
    with one eigenvector (u, w). Drawn directly: far more variety than P·J·P⁻¹."""
    lam = rng.randint(*params.eigenvalues)
    u, w = (rng.choice([v for v in range(params.mixing[0], params.mixing[1] + 1) if v])
            for _ in range(2))
    k = rng.choice((-3, -2, -1, 1, 2, 3))
    a = [[lam + k * u * w, -k * u * u], [k * w * w, lam - k * u * w]]
    return a, [lam, lam]


def conjugated(params: ConjugatedParams, rng: random.Random) -> Draft:
    """A = P·D·P⁻¹ (or P·J·P⁻¹ for a repeated eigenvalue) with integer eigenvalues."""
    n = params.size
    lo, hi = params.eigenvalues
    if params.repeated and n == 2:
        a, chosen = _jordan_2x2(params, rng)
    elif n == 2:
        chosen = rng.sample(range(lo, hi + 1), 2)
        a = _with_trace_and_det(rng, sum(chosen), chosen[0] * chosen[1], params.max_entry)
    else:
        if params.repeated:
            double, single = rng.randint(lo, hi), rng.randint(lo, hi)
            chosen = [double, double, single]
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
        double = roots[0] if roots.count(roots[0]) == 2 else roots[-1]
        extra.append(("eigen-repeated-listed-once", sorted(set(roots), reverse=True),
                      f"λ = {number(double)} is a double root of the characteristic polynomial:"
                      " list it twice."))
    return _eigen_draft(a, roots, False, extra, _standard_hints(a), [_factoring_step(a, roots)])


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


@lru_cache(maxsize=16)
def _symmetric_matrices(low: int, high: int) -> tuple[tuple[int, int, int], ...]:
    """Every (a, b, d) in [low, high] with b ≠ 0 and (a − d)² + 4b² a perfect square: exactly
    the symmetric [[a, b], [b, d]] with integer eigenvalues."""
    span = range(low, high + 1)
    return tuple((a, b, d) for a in span for b in span for d in span
                 if b and math.isqrt((a - d) ** 2 + 4 * b * b) ** 2 == (a - d) ** 2 + 4 * b * b)


def symmetric(params: SymmetricParams, rng: random.Random) -> Draft:
    """A symmetric 2×2 matrix whose discriminant is a perfect square (drawn directly)."""
    choices = _symmetric_matrices(*params.entries)
    if not choices:
        raise Retry
    a, b, d = rng.choice(choices)
    root = math.isqrt((a - d) ** 2 + 4 * b * b)
    roots: Roots = [sympy.Integer((a + d + root) // 2), sympy.Integer((a + d - root) // 2)]
    matrix = [[a, b], [b, d]]
    return _eigen_draft(matrix, roots, False, [], _standard_hints(matrix),
                        _formula_steps(matrix, roots))


def _formula_steps(a: Matrix, roots: Roots) -> list[str]:
    """The quadratic formula with this matrix's numbers, the surd simplified (√32 = 4√2)."""
    trace, det = a[0][0] + a[1][1], determinant(a)
    discriminant = trace * trace - 4 * det
    under = f"{trace * trace} {MINUS if det > 0 else '+'} {abs(4 * det)}"
    bare = f"√{discriminant}" if discriminant >= 0 else f"√({MINUS}{-discriminant})"
    line = (f"λ = (trace ± √(trace² − 4·det))/2 = ({signed(trace)} ± √({under}))/2 = "
            f"({signed(trace)} ± {bare})/2")
    simplified = number(sympy.sqrt(sympy.Integer(discriminant)))
    if simplified != bare:
        line += f" = ({signed(trace)} ± {simplified})/2"
    steps = [line + "."]
    if discriminant < 0:
        steps.append(f"The discriminant is negative: √({MINUS}d) = i√d, so the eigenvalues "
                     "are a complex pair.")
    elif math.isqrt(discriminant) ** 2 != discriminant:
        steps.append("The discriminant is not a perfect square, so the eigenvalues are "
                     "irrational.")
    steps.append(f"Factored: det(λI − A) = {factored(roots)}.")
    return steps


def quadratic(params: QuadraticParams, rng: random.Random) -> Draft:
    """A 2×2 matrix with irrational eigenvalues (t ± √D)/2, or a complex pair a ± bi."""
    if params.roots == "complex":
        re, im = rng.randint(*params.real_parts), rng.randint(*params.imaginary_parts)
        if im == 0:
            raise Retry
        matrix = _with_trace_and_det(rng, 2 * re, re * re + im * im, params.max_entry)
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
    return _eigen_draft(matrix, roots, False, extra, _standard_hints(matrix),
                        _formula_steps(matrix, roots))
