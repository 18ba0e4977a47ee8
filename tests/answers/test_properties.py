"""Property tests for reading answers: any text is survivable, and what is read reads back.

* `check` and `preview` never raise and never take a second, whatever the text.
* A text that previews OK is equal to its own one-line rendering (`Preview.line`), in both
  directions, so what the learner is shown is exactly what gets marked.
* Randomly built well-formed expressions read OK, match themselves and round-trip.
"""

from __future__ import annotations

import cmath
import os
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, assume, event, example, given, note, settings
from hypothesis import strategies as st

from quizapp.answers import check, preview, read_answer

KINDS = ("expression", "number", "vector", "matrix", "multiset")
EXPECTED = {
    "expression": "3*x**2",
    "number": "2",
    "vector": "[1,2]",
    "matrix": "[[1,2],[3,4]]",
    "multiset": "1, 4",
}
# The goal is "within 1 s" per call, measured by benchmarks/bench_answers.py; here the bound is
# loose, and on this thread's CPU time (not the wall clock), so that a busy machine cannot make
# the suite flaky, yet a runaway computation still fails.
LIMIT = 5.0  # CPU seconds for one call

# In CI a failure is reported as found, without shrinking: shrinking slow examples (each may
# take up to LIMIT) could run for many minutes. Run locally to get the shrunk example.
_PHASES = ([Phase.explicit, Phase.reuse, Phase.generate] if os.environ.get("CI")
           else list(Phase))
SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=_PHASES,
)

TOKENS = [
    "x", "y", "2", "0.5", "0", "10", "3x", "+", "-", "*", "/", "^", "**", "(", ")", "[", "]",
    "{", "}", "|", ",", ";", " ", "\n", "\t", "!", "=", "sin", "cos", "tan", "ln", "log", "exp",
    "sqrt", "abs", "e", "pi", "π", "√", "²", "³", "⁻¹", "±", "i", "1e5", "1e-3", "9^9", "_", ".",
    "−", "·", "×", "÷", "∞", "oo", "σ", "'", '"', "\\", "{{", "()", "[]", "xx", "ex", "sinx",
    "x1", "x2", "x₁", "₂", "①",
]
VARIABLE_SETS = [("x",), ("x", "y"), ("x1", "x2")]

kinds = st.sampled_from(KINDS)
variable_sets = st.sampled_from(VARIABLE_SETS)
token_soup = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=40).map("".join),
    st.lists(st.sampled_from(TOKENS), max_size=25).map(" ".join),
)


def _timed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    start = time.thread_time()
    result = fn(*args, **kwargs)
    elapsed = time.thread_time() - start
    assert elapsed < LIMIT, f"{fn.__name__}{args!r} took {elapsed:.2f}s"
    return result


def _verdict(answer: str, expected: str, kind: str, variables: tuple[str, ...] = ("x",)) -> Any:
    verdict = _timed(check, answer, expected, kind, variables)
    assert isinstance(verdict.correct, bool)
    assert verdict.error is None or isinstance(verdict.error, str)
    assert isinstance(verdict.feedback, str)
    assert isinstance(verdict.interpreted, str)
    assert verdict.misconception is None or isinstance(verdict.misconception, str)
    return verdict


def _preview(
    text: str, kind: str, variables: tuple[str, ...] = ("x",), unicode: bool = True
) -> Any:
    result = _timed(preview, text, kind, variables, unicode=unicode)
    assert isinstance(result.ok, bool)
    assert isinstance(result.text, str)
    assert isinstance(result.line, str)
    assert result.message is None or isinstance(result.message, str)
    assert isinstance(result.notes, tuple)
    return result


@pytest.fixture(scope="module", autouse=True)
def _warm_up() -> None:
    """Pay one-off import and cache costs before anything is timed."""
    for kind in KINDS:
        check(EXPECTED[kind], EXPECTED[kind], kind)
        preview(EXPECTED[kind], kind)


# --- never raise, never hang -----------------------------------------------------------------


def _survives(text: str, kind: str, variables: tuple[str, ...], unicode: bool) -> None:
    as_answer = _verdict(text, EXPECTED[kind], kind, variables)
    assert as_answer.correct is False or as_answer.error is None
    as_expected = _verdict(EXPECTED[kind], text, kind, variables)
    assert as_expected.correct is False or as_expected.error is None
    shown = _preview(text, kind, variables, unicode)
    assert shown.ok or shown.message, "unreadable text needs a message"


