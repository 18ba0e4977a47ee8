"""Maths written for people and for machines — the one printer every layer uses.

Three styles:
- `PLAIN`: sympy syntax (`3*x**2*exp(x)`), for the JSON contracts; the answer engine reads it back.
- `UNICODE`: as a teacher writes it (`3x²·eˣ`, `ln(x)`, `√x`, `−`, `σ(x)`, `λ`, `x₁`).
- `ASCII`: the same for terminals without Unicode (`3x^2*e^x`, `ln(x)`, `sqrt(x)`).

The printer is written for speed (generators print a dozen expressions a problem, hundreds of
problems a second): it handles the node types our problems and answers use directly and falls
back to sympy's string printer for anything else, so it never raises. Only sympy is imported.
"""

import re
from collections.abc import Sequence
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise

import sympy


class Style(StrEnum):
    """How maths is written: machine syntax, Unicode for people, or ASCII for people."""

    PLAIN = "plain"
    UNICODE = "unicode"
    ASCII = "ascii"


_SUPERSCRIPT = str.maketrans("0123456789+-−=()abcdefghijklmnoprstuvwxyzn",
                             "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻⁿ")
_SUPERSCRIPT_OK = set("0123456789+-()abcdefghijklmnoprstuvwxyz")
_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
from quizapp.mathtext.symbols import _GREEK_ASCII, GREEK  # noqa: E402

# sympy function name → (Unicode name, ASCII name)
_FUNCTION_NAMES = {
    "log": ("ln", "ln"), "asin": ("arcsin", "arcsin"), "acos": ("arccos", "arccos"),
    "atan": ("arctan", "arctan"), "sigmoid": ("σ", "sigmoid"),
}
_SQUARED_NAMES = {"sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh", "sech",
                  "csch", "coth"}
_NAME = re.compile(r"([A-Za-z]+)(\d*)")
_ASCII_LETTER_TERM = re.compile(r"[A-Za-z]\d*(\^(\w+|\([^()]*\)))?")


@lru_cache(maxsize=8192)
def _has_symbol(e: sympy.Basic) -> bool:
    return e.is_Symbol or any(_has_symbol(a) for a in e.args)


def _below_zero(n: sympy.Expr) -> bool:
    """For a number: whether it is negative (rationals compared without sympy's machinery)."""
    if n.is_Rational:
        return n.p < 0
    if n.is_Float:
        return bool(n < 0)
    return bool(n.is_extended_negative)


def _negative(term: sympy.Expr) -> bool:
    return (term.is_Number and _below_zero(term)) or (
        term.is_Mul and bool(term.args) and term.args[0].is_Number and _below_zero(term.args[0]))


def _degree(term: sympy.Expr) -> float:
    """A sort key that puts higher powers of the variables first and constants last."""
    if term.is_Number or not _has_symbol(term):
        return -1.0
    if term.is_Symbol:
        return 1.0
    if term.is_Pow and term.args[0].is_Symbol and term.args[1].is_Number:
        return float(term.args[1])
    if term.is_Mul:
        return sum(max(_degree(f), 0.0) for f in term.args)
    return 0.5


