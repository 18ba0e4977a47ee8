"""Maths written for people: what a learner reads, in Unicode and in ASCII, and sympy syntax for
the JSON contracts (which must read back as the same expression)."""

import pytest
import sympy

from quizapp.answers import read_answer
from quizapp.answers.functions import sigmoid
from quizapp.mathtext import matrix_lines, prose, write

x, y, n = sympy.symbols("x y n")

# expression, Unicode (teacher), ASCII (teacher)
CASES = [
    (3 * x**2 * sympy.sin(x), "3x²·sin(x)", "3x^2*sin(x)"),
    ((3 * x**2 * sympy.sin(x) - x**3 * sympy.cos(x)) / sympy.sin(x) ** 2,
     "(3x²·sin(x) − x³·cos(x))/sin²(x)", "(3x^2*sin(x) - x^3*cos(x))/sin(x)^2"),
    (sympy.exp(x), "eˣ", "e^x"),
    (sympy.exp(2 * x), "e²ˣ", "e^(2x)"),
    (sympy.exp(-x), "e⁻ˣ", "e^(-x)"),
    (sympy.exp(-(x**2)), "e^(−x²)", "e^(-x^2)"),
    (sympy.log(3 * x), "ln(3x)", "ln(3x)"),
    (sympy.sqrt(x), "√x", "sqrt(x)"),
    (sympy.sqrt(x + 1), "√(x + 1)", "sqrt(x + 1)"),
    (1 / sympy.sqrt(x), "1/√x", "1/sqrt(x)"),
    (4 * sympy.sqrt(2), "4√2", "4*sqrt(2)"),
    (sympy.Abs(x), "|x|", "|x|"),
    (-2 + sympy.I, "−2 + i", "-2 + i"),
    (1 - sympy.tanh(x) ** 2, "1 − tanh²(x)", "1 - tanh(x)^2"),
    (sigmoid(x) * (1 - sigmoid(x)), "(1 − σ(x))·σ(x)", "(1 - sigmoid(x))*sigmoid(x)"),
    (x ** (n - 1), "x^(n − 1)", "x^(n - 1)"),
    (x**4 - 3 * x + 7 * x**2, "x⁴ + 7x² − 3x", "x^4 + 7x^2 - 3x"),
    (sympy.Mul(-2, -2, evaluate=False), "−2·(−2)", "-2*(-2)"),
    (sympy.Symbol("lambda") - 3, "λ − 3", "lambda - 3"),
    (sympy.Symbol("x1") * sympy.Symbol("x2"), "x₁·x₂", "x1*x2"),
    (-x / 2, "−x/2", "-x/2"),
    ((x + 1) / (x - 1), "(x + 1)/(x − 1)", "(x + 1)/(x - 1)"),
]


@pytest.mark.parametrize(("expr", "unicode", "ascii_text"), CASES, ids=[c[1] for c in CASES])
def test_maths_reads_as_a_teacher_writes_it(expr: sympy.Expr, unicode: str,
                                            ascii_text: str) -> None:
    assert write(expr) == unicode
    assert write(expr, "ascii") == ascii_text
    assert write(expr, False) == ascii_text


@pytest.mark.parametrize(("expr", "unicode", "ascii_text"), CASES, ids=[c[1] for c in CASES])
def test_no_python_syntax_reaches_a_person(expr: sympy.Expr, unicode: str,
                                           ascii_text: str) -> None:
    for text in (write(expr), write(expr, "ascii")):
        assert "**" not in text and "exp(" not in text and "log(" not in text
    assert "*" not in write(expr)
    assert write(expr, "ascii").isascii()


@pytest.mark.parametrize("expr", [c[0] for c in CASES], ids=[c[1] for c in CASES])
def test_plain_syntax_reads_back_as_the_same_expression(expr: sympy.Expr) -> None:
    names = sorted(s.name for s in expr.free_symbols)
    if "lambda" in names:  # the answer engine reserves the word; λ is read instead
        names = [name.replace("lambda", "λ") for name in names]
        expr = expr.subs(sympy.Symbol("lambda"), sympy.Symbol("λ"))
    back = read_answer(write(expr, "plain"), "expression",
                       tuple(names)).values[0].expr
    assert sympy.simplify(back - expr) == 0


def test_unknown_nodes_fall_back_to_readable_text() -> None:
    assert "Integral" in write(sympy.Integral(x, x))
    assert "**" not in write(sympy.Integral(x**2, x))