@SETTINGS
@given(text=st.text(max_size=200), kind=kinds, variables=variable_sets, unicode=st.booleans())
def test_random_text_never_raises(
    text: str, kind: str, variables: tuple[str, ...], unicode: bool
) -> None:
    _survives(text, kind, variables, unicode)


@SETTINGS
@given(text=token_soup, kind=kinds, variables=variable_sets, unicode=st.booleans())
def test_token_soup_never_raises(
    text: str, kind: str, variables: tuple[str, ...], unicode: bool
) -> None:
    _survives(text, kind, variables, unicode)


# --- what is shown is what is marked ---------------------------------------------------------


def _round_trip(text: str, kind: str, variables: tuple[str, ...], unicode: bool) -> None:
    shown = _preview(text, kind, variables, unicode)
    assert shown.ok
    line = shown.line
    note(f"line: {line!r}")
    assert line.strip(), "an OK preview needs a non-empty line"
    assert "\n" not in line, "Preview.line must be one line"
    assert _preview(line, kind, variables, unicode).ok, "the line does not read back"
    forward = _verdict(line, text, kind, variables)
    assert forward.correct, f"check(line, text) is not correct: {forward}"
    # The other way round holds unless sympy simplified away where the text is undefined:
    # `x + ln(x) - ln(x)` reads as x, but is undefined for x <= 0, so it is not right for x.
    read = read_answer(text, kind, variables)
    if not any(value.conditions for value in read.values):
        backward = _verdict(text, line, kind, variables)
        assert backward.correct, f"check(text, line) is not correct: {backward}"


@SETTINGS
@given(text=token_soup, kind=kinds, variables=variable_sets, unicode=st.booleans())
def test_token_soup_round_trip(
    text: str, kind: str, variables: tuple[str, ...], unicode: bool
) -> None:
    shown = _preview(text, kind, variables, unicode)
    verdict = _verdict(text, EXPECTED[kind], kind, variables)
    # Text preview cannot read, check cannot read either. (The converse need not hold: check
    # also knows the expected value, and may refuse e.g. an x where a number is due.)
    event(f"{kind}: {'read' if shown.ok else 'refused'}")
    if not shown.ok:
        assert verdict.error, f"preview refused ({shown.message!r}) but check read it: {verdict}"
        assert verdict.correct is False
        return
    _round_trip(text, kind, variables, unicode)


# Soup of plausible pieces (operand, operator, operand, ...), so that far more of it reads OK
# and the round trip gets exercised on the engine's unicode and shorthand forms.
OPERANDS = [
    "x", "2", "0.5", "10", "pi", "π", "e", "1e5", "1e-3", "9^9", "sin(x)", "ln(x)", "sqrt(x)",
    "√x", "√(x+1)", "x²", "x³", "|x|", "(x+1)", "(−x)", "−x", "2x", "3(x-1)", "sin x", "e^x",
    "cos(2x)", "exp(-x)", "x^-1", "x⁻¹", "3!", "abs(x-2)", "σ(x)", "tan(x)", "1/2",
]
NUMERIC_OPERANDS = [
    "2", "0.5", "10", "pi", "π", "e", "1e5", "1e-3", "9^9", "sin(1)", "ln(2)", "sqrt(2)", "√2",
    "√(3)", "2²", "|−3|", "(1+2)", "−1", "2π", "3(1-2)", "e^2", "3!", "1/3", "cos(0)", "2^-1",
]
OPERATORS = ["+", "-", "−", "*", "·", "×", "/", "÷", "^", "**", " ", "", " + ", " - ", "±"]


@st.composite
def plausible_value(draw: st.DrawFn, numeric: bool) -> str:
    operands = st.sampled_from(NUMERIC_OPERANDS if numeric else OPERANDS)
    parts = [draw(operands)]
    for _ in range(draw(st.integers(0, 4))):
        parts += [draw(st.sampled_from(OPERATORS)), draw(operands)]
    return "".join(parts)


@st.composite
def plausible_soup(draw: st.DrawFn) -> tuple[str, str]:
    kind = draw(kinds)
    if kind in ("expression", "number"):
        return kind, draw(plausible_value(kind == "number"))
    values = st.lists(plausible_value(True), min_size=1, max_size=3)
    if kind == "vector":
        return kind, "[" + ", ".join(draw(values)) + "]"
    if kind == "multiset":
        return kind, ", ".join(draw(values))
    cols = draw(st.integers(1, 3))
    rows = draw(st.lists(st.lists(plausible_value(True), min_size=cols, max_size=cols),
                         min_size=1, max_size=3))
    return kind, "[" + ", ".join("[" + ", ".join(row) + "]" for row in rows) + "]"


