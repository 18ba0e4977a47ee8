"""Turn learner text into tokens: normalise Unicode, refuse anything outside the whitelist.

Nothing here evaluates text. Characters outside a small alphabet are refused with a message,
numbers are read digit by digit with bounds, and words are resolved against the vocabulary.
"""

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

from quizapp.answers import limits
from quizapp.answers.errors import AnswerError
from quizapp.answers.vocabulary import list_words, resolve_word

NUM, VAR, CONST, FUNC, OP, OPEN, CLOSE, BAR, COMMA, SEMI, NEWLINE, ROOT = (
    "num", "var", "const", "func", "op", "open", "close", "bar", "comma", "semi", "newline", "root",
)
CLOSER = {"(": ")", "[": "]", "{": "}"}

# raised digits and letters, as the app writes them (x², e²ˣ, e⁻ˣ) and a learner may paste them
_RAISED = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"
_SUPERSCRIPTS = str.maketrans(_RAISED, "0123456789-+()abcdefghijklmnoprstuvwxyz")
_SUPERSCRIPT_RUN = re.compile(f"[{_RAISED}]+")
_REPLACEMENTS = {
    "−": "-", "–": "-", "—": "-", "‐": "-", "×": "*", "·": "*", "⋅": "*", "∙": "*", "∗": "*",
    "÷": "/", "∕": "/", "\u00a0": " ", "\t": " ", "\r": "\n", "（": "(", "）": ")",
    "½": "(1/2)", "⅓": "(1/3)", "⅔": "(2/3)", "¼": "(1/4)", "¾": "(3/4)", "⅕": "(1/5)",
    "⅖": "(2/5)", "⅗": "(3/5)", "⅘": "(4/5)", "⅙": "(1/6)", "⅚": "(5/6)", "⅐": "(1/7)",
    "⅛": "(1/8)", "⅜": "(3/8)", "⅝": "(5/8)", "⅞": "(7/8)", "⅑": "(1/9)", "⅒": "(1/10)",
}
_NUMBER = re.compile(r"(\d+\.?\d*|\.\d+)(?:[eE]([+-]?)(\d+))?")
_WORD = re.compile(r"[A-Za-z\u0370-\u03ff]+")
# An index right after a name: x1, x₁ (the variables of multivariable problems).
_INDEX = re.compile(r"[0-9]+|[₀-₉]+")
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_LOG_BASE = re.compile(r"(10|2)(?=\s*\()")
_SINGLE = {
    "+": (OP, "+"), "-": (OP, "-"), "*": (OP, "*"), "/": (OP, "/"), "^": (OP, "^"),
    "±": (OP, "±"), "(": (OPEN, "("), "[": (OPEN, "["), "{": (OPEN, "{"), ")": (CLOSE, ")"),
    "]": (CLOSE, "]"), "}": (CLOSE, "}"), "|": (BAR, "|"), ",": (COMMA, ","), ";": (SEMI, ";"),
    "\n": (NEWLINE, "\n"), "√": (ROOT, "√"),
    "∛": (ROOT, "∛"), "∜": (ROOT, "∜"),
}
_REFUSED = {
    "_": "Underscores are not allowed in answers",
    "'": "Quotes are not allowed in answers", '"': "Quotes are not allowed in answers",
    "`": "Backticks are not allowed in answers",
    "=": "Type only the answer, without '='",
    "!": "Factorials are not allowed — type the value",
    "<": "Comparisons are not allowed — type only the answer",
    ">": "Comparisons are not allowed — type only the answer",
    "@": "'@' is not allowed — use * to multiply",
    ":": "':' is not allowed in answers",
    "\\": "Backslashes are not allowed — type sqrt(x), not \\sqrt{x}",
    "#": "'#' is not allowed in answers", "$": "'$' is not allowed in answers",
    "&": "'&' is not allowed in answers", "%": "'%' is not allowed — type a number or fraction",
    "~": "'~' is not allowed in answers", "?": "'?' is not allowed in answers",
}


@dataclass(frozen=True)
class Decimal:
    """A decimal literal as written: its exact value, one unit in its last digit, its digits."""

    value: Fraction
    unit: Fraction
    significant: int
    text: str


@dataclass(frozen=True)
class Token:
    """One token: kind, text, position in the normalised text, and whether a space preceded it."""

    kind: str
    text: str
    pos: int
    spaced: bool
    number: Fraction | None = None
    decimal: Decimal | None = None


def normalise(text: str, plus_minus: bool) -> str:
    """Map Unicode and ASCII spellings onto our alphabet (`x²` → `x^(2)`, `**` → `^`)."""
    if len(text) > limits.MAX_CHARS:
        raise AnswerError(f"Answer too long ({len(text)} characters; at most {limits.MAX_CHARS})")
    for old, new in _REPLACEMENTS.items():
        text = text.replace(old, new)
    text = _SUPERSCRIPT_RUN.sub(lambda m: "^(" + m.group().translate(_SUPERSCRIPTS) + ")", text)
    text = text.replace("**", "^")
    if plus_minus:
        text = text.replace("+-", "±").replace("+/-", "±")
    return text


