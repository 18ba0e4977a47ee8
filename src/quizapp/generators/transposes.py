"""Transposes: Aᵀ, (AB)ᵀ = BᵀAᵀ, AᵀB, ABᵀ and the Gram matrices AᵀA and AAᵀ, shapes included."""

import random
from typing import Literal

from quizapp.generators.common import IntRange, Params, prune
from quizapp.generators.exact import Rows, multiply, plain_matrix, show, transpose
from quizapp.generators.model import Draft, Retry, WrongAnswer

Ask = Literal["A^T", "(AB)^T", "B^TA^T", "A^TB", "AB^T", "A^TA", "AA^T"]
SHOWN = {"A^T": "Aᵀ", "(AB)^T": "(AB)ᵀ", "B^TA^T": "BᵀAᵀ", "A^TB": "AᵀB", "AB^T": "ABᵀ",
         "A^TA": "AᵀA", "AA^T": "AAᵀ"}


class TransposeParams(Params):
    """Which expressions to ask for, the shapes of A (rows, cols) and the entry range."""

    asks: tuple[Ask, ...] = ("A^T",)
    shapes: tuple[tuple[int, int], ...] = ((2, 3),)
    entries: IntRange = (-3, 5)


def _shape(a: Rows) -> str:
    return f"{len(a)}×{len(a[0])}"


def _entry_rule(text: str) -> str:
    return f"Entry (i, j) of {text} is row i of the left factor times column j of the right."


def transposes(params: TransposeParams, rng: random.Random) -> Draft:
    """One of Aᵀ, (AB)ᵀ, BᵀAᵀ, AᵀB, ABᵀ, AᵀA, AAᵀ for small integer matrices."""
    ask = rng.choice(params.asks)
    m, n = rng.choice(params.shapes)
    a = [[rng.randint(*params.entries) for _ in range(n)] for _ in range(m)]
    if ask in ("(AB)^T", "B^TA^T"):
        b = [[rng.randint(*params.entries) for _ in range(m)] for _ in range(n)]  # n×m
    elif ask in ("A^TB", "AB^T"):
        b = [[rng.randint(*params.entries) for _ in range(n)] for _ in range(m)]  # m×n
    else:
        b = None
    for matrix in (a, b):
        if matrix is not None and (any(not any(row) for row in matrix)
                                   or any(not any(col) for col in transpose(matrix))):
            raise Retry
    at = transpose(a)
    data: dict = {"A": a, "ask": ask}
    if b is not None:
        data["B"] = b
    shown = SHOWN[ask]
    if ask == "A^T":
        key = at
        candidates = [
            ("transpose-unchanged", a, "Transposing swaps rows and columns: row i of A becomes "
                                       "column i of Aᵀ."),
            ("transpose-rotated", [row[::-1] for row in at],
             "That turns A by a quarter; Aᵀ mirrors it in the diagonal: (Aᵀ)ᵢⱼ = Aⱼᵢ."),
            ("transpose-rows-reversed", at[::-1],
             "Keep the order: column 1 of A becomes row 1 of Aᵀ."),
        ]
        hints = ("Row i of A becomes column i of Aᵀ: (Aᵀ)ᵢⱼ = Aⱼᵢ.",
                 f"A is {_shape(a)}, so Aᵀ is {_shape(at)}.")
        steps = [f"A is {_shape(a)}, so Aᵀ is {_shape(at)}.",
                 "Write each row of A as a column: " +
                 "; ".join(f"row {i + 1} → column {i + 1}" for i in range(m)) + "."]
    elif ask in ("(AB)^T", "B^TA^T"):
        assert b is not None
        ab = multiply(a, b)
        key = transpose(ab)
        candidates = [
            ("transpose-product-not-reversed", multiply(at, transpose(b)),
             "(AB)ᵀ = BᵀAᵀ: transposing a product reverses the order — AᵀBᵀ is a different "
             "matrix (here even a different shape)."),
            ("transpose-forgotten", ab, "That is AB; transpose it (or compute BᵀAᵀ)."),
            ("transpose-product-swapped", multiply(b, a),
             "That is BA; (AB)ᵀ = BᵀAᵀ transposes each factor as well as swapping them."),
        ]
        hints = ("(AB)ᵀ = BᵀAᵀ: compute AB and transpose it, or multiply Bᵀ by Aᵀ.",
                 f"A is {_shape(a)} and B is {_shape(b)}, so AB is {_shape(ab)} and "
                 f"(AB)ᵀ is {_shape(key)}.")
        steps = [f"AB =\n{show(ab)}", f"(AB)ᵀ = BᵀAᵀ swaps rows and columns of AB:\n{show(key)}"]
    elif ask in ("A^TB", "AB^T"):
        assert b is not None
        if ask == "A^TB":
            key, swapped, other = multiply(at, b), multiply(a, transpose(b)), "ABᵀ"
        else:
            key, swapped, other = multiply(a, transpose(b)), multiply(at, b), "AᵀB"
        candidates = [
            ("transpose-wrong-factor", swapped,
             f"That is {other}; {shown} transposes the other factor."),
            ("transpose-result-of-other-order", transpose(key),
             f"That is ({shown})ᵀ: the factors are in the other order."),
            ("transpose-elementwise", [[x * y for x, y in zip(r, s, strict=True)]
                                       for r, s in zip(a, b, strict=True)],
             "That multiplies entry by entry; a matrix product sums row × column."),
        ]
        left = "Aᵀ" if ask == "A^TB" else "A"
        hints = (f"{shown}: first transpose, then multiply. {_entry_rule(shown)}",
                 f"A and B are {_shape(a)}, so {shown} is {_shape(key)}.")
        steps = [f"{left} is {_shape(at if ask == 'A^TB' else a)}; {shown} is {_shape(key)}.",
                 f"{shown} =\n{show(key)}"]
    else:
        gram, other, other_name = (multiply(at, a), multiply(a, at), "AAᵀ") if ask == "A^TA" \
            else (multiply(a, at), multiply(at, a), "AᵀA")
        key = gram
        candidates = [
            ("transpose-gram-order", other,
             f"That is {other_name}; {shown} has the shape "
             f"{'(cols of A)×(cols of A)' if ask == 'A^TA' else '(rows of A)×(rows of A)'}."),
            ("transpose-squared-entries", [[x * x for x in row] for row in a],
             f"{shown} is a matrix product, not A with its entries squared."),
            ("transpose-gram-product-aa", multiply(a, a) if m == n else None,
             f"That is A·A; {shown} multiplies A by its transpose."),
        ]
        hints = (f"Entry (i, j) of {shown} is the dot product of "
                 f"{'columns' if ask == 'A^TA' else 'rows'} i and j of A.",
                 f"A is {_shape(a)}, so {shown} is {_shape(key)} — and symmetric.")
        steps = [f"A is {_shape(a)}, so {shown} is {_shape(key)}.", f"{shown} =\n{show(key)}"]
    kept = prune(key, candidates, lambda x, y: x == y)
    prompt = f"Compute {shown}, where\nA =\n{show(a)}"
    if b is not None:
        prompt += f"\nB =\n{show(b)}"
    return Draft(prompt=prompt, answer_kind="matrix", answer=plain_matrix(key), data=data,
                 hints=hints, solution=tuple(steps),
                 misconceptions=tuple(WrongAnswer(i, plain_matrix(w), msg) for i, w, msg in kept))
