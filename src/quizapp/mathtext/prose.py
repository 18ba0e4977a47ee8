"""ASCII for text written for people (`x^(n-1)`, `sqrt(2)`, `lambda`, `->`): no sympy, so the
home screen can use it before sympy is loaded."""

import re
import textwrap

from quizapp.mathtext.symbols import _GREEK_ASCII

# --- prose -----------------------------------------------------------------------------------

_PROSE_ASCII = str.maketrans({
    "·": "*", "×": "x", "−": "-", "√": "sqrt", "∛": "cbrt", "′": "'", "″": "''", "—": "-",
    "–": "-", "…": "...", "±": "+-", "≤": "<=", "≥": ">=", "≠": "!=", "≈": "~", "→": "->",
    "←": "<-", "⇒": "=>", "✓": "OK", "✗": "X", "½": "1/2", "⅓": "1/3", "¼": "1/4", "¾": "3/4",
    "⏱": "time", "▰": "#", "▱": "-", "█": "#", "░": "-", "›": ">", "‹": "<", "•": "*", "§": "S",
    "∂": "d", "∇": "grad ", "∈": " in ", "∞": "infinity", "ℝ": "R", "∑": "sum", "Σ": "sum",
    "∏": "prod", "Π": "prod", "⊙": "(.)", "⟨": "<", "⟩": ">", "‖": "||", "𝔼": "E", "ŷ": "y_hat",
    "ᵀ": "^T", "π": "pi", "⎡": "[", "⎤": "]", "⎢": "[", "⎥": "]", "⎣": "[", "⎦": "]",
    "“": '"', "”": '"', "‘": "'", "’": "'", "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+",
    "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "═": "=", "║": "|",
    **{letter: name for letter, name in _GREEK_ASCII.items()},
    "ᵢ": "_i", "ⱼ": "_j", "ₖ": "_k", "ₓ": "_x", "ᵧ": "_y",
    "𝟙": "1", "ₚ": "_p", "ₙ": "_n", "₌": "=", "∜": "root4",
})
_SUPERSCRIPT_BACK = {raised: plain_char for plain_char, raised in zip(
    "0123456789+-=()abcdefghijklmnoprstuvwxyz", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ",
    strict=True)}
_SUBSCRIPT_BACK = {chr(0x2080 + d): str(d) for d in range(10)}
_RAISED_RUN = re.compile("[" + "".join(_SUPERSCRIPT_BACK) + "]+")
_LOWERED_RUN = re.compile("[" + "".join(_SUBSCRIPT_BACK) + "]+")


def _lower(match: re.Match[str]) -> str:
    text = "".join(_SUPERSCRIPT_BACK[ch] for ch in match.group())
    if text.startswith("(") and text.endswith(")"):
        return "^" + text
    return "^" + text if len(text) == 1 or text.isdigit() else f"^({text})"


_ROOT_OF_WORD = re.compile(r"([√∛∜])(\w+)")
# Σᵢ₌₁⁴ → sum_{i=1}^{4}; ‖v‖₃ → ||v||_3; x₂⁽³⁾ → x_2^(3) (books' notation, spelled in ASCII)
_BIG_OPERATOR = re.compile("([ΣΠ])([ᵢⱼₖₙ])₌([₀-₉]+)([⁰¹²³⁴⁵⁶⁷⁸⁹ⁿ]+)")
_NORM_INDEX = re.compile("‖([₀-₉]+|ₚ)")
_INDEX_BEFORE_RAISED = re.compile("([₀-₉]+)(?=⁽)")
_LOWERED_LETTERS = {"ᵢ": "i", "ⱼ": "j", "ₖ": "k", "ₙ": "n", "ₚ": "p"}
# A Greek letter spelled out must not run into its neighbours: 5λ → 5 lambda, λI → lambda I
# (but σ(x) stays sigma(x)).
_GREEK_CLASS = "[" + "".join(_GREEK_ASCII) + "]"
# lowered letters as one index (Aᵢⱼ → A_ij), kept apart from what follows (A_ij B_ij)
_INDEX_LETTERS = {"ᵢ": "i", "ⱼ": "j", "ₖ": "k", "ₓ": "x", "ᵧ": "y", "ₚ": "p", "ₙ": "n"}
_INDEX_RUN = re.compile("[" + "".join(_INDEX_LETTERS) + "]+")
_BEFORE_GREEK = re.compile(rf"(?<=[0-9A-Za-z)\]])(?={_GREEK_CLASS})")
_AFTER_GREEK = re.compile(rf"(?<={_GREEK_CLASS})(?=[A-Za-z]|{_GREEK_CLASS})")


def _back(text: str) -> str:
    return "".join(_SUBSCRIPT_BACK.get(ch) or _SUPERSCRIPT_BACK.get(ch)
                   or _LOWERED_LETTERS.get(ch, ch) for ch in text)


def _index(match: re.Match[str]) -> str:
    letters = "".join(_INDEX_LETTERS[ch] for ch in match.group())
    after = match.string[match.end():match.end() + 1]
    return "_" + letters + (" " if after.isalnum() else "")


def _spell_notation(text: str) -> str:
    text = _BIG_OPERATOR.sub(lambda m: f"{'sum' if m.group(1) == 'Σ' else 'prod'}_{{"
                             f"{_back(m.group(2))}={_back(m.group(3))}}}^{{{_back(m.group(4))}}}",
                             text)
    text = _NORM_INDEX.sub(lambda m: "‖_" + _back(m.group(1)), text)
    return _INDEX_BEFORE_RAISED.sub(lambda m: "_" + _back(m.group(1)), text)


def prose(text: str, unicode: bool = True) -> str:
    """Text for people as is, or in ASCII (`x^(n-1)`, `sqrt`, `lambda`, `->`) for `--ascii`."""
    if unicode:
        return text
    text = _spell_notation(text)
    text = _ROOT_OF_WORD.sub(lambda m: f"{m.group(1)}({m.group(2)})", text)
    text = _RAISED_RUN.sub(_lower, text)
    text = _LOWERED_RUN.sub(lambda m: "".join(_SUBSCRIPT_BACK[ch] for ch in m.group()), text)
    text = _AFTER_GREEK.sub(" ", _BEFORE_GREEK.sub(" ", text))
    text = _INDEX_RUN.sub(_index, text)
    return text.translate(_PROSE_ASCII).encode("ascii", "replace").decode()


def side_by_side(blocks: list[tuple[str, str]], width: int = 76, gap: int = 4) -> str:
    """Labelled blocks of text (matrices) next to each other, each label on its block's middle
    line — `A = ⎡…⎤    B = ⎡…⎤` — or one under the other where they would be wider than `width`.
    """
    shaped = []
    for label, text in blocks:
        lines = textwrap.dedent(text).splitlines() or [""]
        middle = (len(lines) - 1) // 2
        block_width = max(len(line) for line in lines)
        shaped.append([(f"{label} " if i == middle else " " * (len(label) + 1))
                       + line.ljust(block_width) for i, line in enumerate(lines)])
    total = sum(max(len(line) for line in block) for block in shaped) + gap * (len(shaped) - 1)
    if total > width:
        return "\n".join(f"{label}\n{text}" for label, text in blocks)
    height = max(len(block) for block in shaped)
    padded = []
    for block in shaped:
        blank = " " * len(block[0])
        top = (height - len(block)) // 2
        padded.append([blank] * top + block + [blank] * (height - len(block) - top))
    return "\n".join((" " * gap).join(row).rstrip() for row in zip(*padded, strict=True))
