"""Turn problems and verdicts into display text. No Textual here, so it is testable on its own.

Maths is written by `quizapp.mathtext`, as a teacher writes it (Unicode, or ASCII for --ascii).
"""

from dataclasses import replace

from quizapp.answers import AnswerError, Verdict, read_answer, render
from quizapp.bank import Problem
from quizapp.mathtext import tidy, write
from quizapp.tui.ascii import plain_text


def problem_text(problem: Problem, unicode: bool = True) -> str:
    """The problem as shown on screen: the prompt, and for a function to differentiate,
    the function on a line of its own."""
    function, variable = problem.data.get("function"), problem.data.get("variable")
    if problem.topic == "derivatives" and isinstance(function, str) and variable == "x":
        expr = read_answer(function, "expression", ("x",)).values[0].expr
        return plain_text("Differentiate with respect to x:", unicode) + \
            "\n\n  f(x) = " + write(expr, unicode)
    return plain_text(problem.prompt, unicode)


def answer_text(problem: Problem, unicode: bool = True) -> str:
    """The right answer as a teacher writes it (not in the sympy syntax of `problem.answer`)."""
    try:
        key = read_answer(problem.answer, problem.answer_kind, problem.variables)
    except (AnswerError, ValueError):
        return plain_text(problem.answer, unicode)
    values = tuple(replace(v, expr=tidy(v.expr)) if v.shown is None else v for v in key.values)
    return render(replace(key, values=values), unicode)


def answer_shape(problem: Problem) -> tuple[int, int] | None:
    """(rows, columns) of a matrix answer, for the grid of answer cells."""
    if problem.answer_kind != "matrix":
        return None
    rows = read_answer(problem.answer, "matrix", problem.variables).shape
    if len(rows) != 2 and isinstance(problem.data.get("matrix"), list):
        # no inverse (key `none`): the grid still has the matrix's shape, not to give it away
        matrix = problem.data["matrix"]
        return (len(matrix), len(matrix[0])) if matrix and isinstance(matrix[0], list) else None
    return (rows[0], rows[1]) if len(rows) == 2 else None


def verdict_text(verdict: Verdict, unicode: bool = True) -> str:
    """The one-line verdict with its mark."""
    if verdict.error:
        return plain_text(f"? {verdict.error}", unicode)
    mark = "✓" if verdict.correct else "✗"
    return plain_text(f"{mark} {verdict.feedback}", unicode)
