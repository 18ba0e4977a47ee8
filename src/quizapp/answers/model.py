"""Plain data of the answer engine: answer kinds, read answers and verdicts."""

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

import sympy

from quizapp.answers.lexer import Decimal
from quizapp.mathtext import plain


class AnswerKind(StrEnum):
    """What shape of answer a problem expects."""

    EXPRESSION = "expression"
    NUMBER = "number"
    VECTOR = "vector"
    MATRIX = "matrix"
    MULTISET = "multiset"
    DIRECTION = "direction"  # a non-zero vector up to a non-zero scale (answers/direction.py)
    NONE = "none"  # "there is none", e.g. a singular matrix's inverse (answers/absent.py)


@dataclass(frozen=True)
class Value:
    """One read value: the exact expression, and the decimals the learner wrote in it."""

    expr: sympy.Expr
    decimals: tuple[Decimal, ...] = ()
    shown: str | None = None  # a lone decimal as written, shown instead of its fraction
    # (kind, argument): where the value is defined on the real line, e.g. ("positive", x) for ln x
    conditions: tuple[tuple[str, sympy.Expr], ...] = ()

    @cached_property
    def line(self) -> str:
        """The value in plain sympy syntax, which reads back as the same value."""
        if self.shown is not None:
            return self.shown
        if self.decimals and self.expr.is_Rational:
            decimal = _as_decimal(self.expr)
            if decimal is not None:
                return decimal  # 1.5 + 1.803 reads as 3.303, as typed, not 3303/1000
        return plain(self.expr)


def _as_decimal(value: sympy.Rational) -> str | None:
    """p/10ᵏ as a decimal string; None for other fractions."""
    q, places = int(value.q), 0
    while q % 10 == 0:
        q //= 10
        places += 1
    if q != 1 or places == 0:
        return None
    digits = str(abs(int(value.p))).rjust(places + 1, "0")
    sign = "-" if value.p < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


@dataclass(frozen=True)
class Answer:
    """A read answer: its kind, its values (row by row for a matrix) and its shape."""

    kind: AnswerKind
    values: tuple[Value, ...]
    shape: tuple[int, ...] = ()  # () one value · (n,) vector or multiset · (rows, cols) matrix
    notes: tuple[str, ...] = ()

    @cached_property
    def line(self) -> str:
        """The whole answer on one line, in syntax the engine reads back as equal."""
        if self.kind == AnswerKind.MATRIX:
            rows, cols = self.shape
            return "[" + ", ".join(
                "[" + ", ".join(v.line for v in self.values[r * cols:(r + 1) * cols]) + "]"
                for r in range(rows)) + "]"
        if self.kind in (AnswerKind.VECTOR, AnswerKind.DIRECTION):
            return "[" + ", ".join(v.line for v in self.values) + "]"
        if self.kind == AnswerKind.MULTISET:
            return ", ".join(v.line for v in self.values)
        return self.values[0].line


@dataclass(frozen=True)
class Misconception:
    """A classic mistake: its id, the answer it produces, and what to tell the learner."""

    id: str
    answer: "str | Answer"
    feedback: str


@dataclass(frozen=True)
class Verdict:
    """The result of checking one answer.

    `error` is set when the answer could not be read; the learner is not penalised for it.
    `details` says, entry by entry or value by value, which parts were right.
    """

    correct: bool
    feedback: str
    interpreted: str = ""
    error: str | None = None
    misconception: str | None = None
    details: tuple[tuple[str, bool], ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        """The verdict as the JSON object of the `check --batch` contract."""
        return {
            "correct": self.correct,
            "error": self.error,
            "feedback": self.feedback,
            "misconception": self.misconception,
            "interpreted": self.interpreted,
        }
