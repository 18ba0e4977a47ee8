"""Eigenvectors for a given eigenvalue (a direction: any non-zero multiple is right), built
backwards as A = P·D·P⁻¹ with an integer P of determinant ±1, so P's columns are the answers."""

import random
from typing import Literal

from quizapp.generators.common import IntRange, Params, prune
from quizapp.generators.exact import (
    Rows,
    cross,
    multiply,
    par,
    parallel,
    plain_vector,
    primitive,
    say,
    show,
    show_vector,
    transpose,
)
from quizapp.generators.integer_matrices import is_triangular, unimodular
from quizapp.generators.model import Draft, Retry, WrongAnswer


class EigenvectorParams(Params):
    """Size, eigenvalue range, the mixing range of P's factors and the largest entry of A."""

    size: Literal[2, 3] = 2
    eigenvalues: IntRange = (-4, 5)
    mixing: IntRange = (-2, 2)
    max_entry: int = 9


def conjugate(rng: random.Random, n: int, eigenvalues: tuple[int, int], mixing: tuple[int, int],
              max_entry: int) -> tuple[Rows, Rows, Rows, list[int]]:
    """A = P·D·P⁻¹ with distinct integer eigenvalues; (A, P, P⁻¹, eigenvalues in D's order)."""
    lo, hi = eigenvalues
    if hi - lo + 1 < n:
        raise Retry
    values = rng.sample(range(lo, hi + 1), n)
    p, p_inverse = unimodular(rng, n, mixing)
    d = [[values[i] if i == j else 0 for j in range(n)] for i in range(n)]
    a = multiply(multiply(p, d), p_inverse)
    if max(abs(v) for row in a for v in row) > max_entry or is_triangular(a) or \
            sum(v == 0 for row in a for v in row) > n or \
            sorted(a[i][i] for i in range(n)) == sorted(values):
        raise Retry  # (the diagonal showing the eigenvalues would give too much away)
    return a, p, p_inverse, values


def _null_direction(m: Rows) -> list[int] | None:
    """A vector orthogonal to the rows of a rank-(n−1) matrix m (2×2 or 3×3), or None."""
    if len(m) == 2:
        row = next((r for r in m if any(r)), None)
        return None if row is None else [row[1], -row[0]]
    for i, j in ((0, 1), (0, 2), (1, 2)):
        v = cross(m[i], m[j])
        if any(v):
            return v
    return None


def _shifted(a: Rows, shift: int) -> Rows:
    return [[v + (shift if i == j else 0) for j, v in enumerate(row)] for i, row in enumerate(a)]


def _same_rows(m: Rows, a: Rows) -> Rows:
    """The rows of `a` that `_null_direction` would use for `m` (the same row indices)."""
    if len(m) == 2:
        index = next((k for k, r in enumerate(m) if any(r)), 0)
        return [a[index], a[index]]
    for i, j in ((0, 1), (0, 2), (1, 2)):
        if any(cross(m[i], m[j])):
            return [a[i], a[j], a[j]]
    return a


def eigenvector(params: EigenvectorParams, rng: random.Random) -> Draft:
    """An eigenvector of A for one of its eigenvalues λ: the null space of A − λI."""
    n = params.size
    a, p, _, values = conjugate(rng, n, params.eigenvalues, params.mixing, params.max_entry)
    # λ = 0 makes A − λI = A, hiding the mistake of solving with A itself: avoid it if possible.
    index = rng.choice([i for i in range(n) if values[i]] or [0])
    lam = values[index]
    columns = transpose(p)
    key = primitive(columns[index])
    m = _shifted(a, -lam)
    other = primitive(columns[(index + 1) % n])
    from_a = _null_direction(_same_rows(m, a))
    plus = _null_direction(_same_rows(m, _shifted(a, lam)))
    row = next(r for r in m if any(r))
    candidates = [
        ("eigvec-from-a", from_a and primitive(from_a),
         "Solve (A − λI)v = 0: subtract λ from the diagonal first — that vector solves the "
         "equations of A itself."),
        ("eigvec-plus-lambda", plus and primitive(plus),
         "Subtract λ on the diagonal: A − λI, not A + λI."),
        ("eigvec-other-eigenvalue", other,
         f"That is an eigenvector for another eigenvalue; this one is for λ = {say(lam)}."),
        ("eigvec-row-of-shifted", primitive(row),
         "That is a row of A − λI; the eigenvector is perpendicular to those rows (their "
         "null space)."),
    ]
    kept = prune(key, candidates, lambda u, v: bool(u) and bool(v) and parallel(u, v))
    mv = show(m)
    if n == 2:
        r0 = next(r for r in m if any(r))
        solve = (f"A row of A − λI is {show_vector(r0)}: v = (x, y) must satisfy "
                 f"{par(r0[0])}·x + {par(r0[1])}·y = 0, e.g. v = {show_vector(key)}.")
    else:
        solve = (f"Eliminate: two independent rows of A − λI; v is perpendicular to both "
                 f"(their cross product), v = {show_vector(key)} up to scale.")
    check = multiply(a, [[x] for x in key])
    return Draft(
        prompt=(f"λ = {say(lam)} is an eigenvalue of\nA =\n{show(a)}\n"
                "Find an eigenvector for it (any non-zero multiple is right)."),
        answer_kind="direction", answer=plain_vector(key), data={"matrix": a, "eigenvalue": lam},
        hints=("An eigenvector v ≠ 0 solves (A − λI)v = 0.",
               f"A − λI =\n{mv}\nFind a non-zero vector perpendicular to its rows."),
        solution=(f"A − {par(lam)}I =\n{mv}", solve,
                  f"Check: Av = {show_vector([row[0] for row in check])} = {say(lam)}·v."),
        misconceptions=tuple(WrongAnswer(i, plain_vector(w), msg) for i, w, msg in kept))
