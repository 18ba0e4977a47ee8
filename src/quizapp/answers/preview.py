"""Show the learner how their answer is read, on every keystroke."""

from collections.abc import Sequence
from dataclasses import dataclass, replace

from quizapp.answers.errors import AnswerError
from quizapp.answers.model import Answer, AnswerKind, Value
from quizapp.answers.reading import condition_note, holds_on, read_answer
from quizapp.answers.words import UNDEFINED, is_undefined
from quizapp.mathtext import matrix_lines, write


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
            unicode: bool = True, domain: dict[str, tuple[float, float]] | None = None
            ) -> Preview:
    """Read `text` and render it; never raises for bad learner text.

    As in `check`, only expressions use the `variables`: other kinds hold constants. With the
    problem's `domain`, a note about where the answer is defined is left out when the question
    already restricts the variable to where it holds.
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
    notes = answer.notes
    if domain:
        quiet = [condition_note(kind, argument) for value in answer.values
                 for kind, argument in value.conditions if holds_on(kind, argument, domain)]
        notes = tuple(n for n in notes if not any(n.endswith(q) for q in quiet))
    return Preview(True, render(answer, unicode), answer.line, None, notes)


def _shown(value: Value, unicode: bool) -> str:
    """One value as a teacher writes it; a lone decimal as the learner typed it."""
    return value.shown if value.shown is not None else write(value.expr, unicode)


def render(answer: Answer, unicode: bool = True) -> str:
    """A read answer as a teacher writes it (x², eˣ, √, fractions on one line, a matrix with its
    columns aligned), in Unicode or, when `unicode` is False, in ASCII."""
    if answer.kind == AnswerKind.DIRECTION:
        answer = replace(answer, kind=AnswerKind.VECTOR)
    if answer.kind == AnswerKind.MATRIX:
        rows, cols = answer.shape
        cells = [_shown(v, unicode) for v in answer.values]
        return matrix_lines([cells[r * cols:(r + 1) * cols] for r in range(rows)], unicode)
    if answer.kind in (AnswerKind.VECTOR, AnswerKind.MULTISET):
        opener, closer = ("[", "]") if answer.kind == AnswerKind.VECTOR else ("{", "}")
        return opener + ", ".join(_shown(v, unicode) for v in answer.values) + closer
    return _shown(answer.values[0], unicode)
