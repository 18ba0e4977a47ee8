"""The names a learner may use, and what to say about the ones they may not.

A word typed by the learner is a variable of the problem, a constant, a function, or a run of
those written without spaces (`xy`, `2xe^x`, `xsin(x)`). Anything else is refused with a hint.
"""

import difflib
from dataclasses import dataclass
from functools import lru_cache

from quizapp.answers.errors import AnswerError

# name typed → canonical function name
FUNCTIONS: dict[str, str] = {
    "sin": "sin", "cos": "cos", "tan": "tan", "sec": "sec", "csc": "csc", "cosec": "csc",
    "cot": "cot", "asin": "asin", "acos": "acos", "atan": "atan", "arcsin": "asin",
    "arccos": "acos", "arctan": "atan", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh",
    "sech": "sech", "csch": "csch", "coth": "coth",
    "exp": "exp", "ln": "log", "log": "log", "sqrt": "sqrt", "cbrt": "cbrt", "abs": "abs",
    "Abs": "abs", "sigmoid": "sigmoid", "σ": "sigmoid",
}
# name typed → canonical constant name
CONSTANTS: dict[str, str] = {"e": "E", "E": "E", "pi": "pi", "π": "pi", "i": "I", "I": "I"}

CALCULUS = {
    "diff", "integrate", "derivative", "Derivative", "Integral", "integral", "limit", "Limit",
    "Sum", "summation", "Subs", "dx", "dy", "grad", "gradient", "D", "d",
}
INFINITY = {"oo", "inf", "infinity", "Infinity", "infty"}
PROGRAMMING = {
    "lambda", "import", "eval", "exec", "open", "print", "for", "in", "if", "else", "while",
    "class", "def", "return", "getattr", "setattr", "globals", "locals", "sympify", "Symbol",
    "symbols", "Function", "compile", "input", "os", "sys", "subprocess", "and", "or", "not",
    "is", "None", "True", "False", "self", "builtins", "Matrix", "np", "numpy", "sympy",
}
# single letters a learner may well have meant as a variable
VARIABLE_LETTERS = set("abcdfghjklmnopqrstuvwxyzABCDFGHJKLMNOPQRSTUVWXYZαβγδθλμστφω")


@dataclass(frozen=True)
class Piece:
    """One resolved part of a typed word: a variable, a constant or a function name."""

    kind: str  # "var" | "const" | "func"
    name: str  # canonical name


def list_words(names: list[str]) -> str:
    """Join names as 'x', 'x and y', 'x, y and z'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _split(word: str, vocabulary: dict[str, Piece], allow_func_last: bool) -> list[Piece] | None:
    """Split `word` into known pieces, fewest pieces first; a function may only come last."""
    n = len(word)
    longest = max(map(len, vocabulary), default=1)
    count: list[int | None] = [0] + [None] * n  # fewest pieces covering word[:end]
    back: list[tuple[int, Piece] | None] = [None] * (n + 1)
    for end in range(1, n + 1):
        for start in range(max(0, end - longest), end):
            piece = vocabulary.get(word[start:end])
            before = count[start]
            if before is None or piece is None:
                continue
            if piece.kind == "func" and (end != n or not allow_func_last):
                continue
            current = count[end]
            if current is None or before + 1 < current:
                count[end], back[end] = before + 1, (start, piece)
    if count[n] is None:
        return None
    pieces, end = [], n
    while end:
        start, piece = back[end]  # type: ignore[misc]
        pieces.append(piece)
        end = start
    return pieces[::-1]


def _shown(word: str) -> str:
    return word if len(word) <= 24 else word[:20] + "…"


@lru_cache(maxsize=64)
def _vocabulary(variables: tuple[str, ...]) -> dict[str, Piece]:
    vocabulary: dict[str, Piece] = {}
    for name, canonical in CONSTANTS.items():
        vocabulary[name] = Piece("const", canonical)
    for name, canonical in FUNCTIONS.items():
        vocabulary[name] = Piece("func", canonical)
    for var in variables:  # a problem's variable wins over a constant of the same name
        vocabulary[var] = Piece("var", var)
    return vocabulary


def resolve_word(word: str, variables: tuple[str, ...]) -> list[Piece]:
    """Resolve a typed word into pieces, or raise AnswerError saying what to fix."""
    vocabulary = _vocabulary(tuple(variables))
    if word in vocabulary:
        return [vocabulary[word]]
    if word in CALCULUS:
        raise AnswerError(f"'{word}' is not allowed — work the answer out and type the result")
    if word in INFINITY:
        raise AnswerError("Infinity is not an answer here — type a finite value")
    if word in PROGRAMMING:
        raise AnswerError(f"'{word}' is not maths — type only numbers, {_vocab_hint(variables)}")
    pieces = _split(word, vocabulary, allow_func_last=True)
    if pieces is not None:
        return pieces
    raise AnswerError(_unknown_word_message(word, variables, vocabulary).replace(
        f"'{word}'", f"'{_shown(word)}'"))


def _vocab_hint(variables: tuple[str, ...]) -> str:
    if variables:
        return f"{list_words(list(variables))} and functions such as sin(x)"
    return "operators and functions such as sqrt(2)"


def _unknown_word_message(word: str, variables: tuple[str, ...], vocabulary: dict) -> str:
    """Explain an unknown word: a function run into its argument, a stray variable, a typo."""
    for fname in sorted(FUNCTIONS, key=len, reverse=True):
        rest = word[len(fname):]
        if word.startswith(fname) and rest and _split(rest, vocabulary, False) is not None:
            return f"Unknown name '{word}' — did you mean {fname}({rest})?"
    letters = _split(word, {ch: Piece("var", ch) for ch in set(word)}, False) or []
    strangers = [p.name for p in letters if p.name not in variables]
    if len(word) <= 2 and strangers and all(ch in VARIABLE_LETTERS for ch in strangers):
        stray = list_words(sorted(set(strangers)))
        if not variables:
            return f"Your answer uses {stray}; the answer here is a number"
        return f"Your answer uses {stray}; this question is in {list_words(list(variables))}"
    close = difflib.get_close_matches(word, [*FUNCTIONS, "pi"], n=1, cutoff=0.75)
    if close:
        return f"Unknown name '{word}' — did you mean {close[0]}?"
    return f"Unknown name '{word}'"