@SETTINGS
@given(case=plausible_soup(), unicode=st.booleans())
# found by longer runs: these read OK but their own line (10**(997/1000)/10) was refused
@example(case=("number", "1e-3**1e-3"), unicode=False)
@example(case=("matrix", "[[(1+2)**2-π−1/3**1e-3], [π**2-π−1/3**1e-3]]"), unicode=True)
def test_plausible_soup_round_trip(case: tuple[str, str], unicode: bool) -> None:
    kind, text = case
    shown = _preview(text, kind, ("x",), unicode)
    verdict = _verdict(text, EXPECTED[kind], kind)
    event(f"{kind}: {'read' if shown.ok else 'refused'}")
    if not shown.ok:
        assert verdict.error, f"preview refused ({shown.message!r}) but check read it: {verdict}"
        assert verdict.correct is False
        return
    _round_trip(text, kind, ("x",), unicode)


# --- structured expressions ------------------------------------------------------------------

Tree = tuple[Any, ...]

NUMBERS = ["0", "1", "2", "3", "5", "10", "0.5", "1.5", "2.25"]
FUNCTION_NAMES = ["sin", "cos", "exp", "ln", "sqrt"]


def _trees(with_x: bool) -> st.SearchStrategy[Tree]:
    atoms = [st.sampled_from(NUMBERS).map(lambda s: ("num", s)), st.just(("pi",))]
    if with_x:
        atoms.append(st.just(("x",)))
    leaves = st.one_of(*atoms)

    def extend(children: st.SearchStrategy[Tree]) -> st.SearchStrategy[Tree]:
        return st.one_of(
            st.tuples(st.sampled_from(["add", "sub", "mul", "div"]), children, children),
            st.tuples(st.just("pow"), children, st.integers(-2, 4)),
            st.tuples(st.just("neg"), children),
            st.tuples(st.just("fn"), st.sampled_from(FUNCTION_NAMES), children),
        )

    return st.recursive(leaves, extend, max_leaves=10)


styles = st.fixed_dictionaries(
    {"pow": st.sampled_from(["^", "**"]), "implicit": st.booleans(), "spaces": st.booleans()}
)


def _is_atom(tree: Tree) -> bool:
    return tree[0] in ("num", "x", "pi", "fn")


def _render(tree: Tree, style: dict[str, Any]) -> str:
    """Learner syntax; every compound operand is bracketed, so precedence never matters."""

    def wrap(sub: Tree) -> str:
        text = _render(sub, style)
        return text if _is_atom(sub) else f"({text})"

    gap = " " if style["spaces"] else ""
    op = tree[0]
    if op == "num":
        return tree[1]
    if op == "x":
        return "x"
    if op == "pi":
        return "pi"
    if op == "fn":
        return f"{tree[1]}({_render(tree[2], style)})"
    if op == "neg":
        return "-" + wrap(tree[1])
    if op == "pow":
        whole = isinstance(tree[2], int) and tree[2] >= 0
        exponent = str(tree[2]) if whole else f"({tree[2]})"
        return f"{wrap(tree[1])}{style['pow']}{exponent}"
    left, right = wrap(tree[1]), wrap(tree[2])
    if op == "add":
        return f"{left}{gap}+{gap}{right}"
    if op == "sub":
        return f"{left}{gap}-{gap}{right}"
    if op == "div":
        return f"{left}{gap}/{gap}{right}"
    if style["implicit"] and tree[1][0] == "num" and tree[2][0] != "num":
        return f"{left}{right}"  # 2x, 2sin(x), 2(x + 1), 2pi
    return f"{left}{gap}*{gap}{right}"


class Undefined(Exception):
    """The generated expression is undefined or unreasonably large at a sample point."""


