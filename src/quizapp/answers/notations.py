"""Notations learners bring from books, numpy and the question itself, rewritten into ours.

Applied to the text before it is tokenized, each only where it cannot mean anything else:
- a shape in a vector answer: `2×3`, `2x3`, `2 x 3`, `2 by 3` read as 2, 3 (rows, columns);
- named eigenvalues in a multiset answer: `λ = 1, 5`, `λ₁ = 1, λ₂ = 5`, `l1 = 1, l2 = 5`,
  `1 and 5`, `λ = 1 or λ = 5` read as 1, 5 (any other `=` keeps its message);
- numpy's imaginary unit in constant answers: `2+3j` reads as 2 + 3i when no variable is j;
- a mixed number: `2½` reads as 2 + ½.
Each rewrite adds a note, so the preview shows how the answer was read.
"""

import re

from quizapp.answers.model import AnswerKind

_SHAPE = re.compile(r"^\s*(\d{1,4})\s*(×|✕|⨯|x|X|by)\s*(\d{1,4})\s*$")
_NAME = r"(?:λ|Λ|lambda|l|L)(?:_?\d{1,2}|[₀-₉]{1,2})?"
_NAMED = re.compile(rf"(^|[,;{{\n])\s*{_NAME}\s*=")
_CONJUNCTION = re.compile(r"\s*,?\s*\b(?:and|or)\b\s*")
_NUMPY_IMAGINARY = re.compile(r"(?<![\w.])(\d+(?:\.\d*)?|\.\d+)[jJ](?!\w)")
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
_MIXED = re.compile(rf"(?<![\d.])(\d+)([{_VULGAR}])")
_CONSTANT_KINDS = (AnswerKind.NUMBER, AnswerKind.VECTOR, AnswerKind.MATRIX, AnswerKind.MULTISET)


def rewrite(text: str, kind: AnswerKind, variables: tuple[str, ...]) -> tuple[str, list[str]]:
    """`text` with the notations above rewritten into the engine's own, and notes saying so."""
    notes: list[str] = []
    if kind == AnswerKind.VECTOR and (shape := _SHAPE.match(text)) is not None \
            and not (shape.group(2) in "xX" and shape.group(2) in variables):
        rows, cols = shape.group(1), shape.group(3)
        notes.append(f"read as the shape {rows}×{cols}: {rows} rows, {cols} columns")
        return f"{rows}, {cols}", notes
    if kind == AnswerKind.MULTISET:
        named = _CONJUNCTION.sub(", ", text)
        named = _NAMED.sub(lambda m: m.group(1), named)
        if named != text:
            notes.append("read as the list of values " + " ".join(named.split()).strip(" ,"))
            text = named
    if kind in _CONSTANT_KINDS and "j" not in variables and "J" not in variables:
        text, count = _NUMPY_IMAGINARY.subn(r"\1i", text)
        if count:
            notes.append("j read as the imaginary unit i")
    mixed = _MIXED.search(text)
    if mixed is not None:
        notes.append(f"{mixed.group()} read as {mixed.group(1)} + {mixed.group(2)}")
        text = _MIXED.sub(r"(\1+\2)", text)
    return text, notes
