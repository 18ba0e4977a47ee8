"""Matrix-product problems: matrix × matrix, matrix × vector, and the shape of a product."""

import random

from pydantic import field_validator

from quizapp.generators.common import IntRange, Params, prune
from quizapp.generators.integer_matrices import (
    Matrix,
    as_text,
    identity,
    multiply,
    random_matrix,
    show_matrix,
    transpose,
    vector_text,
)
from quizapp.generators.model import Draft, Retry, WrongAnswer


class ProductParams(Params):
    """A·B for A m×n and B n×p: which (m, n, p) shapes, and the entry range."""

    shapes: tuple[tuple[int, int, int], ...] = ((2, 2, 2),)
    entries: IntRange = (0, 5)

    @field_validator("shapes")
    @classmethod
    def _small(cls, value: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, ...], ...]:
        if not value or any(not 1 <= d <= 4 for shape in value for d in shape):
            raise ValueError("give shapes [m, n, p] with every dimension from 1 to 4")
        return value


class VectorParams(Params):
    """A·v for a square A (n×n): which sizes n, and the entry range."""

    sizes: tuple[int, ...] = (2,)
    entries: IntRange = (-3, 5)

    @field_validator("sizes")
    @classmethod
    def _small(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if not value or any(not 2 <= n <= 4 for n in value):
            raise ValueError("give sizes from 2 to 4")
        return value


class ShapeParams(Params):
    """The shape of A·B: the range the dimensions are drawn from."""

    dimensions: IntRange = (1, 6)


def _degenerate(a: Matrix) -> bool:
    flat = [v for row in a for v in row]
    square = len(a) == len(a[0])
    return all(v == 0 for v in flat) or (square and a == identity(len(a))) or \
        any(all(v == 0 for v in row) for row in a)


def _row_times_column(a: Matrix, b: Matrix, i: int) -> str:
    cells = []
    for j in range(len(b[0])):
        terms = " + ".join(f"{a[i][k]}·{_paren(b[k][j])}" for k in range(len(b)))
        cells.append(terms)
    values = ", ".join(str(sum(a[i][k] * b[k][j] for k in range(len(b))))
                       for j in range(len(b[0])))
    return f"Row {i + 1}: ({'; '.join(cells)}) = ({values})"


def _paren(v: int) -> str:
    return f"({v})" if v < 0 else str(v)


def _matrices_equal(a: object, b: object) -> bool:
    return a == b


def matrix_product(params: ProductParams, rng: random.Random) -> Draft:
    """A·B: each entry is row i of A times column j of B."""
    m, n, p = rng.choice(params.shapes)
    a = random_matrix(rng, m, n, params.entries)
    b = random_matrix(rng, n, p, params.entries)
    if _degenerate(a) or _degenerate(b):
        raise Retry
    key = multiply(a, b)
    if _degenerate(key):
        raise Retry
    candidates = [
        ("matrix-order-swapped", multiply(b, a) if p == m else None,
         "Order matters: that is B·A. In A·B, entry (i, j) is row i of A times column j of B."),
        ("matrix-elementwise-product",
         [[a[i][j] * b[i][j] for j in range(p)] for i in range(m)] if m == n == p else None,
         "That is the element-wise product (numpy's A * B); the matrix product A @ B sums "
         "row × column."),
        ("matrix-result-transposed", transpose(key),
         "Transposed: row i of A with column j of B goes in row i, column j of the result."),
        ("matrix-rows-of-b", multiply(a, transpose(b)) if n == p else None,
         "Entry (i, j) is row i of A times column j of B — you used the rows of B."),
        ("matrix-columns-of-a", multiply(transpose(a), b) if m == n else None,
         "Entry (i, j) is row i of A times column j of B — you used the columns of A."),
    ]
    kept = prune(key, candidates, _matrices_equal)
    steps = [f"A is {m}×{n} and B is {n}×{p}, so A·B is {m}×{p}."]
    steps += [_row_times_column(a, b, i) for i in range(m)]
    return Draft(
        prompt=(f"Compute the matrix product A·B, where\nA =\n{show_matrix(a)}\n"
                f"B =\n{show_matrix(b)}"),
        answer_kind="matrix",
        answer=as_text(key),
        data={"A": a, "B": b},
        hints=(f"A is {m}×{n} and B is {n}×{p}: the inner sizes match, and A·B is {m}×{p}.",
               "Entry (i, j) of A·B is row i of A times column j of B: multiply the pairs "
               "and add them up."),
        solution=tuple(steps),
        misconceptions=tuple(WrongAnswer(i, as_text(w), msg) for i, w, msg in kept),
    )


def matrix_vector(params: VectorParams, rng: random.Random) -> Draft:
    """A·v for a square A: entry i is row i of A times v."""
    n = rng.choice(params.sizes)
    a = random_matrix(rng, n, n, params.entries)
    v = [rng.randint(*params.entries) for _ in range(n)]
    column = [[x] for x in v]
    if _degenerate(a) or all(x == 0 for x in v):
        raise Retry
    key = [row[0] for row in multiply(a, column)]
    if all(x == 0 for x in key):
        raise Retry
    candidates = [
        ("matvec-columns-instead-of-rows", [row[0] for row in multiply(transpose(a), column)],
         "Entry i of A·v is row i of A times v — you used the columns of A (that is Aᵀ·v)."),
        ("matvec-broadcast", [[a[i][j] * v[j] for j in range(n)] for i in range(n)],
         "That is numpy's broadcast A * v (each column scaled by v); A @ v adds up each row's "
         "products into one number."),
    ]
    kept = prune(key, candidates, _matrices_equal)
    steps = [f"A is {n}×{n} and v has {n} entries, so A·v has {n} entries."]
    steps += [_row_times_column(a, column, i) for i in range(n)]
    return Draft(
        prompt=f"Compute A·v, where\nA =\n{show_matrix(a)}\nv =\n{show_matrix(column)}",
        answer_kind="vector",
        answer=vector_text(key),
        data={"A": a, "B": column},
        hints=("Entry i of A·v is the dot product of row i of A with v.",
               f"For row 1: {' + '.join(f'{a[0][k]}·{_paren(v[k])}' for k in range(n))}."),
        solution=tuple(steps),
        misconceptions=tuple(WrongAnswer(i, as_text(w) if isinstance(w[0], list) else
                                         vector_text(w), msg) for i, w, msg in kept),
    )


def product_shape(params: ShapeParams, rng: random.Random) -> Draft:
    """The shape of A·B: (rows of A) × (columns of B), when the inner sizes agree."""
    m, n, p = (rng.randint(*params.dimensions) for _ in range(3))
    if len({m, n, p}) < 3:
        raise Retry
    candidates = [
        ("shape-inner-dimensions", [n, n],
         f"The inner sizes ({n} and {n}) must agree and then disappear: A·B is (rows of A) × "
         "(columns of B)."),
        ("shape-reversed", [p, m],
         "Rows first: A·B has as many rows as A and as many columns as B."),
        ("shape-of-b", [n, p], "That is the shape of B; A·B keeps A's rows and B's columns."),
        ("shape-of-a", [m, n], "That is the shape of A; A·B keeps A's rows and B's columns."),
    ]
    kept = prune([m, p], candidates, _matrices_equal)
    return Draft(
        prompt=(f"A is a {m}×{n} matrix and B is a {n}×{p} matrix. What is the shape of A·B?\n"
                "Type rows, columns — for example 5, 7."),
        answer_kind="vector",
        answer=f"[{m}, {p}]",
        data={"A": [[0] * n for _ in range(m)], "B": [[0] * p for _ in range(n)],
              "shape_of": "A·B"},
        hints=("A·B is defined when the columns of A match the rows of B.",
               "The shape of A·B is (rows of A) × (columns of B)."),
        solution=(f"(m×n)·(n×p) = m×p: here ({m}×{n})·({n}×{p}).",
                  f"The inner {n}s agree and cancel, so A·B is {m}×{p}: type {m}, {p}."),
        misconceptions=tuple(WrongAnswer(i, f"[{w[0]}, {w[1]}]", msg) for i, w, msg in kept),
    )
