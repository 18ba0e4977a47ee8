"""Singular values: of a rank-one matrix u·vᵀ (σ₁ = ‖u‖₂‖v‖₂) and of a 2×2 matrix (the square
roots of the eigenvalues of AᵀA), exact with square roots."""

import math
import random
from functools import lru_cache

import sympy

from quizapp.generators.common import IntRange, Params, prune
from quizapp.generators.exact import Rows, multiply, plain_number, say, show, show_vector
from quizapp.generators.model import Draft, Retry, WrongAnswer
from quizapp.generators.vectors import same_number, value


class RankOneParams(Params):
    """A = u·vᵀ for u, v with entries from `entries`, in the given (rows, cols) shapes."""

    shapes: tuple[tuple[int, int], ...] = ((2, 2),)
    entries: IntRange = (-3, 3)


class SingularParams(Params):
    """A 2×2 matrix with entries from `entries` whose AᵀA has integer eigenvalues."""

    entries: IntRange = (-4, 4)


def _root(n: int) -> sympy.Expr:
    return sympy.sqrt(sympy.Integer(n))


def rank_one(params: RankOneParams, rng: random.Random) -> Draft:
    """The one non-zero singular value of u·vᵀ."""
    m, n = rng.choice(params.shapes)
    u = [rng.randint(*params.entries) for _ in range(m)]
    v = [rng.randint(*params.entries) for _ in range(n)]
    if sum(1 for x in u if x) < 2 or sum(1 for x in v if x) < 1 or \
            sum(1 for x in v if x) + sum(1 for x in u if x) < 3:
        raise Retry
    a = multiply([[x] for x in u], [v])
    uu, vv = sum(x * x for x in u), sum(x * x for x in v)
    key = _root(uu * vv)
    entries = [x for row in a for x in row]
    candidates = [
        ("svd-not-rooted", sympy.Integer(uu * vv),
         "That is σ₁²: the singular value is its square root."),
        ("svd-eigenvalue", sympy.Integer(sum(x * y for x, y in zip(u, v, strict=True)))
         if m == n else None,
         "That is the eigenvalue vᵀu of u·vᵀ; A is not symmetric, so its singular values are "
         "not its eigenvalues: σ₁ = ‖u‖₂‖v‖₂."),
        ("svd-l1-norms", sympy.Integer(sum(abs(x) for x in u) * sum(abs(x) for x in v)),
         "Use the Euclidean lengths: σ₁ = ‖u‖₂‖v‖₂, with square roots of sums of squares."),
        ("svd-largest-entry", sympy.Integer(max(abs(x) for x in entries)),
         "The largest entry is not a singular value: σ₁ = ‖u‖₂‖v‖₂ = √(sum of all the squared "
         "entries) for a rank-one matrix."),
    ]
    kept = prune(key, candidates, same_number)
    return Draft(
        prompt=(f"A =\n{show(a)}\nhas rank one. What is its only non-zero singular value σ₁? "
                "Give it exactly (√ is fine)."),
        answer_kind="number", answer=plain_number(key), data={"matrix": a},
        hints=("A rank-one matrix is u·vᵀ: every row is a multiple of one row vᵀ.",
               "For A = u·vᵀ, AᵀA = ‖u‖₂²·v·vᵀ, so σ₁ = ‖u‖₂·‖v‖₂ — the square root of the "
               "sum of all squared entries."),
        solution=(f"A = u·vᵀ with u = {show_vector(u)} and v = {show_vector(v)}.",
                  f"σ₁ = ‖u‖₂·‖v‖₂ = √{uu}·√{vv} = {say(key)}."),
        misconceptions=tuple(WrongAnswer(i, plain_number(w), msg) for i, w, msg in kept))


@lru_cache(maxsize=16)
def _nice_matrices(entries: tuple[int, int]) -> tuple[tuple[int, int, int, int], ...]:
    """All 2×2 (a, b, c, d) in the range whose AᵀA has distinct positive integer eigenvalues
    and which are neither symmetric nor diagonal (so singular values ≠ |eigenvalues|)."""
    found = []
    span = range(entries[0], entries[1] + 1)
    for a in span:
        for b in span:
            for c in span:
                for d in span:
                    det = a * d - b * c
                    if det == 0 or b == c or (b == 0 and c == 0):
                        continue
                    trace = a * a + b * b + c * c + d * d
                    disc = trace * trace - 4 * det * det
                    root = math.isqrt(disc)
                    if root * root == disc and root > 0 and (trace + root) % 2 == 0:
                        found.append((a, b, c, d))
    return tuple(found)


def singular_values(params: SingularParams, rng: random.Random) -> Draft:
    """Both singular values of a 2×2 matrix: √ of the eigenvalues of AᵀA."""
    choices = _nice_matrices(params.entries)
    if not choices:
        raise Retry
    a, b, c, d = rng.choice(choices)
    matrix: Rows = [[a, b], [c, d]]
    gram = [[a * a + c * c, a * b + c * d], [a * b + c * d, b * b + d * d]]
    trace, det = gram[0][0] + gram[1][1], (a * d - b * c) ** 2
    root = math.isqrt(trace * trace - 4 * det)
    big, small = (trace + root) // 2, (trace - root) // 2
    key = [_root(big), _root(small)]
    t, det_a = a + d, a * d - b * c
    disc_a = t * t - 4 * det_a
    eigen = None if disc_a < 0 else [(t + _root(disc_a)) / 2, (t - _root(disc_a)) / 2]
    candidates = [
        ("svd-eigenvalues-of-a", eigen,
         "Those are the eigenvalues of A. A is not symmetric, so its singular values are the "
         "square roots of the eigenvalues of AᵀA instead."),
        ("svd-not-rooted", [sympy.Integer(big), sympy.Integer(small)],
         "Those are the eigenvalues of AᵀA, σ²: take their square roots."),
        ("svd-column-lengths", [_root(gram[0][0]), _root(gram[1][1])],
         "Those are the lengths of A's columns (the diagonal of AᵀA); the singular values come "
         "from the eigenvalues of the whole of AᵀA."),
    ]

    def same(x: list, y: list) -> bool:
        return all(abs(p - q) < 1e-9 for p, q in zip(
            sorted(value(v).real for v in x), sorted(value(v).real for v in y), strict=True))

    kept = prune(key, candidates, same)
    return Draft(
        prompt=(f"Find both singular values of\nA =\n{show(matrix)}\n"
                "Give them exactly (√ is fine), separated by a comma."),
        answer_kind="multiset", answer=", ".join(plain_number(v) for v in key),
        data={"matrix": matrix},
        hints=("The singular values are the square roots of the eigenvalues of AᵀA.",
               f"AᵀA =\n{show(gram)}\nits trace is {trace} and its determinant {det}."),
        solution=(f"AᵀA =\n{show(gram)}",
                  f"λ² − {trace}λ + {det} = 0 gives λ = {big} and {small}.",
                  f"σ₁ = √{big} = {say(key[0])}, σ₂ = √{small} = {say(key[1])}."),
        misconceptions=tuple(WrongAnswer(i, ", ".join(plain_number(v) for v in w), msg)
                             for i, w, msg in kept))
