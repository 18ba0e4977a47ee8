"""Fast printing of generated expressions: plain sympy syntax for machines, and a readable
one-line form for prompts, hints and solutions (`3x²·sin(x)`).

sympy's own printers take ~0.3–0.7 ms an expression, too slow to print the dozen expressions
of a problem hundreds of times a second; the expressions we generate use few node types.
"""

import sympy

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_FUNCTION_NAMES = {"log": "ln"}


def _has_symbol(e: sympy.Basic) -> bool:
    return e.is_Symbol or any(_has_symbol(a) for a in e.args)


def _below_zero(n: sympy.Expr) -> bool:
    """For a number: whether it is negative (rationals compared without sympy's machinery)."""
    return n.p < 0 if n.is_Rational else bool(n.is_extended_negative)


def _negative(term: sympy.Expr) -> bool:
    return (term.is_Number and _below_zero(term)) or (
        term.is_Mul and term.args[0].is_Number and _below_zero(term.args[0]))


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


class _Printer:
    def __init__(self, pretty: bool) -> None:
        self.pretty = pretty
        self._cache: dict[sympy.Expr, str] = {}  # a problem prints its parts several times

    def __call__(self, expr: sympy.Expr) -> str:
        expr = sympy.Integer(expr) if isinstance(expr, int) else expr
        text = self._cache.get(expr)
        if text is None:
            if len(self._cache) > 4096:
                self._cache.clear()
            text = self._cache[expr] = self.expr(expr)
        return text

    def expr(self, e: sympy.Expr) -> str:
        if e.is_Add:
            return self.add(e)
        if e.is_Mul or (e.is_Rational and not e.is_Integer):
            return self.mul(e)
        if e.is_Pow:
            return self.power(e)
        return self.atom(e)

    def atom(self, e: sympy.Expr) -> str:
        if e.is_Integer:
            return str(int(e))
        if e.is_Symbol:
            return e.name
        if e is sympy.pi:
            return "π" if self.pretty else "pi"
        if e is sympy.E:
            return "e" if self.pretty else "E"
        if e is sympy.I:
            return "i" if self.pretty else "I"
        if isinstance(e, sympy.Function):
            name = type(e).__name__
            if self.pretty:
                name = _FUNCTION_NAMES.get(name, name)
                if name == "exp":
                    return "e^" + self.wrapped(e.args[0], exponent=True)
                if name == "Abs":
                    return "|" + self.expr(e.args[0]) + "|"
            return f"{name}({', '.join(self.expr(a) for a in e.args)})"
        raise ValueError(f"cannot print {type(e).__name__}")

    def wrapped(self, e: sympy.Expr, exponent: bool = False) -> str:
        text = self.expr(e)
        simple = e.is_Symbol or (e.is_Integer and e.p >= 0) or (
            isinstance(e, sympy.Function) and not (self.pretty and isinstance(e, sympy.exp)))
        if exponent and self.pretty and e.is_Integer:
            return text if e.p >= 0 else f"({text})"
        return text if simple else f"({text})"

    def add(self, e: sympy.Expr) -> str:
        terms = sorted(e.args, key=_degree, reverse=True)
        if terms[-1].is_Rational and not _has_symbol(e):  # 1 + 2i, 5/2 + √33/2
            terms.insert(0, terms.pop())
        if _negative(terms[0]):  # 1 - tanh(x)², not -tanh(x)² + 1
            positive = next((t for t in terms if not _negative(t)), None)
            if positive is not None:
                terms.remove(positive)
                terms.insert(0, positive)
        out = self.expr(terms[0])
        for term in terms[1:]:
            text = self.expr(term)
            out += f" - {text[1:]}" if text.startswith("-") else f" + {text}"
        return out

    def mul(self, e: sympy.Expr) -> str:
        coefficient, rest = e.as_coeff_Mul()
        numerator, denominator = [], []
        factors = sympy.Mul.make_args(rest) if rest is not sympy.S.One else ()
        for factor in factors:
            if factor.is_Pow and factor.args[1].is_Rational and factor.args[1].p < 0:
                denominator.append((factor.args[0], -factor.args[1]))
            else:
                numerator.append(factor)
        sign = "-" if coefficient.p < 0 else ""
        p, q = abs(int(coefficient.p)), int(coefficient.q)
        top = self.product([self.factor(f) for f in numerator], p)
        parts = [self.raised(base, exponent) for base, exponent in denominator]
        if q != 1:
            parts.insert(0, str(q))
        if not parts:
            return sign + top
        bottom = self.product(parts, 1)
        if len(parts) > 1:
            bottom = f"({bottom})"
        return f"{sign}{top}/{bottom}"

    def product(self, parts: list[str], coefficient: int) -> str:
        if coefficient != 1 or not parts:
            parts.insert(0, str(coefficient))
        if not self.pretty:
            return "*".join(parts)
        out = parts[0]
        for part in parts[1:]:
            glue = "" if out[-1].isdigit() and part[0].isalpha() and len(part) <= 3 else "·"
            out += glue + part
        return out

    def factor(self, e: sympy.Expr) -> str:
        text = self.expr(e)
        return f"({text})" if e.is_Add or e.is_Mul or (e.is_Number and _below_zero(e)) else text

    def power(self, e: sympy.Expr) -> str:
        base, exponent = e.args
        if exponent.is_Rational and exponent.p < 0:
            return f"1/{self.raised(base, -exponent)}"
        return self.raised(base, exponent)

    def raised(self, base: sympy.Expr, exponent: sympy.Expr) -> str:
        """base^exponent as a factor (bracketed if it needs to be), for a positive exponent."""
        if exponent is sympy.S.One:
            return self.factor(base)
        if exponent is sympy.S.Half:
            return ("√" + self.wrapped(base)) if self.pretty else f"sqrt({self.expr(base)})"
        base_text = self.expr(base)
        if not (base.is_Symbol or (base.is_Integer and base.p > 0)
                or (isinstance(base, sympy.Function) and not isinstance(base, sympy.exp))):
            base_text = f"({base_text})"
        if self.pretty and exponent.is_Integer and exponent.p > 0:
            return base_text + str(int(exponent)).translate(_SUPERSCRIPT)
        op = "^" if self.pretty else "**"
        return base_text + op + self.wrapped(exponent, exponent=True)


plain = _Printer(pretty=False)
readable = _Printer(pretty=True)
