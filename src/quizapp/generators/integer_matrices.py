"""Exact integer matrix arithmetic on lists of lists, for generating linear-algebra problems."""

import random

from quizapp.mathtext import matrix_lines

Matrix = list[list[int]]


def multiply(a: Matrix, b: Matrix) -> Matrix:
    """The product a·b."""
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))]
            for i in range(len(a))]


def transpose(a: Matrix) -> Matrix:
    """aᵀ."""
    return [list(row) for row in zip(*a, strict=True)]


def identity(n: int) -> Matrix:
    """The n×n identity."""
    return [[int(i == j) for j in range(n)] for i in range(n)]


def random_matrix(rng: random.Random, rows: int, cols: int, bounds: tuple[int, int]) -> Matrix:
    """A rows×cols matrix of integers drawn from [low, high]."""
    return [[rng.randint(*bounds) for _ in range(cols)] for _ in range(rows)]


def unit_triangular_inverse(t: Matrix) -> Matrix:
    """The (integer) inverse of a unit triangular integer matrix: I − N + N² for N = t − I."""
    n = len(t)
    nilpotent = [[t[i][j] - int(i == j) for j in range(n)] for i in range(n)]
    result, term = identity(n), identity(n)
    for power in range(1, n):
        term = multiply(term, nilpotent)
        sign = -1 if power % 2 else 1
        result = [[result[i][j] + sign * term[i][j] for j in range(n)] for i in range(n)]
    return result


def unimodular(rng: random.Random, n: int, bounds: tuple[int, int]) -> tuple[Matrix, Matrix]:
    """A random integer matrix P with det ±1, and its integer inverse: P = L·U."""
    lower = [[rng.randint(*bounds) if j < i else int(i == j) for j in range(n)] for i in range(n)]
    upper = [[rng.randint(*bounds) if j > i else int(i == j) for j in range(n)] for i in range(n)]
    p = multiply(lower, upper)
    p_inverse = multiply(unit_triangular_inverse(upper), unit_triangular_inverse(lower))
    return p, p_inverse


def determinant(a: Matrix) -> int:
    """det a for a 1×1, 2×2 or 3×3 matrix."""
    if len(a) == 1:
        return a[0][0]
    if len(a) == 2:
        return a[0][0] * a[1][1] - a[0][1] * a[1][0]
    return sum((-1) ** j * a[0][j] * determinant([row[:j] + row[j + 1:] for row in a[1:]])
               for j in range(3))


def principal_minor_sum(a: Matrix) -> int:
    """The sum of the 2×2 principal minors of a 3×3 matrix (the λ coefficient of its char. poly)."""
    return sum(a[i][i] * a[j][j] - a[i][j] * a[j][i] for i in range(3) for j in range(i + 1, 3))


def is_triangular(a: Matrix) -> bool:
    """Whether a square matrix is upper or lower triangular."""
    n = len(a)
    return all(a[i][j] == 0 for i in range(n) for j in range(i)) or \
        all(a[i][j] == 0 for i in range(n) for j in range(i + 1, n))


def as_text(a: Matrix) -> str:
    """A matrix as a JSON nested list, which the answer engine also reads."""
    return "[" + ", ".join("[" + ", ".join(str(v) for v in row) + "]" for row in a) + "]"


def vector_text(v: list[int]) -> str:
    """A vector as a JSON list, which the answer engine also reads."""
    return "[" + ", ".join(str(x) for x in v) + "]"


def show_matrix(a: Matrix) -> str:
    """A matrix for a prompt as a teacher writes it: brackets, columns aligned, real minus
    signs (`⎡1  −2⎤`), indented under its label."""
    return "\n".join("  " + line for line in matrix_lines(a).splitlines())


MINUS = "−"


def signed(v: int) -> str:
    """An integer for a solution step, with a real minus sign: −2."""
    return f"{MINUS}{-v}" if v < 0 else str(v)


def factor_text(v: int) -> str:
    """An integer as the right factor of a product: 3, or (−2)."""
    return f"({MINUS}{-v})" if v < 0 else str(v)


def products_sum(pairs: list[tuple[int, int]]) -> str:
    """a₁·b₁ + a₂·b₂ + … written as a person would: 2·3 − 2·(−2) + 0·5, never `+ -2·(-2)`."""
    out = ""
    for index, (a, b) in enumerate(pairs):
        term = f"{abs(a)}·{factor_text(b)}"
        if index == 0:
            out = (MINUS if a < 0 else "") + term
        else:
            out += f" {MINUS} {term}" if a < 0 else f" + {term}"
    return out
