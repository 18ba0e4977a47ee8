"""Determinants: 2×2, 3×3 by cofactors, triangular matrices, and det(AB), det(kA), det(A⁻¹)
from given determinants."""

import random
from fractions import Fraction
from typing import Literal

from quizapp.generators.common import IntRange, Params, prune
from quizapp.generators.exact import (
    Rows,
    data_rows,
    determinant,
    inverse,
    minor,
    multiply,
    plain_number,
    say,
    scale,
    show,
)
from quizapp.generators.integer_matrices import unimodular
from quizapp.generators.model import Draft, Retry, WrongAnswer
from quizapp.generators.vectors import same_number


class DeterminantParams(Params):
    """det A for an n×n integer matrix; `triangular` makes it upper or lower triangular."""

    size: Literal[2, 3] = 2
    entries: IntRange = (-5, 6)
    triangular: bool = False


class RulesParams(Params):
    """det(kA), det(AB), det(A⁻¹) or det(Aᵀ) from det A (and det B) of n×n matrices."""

    sizes: tuple[Literal[2, 3], ...] = (2, 3)
    determinants: IntRange = (-4, 5)
    scales: IntRange = (-3, 3)
    asks: tuple[Literal["kA", "AB", "A^-1", "A^TB"], ...] = ("kA", "AB")


def _paren(x: int) -> str:
    return f"({say(x)})" if x < 0 else say(x)


def _number_draft(prompt: str, key: int | Fraction, data: dict, hints: tuple[str, ...],
                  solution: tuple[str, ...], candidates: list) -> Draft:
    kept = prune(key, candidates, same_number)
    return Draft(prompt=prompt, answer_kind="number", answer=plain_number(key), data=data,
                 hints=hints, solution=solution,
                 misconceptions=tuple(WrongAnswer(i, plain_number(w), m) for i, w, m in kept))


def _unsigned_expansion(a: Rows) -> int:
    """First-row cofactor expansion with every sign +: the lost-cofactor-sign mistake."""
    return sum(a[0][j] * determinant(minor(a, 0, j)) for j in range(len(a)))


def _permanent(a: Rows) -> int:
    """Every product of the determinant added: ad + bc for a 2×2."""
    if len(a) == 2:
        return a[0][0] * a[1][1] + a[0][1] * a[1][0]
    return sum(a[0][j] * _permanent(minor(a, 0, j)) for j in range(3))


