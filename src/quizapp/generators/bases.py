"""Change of basis: the coordinates c of a vector x in a basis given as the columns of B,
so that B·c = x, i.e. c = B⁻¹x."""

import random
from typing import Literal

from quizapp.generators.common import IntRange, Params, prune
from quizapp.generators.exact import (
    determinant,
    inverse,
    multiply,
    plain_vector,
    say,
    show,
    show_vector,
    solve,
    transpose,
)
from quizapp.generators.integer_matrices import unimodular
from quizapp.generators.model import Draft, Retry, WrongAnswer


class BasisParams(Params):
    """Size, the determinants the basis matrix may have (±1 gives integer coordinates), P's
    mixing range, and the range of the coordinates / vector entries."""

    size: Literal[2, 3] = 2
    determinants: tuple[int, ...] = (1, -1)
    entries: IntRange = (-3, 4)
    mixing: IntRange = (-2, 2)


def coordinates(params: BasisParams, rng: random.Random) -> Draft:
    """c with B·c = x: solve the system, or multiply by B⁻¹."""
    n = params.size
    det = rng.choice(params.determinants)
    b, _ = unimodular(rng, n, params.mixing)
    if determinant(b) != det:  # scale one column: det(B) = det exactly, entries stay small
        scale = det * determinant(b)  # det(unimodular) is ±1
        column = rng.randrange(n)
        b = [[v * scale if j == column else v for j, v in enumerate(row)] for row in b]
    if any(not any(col) for col in transpose(b)) or b == [[int(i == j) for j in range(n)]
                                                          for i in range(n)]:
        raise Retry
    x = [rng.randint(*params.entries) for _ in range(n)]
    key = solve(b, x)
    if key is None or sum(1 for v in x if v) < 2 or sum(1 for v in key if v) < 2:
        raise Retry
    columns = transpose(b)
    rows_basis = solve(transpose(b), x)
    candidates = [
        ("basis-standard-coordinates", x,
         "Those are x's coordinates in the standard basis; in the basis b₁, b₂, … you need c "
         "with c₁b₁ + c₂b₂ + … = x."),
        ("basis-multiplied-by-b", [row[0] for row in multiply(b, [[v] for v in x])],
         "B·x goes the other way (from B-coordinates to standard ones); solve B·c = x, "
         "i.e. c = B⁻¹x."),
        ("basis-rows-as-vectors", rows_basis,
         "The basis vectors are the COLUMNS of B; you used its rows."),
    ]
    kept = prune(key, candidates, lambda u, v: u == v)
    names = ", ".join(f"b{'₁₂₃'[i]} = {show_vector(c)}" for i, c in enumerate(columns))
    inv = inverse(b)
    assert inv is not None
    combination = " + ".join(f"({say(c)})·{show_vector(col)}"
                             for c, col in zip(key, columns, strict=True))
    return Draft(
        prompt=(f"The basis vectors are the columns of\nB =\n{show(b)}\n({names}).\n"
                f"Find the coordinates of x = {show_vector(x)} in this basis."),
        answer_kind="vector", answer=plain_vector(key),
        data={"basis": b, "vector": x},
        hints=("The coordinates c satisfy c₁b₁ + c₂b₂ + … = x, that is B·c = x.",
               f"Solve B·c = x, or compute c = B⁻¹x; det B = {say(det)}."),
        solution=(f"B⁻¹ =\n{show(inv)}", f"c = B⁻¹x = {show_vector(key)}.",
                  f"Check: {combination} = {show_vector(x)}."),
        misconceptions=tuple(WrongAnswer(i, plain_vector(w), msg) for i, w, msg in kept))