def _read_number(match: re.Match[str], pos: int, spaced: bool) -> Token:
    mantissa, sign, exponent = match.group(1), match.group(2), match.group(3)
    digits = mantissa.replace(".", "").lstrip("0")
    if len(digits) > limits.MAX_LITERAL_DIGITS:
        raise AnswerError(f"Number too large: at most {limits.MAX_LITERAL_DIGITS} digits")
    scale = 0
    if exponent is not None:
        if len(exponent) > 3 or int(exponent) > limits.MAX_SCI_EXPONENT:
            raise AnswerError("Number too large: the exponent after 'e' is too big")
        scale = -int(exponent) if sign == "-" else int(exponent)
    whole, _, fraction = mantissa.partition(".")
    value = Fraction(int(whole or "0") * 10 ** len(fraction) + int(fraction or "0"),
                     10 ** len(fraction)) * Fraction(10) ** scale
    decimal = None
    if "." in mantissa:
        significant = len(digits) if digits else 1
        decimal = Decimal(value, Fraction(1, 10 ** len(fraction)) * Fraction(10) ** scale,
                          significant, match.group(0))
    return Token(NUM, match.group(0), pos, spaced, number=value, decimal=decimal)


def tokenize(text: str, variables: tuple[str, ...], plus_minus: bool = False) -> list[Token]:
    """Normalise `text` and split it into tokens; raise AnswerError on anything not allowed."""
    text = normalise(text, plus_minus)
    refused = next((ch for ch in text if ch in _REFUSED), None)
    if refused is not None:  # say the most telling thing first: `y = 3x` is about the '='
        raise AnswerError(_REFUSED[refused])
    tokens: list[Token] = []
    i, spaced, n = 0, False, len(text)
    while i < n:
        ch = text[i]
        if ch == " ":
            spaced, i = True, i + 1
            continue
        # \d (decimal digits of any script, ٥ and １ too), not str.isdigit: that also holds for
        # ₂, ① and ⑴, which are not numbers here.
        if (ch.isdecimal() or ch == ".") and (match := _NUMBER.match(text, i)) is not None:
            tokens.append(_read_number(match, i, spaced))
            i = match.end()
        elif ch in _SINGLE:
            kind, canonical = _SINGLE[ch]
            tokens.append(Token(kind, canonical, i, spaced))
            i += 1
        elif (word := _WORD.match(text, i)) is not None and word.group() == "log" and \
                (base := _LOG_BASE.match(text, word.end())) is not None:
            tokens.append(Token(FUNC, "log" + base.group(1), i, spaced))  # log10(x), log2 x
            i = base.end(1)
        elif word is not None:
            pieces, i = _resolve_name(text, word, variables)
            for k, piece in enumerate(pieces):
                kind = {"var": VAR, "const": CONST, "func": FUNC}[piece.kind]
                tokens.append(Token(kind, piece.name, word.start(), spaced and k == 0))
        else:
            raise AnswerError(_refusal(ch))
        spaced = False
        if len(tokens) > limits.MAX_TOKENS:
            raise AnswerError(f"Answer too long: at most {limits.MAX_TOKENS} symbols")
    return tokens


def _indexed(variables: tuple[str, ...]) -> list[str]:
    return [v for v in variables if v[-1:] and v[-1] in "0123456789"]


def _resolve_name(text: str, word: re.Match[str], variables: tuple[str, ...]) -> tuple[list, int]:
    """Resolve the word at `word`, with the index written right after it when the problem has
    indexed variables (`x1`, `x₁`, `2x1x2`); return its pieces and where reading goes on.

    Without indexed variables, `x2` stays x·2 as it always was; a subscript is refused.
    """
    index = _INDEX.match(text, word.end())
    if index is None:
        return resolve_word(word.group(), variables), word.end()
    digits = index.group().translate(_SUBSCRIPTS)
    subscript = not index.group()[0].isascii()
    named = word.group() + digits
    indexed = _indexed(variables)
    if indexed:
        try:
            return resolve_word(named, variables), index.end()
        except AnswerError:
            if subscript or any(word.group().endswith(v.rstrip("0123456789")) for v in indexed):
                raise AnswerError(f"'{_clip(word.group() + index.group())}' is not a variable "
                                  f"of this question — use "
                                  f"{list_words(indexed)}") from None
    if subscript:
        where = (f"this question is in {list_words(list(variables))}" if variables
                 else "the answer here is a number")
        raise AnswerError(f"Subscripts only number a question's variables, such as x₁; "
                          f"'{_clip(word.group() + index.group())}' is not one ({where})")
    return resolve_word(word.group(), variables), word.end()


def _clip(text: str) -> str:
    return text if len(text) <= 24 else text[:20] + "…"


def _refusal(ch: str) -> str:
    if ch in "₀₁₂₃₄₅₆₇₈₉":
        return f"A subscript '{ch}' can only follow a variable's name, as in x{ch}"
    digit = unicodedata.digit(ch, None)
    if digit is not None:
        return f"'{ch}' cannot be used in an answer — type the digit {digit}"
    if ch in _REFUSED:
        return _REFUSED[ch]
    if ch == ".":
        return "'.' can only be used in decimal numbers such as 0.5"
    if ch == "±":
        return "± is only for lists of values"
    if not ch.isprintable():
        return f"Unexpected character U+{ord(ch):04X} — type the answer as plain text"
    return f"'{ch}' cannot be used in an answer"