def determinant_of(params: DeterminantParams, rng: random.Random) -> Draft:
    """det A by ad − bc, by cofactor expansion along the first row, or as a diagonal product."""
    n = params.size
    a = [[rng.randint(*params.entries) for _ in range(n)] for _ in range(n)]
    if params.triangular:
        upper = rng.random() < 0.5
        for i in range(n):
            for j in range(n):
                if (j < i) if upper else (j > i):
                    a[i][j] = 0
        if any(a[i][i] in (0, 1) for i in range(n)) or \
                all(a[i][j] == 0 for i in range(n) for j in range(n) if i != j):
            raise Retry
    elif any(v == 0 for row in a for v in row[:1]) or sum(v == 0 for row in a for v in row) > 2:
        raise Retry
    det = determinant(a)
    trace = sum(a[i][i] for i in range(n))
    diagonal = 1
    for i in range(n):
        diagonal *= a[i][i]
    data = {"matrix": a}
    if params.triangular:
        non_zero = 1
        for row in a:
            for v in row:
                non_zero *= v if v else 1
        candidates = [
            ("det-triangular-trace", trace,
             "For a triangular matrix, det A is the PRODUCT of the diagonal entries, not "
             "their sum."),
            ("det-triangular-all-entries", non_zero,
             "Only the diagonal entries count: the entries off the diagonal do not change "
             "the determinant of a triangular matrix."),
            ("det-sign-lost", -det, "Check the signs of the diagonal entries."),
        ]
        hints = ("A is triangular: expanding along its first column again and again leaves the "
                 "diagonal.", "det A is the product of the diagonal entries.")
        steps = (f"A is triangular, so det A = {' · '.join(_paren(a[i][i]) for i in range(n))}",
                 f"= {say(det)}.")
    elif n == 2:
        (p, q), (r, s) = a
        candidates = [
            ("det-ad-plus-bc", _permanent(a),
             "det [[a, b], [c, d]] = ad − bc: subtract the product of the other diagonal."),
            ("det-bc-minus-ad", -det, "It is ad − bc (main diagonal first), not bc − ad."),
            ("det-diagonal-only", diagonal, "Subtract bc: det = ad − bc, not just ad."),
        ]
        hints = ("det [[a, b], [c, d]] = ad − bc.", f"Here ad = {p * s} and bc = {q * r}.")
        steps = (f"det A = {_paren(p)}·{_paren(s)} − {_paren(q)}·{_paren(r)}",
                 f"= {p * s} − {_paren(q * r)} = {say(det)}.")
    else:
        minors = [determinant(minor(a, 0, j)) for j in range(3)]
        candidates = [
            ("det-cofactor-sign-lost", _unsigned_expansion(a),
             "Cofactor signs alternate + − + along a row: the middle term is subtracted."),
            ("det-ad-plus-bc", _permanent(a),
             "Every 2×2 minor is ad − bc (a difference) and the cofactor signs alternate; "
             "adding all the products gives the permanent, not the determinant."),
            ("det-diagonal-only", diagonal,
             "Only a triangular matrix has det = the product of its diagonal; expand by "
             "cofactors."),
        ]
        hints = ("Expand along the first row: det A = a₁₁M₁₁ − a₁₂M₁₂ + a₁₃M₁₃, where M₁ⱼ is "
                 "the 2×2 determinant left when row 1 and column j are crossed out.",
                 f"The minors are M₁₁ = {say(minors[0])}, M₁₂ = {say(minors[1])}, "
                 f"M₁₃ = {say(minors[2])}.")
        steps = (f"det A = {_paren(a[0][0])}·{_paren(minors[0])} − {_paren(a[0][1])}·"
                 f"{_paren(minors[1])} + {_paren(a[0][2])}·{_paren(minors[2])}",
                 f"= {say(det)}.")
    if det == 0 and not params.triangular and rng.random() < 0.7:
        raise Retry  # singular matrices, but not too often
    return _number_draft(f"Compute det A, where\nA =\n{show(a)}", det, data, hints, steps,
                         candidates)


def _with_determinant(rng: random.Random, n: int, det: int) -> Rows:
    """A small integer n×n matrix with the given determinant: P·diag(det, 1, …)·Q."""
    p, _ = unimodular(rng, n, (-1, 1))
    q, _ = unimodular(rng, n, (-1, 1))
    d = [[(det if i == 0 else 1) if i == j else 0 for j in range(n)] for i in range(n)]
    return multiply(multiply(p, d), q)


