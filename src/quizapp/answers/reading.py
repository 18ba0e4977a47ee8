"""Read learner text as an answer of a given kind: one value, a vector, a matrix or a multiset.

Lists are split on their top-level commas, semicolons, newlines and (between two operands)
spaces, so `[[1,2],[3,4]]`, `[1,2;3,4]`, `1 2; 3 4` and rows on separate lines all read the same.
"""

from collections.abc import Sequence

import sympy

from quizapp.answers import limits, notations
from quizapp.answers.absent import read_none, read_only_none
from quizapp.answers.direction import as_direction
from quizapp.answers.errors import AnswerError
from quizapp.answers.grammar import PLUS_MINUS, ExpressionParser
from quizapp.answers.lexer import (
    BAR,
    CLOSE,
    CLOSER,
    COMMA,
    CONST,
    FUNC,
    NEWLINE,
    NUM,
    OP,
    OPEN,
    ROOT,
    SEMI,
    VAR,
    Token,
    normalise,
    tokenize,
)
from quizapp.answers.model import Answer, AnswerKind, Value
from quizapp.mathtext import write

_ENDS_OPERAND = {NUM, VAR, CONST, CLOSE}
_STARTS_OPERAND = {NUM, VAR, CONST, FUNC, OPEN, ROOT}


def read_answer(text: str, kind: str | AnswerKind,
                variables: Sequence[str] = ("x",)) -> Answer:
    """Read `text` as an answer of `kind`; raise AnswerError with a one-line message if unreadable.

    Only expressions may use the problem's `variables`; numbers, vectors, matrices and multisets
    are read as constants unless their expected value has variables (pass them then).
    """
    try:
        return _read(text, AnswerKind(kind), tuple(variables))
    except AnswerError:
        raise
    except RecursionError:  # sympy recursing on a deep tree our own depth bound let through
        raise AnswerError("Too deeply nested — simplify the answer") from None
    except (ArithmeticError, TypeError, ValueError, AttributeError, NotImplementedError):
        # sympy giving up on a value it cannot decide, e.g. comparing acos(cos(e^999e)) with π
        raise AnswerError("This answer cannot be worked with — simplify it") from None


def _read(text: str, kind: AnswerKind, variables: tuple[str, ...]) -> Answer:
    if kind == AnswerKind.DIRECTION:
        return as_direction(read_answer(text, AnswerKind.VECTOR, variables))
    if kind == AnswerKind.NONE or (kind == AnswerKind.MATRIX and read_none(text) is not None):
        return read_only_none(text)
    text, notation_notes = notations.rewrite(text, kind, variables)
    plus_minus = kind == AnswerKind.MULTISET
    tokens = tokenize(text, variables, plus_minus)
    normalised = normalise(text, plus_minus)
    if not tokens:
        raise AnswerError("Type an answer")
    _check_brackets(tokens)
    reader = _Reader(normalised, plus_minus)
    reader.notes.extend(notation_notes)
    if kind in (AnswerKind.EXPRESSION, AnswerKind.NUMBER):
        if any(t.kind in (COMMA, SEMI) for t in _top_level(tokens)):
            what = "expression" if kind == AnswerKind.EXPRESSION else "number"
            raise AnswerError(f"Type one {what}, not a list")
        value = reader.value(tokens)
        if kind == AnswerKind.NUMBER and value.expr.free_symbols:
            names = ", ".join(sorted(str(s) for s in value.expr.free_symbols))
            raise AnswerError(f"The answer is a number; yours uses {names}")
        return Answer(kind, (value,), (), tuple(reader.notes))
    rows = _rows(tokens)
    if kind == AnswerKind.MATRIX:
        widths = {len(row) for row in rows}
        if len(widths) > 1:
            counts = ", ".join(str(len(row)) for row in rows)
            raise AnswerError(f"Rows of different lengths ({counts}) — every row needs the "
                              "same number of entries")
        values = tuple(reader.value(cell) for row in rows for cell in row)
        return Answer(kind, values, (len(rows), len(rows[0])), tuple(reader.notes))
    if len(rows) > 1 and any(len(row) > 1 for row in rows):
        if kind == AnswerKind.MULTISET:
            raise AnswerError("Type the values separated by commas, e.g. 2, 5")
        values = tuple(reader.value(cell) for row in rows for cell in row)
        return Answer(AnswerKind.MATRIX, values, (len(rows), len(rows[0])), tuple(reader.notes))
    cells = [cell for row in rows for cell in row]
    values = tuple(reader.value(cell) for cell in cells)
    if kind == AnswerKind.MULTISET:
        values = _expand_plus_minus(values)
    return Answer(kind, values, (len(values),), tuple(reader.notes))