def _float_text(e: sympy.Float) -> str:
    text = sympy.sstr(sympy.Float(e, 15))
    mantissa, _, exponent = text.partition("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return mantissa + ("e" + exponent.lstrip("+") if exponent else "")


class Printer:
    """Writes sympy expressions in one `Style`; remembers what it wrote (problems repeat parts)."""

    def __init__(self, style: Style) -> None:
        self.style = Style(style)
        self.pretty = self.style is not Style.PLAIN
        self.unicode = self.style is Style.UNICODE
        self.minus = "−" if self.unicode else "-"
        self._cache: dict[sympy.Basic, str] = {}

    def __call__(self, expr: object) -> str:
        """`expr` (a sympy expression, or an int) written in this printer's style."""
        if isinstance(expr, int):
            expr = sympy.Integer(expr)
        if not isinstance(expr, sympy.Basic):
            return str(expr)
        text = self._cache.get(expr)
        if text is None:
            if len(self._cache) > 4096:
                self._cache.clear()
            try:
                text = self.expr(expr)
            except (TypeError, ValueError, AttributeError, RecursionError):
                text = self.fallback(expr)
            self._cache[expr] = text
        return text

    # --- nodes -------------------------------------------------------------------------------

    def expr(self, e: sympy.Basic) -> str:
        """Any expression."""
        if e.is_Add:
            return self.add(e)
        if e.is_Mul or (e.is_Rational and not e.is_Integer):
            return self.mul(e)
        if e.is_Pow:
            return self.power(e)
        return self.atom(e)

    def fallback(self, e: sympy.Basic) -> str:
        """sympy's own string form, made readable where the style is for people."""
        text = sympy.sstr(e)
        if self.pretty:
            text = text.replace("**", "^").replace("*", "·" if self.unicode else "*")
        return text

    def atom(self, e: sympy.Basic) -> str:
        """Numbers, constants, symbols and function applications."""
        if e.is_Integer:
            value = int(e)
            return self.minus + str(-value) if value < 0 else str(value)
        if e.is_Float:
            text = _float_text(e)
            return self.minus + text[1:] if text.startswith("-") else text
        if e.is_Symbol:
            return self.symbol(e.name)
        if e is sympy.pi:
            return "π" if self.unicode else "pi"
        if e is sympy.E:
            return "e" if self.pretty else "E"
        if e is sympy.I:
            return "i" if self.pretty else "I"
        if e is sympy.oo:
            return "∞" if self.unicode else ("infinity" if self.pretty else "oo")
        if e is sympy.zoo or e is sympy.nan:
            return "undefined" if self.pretty else sympy.sstr(e)
        if isinstance(e, sympy.Function):
            return self.function(e)
        if isinstance(e, sympy.MatrixBase):
            return self.matrix_line([[e[r, c] for c in range(e.cols)] for r in range(e.rows)])
        return self.fallback(e)

    def symbol(self, name: str) -> str:
        """A variable: Greek names as letters and trailing digits as subscripts, in Unicode."""
        if not self.pretty:
            return name
        if self.unicode:
            match = _NAME.fullmatch(name)
            if match:
                letters, digits = match.groups()
                return GREEK.get(letters, letters) + digits.translate(_SUBSCRIPT)
            return name
        return "".join(_GREEK_ASCII.get(ch, ch) for ch in name)

    def function_name(self, name: str) -> str:
        """The name a teacher writes for a sympy function."""
        if not self.pretty:
            return name
        names = _FUNCTION_NAMES.get(name)
        return names[0 if self.unicode else 1] if names else name

    def function(self, e: sympy.Function) -> str:
        """f(args), with eˣ, |x| and teacher's names where the style is for people."""
        name = type(e).__name__
        if self.pretty:
            if name == "exp":
                return "e" + self.exponent(e.args[0])
            if name == "Abs":
                return "|" + self.expr(e.args[0]) + "|"
        return f"{self.function_name(name)}({', '.join(self.expr(a) for a in e.args)})"

    def exponent(self, e: sympy.Expr) -> str:
        """An exponent: raised characters where short and possible, else ^(…)."""
        text = self.expr(e)
        if self.unicode:
            probe = text.replace("−", "-")
            if len(probe) <= 4 and set(probe) <= _SUPERSCRIPT_OK:
                return probe.translate(_SUPERSCRIPT)
        simple = e.is_Symbol or (e.is_Integer and e.p >= 0)
        op = "^" if self.pretty else "**"
        return op + (text if simple else f"({text})")

    def add(self, e: sympy.Expr) -> str:
        """Terms in descending degree; a positive term first where there is one."""
        terms = sorted(e.args, key=_degree, reverse=True)
        if not _has_symbol(e):  # −2 + i, 5/2 + √33/2: the rational part first
            terms.sort(key=lambda t: not t.is_Rational)
        elif _negative(terms[0]):  # 1 − tanh²(x), not −tanh²(x) + 1
            positive = next((t for t in terms if not _negative(t)), None)
            if positive is not None:
                terms.remove(positive)
                terms.insert(0, positive)
        out = self.expr(terms[0])
        for term in terms[1:]:
            text = self.expr(term)
            if text.startswith(self.minus):
                out += f" {self.minus} {text[len(self.minus):]}"
            else:
                out += f" + {text}"
        return out

    def mul(self, e: sympy.Expr) -> str:
        """A product, with negative powers written as a fraction."""
        coefficient, rest = e.as_coeff_Mul()
        numerator, denominator = [], []
        factors = sympy.Mul.make_args(rest) if rest is not sympy.S.One else ()
        for factor in factors:
            if factor.is_Pow and factor.args[1].is_Rational and factor.args[1].p < 0:
                denominator.append((factor.args[0], -factor.args[1]))
            else:
                numerator.append(factor)
        if coefficient.is_Float:
            negative = bool(coefficient < 0)
            p_text, q = _float_text(abs(coefficient)), 1
            unit = p_text == "1"
        else:
            negative = coefficient.p < 0
            p_text, q = str(abs(int(coefficient.p))), int(coefficient.q)
            unit = p_text == "1"
        sign = self.minus if negative else ""
        top = self.product([self.factor(f) for f in numerator], None if unit else p_text)
        parts = [self.raised(base, exponent) for base, exponent in denominator]
        if q != 1:
            parts.insert(0, str(q))
        if not parts:
            return sign + top
        bottom = self.product(parts, None)
        if len(parts) > 1:
            bottom = f"({bottom})"
        return f"{sign}{top}/{bottom}"

    def product(self, parts: list[str], coefficient: str | None) -> str:
        """Factors joined: `3x²·sin(x)` for people, `3*x**2*sin(x)` for machines."""
        if coefficient is not None or not parts:
            parts = [coefficient or "1", *parts]
        if not self.pretty:
            return "*".join(parts)
        dot = "·" if self.unicode else "*"
        out = parts[0]
        for previous, part in pairwise(parts):
            # 3x², 2√x and 2π after a number; a dot everywhere else
            glue = "" if previous.isdigit() and (
                (self.unicode and (part[0].isalpha() or part[0] in "√∛∜"))
                or _ASCII_LETTER_TERM.fullmatch(part)) else dot
            out += glue + part
        return out

    def factor(self, e: sympy.Expr) -> str:
        """One factor of a product, bracketed where it needs to be."""
        text = self.expr(e)
        if e.is_Add or e.is_Mul or (e.is_Number and _below_zero(e)) or (
                e.is_Rational and not e.is_Integer):
            return f"({text})"
        return text

    def power(self, e: sympy.Expr) -> str:
        """base^exponent; a negative exponent as 1/…."""
        base, exponent = e.args
        if exponent.is_Rational and exponent.p < 0:
            return f"1/{self.raised(base, -exponent)}"
        return self.raised(base, exponent)

    def raised(self, base: sympy.Expr, exponent: sympy.Expr) -> str:
        """base^exponent as a factor (bracketed if it needs to be), for a positive exponent."""
        if exponent is sympy.S.One:
            return self.factor(base)
        if exponent is sympy.S.Half:
            if not self.pretty:
                return f"sqrt({self.expr(base)})"
            if not self.unicode:
                return f"sqrt({self.expr(base)})"
            return "√" + self.root_argument(base)
        if self.unicode and exponent.is_Rational and exponent.p == 1 and exponent.q in (3, 4):
            return ("∛" if exponent.q == 3 else "∜") + self.root_argument(base)
        if base is sympy.E and self.pretty:
            return "e" + self.exponent(exponent)
        if (self.unicode and isinstance(base, sympy.Function) and exponent.is_Integer
                and exponent.p > 0 and type(base).__name__ in _SQUARED_NAMES):
            name = self.function_name(type(base).__name__)
            arguments = ", ".join(self.expr(a) for a in base.args)
            return f"{name}{self.exponent(exponent)}({arguments})"
        base_text = self.expr(base)
        if not (base.is_Symbol or (base.is_Integer and base.p > 0)
                or (isinstance(base, sympy.Function) and not isinstance(base, sympy.exp))):
            base_text = f"({base_text})"
        return base_text + self.exponent(exponent)

    def root_argument(self, base: sympy.Expr) -> str:
        """What follows √: a symbol or a number as is, anything else in brackets."""
        text = self.expr(base)
        simple = base.is_Symbol or (base.is_Integer and base.p >= 0)
        return text if simple else f"({text})"

    # --- collections -------------------------------------------------------------------------

    def matrix_line(self, rows: Sequence[Sequence[object]]) -> str:
        """A matrix on one line: `[[1, 2], [3, 4]]`."""
        return "[" + ", ".join("[" + ", ".join(self(v) for v in row) + "]" for row in rows) + "]"

    def vector_line(self, values: Sequence[object]) -> str:
        """A vector on one line: `[1, 2, 3]`."""
        return "[" + ", ".join(self(v) for v in values) + "]"


plain = Printer(Style.PLAIN)
readable = Printer(Style.UNICODE)
ascii_readable = Printer(Style.ASCII)
_PRINTERS = {Style.PLAIN: plain, Style.UNICODE: readable, Style.ASCII: ascii_readable}


def printer(style: Style | str | bool) -> Printer:
    """The printer of a style; `True`/`False` mean Unicode/ASCII (the app's `unicode` flag)."""
    if isinstance(style, bool):
        return readable if style else ascii_readable
    return _PRINTERS[Style(style)]


def tidy(expr: sympy.Expr) -> sympy.Expr:
    """The form a teacher writes an answer in: one fraction over a common denominator, common
    factors taken out (`5(1 − 4x³)/(2√x(4x³ + 5)²)`), or `expr` itself where that is no shorter.
    A few milliseconds: for showing an answer, not for generating problems."""
    if not isinstance(expr, sympy.Expr) or not expr.free_symbols:
        return expr
    try:
        tidied = sympy.factor_terms(sympy.together(expr))
    except (TypeError, ValueError, RecursionError, sympy.PolynomialError):
        return expr
    return tidied if sympy.count_ops(tidied) <= sympy.count_ops(expr) else expr


def write(expr: object, style: Style | str | bool = Style.UNICODE) -> str:
    """`expr` written in `style` (see `Style`); never raises."""
    return printer(style)(expr)


def matrix_lines(rows: Sequence[Sequence[object]], style: Style | str | bool = Style.UNICODE
                 ) -> str:
    """A matrix as a teacher writes it, columns aligned, over several lines:

        ⎡1  −2⎤
        ⎣3   4⎦

    In `PLAIN` style, one line of sympy syntax.
    """
    write_one = printer(style)
    if write_one.style is Style.PLAIN:
        return write_one.matrix_line(rows)
    cells = [[write_one(v) for v in row] for row in rows]
    if not cells or not cells[0]:
        return "[]"
    widths = [max(len(row[c]) for row in cells) for c in range(len(cells[0]))]
    lines = ["  ".join(cell.rjust(widths[c]) for c, cell in enumerate(row)) for row in cells]
    if not write_one.unicode or len(lines) == 1:
        return "\n".join(f"[{line}]" for line in lines)
    out = []
    for index, line in enumerate(lines):
        left, right = ("⎡", "⎤") if index == 0 else (
            ("⎣", "⎦") if index == len(lines) - 1 else ("⎢", "⎥"))
        out.append(f"{left}{line}{right}")
    return "\n".join(out)
