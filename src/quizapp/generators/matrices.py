"""Matrix-product problems: matrix × matrix, matrix × vector, and the shape of a product
(of two or three factors, which may be undefined)."""

import random

from pydantic import field_validator

from quizapp.answers.words import UNDEFINED
from quizapp.generators.common import IntRange, Params, prune, within
from quizapp.generators.integer_matrices import (
    Matrix,
    as_text,
    identity,
    multiply,
    products_sum,
    random_matrix,
    show_matrix,
    signed,
    transpose,
    vector_text,
)
from quizapp.generators.model import Draft, Retry, WrongAnswer
from quizapp.generators.scoring import refuse_if_a_mistake_scores
from quizapp.mathtext import side_by_side


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
    """A·v for a square A (n×n): which sizes n, and the entry range; or, when `shapes` is
    given, an A of one of those [rows, columns] (3×4 by 4)."""

    sizes: tuple[int, ...] = (2,)
    entries: IntRange = (-3, 5)
    shapes: tuple[tuple[int, int], ...] = ()

    @field_validator("sizes")
    @classmethod
    def _small(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        return within(value, 2, 4, "sizes")

    @field_validator("shapes")
    @classmethod
    def _small_shapes(cls, value: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
        if any(not (2 <= r <= 4 and 2 <= c <= 5) for r, c in value):
            raise ValueError("give shapes [rows, columns] with 2–4 rows and 2–5 columns")
        return value


class ShapeParams(Params):
    """The shape of a product: the range the dimensions are drawn from, how many factors
    (2: A·B, 3: A·B·C) and the share of products that are undefined (inner sizes differ)."""

    dimensions: IntRange = (1, 6)
    factors: tuple[int, ...] = (2,)
    undefined: float = 0.0

    @field_validator("factors")
    @classmethod
    def _two_or_three(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if not value or any(n not in (2, 3) for n in value):
            raise ValueError("give factors from 2 to 3")
        return value

    @field_validator("undefined")
    @classmethod
    def _share(cls, value: float) -> float:
        if not 0.0 <= value <= 1.0:
            raise ValueError("undefined is a share from 0 to 1")
        return value


def _degenerate(a: Matrix) -> bool:
    flat = [v for row in a for v in row]
    square = len(a) == len(a[0])
    return all(v == 0 for v in flat) or (square and a == identity(len(a))) or \
        any(all(v == 0 for v in row) for row in a)


def _row_times_column(a: Matrix, b: Matrix, i: int) -> str:
    cells = [products_sum([(a[i][k], b[k][j]) for k in range(len(b))])
             for j in range(len(b[0]))]
    values = ", ".join(signed(sum(a[i][k] * b[k][j] for k in range(len(b))))
                       for j in range(len(b[0])))
    return f"Row {i + 1}: ({'; '.join(cells)}) = ({values})"


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
    refuse_if_a_mistake_scores(key, candidates, _matrices_equal)  # e.g. B·A = A·B
    kept = prune(key, candidates, _matrices_equal)
    steps = [f"A is {m}×{n} and B is {n}×{p}, so A·B is {m}×{p}."]
    steps += [_row_times_column(a, b, i) for i in range(m)]
    return Draft(
        prompt="Compute the matrix product A·B, where\n" + side_by_side(
            [("A =", show_matrix(a)), ("B =", show_matrix(b))]),
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
    """A·v: entry i is row i of A times v (A square, or e.g. 3×4 by a vector of 4)."""
    rows, cols = rng.choice(params.shapes) if params.shapes else (rng.choice(params.sizes),) * 2
    a = random_matrix(rng, rows, cols, params.entries)
    v = [rng.randint(*params.entries) for _ in range(cols)]
    column = [[x] for x in v]
    if _degenerate(a) or all(x == 0 for x in v):
        raise Retry
    key = [row[0] for row in multiply(a, column)]
    if all(x == 0 for x in key):
        raise Retry
    broadcast = [[a[i][j] * v[j] for j in range(cols)] for i in range(rows)]
    candidates = [
        ("matvec-columns-instead-of-rows",
         [row[0] for row in multiply(transpose(a), column)] if rows == cols else None,
         "Entry i of A·v is row i of A times v — you used the columns of A (that is Aᵀ·v)."),
        ("matvec-broadcast", broadcast,
         "That is numpy's broadcast A * v (each column scaled by v); A @ v adds up each row's "
         "products into one number."),
        ("matvec-last-column-dropped",
         [sum(a[i][k] * v[k] for k in range(rows)) for i in range(rows)] if cols > rows
         else None,
         f"Each row of A has {cols} entries and v has {cols}: add all {cols} products, not "
         f"only the first {rows}."),
    ]
    refuse_if_a_mistake_scores(key, candidates, _matrices_equal)
    kept = prune(key, candidates, _matrices_equal)
    steps = [f"A is {rows}×{cols} and v has {cols} entries, so A·v has {rows} entries."]
    steps += [_row_times_column(a, column, i) for i in range(rows)]
    return Draft(
        prompt="Compute A·v, where\n" + side_by_side(
            [("A =", show_matrix(a)), ("v =", show_matrix(column))]),
        answer_kind="vector",
        answer=vector_text(key),
        data={"A": a, "B": column},
        hints=("Entry i of A·v is the dot product of row i of A with v.",
               f"For row 1: {products_sum([(a[0][k], v[k]) for k in range(cols)])}."),
        solution=tuple(steps),
        misconceptions=tuple(WrongAnswer(i, as_text(w) if isinstance(w[0], list) else
                                         vector_text(w), msg) for i, w, msg in kept),
    )


Shape = tuple[int, int]


def _shape_text(shape: Shape) -> str:
    return f"{shape[0]}×{shape[1]}"


def _draw_shapes(params: ShapeParams, rng: random.Random) -> tuple[list[Shape], int | None]:
    """The factors' shapes, and the link that breaks the product (None: it is defined).

    Link j joins factor j to factor j + 1. For A·B undefined, half the time B·A is defined
    (B's columns match A's rows): the learner who multiplies in the wrong order finds a shape.
    """
    count = rng.choice(params.factors)
    dims = [rng.randint(*params.dimensions) for _ in range(count + 1)]
    if len(set(dims)) < len(dims):
        raise Retry
    shapes = [(dims[i], dims[i + 1]) for i in range(count)]
    if rng.random() >= params.undefined:
        return shapes, None
    link = rng.randrange(count - 1)
    left_columns = shapes[link][1]
    if count == 2 and rng.random() < 0.5:
        shapes[1] = (dims[2], dims[0])  # A m×n, B p×m: B·A is p×n, A·B is not defined
    else:
        rows = rng.randint(*params.dimensions)
        shapes[link + 1] = (rows, shapes[link + 1][1])
    if shapes[link + 1][0] == left_columns:
        raise Retry
    return shapes, link


def _shape_steps(names: str, shapes: list[Shape], link: int | None) -> list[str]:
    steps = []
    current, label = shapes[0], names[0]
    for j in range(1, len(shapes)):
        right, name = shapes[j], names[j]
        product = f"{label}·{name}" if j == 1 else f"({label})·{name}"
        pair = f"({_shape_text(current)})·({_shape_text(right)})"
        if current[1] != right[0]:
            steps.append(f"{product}: {pair}: {label} has {current[1]} columns but {name} has "
                         f"{right[0]} rows — not defined.")
            break
        current = (current[0], right[1])
        label = f"{label}·{name}"
        steps.append(f"{product}: {pair}: the inner {right[0]}s agree and cancel, so {label} "
                     f"is {_shape_text(current)}.")
    if link is not None:
        steps.append(f"So {names_product(names)} is not defined: type {UNDEFINED}.")
    else:
        steps.append(f"So {names_product(names)} is {_shape_text(current)}: type "
                     f"{current[0]}, {current[1]}.")
    return steps


def names_product(names: str) -> str:
    """A·B·C from "ABC"."""
    return "·".join(names)


def _shape_candidates(names: str, shapes: list[Shape], link: int | None,
                      undefined_possible: bool) -> list[tuple[str, object, str]]:
    product = names_product(names)
    first, last = shapes[0], shapes[-1]
    outer = [first[0], last[1]]
    if link is not None:
        left, right = names[link], names[link + 1]
        columns, rows = shapes[link][1], shapes[link + 1][0]
        core = f"{left} has {columns} columns but {right} has {rows} rows"
        candidates: list[tuple[str, object, str]] = [
            ("shape-of-undefined-product", outer,
             f"{product} is not defined: {core}, and they must be equal. Type {UNDEFINED}.")]
        if len(shapes) == 2 and last[1] == first[0]:
            candidates.append(("shape-of-reversed-product", [last[0], first[1]],
                               f"That is the shape of B·A, which is defined; A·B is not: {core}."
                               f" Type {UNDEFINED}."))
        elif len(shapes) == 2:
            candidates.append(("shape-of-undefined-inner", [columns, rows],
                               f"Those are the inner sizes, and they differ ({core}): {product} "
                               f"is not defined. Type {UNDEFINED}."))
        elif link == 0:
            candidates.append(("shape-of-defined-part", [shapes[1][0], last[1]],
                               f"B·C is defined ({_shape_text((shapes[1][0], last[1]))}), but "
                               f"A cannot multiply it: {core}. Type {UNDEFINED}."))
        else:
            candidates.append(("shape-of-defined-part", [first[0], shapes[1][1]],
                               f"A·B is defined ({_shape_text((first[0], shapes[1][1]))}), but "
                               f"C cannot follow it: {core}. Type {UNDEFINED}."))
        return candidates
    inner = [first[1], shapes[1][0]] if len(shapes) == 2 else [first[1], last[0]]
    candidates = [
        ("shape-inner-dimensions", inner,
         f"The inner sizes must agree and then disappear: {product} is (rows of {names[0]}) × "
         f"(columns of {names[-1]})."),
        ("shape-reversed", [last[1], first[0]],
         f"Rows first: {product} has as many rows as {names[0]} and as many columns as "
         f"{names[-1]}."),
    ]
    if len(shapes) == 2:
        candidates += [
            ("shape-of-b", list(last), "That is the shape of B; A·B keeps A's rows and B's "
                                       "columns."),
            ("shape-of-a", list(first), "That is the shape of A; A·B keeps A's rows and B's "
                                        "columns."),
        ]
    else:
        candidates += [
            ("shape-stopped-early", [first[0], shapes[1][1]],
             f"That is the shape of A·B; multiplying it by C ({_shape_text(last)}) keeps its "
             f"rows and takes C's {last[1]} columns."),
            ("shape-of-last-pair", [shapes[1][0], last[1]],
             "That is the shape of B·C; A·B·C keeps A's rows and C's columns."),
        ]
    if undefined_possible:
        candidates.append((
            "shape-said-undefined", UNDEFINED,
            f"{product} is defined: each factor's columns match the next one's rows. Its shape "
            f"is (rows of {names[0]}) × (columns of {names[-1]})."))
    return candidates


def _same_shape_answer(a: object, b: object) -> bool:
    return a == b


def _shape_answer_text(wrong: object) -> str:
    return wrong if isinstance(wrong, str) else f"[{wrong[0]}, {wrong[1]}]"


def product_shape(params: ShapeParams, rng: random.Random) -> Draft:
    """The shape of A·B or A·B·C: (rows of the first) × (columns of the last) when every
    neighbouring pair agrees, else undefined."""
    shapes, link = _draw_shapes(params, rng)
    names = "ABC"[:len(shapes)]
    product = names_product(names)
    undefined_possible = params.undefined > 0
    key: object = UNDEFINED if link is not None else [shapes[0][0], shapes[-1][1]]
    candidates = _shape_candidates(names, shapes, link, undefined_possible)
    refuse_if_a_mistake_scores(key, candidates, _same_shape_answer)
    kept = prune(key, candidates, _same_shape_answer)
    described = [f"{n} is {'an' if s[0] in (8, 11, 18) else 'a'} {_shape_text(s)} matrix"
                 for n, s in zip(names, shapes, strict=True)]
    given = ", ".join(described[:-1]) + " and " + described[-1]
    how = "Type rows, columns — for example 5, 7."
    if undefined_possible:
        how = f"Type rows, columns — for example 5, 7 — or {UNDEFINED} if it is not defined."
    hints = [f"{product} is defined when each factor's columns match the next factor's rows.",
             f"The shape of {product} is (rows of {names[0]}) × (columns of {names[-1]})."]
    if len(shapes) == 3:
        hints.insert(1, "Work left to right: find the shape of A·B, then multiply it by C.")
    data: dict[str, object] = {n: [[0] * s[1] for _ in range(s[0])]
                               for n, s in zip(names, shapes, strict=True)}
    data["shape_of"] = product
    return Draft(
        prompt=f"{given}. What is the shape of {product}?\n{how}",
        answer_kind="vector",
        answer=_shape_answer_text(key),
        data=data,
        hints=tuple(hints),
        solution=("(m×n)·(n×p) = m×p: the inner sizes must agree, and then cancel.",
                  *_shape_steps(names, shapes, link)),
        misconceptions=tuple(WrongAnswer(i, _shape_answer_text(w), msg) for i, w, msg in kept),
    )
