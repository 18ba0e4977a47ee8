"""Answers saying that the thing asked for does not exist: `none` for a singular matrix's inverse.

A learner may write `none`, `singular`, `no inverse`, `does not exist` (or `DNE`), in any case,
alone or in the first cell of a matrix grid (the other cells left empty). Such an answer reads
as an Answer of kind NONE; it equals another NONE answer and nothing else.
"""

import re

import sympy

from quizapp.answers.errors import AnswerError
from quizapp.answers.model import Answer, AnswerKind, Value, Verdict

NONE_WORDS = frozenset({
    "none", "singular", "no inverse", "does not exist", "doesn't exist", "not invertible",
    "dne", "no", "n/a", "not defined", "undefined",
})
NONE = Answer(AnswerKind.NONE, (Value(sympy.Integer(0), shown="none"),), ())
_FILLER = re.compile(r"[\s,;\[\]().]+")
RIGHT = "Correct!"
SAID_NONE_WRONGLY = "Not quite: this matrix is invertible (its determinant is not 0)."
MISSED_NONE = ("Not quite: check the determinant first — when it is 0 the matrix has no "
               "inverse (answer none).")


def read_none(text: str) -> Answer | None:
    """The NONE answer when `text` says there is none; None for any other text."""
    words = _FILLER.sub(" ", text.replace("’", "'")).strip().lower()
    return NONE if words in NONE_WORDS else None


def read_only_none(text: str) -> Answer:
    """Read text for the NONE kind: only the words that say there is none."""
    answer = read_none(text)
    if answer is None:
        raise AnswerError("Type none (or singular, no inverse, does not exist)")
    return answer


def compare_none(want: Answer, got: Answer) -> Verdict:
    """Compare two answers at least one of which says there is none."""
    if want.kind == got.kind == AnswerKind.NONE:
        return Verdict(True, RIGHT, got.line)
    if got.kind == AnswerKind.NONE:
        return Verdict(False, SAID_NONE_WRONGLY, got.line)
    return Verdict(False, MISSED_NONE, got.line, notes=got.notes)
