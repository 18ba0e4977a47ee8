"""Grading case table for the answer engine, written from the spec (not the implementation).

Every row goes through the public API ``quizapp.answers.check`` and states the outcome the
spec requires:

* ``"right"``  -> ``correct`` is True and ``error`` is None;
* ``"wrong"``  -> ``correct`` is False and ``error`` is None (a readable but wrong answer);
* ``"error"``  -> ``error`` is a non-empty message and ``correct`` is False.

Some rows also give regex fragments (matched case-insensitively) that must appear in the
feedback (wrong rows) or in the error message (error rows), where the spec fixes the wording.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence

import pytest

from quizapp.answers import check

RIGHT, WRONG, ERROR = "right", "wrong", "error"
XY = ("x", "y")


def _shape(rows: int, cols: int) -> str:
    """Regex for a shape such as ``2×3``, written with either ``×`` or ``x``."""
    return rf"\b{rows}\s*[×xX]\s*{cols}\b"


def _count(expected: int, got: int) -> str:
    return rf"expected {expected} values, got {got}"


def case(
    kind: str,
    expected: str,
    answer: str,
    outcome: str,
    name: str,
    *,
    variables: Sequence[str] = ("x",),
    domain: dict[str, tuple[float, float]] | None = None,
    says: Sequence[str] = (),
):
    return pytest.param(
        kind,
        expected,
        answer,
        tuple(variables),
        domain,
        outcome,
        tuple(says),
        id=f"{kind}-{outcome}-{name}",
    )


def ex(expected: str, answer: str, outcome: str, name: str, **kw):
    return case("expression", expected, answer, outcome, name, **kw)


def num(expected: str, answer: str, outcome: str, name: str, **kw):
    return case("number", expected, answer, outcome, name, **kw)


def vec(expected: str, answer: str, outcome: str, name: str, **kw):
    return case("vector", expected, answer, outcome, name, **kw)


def mat(expected: str, answer: str, outcome: str, name: str, **kw):
    return case("matrix", expected, answer, outcome, name, **kw)


def mset(expected: str, answer: str, outcome: str, name: str, **kw):
    return case("multiset", expected, answer, outcome, name, **kw)


XX = "x**x*(1+log(x))"  # d/dx x^x
SIG_PRIME = "exp(-x)/(1+exp(-x))**2"  # d/dx sigmoid(x)

EXPRESSION_CASES = [
    # --- notation: powers, implicit multiplication, Unicode --------------------------------
    ex("x**2", "x^2", RIGHT, "caret-power"),
    ex("x**2", "x**2", RIGHT, "python-power"),
    ex("x**2", "x²", RIGHT, "superscript-2"),
    ex("x**3", "x³", RIGHT, "superscript-3"),
    ex("x**4", "x⁴", RIGHT, "superscript-4"),
    ex("2*x", "2x", RIGHT, "implicit-2x"),
    ex("2*x", "2 x", RIGHT, "implicit-with-space"),
    ex("2*x", "2×x", RIGHT, "unicode-times"),
    ex("2*x", "2·x", RIGHT, "unicode-middle-dot"),
    ex("3*x**2", "3x^2", RIGHT, "derivative-of-x-cubed"),
    ex("3*x**2", "3x²", RIGHT, "implicit-with-superscript"),
    ex("3*sin(x)", "3sin(x)", RIGHT, "implicit-number-function"),
    ex("x**2 + x", "x(x+1)", RIGHT, "implicit-variable-bracket"),
    ex("2*x + 2", "2(x+1)", RIGHT, "implicit-number-bracket"),
    ex("x*y", "xy", RIGHT, "implicit-xy-two-variables", variables=XY),
    ex("2*x*y", "2xy", RIGHT, "implicit-2xy", variables=XY),
    ex("x*y", "y*x", RIGHT, "commuted-product", variables=XY),
    ex("sin(x)*cos(x)", "cos(x)sin(x)", RIGHT, "implicit-function-product"),
    ex("-x**2", "−x^2", RIGHT, "unicode-minus-binds-looser-than-power"),
    ex("1/x", "x^-1", RIGHT, "negative-exponent"),
    ex("2*x/(x**2 + 1)", "2x/(x²+1)", RIGHT, "quotient-with-superscript"),
    # --- e, exp, ln, log, sqrt, abs ---------------------------------------------------------
    ex("exp(x)", "e^x", RIGHT, "e-caret-x"),
    ex("exp(x)", "exp(x)", RIGHT, "exp-function"),
    ex("exp(-x)", "e^-x", RIGHT, "e-caret-minus-x"),
    ex("exp(2*x)", "e^(2x)", RIGHT, "e-caret-bracketed-2x"),
    ex("exp(1)*x", "e*x", RIGHT, "e-is-euler-number"),
    ex("log(x)", "ln(x)", RIGHT, "ln-is-log"),
    ex("x", "log(e^x)", RIGHT, "log-is-natural"),
    ex("x", "ln(e^x)", RIGHT, "ln-of-exp"),
    ex("log(x) + 1", "ln x + 1", RIGHT, "ln-single-token-argument"),
    ex("x*log(x)", "x ln x", RIGHT, "x-ln-x"),
    ex("2**x*log(2)", "2^x * ln(2)", RIGHT, "exponential-base-2-derivative"),
    ex("sqrt(x)", "√x", RIGHT, "unicode-root"),
    ex("sqrt(x)", "x^(1/2)", RIGHT, "half-power"),
    ex("sqrt(x)", "x^0.5", RIGHT, "decimal-exponent-is-exact"),
    ex("sqrt(x + 1)", "√(x+1)", RIGHT, "unicode-root-bracket"),
    ex("sqrt(x) + 1", "√x + 1", RIGHT, "unicode-root-binds-tight"),
    ex("abs(x)", "|x|", RIGHT, "bars-abs"),
    ex("abs(x)", "sqrt(x^2)", RIGHT, "sqrt-of-square-is-abs"),
    ex("abs(x - 1)", "|x - 1|", RIGHT, "bars-around-difference"),
    ex("log(abs(x))", "ln(|x|)", RIGHT, "ln-of-bars"),
    # --- trig, hyperbolic, sigmoid, pi --------------------------------------------------------
    ex("sin(x)", "sin x", RIGHT, "sin-single-token-argument"),
    ex("1", "sin(x)^2 + cos(x)^2", RIGHT, "pythagorean-identity"),
    ex("1", "sin²x + cos²x", RIGHT, "pythagorean-identity-superscripts"),
    ex("sec(x)**2", "1+tan²x", RIGHT, "one-plus-tan-squared-is-sec-squared"),
    ex("sec(x)**2", "1/cos(x)^2", RIGHT, "sec-squared-as-cos"),
    ex("sin(x)/cos(x)", "tan(x)", RIGHT, "tan"),
    ex("1/sin(x)", "csc(x)", RIGHT, "csc"),
    ex("cos(x)/sin(x)", "cot(x)", RIGHT, "cot"),
    ex("sin(x)*cos(x)", "sin(2x)/2", RIGHT, "double-angle-sin"),
    ex("cos(x)**2 - sin(x)**2", "cos(2x)", RIGHT, "double-angle-cos"),
    ex("1/sqrt(1 - x**2)", "1/√(1−x²)", RIGHT, "asin-derivative-unicode"),
    ex("pi/2", "asin(x) + acos(x)", RIGHT, "asin-plus-acos-on-domain", domain={"x": (-1, 1)}),
    ex("pi/2", "atan(x) + atan(1/x)", RIGHT, "atan-identity-on-domain", domain={"x": (0.1, 10)}),
    ex("sinh(x)", "(e^x - e^-x)/2", RIGHT, "sinh-definition"),
    ex("1", "cosh(x)^2 - sinh(x)^2", RIGHT, "hyperbolic-identity"),
    ex("1/cosh(x)**2", "1 - tanh(x)^2", RIGHT, "tanh-derivative"),
    ex("exp(x)/(exp(x) + 1)", "sigmoid(x)", RIGHT, "sigmoid-name"),
    ex("1/(1+exp(-x))", "1/(1+e^−x)", RIGHT, "sigmoid-unicode-minus"),
    ex(SIG_PRIME, "sigmoid(x)(1-sigmoid(x))", RIGHT, "sigmoid-derivative"),
    ex("tanh(x)", "2sigmoid(2x) - 1", RIGHT, "tanh-via-sigmoid"),
    ex("pi*x", "πx", RIGHT, "unicode-pi-implicit"),
    ex("pi*x", "pi*x", RIGHT, "pi-name"),
    # --- equivalent forms -------------------------------------------------------------------
    ex("(x + 1)**2", "x^2 + 2x + 1", RIGHT, "expanded-form"),
    ex("x**2 - 1", "(x-1)(x+1)", RIGHT, "factored-form"),
    ex(XX, "e^(x ln x)(1+ln x)", RIGHT, "x-to-the-x-derivative-via-exp"),
    ex(XX, "x^x(1+ln x)", RIGHT, "x-to-the-x-derivative"),
    ex("x/2", "0.5x", RIGHT, "decimal-coefficient-exact"),
    ex("x**2/2", "0.5x^2", RIGHT, "decimal-coefficient-squared"),
    ex("t**2", "t^2", RIGHT, "other-variable-name", variables=("t",)),
    # --- ambiguous input, read the conventional way -----------------------------------------
    ex("x/2", "1/2x", RIGHT, "ambiguous-1/2x-is-x-over-2"),
    ex("exp(2)*x", "e^2x", ERROR, "ambiguous-e^2x-is-refused",
       says=[r"e\^\(2x\) or e\^2·x\? Add brackets"]),
    ex("sin(x)*cos(x)", "sin x cos x", RIGHT, "ambiguous-sin-x-cos-x"),
    # --- domains ------------------------------------------------------------------------------
    ex("x", "sqrt(x^2)", RIGHT, "sqrt-x-squared-on-nonnegative-domain", domain={"x": (0, 5)}),
    ex("2*log(x)", "ln(x^2)", RIGHT, "ln-x-squared-on-positive-domain", domain={"x": (0.5, 5)}),
    ex("x", "e^(ln x)", RIGHT, "exp-ln-on-positive-domain", domain={"x": (1, 5)}),
    # --- wrong: near misses the spec names --------------------------------------------------
    ex("x", "x + 10^(-9)", WRONG, "tiny-offset-power"),
    ex("x", "x + 0.000000001", WRONG, "tiny-offset-decimal"),
    ex("x", "1.0000001x", ERROR, "tiny-scale-decimal", says=["1.0000001 looks like 1 rounded"]),
    ex("0", "sin(πx)", WRONG, "sin-pi-x-is-not-zero"),
    ex("0", "sin(2*pi*x)", WRONG, "sin-2-pi-x-is-not-zero"),
    ex("x", "sqrt(x^2)", WRONG, "sqrt-x-squared-on-real-line"),
    # 2 ln x is defined only for x > 0, where ln(x²) equals it: points are drawn where the
    # expected answer is defined, so this is right; the reverse (next row) is wrong.
    ex("2*log(x)", "ln(x^2)", RIGHT, "ln-x-squared-where-2-ln-x-is-defined"),
    ex("log(x**2)", "2 ln x", WRONG, "answer-undefined-for-negative-x"),
    ex("x", "(√x)^2", WRONG, "sqrt-squared-undefined-for-negative-x"),
    ex("x", "e^(ln x)", WRONG, "exp-ln-undefined-for-negative-x"),
    ex("pi/2", "asin(x) + acos(x)", WRONG, "asin-plus-acos-undefined-off-interval"),
    ex("x/3", "0.333x", ERROR, "decimal-coefficient-is-exact-0.333",
       says=["0.333 looks like 1/3 rounded", "exact"]),
    ex("x/3", "0.33333333x", ERROR, "decimal-coefficient-is-exact-long",
       says=["0.33333333 looks like 1/3 rounded"]),
    ex("exp(2*x)", "e^2x", ERROR, "e^2x-is-not-graded-one-way"),
    ex("1/(2*x)", "1/2x", WRONG, "1/2x-is-not-1/(2x)"),
    # --- wrong: typical mistakes --------------------------------------------------------------
    ex("3*x**2", "x^3", WRONG, "forgot-to-differentiate"),
    ex("3*x**2", "3x", WRONG, "dropped-power"),
    ex(XX, "x*x^(x-1)", WRONG, "power-rule-on-x-to-the-x"),
    ex(XX, "x^x", WRONG, "x-to-the-x-unchanged"),
    ex("cos(x)", "sin(x)", WRONG, "sin-for-cos"),
    ex("-sin(x)", "sin(x)", WRONG, "sign-error"),
    ex("x**2", "x^2 + 1", WRONG, "constant-offset"),
    ex(SIG_PRIME, "sigmoid(x)^2", WRONG, "sigmoid-derivative-squared"),
    ex("1/x", "ln(x)", WRONG, "antiderivative-instead"),
    ex("-1/x**2", "1/x^2", WRONG, "lost-minus"),
    ex("sin(x)**2", "sin(x^2)", WRONG, "square-inside"),
    ex("x*exp(x)", "e^x", WRONG, "missing-factor"),
    ex("sec(x)**2", "tan²x", WRONG, "tan-squared-alone"),
    ex("x*y", "x + y", WRONG, "sum-for-product", variables=XY),
    # --- errors: refused input ------------------------------------------------------------------
    ex("sin(x)", "sinx", ERROR, "sinx", says=["unknown name", "sinx", r"did you mean sin\(x\)"]),
    ex("cos(x)", "cosx", ERROR, "cosx", says=[r"did you mean cos\(x\)"]),
    ex("x", "x + y", ERROR, "uses-y", says=["uses y", r"\bin x\b"]),
    ex("x**2", "y^2", ERROR, "only-y", says=["uses y"]),
    ex("t**2", "x^2", ERROR, "uses-x-question-in-t", variables=("t",), says=["uses x"]),
    ex("x + 1", "(x + 1", ERROR, "unclosed-bracket", says=["brackets"]),
    ex("x + 1", "x + 1)", ERROR, "extra-bracket", says=["brackets"]),
    ex("sin(x)", "sin(x", ERROR, "unclosed-function-bracket", says=["brackets"]),
    ex("x", "foo(x)", ERROR, "unknown-function", says=["unknown name"]),
    ex("x**2", "x.real", ERROR, "attribute-access"),
    ex("x", "x.__class__", ERROR, "dunder-attribute"),
    ex("x", "__import__('os')", ERROR, "dunder-import"),
    ex("x", "x_1", ERROR, "underscore-name"),
    ex("x", "'x'", ERROR, "single-quoted-string"),
    ex("x", '"x"', ERROR, "double-quoted-string"),
    ex("x", "lambda: x", ERROR, "lambda"),
    ex("x", "[t for t in (1, 2)]", ERROR, "comprehension"),
    ex("3*x**2", "diff(x^3, x)", ERROR, "diff"),
    ex("3*x**2", "Derivative(x**3, x)", ERROR, "Derivative"),
    ex("x**3/3", "integrate(x^2, x)", ERROR, "integrate"),
    ex("x", "9^9^9^9", ERROR, "power-tower", says=["too large"]),
    ex("x", "", ERROR, "empty"),
    ex("x", "x +", ERROR, "dangling-operator"),
    ex("x", "import os", ERROR, "import-statement"),
]

NUMBER_CASES = [
    num("1/3", "1/3", RIGHT, "exact-fraction"),
    num("1/3", "0.333", RIGHT, "decimal-3-sig-digits"),
    num("1/3", "0.3333", RIGHT, "decimal-4-sig-digits"),
    num("1/3", "0.334", RIGHT, "decimal-within-one-unit-of-last-digit"),
    num("sqrt(2)", "1.414", RIGHT, "sqrt2-decimal"),
    num("sqrt(2)", "1.41", RIGHT, "sqrt2-3-sig-digits"),
    num("sqrt(2)", "√2", RIGHT, "unicode-root"),
    num("sqrt(2)", "2^(1/2)", RIGHT, "half-power"),
    num("sqrt(2)/2", "1/√2", RIGHT, "reciprocal-root"),
    num("sqrt(2)/2", "0.707", RIGHT, "half-sqrt2-decimal"),
    num("1/4", "0.25", RIGHT, "exact-decimal"),
    num("1/4", "0.2500", RIGHT, "exact-decimal-trailing-zeros"),
    num("1/30", "0.0333", RIGHT, "leading-zeros-not-significant"),
    num("pi", "π", RIGHT, "unicode-pi"),
    num("pi", "3.14", RIGHT, "pi-decimal"),
    num("2*pi", "2π", RIGHT, "implicit-2pi"),
    num("exp(1)", "e", RIGHT, "e"),
    num("exp(1)", "2.718", RIGHT, "e-decimal"),
    num("2", "2.0", RIGHT, "integer-as-decimal"),
    num("2", "ln(e^2)", RIGHT, "ln-of-e-squared"),
    num("3", "log(8)/log(2)", RIGHT, "log-ratio-exact"),
    num("1/2", "sin(pi/6)", RIGHT, "trig-value"),
    num("3/10", "0.1 + 0.2", RIGHT, "decimals-are-exact"),
    num("-1/2", "−0.5", RIGHT, "unicode-minus"),
    num("512", "2^3^2", RIGHT, "power-is-right-associative"),
    num("-4", "-2^2", RIGHT, "unary-minus-below-power"),
    num("10**10", "10^10", RIGHT, "large-exact"),
    num("1 + 2*I", "1+2i", RIGHT, "complex-i"),
    num("1 + 2*I", "2I + 1", RIGHT, "complex-capital-I"),
    num("1/3", "0.33", WRONG, "decimal-2-sig-digits"),
    num("1/3", "0.3", WRONG, "decimal-1-sig-digit"),
    num("1/3", "0.335", WRONG, "decimal-off-by-more-than-one-unit"),
    num("sqrt(2)", "1.4", WRONG, "sqrt2-2-sig-digits"),
    num("sqrt(2)", "1.413", WRONG, "sqrt2-off-by-more-than-one-unit"),
    num("sqrt(2)/2", "0.71", WRONG, "half-sqrt2-2-sig-digits"),
    num("1/4", "0.24", WRONG, "quarter-wrong-decimal"),
    num("1/30", "0.033", WRONG, "leading-zeros-2-sig-digits"),
    num("pi", "22/7", WRONG, "exact-fraction-is-not-pi"),
    num("pi", "3.1", WRONG, "pi-2-sig-digits"),
    num("-1/2", "0.5", WRONG, "sign-error"),
    num("1 + 2*I", "1-2i", WRONG, "complex-conjugate"),
    num("2", "3", WRONG, "different-integer"),
    num("4", "x^2", ERROR, "expression-for-number"),
    num("4", "x", ERROR, "variable-for-number"),
    num("4", "2 +", ERROR, "dangling-operator"),
    num("4", "(1 + 3", ERROR, "unclosed-bracket", says=["brackets"]),
    num("1", "9^9^9^9", ERROR, "power-tower", says=["too large"]),
    num("1", "foo", ERROR, "unknown-name", says=["unknown name"]),
    num("2", "__import__('os').getcwd()", ERROR, "dunder-import"),
]

V3 = "[1, 2, 3]"
VECTOR_CASES = [
    vec(V3, "[1,2,3]", RIGHT, "square-brackets"),
    vec(V3, "(1,2,3)", RIGHT, "round-brackets"),
    vec(V3, "1, 2, 3", RIGHT, "bare-commas"),
    vec(V3, "[1;2;3]", RIGHT, "column-semicolons"),
    vec(V3, "[[1],[2],[3]]", RIGHT, "column-nested"),
    vec(V3, "[1, 4/2, 3]", RIGHT, "entry-expression"),
    vec("[1, -2]", "[1, −2]", RIGHT, "unicode-minus"),
    vec("[1/2, sqrt(2)]", "[0.5, 1.414]", RIGHT, "decimals"),
    vec("[1/2, sqrt(2)]", "(1/2, √2)", RIGHT, "exact-entries"),
    vec("[1/3, 2/3]", "[0.333, 0.667]", RIGHT, "thirds-3-sig-digits"),
    vec("[sqrt(2)/2, sqrt(2)/2]", "[1/√2, 1/√2]", RIGHT, "unit-diagonal"),
    vec(V3, "[3, 2, 1]", WRONG, "order-matters"),
    vec("[1, 2]", "[1, 3]", WRONG, "wrong-entry"),
    vec(V3, "[1, 2]", WRONG, "too-few", says=[_count(3, 2)]),
    vec(V3, "[1, 2, 3, 4]", WRONG, "too-many", says=[_count(3, 4)]),
    vec("[1, 2]", "[2]", WRONG, "single-value", says=[_count(2, 1)]),
    vec("[0, 0, 0]", "0, 0", WRONG, "bare-too-few", says=[_count(3, 2)]),
    vec("[1/2, sqrt(2)]", "[0.5, 1.4]", WRONG, "decimal-2-sig-digits"),
    vec("[1/3, 2/3]", "[0.33, 0.67]", WRONG, "thirds-2-sig-digits"),
    vec(V3, "[1, 2, 3", ERROR, "unclosed-square", says=["brackets"]),
    vec(V3, "(1, 2, 3", ERROR, "unclosed-round", says=["brackets"]),
    vec("[1, 2]", "[1, 2]]", ERROR, "extra-bracket", says=["brackets"]),
    vec("[1, 2]", "[1, foo]", ERROR, "unknown-name"),
]

M = "[[1, 2], [3, 4]]"
MH = "[[1/2, sqrt(2)], [0, 1]]"
MT = "[[1/3, 2/3], [2/3, 1/3]]"
M23 = "[[1, 3, 5], [2, 4, 6]]"
MATRIX_CASES = [
    mat(M, "[[1,2],[3,4]]", RIGHT, "nested-lists"),
    mat(M, "[[1, 2], [3, 4]]", RIGHT, "nested-lists-spaced"),
    mat(M, "[1,2;3,4]", RIGHT, "semicolon-rows"),
    mat(M, "1 2; 3 4", RIGHT, "bare-spaces-semicolon"),
    mat(M, "1 2\n3 4", RIGHT, "rows-on-lines-spaces"),
    mat(M, "1, 2\n3, 4", RIGHT, "rows-on-lines-commas"),
    mat(M, "[[1, 4/2], [3, 2^2]]", RIGHT, "entry-expressions"),
    mat("[[1, 0, 0], [0, 1, 0], [0, 0, 1]]", "[1,0,0;0,1,0;0,0,1]", RIGHT, "identity-3x3"),
    mat("[[2, -1], [-1, 2]]", "[[2, −1], [−1, 2]]", RIGHT, "unicode-minus"),
    mat(MH, "[[0.5, 1.414], [0, 1]]", RIGHT, "decimals"),
    mat(MH, "[[1/2, √2], [0, 1]]", RIGHT, "exact-entries"),
    mat(MH, "[1/2, sqrt(2); 0, 1]", RIGHT, "semicolon-with-expressions"),
    mat(MT, "[[0.333, 0.667], [0.667, 0.333]]", RIGHT, "thirds-3-sig-digits"),
    mat("[[1], [2]]", "[1; 2]", RIGHT, "column-matrix"),
    mat(M, "[[1,3],[2,4]]", WRONG, "transpose"),
    mat(M, "[[1,2],[3,5]]", WRONG, "one-entry-off"),
    mat(M, "[[2,1],[4,3]]", WRONG, "columns-swapped"),
    mat(MH, "[[0.5, 1.4], [0, 1]]", WRONG, "decimal-2-sig-digits"),
    mat(MT, "[[0.33, 0.67], [0.67, 0.33]]", WRONG, "thirds-2-sig-digits"),
    mat(M, "[[1,2,0],[3,4,0]]", WRONG, "shape-2x3-for-2x2", says=[_shape(2, 2), _shape(2, 3)]),
    mat(M, "[[1,2]]", WRONG, "shape-1x2-for-2x2", says=[_shape(2, 2), _shape(1, 2)]),
    mat(M23, "[[1,2],[3,4],[5,6]]", WRONG, "shape-3x2-for-2x3", says=[_shape(2, 3), _shape(3, 2)]),
    mat(M23, "1 2; 3 4; 5 6", WRONG, "shape-3x2-bare", says=[_shape(2, 3), _shape(3, 2)]),
    mat(
        "[[1, 0], [0, 1]]",
        "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]",
        WRONG,
        "shape-3x3-for-2x2",
        says=[_shape(2, 2), _shape(3, 3)],
    ),
    mat(M, "[1, 2, 3, 4]", WRONG, "flat-list-for-2x2", says=[_shape(2, 2)]),
    mat(M, "[[1,2],[3,4]", ERROR, "unclosed-bracket", says=["brackets"]),
    mat(M, "[[1,2],[3,4]]]", ERROR, "extra-bracket", says=["brackets"]),
    mat(M, "[[1,2],[3]]", ERROR, "ragged-rows"),
    mat(M, "[[a, b], [c, d]]", ERROR, "letters-not-numbers"),
]

Q = "(5 - sqrt(33))/2, (5 + sqrt(33))/2"
C = "1 + 2*I, 1 - 2*I"
R2 = "sqrt(2), -sqrt(2)"
MULTISET_CASES = [
    mset("2, 5", "2, 5", RIGHT, "bare"),
    mset("2, 5", "5, 2", RIGHT, "order-ignored"),
    mset("2, 5", "{2, 5}", RIGHT, "braces"),
    mset("2, 5", "[2, 5]", RIGHT, "square-brackets"),
    mset("2, 5", "{5,2}", RIGHT, "braces-reordered"),
    mset("2, 2", "2, 2", RIGHT, "repeated-value"),
    mset("2, 2, 5", "5, 2, 2", RIGHT, "multiplicity-reordered"),
    mset("-1, 3", "3, −1", RIGHT, "unicode-minus"),
    mset("0, 1", "{1, 0}", RIGHT, "zero-and-one"),
    mset(Q, "(5±√33)/2", RIGHT, "plus-minus-unicode"),
    mset(Q, "(5+-sqrt(33))/2", RIGHT, "plus-minus-ascii"),
    mset(Q, "(5+√33)/2, (5-√33)/2", RIGHT, "both-listed"),
    mset(Q, "-0.372, 5.372", RIGHT, "decimals"),
    mset(C, "1±2i", RIGHT, "complex-plus-minus"),
    mset(C, "1 ± 2i", RIGHT, "complex-plus-minus-spaced"),
    mset(C, "1+2i, 1-2i", RIGHT, "complex-listed"),
    mset(C, "1 - 2I, 1 + 2I", RIGHT, "complex-capital-I"),
    mset(R2, "±√2", RIGHT, "leading-plus-minus"),
    mset(R2, "±1.414", RIGHT, "plus-minus-decimal"),
    mset("2, 5", "2", WRONG, "too-few", says=[_count(2, 1)]),
    mset("2, 5", "2, 5, 5", WRONG, "too-many", says=[_count(2, 3)]),
    mset("2, 2", "2", WRONG, "multiplicity-counts", says=[_count(2, 1)]),
    mset("2, 5", "2, 2", WRONG, "repeated-instead-of-distinct"),
    mset("2, 2, 5", "2, 5, 5", WRONG, "wrong-multiplicity"),
    mset(Q, "(5+√33)/2", WRONG, "one-root-only", says=[_count(2, 1)]),
    mset(Q, "5±√33", WRONG, "forgot-to-halve"),
    mset(C, "1+2i", WRONG, "one-complex-root", says=[_count(2, 1)]),
    mset(C, "2±i", WRONG, "real-imag-swapped"),
    mset(R2, "±1.4", WRONG, "plus-minus-2-sig-digits"),
    mset("1/3, 2/3", "0.33, 0.67", WRONG, "thirds-2-sig-digits"),
    mset("2, 5", "{2, 5", ERROR, "unclosed-brace", says=["brackets"]),
    mset("2, 5", "2, foo", ERROR, "unknown-name"),
    mset("2, 5", "9^9^9^9, 2", ERROR, "power-tower", says=["too large"]),
    mset("2, 5", "x^2", ERROR, "expression-for-multiset"),
]

ALL_CASES = EXPRESSION_CASES + NUMBER_CASES + VECTOR_CASES + MATRIX_CASES + MULTISET_CASES


def _describe(verdict) -> str:
    return (
        f"correct={verdict.correct!r} error={verdict.error!r} feedback={verdict.feedback!r} "
        f"interpreted={verdict.interpreted!r} misconception={verdict.misconception!r}"
    )


@pytest.mark.parametrize(
    ("kind", "expected", "answer", "variables", "domain", "outcome", "says"), ALL_CASES
)
def test_case_table(kind, expected, answer, variables, domain, outcome, says):
    verdict = check(answer, expected, kind, variables=variables, domain=domain)
    got = _describe(verdict)
    if outcome == RIGHT:
        assert verdict.error is None, got
        assert verdict.correct is True, got
    elif outcome == WRONG:
        assert verdict.error is None, got
        assert verdict.correct is False, got
        for fragment in says:
            assert re.search(fragment, verdict.feedback, re.IGNORECASE), (fragment, got)
    else:
        assert verdict.error, got
        assert verdict.correct is False, got
        message = f"{verdict.error} {verdict.feedback}"
        for fragment in says:
            assert re.search(fragment, message, re.IGNORECASE), (fragment, got)


def test_table_size_and_spread():
    assert len(ALL_CASES) >= 170
    assert len(EXPRESSION_CASES) >= 80
    for cases in (NUMBER_CASES, VECTOR_CASES, MATRIX_CASES, MULTISET_CASES):
        assert len(cases) >= 20
    ids = [p.id for p in ALL_CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"


WRONG_SAMPLES = [
    ("x^3", "3*x**2", "expression"),
    ("0.33", "1/3", "number"),
    ("[1, 2]", "[1, 2, 3]", "vector"),
    ("[[1,2,0],[3,4,0]]", "[[1, 2], [3, 4]]", "matrix"),
    ("2", "2, 5", "multiset"),
    ("sin(x)", "cos(x)", "expression"),
]


@pytest.mark.parametrize(("answer", "expected", "kind"), WRONG_SAMPLES)
def test_wrong_feedback_is_one_nonempty_line(answer, expected, kind):
    verdict = check(answer, expected, kind)
    assert verdict.error is None
    assert verdict.correct is False
    assert verdict.feedback.strip()
    assert "\n" not in verdict.feedback.strip()


READABLE_SAMPLES = [
    *WRONG_SAMPLES,
    ("2x", "2*x", "expression"),
    ("sin x cos x", "sin(x)*cos(x)", "expression"),
    ("0.333", "1/3", "number"),
    ("1 2; 3 4", "[[1, 2], [3, 4]]", "matrix"),
    ("(1,2,3)", "[1, 2, 3]", "vector"),
    ("(5±√33)/2", "(5 - sqrt(33))/2, (5 + sqrt(33))/2", "multiset"),
]


@pytest.mark.parametrize(("answer", "expected", "kind"), READABLE_SAMPLES)
def test_interpreted_is_one_nonempty_line(answer, expected, kind):
    verdict = check(answer, expected, kind)
    assert verdict.error is None
    assert verdict.interpreted.strip()
    assert "\n" not in verdict.interpreted.strip()
    assert "\n" not in verdict.feedback.strip()


@pytest.mark.parametrize(
    ("answer", "expected", "kind"),
    [("sinx", "sin(x)", "expression"), ("x^2", "4", "number"), ("[[1,2],[3,4]", M, "matrix")],
)
def test_error_verdicts_carry_a_message(answer, expected, kind):
    verdict = check(answer, expected, kind)
    assert verdict.correct is False
    assert isinstance(verdict.error, str)
    assert verdict.error.strip()


@pytest.mark.parametrize("kind", ["expression", "number"])
def test_power_tower_is_refused_fast(kind):
    start = time.thread_time()  # CPU time: a busy machine does not make it longer
    verdict = check("9^9^9^9", "1", kind)
    elapsed = time.thread_time() - start
    assert verdict.error
    assert elapsed < 3.0, f"took {elapsed:.2f}s"