def determinant_rules(params: RulesParams, rng: random.Random) -> Draft:
    """det(kA) = kⁿ det A, det(AB) = det A · det B, det(A⁻¹) = 1/det A, det(AᵀB)."""
    n = rng.choice(params.sizes)
    ask = rng.choice(params.asks)
    det_a = rng.randint(*params.determinants)
    det_b = rng.randint(*params.determinants)
    k = rng.randint(*params.scales)
    if det_a in (0, 1) or det_b in (0, 1) or k in (0, 1, -1) or det_a == det_b:
        raise Retry
    a = _with_determinant(rng, n, det_a)
    b = _with_determinant(rng, n, det_b)
    given = f"A and B are {n}×{n} matrices with det A = {say(det_a)} and det B = {say(det_b)}."
    if ask == "kA":
        key: int | Fraction = k ** n * det_a
        matrix = scale(k, a)
        question = f"det({say(k)}A)"
        given = f"A is a {n}×{n} matrix with det A = {say(det_a)}."
        candidates = [
            ("det-scale-linear", k * det_a,
             f"Scaling A by k scales each of its {n} rows by k, so det(kA) = kⁿ det A, not "
             "k det A."),
            ("det-scale-wrong-power", k ** (5 - n) * det_a,
             f"The power of k is the size of the matrix: kⁿ with n = {n}."),
            ("det-scale-ignored", det_a, "Scaling the matrix changes its determinant: "
                                         "det(kA) = kⁿ det A."),
        ]
        hints = ("Multiplying one row by k multiplies the determinant by k.",
                 f"kA multiplies all {n} rows by k, so det(kA) = kⁿ det A.")
        steps = (f"det({say(k)}A) = ({say(k)})^{n} · det A = {say(k ** n)} · {_paren(det_a)}",
                 f"= {say(key)}.")
    elif ask == "AB":
        key = det_a * det_b
        matrix = multiply(a, b)
        question = "det(AB)"
        candidates = [
            ("det-product-as-sum", det_a + det_b,
             "The determinant is multiplicative: det(AB) = det A · det B, not the sum."),
            ("det-product-one-factor", det_a if abs(det_a) > abs(det_b) else det_b,
             "Both factors count: det(AB) = det A · det B."),
            ("det-product-ratio", Fraction(det_a, det_b), "det(AB) = det A · det B: multiply, "
                                                          "do not divide."),
        ]
        hints = ("Volumes scale one after the other: det(AB) = det A · det B.",
                 "Multiply the two given determinants.")
        steps = ("det(AB) = det A · det B", f"= {_paren(det_a)} · {_paren(det_b)} = "
                                            f"{say(key)}.")
    elif ask == "A^-1":
        key = Fraction(1, det_a)
        matrix = inverse(a) or a
        question = "det(A⁻¹)"
        given = f"A is a {n}×{n} matrix with det A = {say(det_a)}."
        candidates = [
            ("det-inverse-negated", -det_a, "The inverse undoes A's scaling of volume: "
                                            "det(A⁻¹) = 1/det A, not −det A."),
            ("det-inverse-unchanged", det_a, "det(A⁻¹) = 1/det A, since det A · det(A⁻¹) = "
                                             "det I = 1."),
            ("det-inverse-power", Fraction(1, det_a ** n), "det(A⁻¹) = 1/det A; no power of "
                                                           "the size comes in."),
        ]
        hints = ("A·A⁻¹ = I and det I = 1.", "So det A · det(A⁻¹) = 1.")
        steps = ("det A · det(A⁻¹) = det(AA⁻¹) = det I = 1",
                 f"so det(A⁻¹) = 1/{_paren(det_a)} = {say(key)}.")
    else:
        key = det_a * det_b
        matrix = multiply([list(col) for col in zip(*a, strict=True)], b)
        question = "det(AᵀB)"
        candidates = [
            ("det-transpose-inverts", Fraction(det_b, det_a),
             "Transposing does not invert: det(Aᵀ) = det A."),
            ("det-transpose-negates", -det_a * det_b,
             "Transposing keeps the determinant: det(Aᵀ) = det A, not −det A."),
            ("det-product-as-sum", det_a + det_b,
             "The determinant is multiplicative: det(AᵀB) = det(Aᵀ)·det B."),
        ]
        hints = ("det(Aᵀ) = det A.", "And det(XY) = det X · det Y.")
        steps = ("det(AᵀB) = det(Aᵀ) · det B = det A · det B",
                 f"= {_paren(det_a)} · {_paren(det_b)} = {say(key)}.")
    key = key.numerator if isinstance(key, Fraction) and key.denominator == 1 else key
    data = {"matrix": data_rows(matrix), "ask": ask, "det_A": det_a, "n": n}
    if ask in ("AB", "A^TB"):
        data["det_B"] = det_b
    if ask == "kA":
        data["k"] = k
    return _number_draft(f"{given}\nWhat is {question}?", key, data, hints, steps, candidates)
