"""Show the learner how their answer is read, on every keystroke."""

from collections.abc import Sequence
from dataclasses import dataclass, replace

import sympy

from quizapp.answers.errors import AnswerError
from quizapp.answers.model import Answer, AnswerKind
from quizapp.answers.reading import read_answer
from quizapp.answers.words import UNDEFINED, is_undefined


@dataclass(frozen=True)
class Preview:
    """How an answer reads: `text` (pretty, maybe several lines), `line` (one line that reads
    back as the same answer), or `message` saying why it cannot be read."""

    ok: bool
    text: str = ""
    line: str = ""
    message: str | None = None
    notes: tuple[str, ...] = ()


def preview(text: str, kind: str | AnswerKind, variables: Sequence[str] = ("x",),
            unicode: bool = True) -> Preview:
    """Read `text` and render it; never raises for bad learner text.

    As in `check`, only expressions use the `variables`: other kinds hold constants.
    """
    if not text.strip():
        return Preview(False, message="Type your answer")
    kind = AnswerKind(kind)
    if kind == AnswerKind.VECTOR and is_undefined(text):
        return Preview(True, UNDEFINED, UNDEFINED)
    try:
        answer = read_answer(text, kind, variables if kind == AnswerKind.EXPRESSION else ())
    except AnswerError as exc:
        return Preview(False, message=exc.message)
    except RecursionError:
        return Preview(False, message="Too deeply nested — simplify the answer")
    return Preview(True, render(answer, unicode), answer.line, None, answer.notes)


def _pretty(expr: sympy.Basic, unicode: bool) -> str:
    return sympy.pretty(expr, use_unicode=unicode, wrap_line=False)


def render(answer: Answer, unicode: bool = True) -> str:
    """Pretty-print a read answer: 2-D maths in Unicode, or ASCII when `unicode` is False."""
    exprs = [v.expr for v in answer.values]
    if answer.kind == AnswerKind.DIRECTION:
        answer = replace(answer, kind=AnswerKind.VECTOR)
    if answer.kind == AnswerKind.MATRIX:
        rows, cols = answer.shape
        return _pretty(sympy.ImmutableMatrix(rows, cols, exprs), unicode)
    if answer.kind in (AnswerKind.VECTOR, AnswerKind.MULTISET):
        shown = [v.shown if v.shown is not None else _pretty(v.expr, unicode)
                 for v in answer.values]
        if all("\n" not in s for s in shown):
            opener, closer = ("[", "]") if answer.kind == AnswerKind.VECTOR else ("{", "}")
            return opener + ", ".join(shown) + closer
        if answer.kind == AnswerKind.VECTOR:
            return _pretty(sympy.ImmutableMatrix(len(exprs), 1, exprs), unicode)
        return _pretty(sympy.Tuple(*exprs), unicode)
    value = answer.values[0]
    return value.shown if value.shown is not None else _pretty(value.expr, unicode)