class _Reader:
    """Reads the cells of one answer, gathering notes on ambiguous readings."""

    def __init__(self, text: str, plus_minus: bool) -> None:
        self.text = text
        self.plus_minus = plus_minus
        self.notes: list[str] = []

    def value(self, tokens: list[Token]) -> Value:
        if not tokens:
            raise AnswerError("An entry is empty — check your commas")
        parser = ExpressionParser(tokens, self.text, self.plus_minus)
        expr = parser.parse()
        self.notes.extend(parser.notes)
        shown = None
        if len(tokens) <= 2 and tokens[-1].decimal is not None and (
                len(tokens) == 1 or (tokens[0].kind == OP and tokens[0].text in "+-")):
            shown = "".join(t.text for t in tokens if t.text != "+")
        conditions = tuple(parser.conditions)
        self.notes.extend(_hidden_conditions(expr, conditions))
        return Value(expr, tuple(parser.decimals), shown, conditions)


_WHERE = {"positive": "> 0", "nonnegative": "≥ 0", "unit": "is between −1 and 1"}


def _hidden_conditions(expr: sympy.Expr, conditions: tuple) -> list[str]:
    """Say where an answer is undefined when simplifying hid it: `x + ln x − ln x` reads as x,
    but only for x > 0 — and it is checked that way."""
    notes = []
    for kind, argument in dict.fromkeys(conditions):
        if not argument.free_symbols or (kind == "nonnegative" and _never_negative(argument)):
            continue
        visible = {"positive": sympy.log(argument), "nonnegative": sympy.sqrt(argument)}.get(kind)
        if kind == "unit" or (visible is not None and not expr.has(visible)):
            if kind == "unit" and (expr.has(sympy.asin(argument)) or
                                   expr.has(sympy.acos(argument))):
                continue
            notes.append(f"reads as {write(expr)}, but only where {write(argument)} "
                         f"{_WHERE[kind]}")
    return notes


def condition_note(kind: str, argument: sympy.Expr) -> str:
    """The end of the note `_hidden_conditions` writes for one condition."""
    return f"but only where {write(argument)} {_WHERE[kind]}"


def holds_on(kind: str, argument: sympy.Expr, domain: dict[str, tuple[float, float]]) -> bool:
    """Whether a condition holds on the whole of a problem's domain, so its note says nothing
    the question has not (argument linear in one variable with a declared range)."""
    if len(argument.free_symbols) != 1:
        return False
    (symbol,) = argument.free_symbols
    bounds = domain.get(symbol.name)
    if bounds is None or not argument.is_polynomial(symbol) or sympy.degree(argument, symbol) > 1:
        return False  # a line takes its extremes at the ends of the range
    ends = [argument.subs(symbol, bound) for bound in bounds]
    if kind == "positive":  # a sampling range's end may touch 0: the open range is meant
        return all(e >= 0 for e in ends) and any(e > 0 for e in ends)
    if kind == "nonnegative":
        return all(e >= 0 for e in ends)
    return all(-1 <= e <= 1 for e in ends)


def _never_negative(argument: sympy.Expr) -> bool:
    """Whether `argument` is ≥ 0 for every real value of its variables (x⁴, x² + 1)."""
    real = {s: sympy.Symbol(s.name, real=True) for s in argument.free_symbols}
    return bool(argument.xreplace(real).is_nonnegative)


def _check_brackets(tokens: list[Token]) -> None:
    stack: list[Token] = []
    for token in tokens:
        if token.kind == OPEN:
            stack.append(token)
            if len(stack) > limits.MAX_DEPTH:
                raise AnswerError("Too deeply nested — simplify the answer")
        elif token.kind == CLOSE:
            if not stack:
                raise AnswerError(f"Check your brackets — a '{token.text}' has no matching "
                                  "opening bracket")
            opener = stack.pop()
            if CLOSER[opener.text] != token.text:
                raise AnswerError(f"Check your brackets — '{opener.text}' is closed by "
                                  f"'{token.text}'")
    if stack:
        raise AnswerError(f"Check your brackets — a '{stack[-1].text}' is never closed")


def _top_level(tokens: list[Token]) -> list[Token]:
    """The tokens not inside any bracket."""
    depth, out = 0, []
    for token in tokens:
        if token.kind == CLOSE:
            depth -= 1
        if depth == 0:
            out.append(token)
        if token.kind == OPEN:
            depth += 1
    return out


