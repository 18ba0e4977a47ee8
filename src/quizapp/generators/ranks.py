"""The rank of 2×3, 3×3 and 3×4 matrices, full and deficient, built as products L·R of a
chosen inner size so the rank is known, then checked by exact elimination."""

import random

from quizapp.generators.common import IntRange, Params, prune
from quizapp.generators.exact import echelon, multiply, rank, show
from quizapp.generators.model import Draft, Retry, WrongAnswer


class RankParams(Params):
    """Shapes (rows, cols), the ranks to draw from, and the entry range of the factors."""

    shapes: tuple[tuple[int, int], ...] = ((2, 3),)
    ranks: tuple[int, ...] = (1, 2)
    entries: IntRange = (-3, 3)
    max_entry: int = 12


def matrix_rank(params: RankParams, rng: random.Random) -> Draft:
    """rank A = the number of pivots after elimination."""
    m, n = rng.choice(params.shapes)
    r = rng.choice([x for x in params.ranks if 1 <= x <= min(m, n)] or [1])
    left = [[rng.randint(*params.entries) for _ in range(r)] for _ in range(m)]
    right = [[rng.randint(*params.entries) for _ in range(n)] for _ in range(r)]
    a = multiply(left, right)
    if rank(a) != r or any(not any(row) for row in a) or \
            max(abs(v) for row in a for v in row) > params.max_entry or \
            len({tuple(row) for row in a}) < m or sum(v == 0 for row in a for v in row) > 2:
        raise Retry
    candidates = [
        ("rank-non-zero-rows", m,
         "Count the non-zero rows AFTER elimination: before it, rows that are combinations of "
         "others still look non-zero."),
        ("rank-columns", n, "The rank is at most min(rows, columns); count the pivots after "
                            "elimination, not the columns."),
        ("rank-nullity", n - r, "That is the number of free columns (the nullity, n − rank); "
                                "the rank counts the pivots."),
        ("rank-min-shape", min(m, n), "Not every matrix has full rank: eliminate and count the "
                                      "pivots."),
    ]
    kept = prune(r, candidates, lambda x, y: x == y)
    relation = "independent" if r == m else "dependent"
    return Draft(
        prompt=f"What is the rank of\nA =\n{show(a)}",
        answer_kind="number", answer=str(r), data={"matrix": a},
        hints=("Row-reduce A to echelon form; the rank is the number of pivots (non-zero rows "
               "left).", f"A is {m}×{n}, so its rank is at most {min(m, n)}. Look for rows "
                         "that are combinations of others."),
        solution=(f"Eliminate below each pivot:\n{show(echelon(a))}",
                  f"{r} non-zero row{'s' * (r > 1)} (pivot{'s' * (r > 1)}) remain: the rows of "
                  f"A are {relation}, and rank A = {r}."),
        misconceptions=tuple(WrongAnswer(i, str(w), msg) for i, w, msg in kept))
