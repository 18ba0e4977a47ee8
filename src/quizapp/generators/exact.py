"""Exact rational matrix arithmetic and its printing, for the linear-algebra generators.

Matrices are lists of rows of ints or Fractions (fast, exact); sympy is used only to print
them through the shared printer `quizapp.mathtext`, and for square roots.
"""

from fractions import Fraction

import sympy

from quizapp.mathtext import matrix_lines, write

Number = int | Fraction
Rows = list[list[Number]]


def to_sympy(value: Number | sympy.Expr) -> sympy.Expr:
    """An int or Fraction as a sympy number (sympy expressions pass through)."""
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, int):
        return sympy.Integer(value)
    return value


def simplest(value: Number) -> Number:
    """A Fraction with denominator 1 as an int (so data holds plain integers)."""
    if isinstance(value, Fraction) and value.denominator == 1:
        return value.numerator
    return value


def plain_number(value: Number | sympy.Expr) -> str:
    """A number in plain sympy syntax (`-3/2`, `2*sqrt(5)`)."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else \
            f"{value.numerator}/{value.denominator}"
    return write(value, "plain")


def plain_vector(values: list) -> str:
    """A vector in the answer engine's syntax: `[1, -3/2]`."""
    return "[" + ", ".join(plain_number(v) for v in values) + "]"


def plain_matrix(rows: Rows) -> str:
    """A matrix in the answer engine's syntax: `[[1, 2], [3, 4]]`."""
    return "[" + ", ".join(plain_vector(row) for row in rows) + "]"


def show(rows: Rows) -> str:
    """A matrix for people, over several lines, in Unicode."""
    return matrix_lines([[to_sympy(v) for v in row] for row in rows])


def show_vector(values: list) -> str:
    """A vector for people on one line: `[1, −3/2]`."""
    return "[" + ", ".join(write(to_sympy(v)) for v in values) + "]"


def say(value: Number | sympy.Expr) -> str:
    """A number for people (`−3/2`, `2√5`)."""
    return write(to_sympy(value))


def par(value: Number | sympy.Expr) -> str:
    """A number for people, bracketed when it is negative or a fraction: `(−3)`, `(3/2)`."""
    text = say(value)
    return f"({text})" if text.startswith("−") or "/" in text else text


def echelon(a: Rows) -> Rows:
    """A row echelon form of a, by exact elimination (entries as ints where whole)."""
    return [[simplest(v) for v in row] for row in _echelon(a)[0]]


def data_rows(rows: Rows) -> list:
    """A matrix for `data`: ints as ints, fractions in sympy syntax."""
    return [[v if isinstance(v, int) else plain_number(simplest(v)) for v in row]
            for row in rows]


def multiply(a: Rows, b: Rows) -> Rows:
    """a·b."""
    return [[simplest(sum(a[i][k] * b[k][j] for k in range(len(b))))
             for j in range(len(b[0]))] for i in range(len(a))]


def transpose(a: Rows) -> Rows:
    """aᵀ."""
    return [list(col) for col in zip(*a, strict=True)]


def scale(k: Number, a: Rows) -> Rows:
    """k·a."""
    return [[simplest(k * v) for v in row] for row in a]


def identity(n: int) -> Rows:
    """The n×n identity."""
    return [[int(i == j) for j in range(n)] for i in range(n)]


def _echelon(a: Rows) -> tuple[list[list[Fraction]], int, Fraction]:
    """Row echelon form by exact elimination, the rank, and the determinant (if square)."""
    m = [[Fraction(v) for v in row] for row in a]
    rows, cols = len(m), len(m[0])
    rank, det = 0, Fraction(1)
    for c in range(cols):
        pivot = next((r for r in range(rank, rows) if m[r][c] != 0), None)
        if pivot is None:
            det = Fraction(0)
            continue
        if pivot != rank:
            m[rank], m[pivot] = m[pivot], m[rank]
            det = -det
        det *= m[rank][c]
        for r in range(rank + 1, rows):
            factor = m[r][c] / m[rank][c]
            if factor:
                m[r] = [x - factor * y for x, y in zip(m[r], m[rank], strict=True)]
        rank += 1
        if rank == rows:
            break
    return m, rank, det


def rank(a: Rows) -> int:
    """The rank of a."""
    return _echelon(a)[1]


def determinant(a: Rows) -> Number:
    """det a, exactly."""
    if len(a) == 2:  # the formulas: far quicker than elimination for the sizes we use
        return simplest(a[0][0] * a[1][1] - a[0][1] * a[1][0])
    if len(a) == 3:
        return simplest(a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                        - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                        + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]))
    _, r, det = _echelon(a)
    return simplest(det if r == len(a) else Fraction(0))


def minor(a: Rows, i: int, j: int) -> Rows:
    """a without row i and column j."""
    return [row[:j] + row[j + 1:] for k, row in enumerate(a) if k != i]


def cofactors(a: Rows) -> Rows:
    """The matrix of cofactors (−1)^(i+j)·M_ij."""
    n = len(a)
    if n == 1:
        return [[1]]
    return [[(-1) ** (i + j) * determinant(minor(a, i, j)) for j in range(n)] for i in range(n)]


def adjugate(a: Rows) -> Rows:
    """adj a = (cofactors)ᵀ, so that a·adj a = det a·I."""
    return transpose(cofactors(a))


def inverse(a: Rows) -> Rows | None:
    """a⁻¹, or None when a is singular."""
    det = determinant(a)
    if det == 0:
        return None
    return [[simplest(Fraction(v) / det) for v in row] for row in adjugate(a)]


def solve(a: Rows, b: list[Number]) -> list[Number] | None:
    """x with a·x = b for an invertible a, else None."""
    inv = inverse(a)
    if inv is None:
        return None
    return [row[0] for row in multiply(inv, [[v] for v in b])]


def parallel(u: list, v: list) -> bool:
    """Whether two non-zero vectors (exact numbers) are multiples of one another."""
    if not any(u) or not any(v):
        return not any(u) and not any(v)
    return all(u[i] * v[j] == u[j] * v[i] for i in range(len(u)) for j in range(i + 1, len(u)))


def primitive(v: list[int]) -> list[int]:
    """An integer vector divided by the gcd of its entries, first non-zero entry positive."""
    from math import gcd

    g = 0
    for x in v:
        g = gcd(g, int(x))
    v = [int(x) // g for x in v] if g else list(v)
    first = next((x for x in v if x), 0)
    return [-x for x in v] if first < 0 else v


def cross(u: list[Number], v: list[Number]) -> list[Number]:
    """u × v for 3-vectors."""
    return [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]]
