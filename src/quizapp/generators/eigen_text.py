"""How eigenvalue solutions are written for people: numbers with a real minus sign, complex
numbers as −2 + i, surds simplified (4√2), factors (λ − 3), and the row expansion of a 3×3
determinant det(λI − A)."""

from functools import lru_cache

import sympy

from quizapp.generators.integer_matrices import MINUS, Matrix
from quizapp.generators.text import readable


@lru_cache(maxsize=4096)  # a problem writes its roots several times; sympy's as_real_imag is slow
def number(value: sympy.Expr) -> str:
    """A real or complex number: 3, −5/2 + √33/2, 4√2, −2 + i, 3/2 − (√15/2)i."""
    if value.is_Integer:
        return f"{MINUS}{-int(value)}" if value < 0 else str(int(value))
    real, imaginary = value.as_real_imag() if not value.is_Rational else (value, sympy.S.Zero)
    if imaginary == 0:
        return _real(real)
    magnitude = abs(imaginary)
    size = _real(magnitude)
    i_part = "i" if magnitude == 1 else (f"{size}i" if magnitude.is_Integer else
                                         f"i{size}" if size[0] == "√" and "/" not in size
                                         else f"({size})i")
    if real == 0:
        return (MINUS if imaginary < 0 else "") + i_part
    return f"{_real(real)} {MINUS if imaginary < 0 else '+'} {i_part}"


def _real(value: sympy.Expr) -> str:
    constant, rest = value.as_coeff_Add()
    if constant != 0 and rest != 0:  # −4 + √15, not √15 − 4
        negative = rest.could_extract_minus_sign()
        sign, size = (MINUS, -rest) if negative else ("+", rest)
        return f"{_real(constant)} {sign} {_real(size)}"
    return readable(value).replace("·√", "√").replace("-", MINUS)


def factor(root: sympy.Expr) -> str:
    """The linear factor of a root: (λ − 3), (λ + 2), λ, (λ − (5/2 + √33/2))."""
    if root == 0:
        return "λ"
    if root.is_Rational:
        return f"(λ + {_real(-root)})" if root < 0 else f"(λ − {_real(root)})"
    text = number(root)
    return f"(λ − ({text}))" if " " in text or text.startswith(MINUS) else f"(λ − {text})"


def factored(roots: list[sympy.Expr]) -> str:
    """(λ − 3)²(λ + 1) from the roots 3, 3, −1."""
    parts = []
    for root in dict.fromkeys(roots):
        power = {1: "", 2: "²", 3: "³"}[roots.count(root)]
        parts.append(factor(root) + power)
    return "".join(parts)


def values(roots: list[sympy.Expr]) -> str:
    """The eigenvalues for a solution line: 3, −1, 2 + i."""
    return ", ".join(number(r) for r in roots)


# ----------------------------------------------------------------------------- 3×3 expansion
_Entry = tuple[int, int | None]  # (coefficient c, a): c·(λ − a) when a is not None, else c


def _entry(a: Matrix, i: int, j: int) -> _Entry:
    """Entry (i, j) of λI − A."""
    return (1, a[i][j]) if i == j else (-a[i][j], None)


def _lam(a: int) -> str:
    if a == 0:
        return "λ"
    return f"(λ − {a})" if a > 0 else f"(λ + {-a})"


def _product(x: _Entry, y: _Entry) -> tuple[int, str]:
    """x·y as (coefficient, the λ factors written out): (−4)·(λ − 1) → (−4, "(λ − 1)")."""
    coefficient = x[0] * y[0]
    lams = "".join(_lam(e[1]) for e in (x, y) if e[1] is not None)
    return coefficient, lams


def _sum(terms: list[tuple[int, str]]) -> str:
    """c₁·f₁ − c₂·f₂ …, zero terms left out; "0" if nothing is left."""
    out = ""
    for coefficient, lams in terms:
        if coefficient == 0:
            continue
        size = abs(coefficient)
        body = lams if lams and size == 1 else (f"{size}{lams}" if lams else str(size))
        if not out:
            out = (MINUS if coefficient < 0 else "") + body
        else:
            out += f" {MINUS} {body}" if coefficient < 0 else f" + {body}"
    return out or "0"


def _minor(a: Matrix, rows: tuple[int, int], cols: tuple[int, int]) -> str:
    (r1, r2), (c1, c2) = rows, cols
    first = _product(_entry(a, r1, c1), _entry(a, r2, c2))
    second = _product(_entry(a, r1, c2), _entry(a, r2, c1))
    return _sum([first, (-second[0], second[1])])


def expansion(a: Matrix) -> str:
    """det(λI − A) of a 3×3 matrix expanded along its first row, with this matrix's numbers:
    (λ − 2)[(λ − 1)(λ + 3) − 8] + 1·[…] − 3·[…]."""
    out = f"{_lam(a[0][0])}·[{_minor(a, (1, 2), (1, 2))}]"
    for j, sign in ((1, -1), (2, 1)):
        value = sign * _entry(a, 0, j)[0]
        if value != 0:
            others = (0, 2) if j == 1 else (0, 1)
            out += f" {MINUS if value < 0 else '+'} {abs(value)}·[{_minor(a, (1, 2), others)}]"
    return out
