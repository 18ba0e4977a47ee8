"""Inverses of 2×2 matrices (rational entries) and simple 3×3 ones; singular matrices too,
whose answer is `none`."""

import random
from fractions import Fraction
from typing import Literal

from quizapp.generators.common import IntRange, Params, prune
from quizapp.generators.exact import (
    Rows,
    adjugate,
    cofactors,
    data_rows,
    determinant,
    inverse,
    minor,
    multiply,
    par,
    plain_matrix,
    say,
    scale,
    show,
    simplest,
    transpose,
)
from quizapp.generators.integer_matrices import unimodular
from quizapp.generators.model import Draft, Retry, WrongAnswer

NONE = "none"


class InverseParams(Params):
    """A⁻¹ for an n×n matrix: entry range, determinants allowed, how often A is singular;
    `halves` gives 2×2 entries that are halves (rational entries)."""

    size: Literal[2, 3] = 2
    entries: IntRange = (-5, 5)
    determinants: tuple[int, ...] = (1, -1, 2, -2)
    singular_share: float = 0.2
    halves: bool = False


def _same(a: object, b: object) -> bool:
    return a == b


def _text(answer: Rows | str) -> str:
    return answer if isinstance(answer, str) else plain_matrix(answer)


def _singular(rng: random.Random, n: int, entries: tuple[int, int]) -> Rows:
    """A non-zero singular matrix without zero rows: one row a multiple of another (2×2) or a
    combination of the others (3×3)."""
    rows = [[rng.randint(*entries) for _ in range(n)] for _ in range(n - 1)]
    k = rng.choice([-2, -1, 2, 3])
    if n == 2:
        last = [k * v for v in rows[0]]
    else:
        last = [k * x + y for x, y in zip(rows[0], rows[1], strict=True)]
    rows.insert(rng.randrange(n), last)
    return rows


def _invertible(params: InverseParams, rng: random.Random) -> Rows:
    n = params.size
    det = rng.choice(params.determinants)
    if n == 2:
        # Draw until the determinant fits, here rather than by Retry: a Retry would redraw
        # whether A is singular too, and singular matrices would come up far too often.
        for _ in range(500):
            a = [[rng.randint(*params.entries) for _ in range(2)] for _ in range(2)]
            if determinant(a) == det:
                return a
        raise Retry
    p, _ = unimodular(rng, 3, (-1, 1))
    q, _ = unimodular(rng, 3, (-1, 1))
    d = [[(det if i == 0 else 1) if i == j else 0 for j in range(3)] for i in range(3)]
    a = multiply(multiply(p, d), q)
    if max(abs(v) for row in a for v in row) > max(abs(e) for e in params.entries):
        raise Retry
    return a


def matrix_inverse(params: InverseParams, rng: random.Random) -> Draft:
    """A⁻¹ = adj(A)/det A, or none when det A = 0."""
    n = params.size
    singular = rng.random() < params.singular_share
    a: Rows = _singular(rng, n, params.entries) if singular else _invertible(params, rng)
    if params.halves:
        a = scale(Fraction(1, 2), a)
    if any(not any(row) for row in a) or sum(v == 0 for row in a for v in row) > n:
        raise Retry
    det = determinant(a)
    adj = adjugate(a)
    key: Rows | str = NONE if det == 0 else inverse(a)  # type: ignore[assignment]
    divide = (lambda m: scale(1 / Fraction(det), m)) if det else (lambda m: None)
    reciprocal = None if any(v == 0 for row in a for v in row) else \
        [[simplest(1 / Fraction(v)) for v in row] for row in a]
    if n == 2:
        (p, q), (r, s) = a
        candidates: list = [
            ("inverse-no-division", adj,
             "Divide by the determinant: A⁻¹ = (1/det A)·[[d, −b], [−c, a]]."),
            ("inverse-diagonal-not-swapped", divide([[p, -q], [-r, s]]),
             "Swap the diagonal entries a and d (and negate b and c)."),
            ("inverse-signs-not-changed", divide([[s, q], [r, p]]),
             "Negate the off-diagonal entries b and c (and swap a and d)."),
            ("inverse-entrywise-reciprocal", reciprocal,
             "The inverse is not the matrix of reciprocals 1/aᵢⱼ: use (1/det A)·[[d, −b], "
             "[−c, a]]."),
        ]
        if det != 0 and p * s + q * r == 0:
            candidates.insert(0, ("inverse-det-as-sum", NONE,
                                  "det A = ad − bc, not ad + bc: this A is invertible."))
        hints = ("A⁻¹ = (1/(ad − bc))·[[d, −b], [−c, a]]; if ad − bc = 0 there is no inverse.",
                 f"Here det A = ad − bc = {say(det)}.")
        steps = [f"det A = {par(p)}·{par(s)} − {par(q)}·{par(r)} = {say(det)}."]
    else:
        cof = cofactors(a)
        minors_t = transpose([[determinant(minor(a, i, j)) for j in range(3)] for i in range(3)])
        candidates = [
            ("inverse-no-division", adj,
             "Divide the adjugate by the determinant: A⁻¹ = adj(A)/det A."),
            ("inverse-cofactors-not-transposed", divide(cof),
             "Transpose the cofactor matrix: the adjugate is Cᵀ, so A⁻¹ = Cᵀ/det A."),
            ("inverse-cofactor-signs-lost", divide(minors_t) if det else minors_t,
             "Cofactors carry the signs (−1)^(i+j) in a checkerboard + − + / − + − / + − +."),
            ("inverse-entrywise-reciprocal", reciprocal,
             "The inverse is not the matrix of reciprocals 1/aᵢⱼ."),
        ]
        hints = ("A⁻¹ = adj(A)/det A, where adj(A) is the transposed matrix of cofactors "
                 "(−1)^(i+j)·Mᵢⱼ; if det A = 0 there is no inverse.",
                 f"Here det A = {say(det)}.")
        steps = [f"det A = {say(det)}.", f"The cofactors: C =\n{show(cof)}"]
    if det == 0:
        steps.append("det A = 0: A is singular and has no inverse — the answer is none.")
    else:
        steps += [f"adj(A) = {'Cᵀ' if n == 3 else '[[d, −b], [−c, a]]'} =\n{show(adj)}",
                  f"A⁻¹ = adj(A)/({say(det)}) =\n{show(key)}"]  # type: ignore[arg-type]
    kept = prune(key, candidates, _same)
    return Draft(
        prompt=(f"Find the inverse of\nA =\n{show(a)}\nIf A has no inverse, answer none."),
        answer_kind="matrix", answer=_text(key), data={"matrix": data_rows(a)},
        hints=hints, solution=tuple(steps),
        misconceptions=tuple(WrongAnswer(i, _text(w), msg) for i, w, msg in kept))