def test_matrices_are_aligned_with_brackets() -> None:
    assert matrix_lines([[1, -2], [3, 4]]) == "⎡1  −2⎤\n⎣3   4⎦"
    assert matrix_lines([[1, -2], [3, 4]], "ascii") == "[1  -2]\n[3   4]"
    assert matrix_lines([[1, -2], [3, 4]], "plain") == "[[1, -2], [3, 4]]"
    assert matrix_lines([[1], [2], [3]]).splitlines()[1] == "⎢2⎥"


def test_prose_in_ascii_groups_raised_runs() -> None:
    assert prose("d/dx xⁿ = n·xⁿ⁻¹", False) == "d/dx x^n = n*x^(n-1)"
    assert prose("λ₁ = 3 ✓, √2", False) == "lambda1 = 3 OK, sqrt(2)"
    assert prose("x² − 1", True) == "x² − 1"
    assert prose("∂f/∂x, ∇f, ŷ, η, σ′(z)", False).isascii()


@pytest.mark.parametrize(("shown", "meant"), [
    ("eˣ", "exp(x)"), ("e²ˣ", "exp(2*x)"), ("e⁻ˣ", "exp(-x)"), ("3x²·eˣ", "3*x**2*exp(x)"),
    ("xⁿ⁻¹", "x**(n - 1)"), ("2ˣ·ln(2)", "2**x*log(2)"),
])
def test_maths_copied_from_the_screen_reads_back(shown: str, meant: str) -> None:
    """A learner may paste what the app wrote: raised letters read as exponents."""
    read = read_answer(shown, "expression", ("x", "n")).values[0].expr
    assert sympy.simplify(read - read_answer(meant, "expression", ("x", "n")).values[0].expr) == 0


def test_an_answer_is_shown_tidied_as_a_teacher_would() -> None:
    from quizapp.mathtext import tidy

    quotient = sympy.diff(sympy.sqrt(x) / (4 * x**3 + 5), x)
    assert write(tidy(quotient)) == "5·(1 − 4x³)/(2√x·(4x³ + 5)²)"
    assert write(tidy(sympy.diff(x**2 * sympy.exp(3 * x), x))) == "x·(3x + 2)·e³ˣ"
    assert write(tidy(sympy.diff(sympy.log(x) / x, x))) == "(1 − ln(x))/x²"
    assert sympy.simplify(tidy(quotient) - quotient) == 0
    assert tidy(sympy.Integer(3)) == 3


def test_matrices_stand_side_by_side_when_they_fit() -> None:
    from quizapp.mathtext import side_by_side

    a, b = matrix_lines([[1, -2], [3, 4]]), matrix_lines([[5], [6], [7]])
    shown = side_by_side([("A =", a), ("B =", b)]).splitlines()
    assert len(shown) == 3  # side by side: as tall as the taller matrix
    assert shown[0].startswith("A = ⎡1  −2⎤") and "B = ⎢6⎥" in shown[1]
    wide = matrix_lines([[123456789] * 6] * 2)
    stacked = side_by_side([("A =", wide), ("B =", wide)])
    assert stacked.splitlines()[0] == "A =" and "B =" in stacked.splitlines()


def test_matrix_product_prompts_fit_an_80_column_screen() -> None:
    from quizapp.bank import default_bank
    from quizapp.bank.problems import choose_families, generate_problems

    bank = default_bank()
    for problem in generate_problems(bank, choose_families(bank, "matrix-products"), 60, 3):
        drawn = [line for line in problem.prompt.splitlines() if set(line) & set("⎡⎢⎣")]
        assert all(len(line) <= 76 for line in drawn), problem.prompt  # prose may wrap


@pytest.mark.parametrize(("text", "ascii_text"), [
    ("det(A − λI)", "det(A - lambda I)"),
    ("λ² − 5λ + 6", "lambda^2 - 5 lambda + 6"),
    ("σ(x)(1 − σ(x))", "sigma(x)(1 - sigma(x))"),
    ("λ₁ = 2", "lambda1 = 2"),
    ("αβ", "alpha beta"),
    ("(A ⊙ B)ᵢⱼ = AᵢⱼBᵢⱼ", "(A (.) B)_ij = A_ij B_ij"),
    ("Σᵢ uᵢvᵢ", "sum_i u_i v_i"),
    ("pₖ − yₖ", "p_k - y_k"),
])
def test_spelled_out_greek_letters_do_not_run_into_their_neighbours(text: str,
                                                                  ascii_text: str) -> None:
    assert prose(text, False) == ascii_text