def _split(tokens: list[Token], separators: set[str]) -> list[list[Token]]:
    """Split on top-level tokens of the given kinds."""
    parts: list[list[Token]] = [[]]
    depth = 0
    for token in tokens:
        if token.kind == CLOSE:
            depth -= 1
        if depth == 0 and token.kind in separators:
            parts.append([])
        else:
            parts[-1].append(token)
        if token.kind == OPEN:
            depth += 1
    return parts


def _wrapped(tokens: list[Token]) -> bool:
    """True when the first token opens a bracket that the last token closes."""
    if len(tokens) < 2 or tokens[0].kind != OPEN or tokens[-1].kind != CLOSE:
        return False
    depth = 0
    for index, token in enumerate(tokens):
        if token.kind == OPEN:
            depth += 1
        elif token.kind == CLOSE:
            depth -= 1
            if depth == 0:
                return index == len(tokens) - 1
    return False


def _is_list(tokens: list[Token]) -> bool:
    inner = tokens[1:-1]
    if tokens[0].text in "[{":
        return True
    return any(t.kind in (COMMA, SEMI, NEWLINE) for t in _top_level(inner))


def _strip_blank_lines(tokens: list[Token]) -> list[Token]:
    start, end = 0, len(tokens)
    while start < end and tokens[start].kind == NEWLINE:
        start += 1
    while end > start and tokens[end - 1].kind == NEWLINE:
        end -= 1
    return tokens[start:end]


def _rows(tokens: list[Token]) -> list[list[list[Token]]]:
    """Split a list or matrix into rows of cells (each cell a token list)."""
    tokens = _strip_blank_lines(tokens)
    if _wrapped(tokens) and _is_list(tokens):
        tokens = _strip_blank_lines(tokens[1:-1])
    groups = [_strip_blank_lines(g) for g in _split(tokens, {COMMA, SEMI, NEWLINE})]
    groups = [g for g in groups if g]
    if groups and all(_wrapped(g) and g[0].text == "[" for g in groups):
        rows = [_cells(_strip_blank_lines(g[1:-1]), {COMMA}) for g in groups]  # [[1,2],[3,4]]
    else:
        rows = [_cells(row, {COMMA}) for row in _split(tokens, {SEMI, NEWLINE})
                if _strip_blank_lines(row)]
    if not rows or not any(rows):
        raise AnswerError("Type an answer")
    if sum(len(row) for row in rows) > limits.MAX_ENTRIES:
        raise AnswerError(f"Too many entries: at most {limits.MAX_ENTRIES}")
    return rows


def _cells(row: list[Token], separators: set[str]) -> list[list[Token]]:
    """Split one row into cells: on commas if it has any, else on spaces between operands."""
    row = [t for t in row if t.kind != NEWLINE]
    if any(t.kind in separators for t in _top_level(row)):
        cells = _split(row, separators)
        if cells and not cells[-1] and len(cells) > 1:
            cells.pop()  # a trailing comma
        for cell in cells:
            if not cell:
                raise AnswerError("An entry is empty — check your commas")
        return cells
    cells, depth, bars = [[]], 0, 0
    for index, token in enumerate(row):
        if depth == 0 and index > 0 and token.spaced and bars % 2 == 0 and \
                _separates(row[index - 1], token, row[index + 1] if index + 1 < len(row) else None):
            cells.append([])
        cells[-1].append(token)
        if token.kind == OPEN:
            depth += 1
        elif token.kind == CLOSE:
            depth -= 1
        elif token.kind == BAR and depth == 0:
            bars += 1
    return cells


def _separates(before: Token, token: Token, after: Token | None) -> bool:
    """Whether a space between `before` and `token` separates two entries (`1 2`, `1 -2`)."""
    if before.kind not in _ENDS_OPERAND:
        return False
    if before.kind == NUM and token.kind == CONST and token.text == "I":
        return False  # 1 ± 2 i: the i belongs to the 2
    if token.kind in _STARTS_OPERAND:
        return True
    return (token.kind == OP and token.text in "+-" and after is not None
            and not after.spaced)


def _expand_plus_minus(values: tuple[Value, ...]) -> tuple[Value, ...]:
    """Replace every value written with ± by its two (or more) values."""
    out: list[Value] = []
    for value in values:
        if not value.expr.has(PLUS_MINUS):
            out.append(value)
            continue
        # Several ± in one value go together, as in (−b ± √d)/2a: one sign for them all.
        for sign in (1, -1):
            out.append(Value(value.expr.subs(PLUS_MINUS, sign), value.decimals))  # constants
    if len(out) > limits.MAX_ENTRIES:
        raise AnswerError(f"Too many values: at most {limits.MAX_ENTRIES}")
    return tuple(out)