def _value(tree: Tree, x: float, real: bool) -> complex:
    op = tree[0]
    if op == "num":
        value = complex(float(tree[1]))
    elif op == "x":
        value = complex(x)
    elif op == "pi":
        value = complex(cmath.pi)
    elif op == "neg":
        value = -_value(tree[1], x, real)
    elif op == "pow":
        base, exponent = _value(tree[1], x, real), tree[2]
        if exponent <= 0 and abs(base) < 1e-6:
            raise Undefined
        value = base ** (exponent if isinstance(exponent, int) else float(exponent))
    elif op == "fn":
        arg = _value(tree[2], x, real)
        name = tree[1]
        if name in ("ln", "sqrt") and real and (arg.real < 1e-9 or abs(arg.imag) > 1e-12):
            raise Undefined
        if name == "ln" and abs(arg) < 1e-6:
            raise Undefined
        if abs(arg) > 50:
            raise Undefined  # exp overflows; sin/cos of huge arguments lose all precision
        function = {
            "sin": cmath.sin, "cos": cmath.cos, "exp": cmath.exp,
            "ln": cmath.log, "sqrt": cmath.sqrt,
        }[name]
        value = function(arg)
    else:
        left, right = _value(tree[1], x, real), _value(tree[2], x, real)
        if op == "add":
            value = left + right
        elif op == "sub":
            value = left - right
        elif op == "mul":
            value = left * right
        else:
            if abs(right) < 1e-6:
                raise Undefined
            value = left / right
    if not cmath.isfinite(value) or abs(value) > 1e8:
        raise Undefined
    if real and abs(value.imag) > 1e-12:
        raise Undefined
    return value


SAMPLE_POINTS = (-2.7, -1.3, -0.4, 0.3, 0.9, 1.7, 2.6)


def _well_defined(tree: Tree, real: bool = False) -> bool:
    try:
        for x in SAMPLE_POINTS:
            _value(tree, x, real)
    except (Undefined, OverflowError, ZeroDivisionError, ValueError):
        return False
    return True


@SETTINGS
@given(tree=_trees(with_x=True), style=styles, unicode=st.booleans())
def test_structured_expression_round_trip(tree: Tree, style: dict[str, Any], unicode: bool) -> None:
    assume(_well_defined(tree))
    text = _render(tree, style)
    note(f"text: {text!r}")
    shown = _preview(text, "expression", ("x",), unicode)
    assert shown.ok, f"well-formed {text!r} refused: {shown.message}"
    itself = _verdict(text, text, "expression")
    assert itself.correct, f"{text!r} does not match itself: {itself}"
    _round_trip(text, "expression", ("x",), unicode)


@SETTINGS
@given(tree=_trees(with_x=False), style=styles, unicode=st.booleans())
# a plain rational power, refused as "Number too large" by one version of the engine
@example(
    tree=("pow", ("num", "2"), Fraction(99, 100)),
    style={"pow": "^", "implicit": False, "spaces": False},
    unicode=False,
)
def test_structured_number_round_trip(tree: Tree, style: dict[str, Any], unicode: bool) -> None:
    assume(_well_defined(tree, real=True))
    text = _render(tree, style)
    note(f"text: {text!r}")
    shown = _preview(text, "number", ("x",), unicode)
    assert shown.ok, f"well-formed {text!r} refused: {shown.message}"
    itself = _verdict(text, text, "number")
    assert itself.correct, f"{text!r} does not match itself: {itself}"
    _round_trip(text, "number", ("x",), unicode)


small_numbers = _trees(with_x=False).filter(lambda t: _well_defined(t, real=True))


@st.composite
def collection_cases(draw: st.DrawFn) -> tuple[str, str]:
    kind = draw(st.sampled_from(["vector", "matrix", "multiset"]))
    style = draw(styles)

    def entry(tree: Tree) -> str:
        return _render(tree, style)

    if kind == "matrix":
        rows = draw(st.integers(1, 3))
        cols = draw(st.integers(1, 3))
        cells = draw(st.lists(small_numbers, min_size=rows * cols, max_size=rows * cols))
        body = ", ".join(
            "[" + ", ".join(entry(c) for c in cells[r * cols : (r + 1) * cols]) + "]"
            for r in range(rows)
        )
        return kind, f"[{body}]"
    values = [entry(t) for t in draw(st.lists(small_numbers, min_size=1, max_size=4))]
    if kind == "vector":
        return kind, "[" + ", ".join(values) + "]"
    return kind, ", ".join(values)


@SETTINGS
@given(case=collection_cases(), unicode=st.booleans())
def test_structured_collection_round_trip(case: tuple[str, str], unicode: bool) -> None:
    kind, text = case
    note(f"{kind}: {text!r}")
    shown = _preview(text, kind, ("x",), unicode)
    assert shown.ok, f"well-formed {kind} {text!r} refused: {shown.message}"
    itself = _verdict(text, text, kind)
    assert itself.correct, f"{text!r} does not match itself: {itself}"
    _round_trip(text, kind, ("x",), unicode)
