"""Turn problems and verdicts into display text. No Textual here, so it is testable on its own.

Maths is rendered with sympy's pretty printer (Unicode, or ASCII where the terminal cannot show
Unicode), never wrapped: wrapping scrambles 2-D output.
"""

import sympy

from quizapp.answers import Verdict, read_answer
from quizapp.bank import Problem
from quizapp.tui.ascii import plain_text


def problem_text(problem: Problem, unicode: bool = True) -> str:
    """The problem as shown on screen: the prompt, and for a function its 2-D pretty form."""
    if problem.topic == "derivatives" and "function" in problem.data:
        x = sympy.Symbol("x")
        function = read_answer(problem.data["function"], "expression", ("x",)).values[0].expr
        shown = sympy.Eq(sympy.Function("f")(x), function, evaluate=False)
        pretty = sympy.pretty(shown, use_unicode=unicode, wrap_line=False)
        return plain_text("Differentiate with respect to x:", unicode) + "\n\n" + pretty
    return plain_text(problem.prompt, unicode)


def answer_shape(problem: Problem) -> tuple[int, int] | None:
    """(rows, columns) of a matrix answer, for the grid of answer cells."""
    if problem.answer_kind != "matrix":
        return None
    rows = read_answer(problem.answer, "matrix", problem.variables).shape
    return (rows[0], rows[1]) if len(rows) == 2 else None


def verdict_text(verdict: Verdict, unicode: bool = True) -> str:
    """The one-line verdict with its mark."""
    if verdict.error:
        return plain_text(f"? {verdict.error}", unicode)
    mark = "✓" if verdict.correct else "✗"
    return plain_text(f"{mark} {verdict.feedback}", unicode)
