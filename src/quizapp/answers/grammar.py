"""A recursive-descent parser from tokens to a sympy expression, with learner conventions.

Precedence, loosest first: + − ± · × / and implicit products (left to right, so `1/2x` is
x/2) · unary signs · powers (right-assoc, `-x^2` is −(x²)) · function application. A function
without brackets takes a short argument: `sin x`, `sin 2x`, `ln x^2`. Readings that a learner
could mean two ways are recorded as notes, so the preview can point them out.
"""

from collections.abc import Callable

import sympy

from quizapp.answers import build, limits
from quizapp.answers.errors import AnswerError
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
    Decimal,
    Token,
)
from quizapp.mathtext import write

PLUS_MINUS = sympy.Dummy("pm")  # stands for ±1 until a multiset is expanded
_OPERAND_START = {NUM, VAR, CONST, FUNC, OPEN, ROOT, BAR}
_ROOT_SIGNS = {"√": ("sqrt", "√"), "∛": ("cbrt", "∛"), "∜": ("root4", "∜")}
_CONDITIONS = {"sqrt": "nonnegative", "root4": "nonnegative", "log": "positive",
               "log10": "positive", "log2": "positive", "asin": "unit", "acos": "unit"}


class ExpressionParser:
    """Parse one expression from a token list (no top-level commas)."""

    def __init__(self, tokens: list[Token], text: str, plus_minus: bool = False) -> None:
        self.tokens = [t for t in tokens if t.kind != NEWLINE]
        self.text = text
        self.plus_minus = plus_minus
        self.pos = 0
        self.depth = 0
        self.bars = 0
        self.plus_minus_count = 0
        self.decimals: list[Decimal] = []
        # Where the answer is defined on the real line, recorded before sympy can simplify it
        # away: `(√x)²` becomes x, but it is undefined for x < 0.
        self.conditions: list[tuple[str, sympy.Expr]] = []
        self.notes: list[str] = []
        self._ambiguous = False

    # ----- helpers -----
    def peek(self, offset: int = 0) -> Token | None:
        index = self.pos + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def advance(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def is_op(self, token: Token | None, *ops: str) -> bool:
        return token is not None and token.kind == OP and token.text in ops

    def nested(self, parse: Callable[[], sympy.Expr]) -> sympy.Expr:
        self.depth += 1
        if self.depth > limits.MAX_DEPTH:
            raise AnswerError("Too deeply nested — simplify the answer")
        try:
            return parse()
        finally:
            self.depth -= 1

    def starts_operand(self, token: Token | None) -> bool:
        if token is None or token.kind not in _OPERAND_START:
            return False
        if token.kind == BAR:
            return self.bars == 0  # inside |…| a bar closes
        return True

    # ----- grammar -----
    def parse(self) -> sympy.Expr:
        """Parse all tokens as one expression."""
        if not self.tokens:
            raise AnswerError("Type an answer")
        expr = self.sum()
        if self.pos < len(self.tokens):
            raise AnswerError(self.unexpected(self.tokens[self.pos]))
        return expr

    def sum(self) -> sympy.Expr:
        left = self.product()
        while self.is_op(self.peek(), "+", "-", "±"):
            op = self.advance().text
            right = self.product()
            if op == "+":
                left = build.add(left, right)
            elif op == "-":
                left = build.add(left, build.multiply(sympy.Integer(-1), right))
            else:
                left = build.add(left, self.plus_minus_of(right))
        return left

    def plus_minus_of(self, value: sympy.Expr) -> sympy.Expr:
        if not self.plus_minus:
            raise AnswerError("± is only for lists of values, such as eigenvalues")
        self.plus_minus_count += 1
        if self.plus_minus_count > limits.MAX_PLUS_MINUS:
            raise AnswerError(f"At most {limits.MAX_PLUS_MINUS} ± signs in one value")
        return build.multiply(PLUS_MINUS, value)

    def product(self) -> sympy.Expr:
        start = self.peek()
        outer_ambiguous, self._ambiguous = self._ambiguous, False
        left = self.unary()
        while True:
            token = self.peek()
            if self.is_op(token, "*"):
                self.advance()
                left = build.multiply(left, self.unary())
            elif self.is_op(token, "/"):
                self.advance()
                left = build.divide(left, self.unary())
                follower = self.peek()
                if self.starts_operand(follower) and follower is not None and not follower.spaced:
                    self._ambiguous = True  # 1/2x
            elif self.starts_operand(token):
                assert token is not None
                if token.kind == OPEN and token.text == "[" and not token.spaced:
                    raise AnswerError(f"'{self.tokens[self.pos - 1].text}[' looks like indexing"
                                      " — use * and ( ) to multiply")
                if token.kind == NUM and self.tokens[self.pos - 1].kind == NUM:
                    raise AnswerError("Two numbers side by side — is an operator missing?")
                left = build.multiply(left, self.power())
            else:
                break
        if self._ambiguous and start is not None:
            end = self.tokens[self.pos - 1]
            written = self.text[start.pos:end.pos + len(end.text)].strip()
            self.notes.append(f"'{written}' is read as {write(left)}"
                              " — use brackets if you meant something else")
        self._ambiguous = outer_ambiguous
        return left

    def unary(self) -> sympy.Expr:
        token = self.peek()
        if self.is_op(token, "-"):
            self.advance()
            return self.nested(lambda: build.multiply(sympy.Integer(-1), self.unary()))
        if self.is_op(token, "+"):
            self.advance()
            return self.nested(self.unary)
        if self.is_op(token, "±"):
            self.advance()
            return self.nested(lambda: self.plus_minus_of(self.unary()))
        return self.power()

    def power(self) -> sympy.Expr:
        base_start = self.peek()
        base = self.atom()
        if not self.is_op(self.peek(), "^"):
            return base
        caret = self.advance()
        exponent_start = self.peek()
        exponent = self.nested(self.unary)
        follower = self.peek()
        if (exponent_start is not None and exponent_start.kind != OPEN
                and self.starts_operand(follower) and follower is not None
                and not follower.spaced):
            if follower.kind == OPEN and exponent_start.kind in (VAR, CONST) \
                    and self.tokens[self.pos - 1] is exponent_start:
                self._ambiguous = True  # x^x(1+ln x): read as a product, with a note
            else:
                assert base_start is not None  # e^2x, 2^3x, x^2y: no reading is safe
                raise AnswerError(self.ambiguous_power(base_start, caret, exponent_start))
        if exponent.is_Rational and exponent.q % 2 == 0:
            self.conditions.append(("nonnegative", base))
        return build.power(base, exponent)

    def ambiguous_power(self, base: Token, caret: Token, exponent: Token) -> str:
        """Both readings of `e^2x`, `2^3x`, `x^2y`: the learner must choose with brackets."""
        follower = self.tokens[self.pos]
        end = self.tokens[self.pos - 1]
        try:
            self.power()  # the factor after the exponent, for quoting it whole
            end = self.tokens[self.pos - 1]
        except (AnswerError, IndexError):
            end = follower
        base_text = self.text[base.pos:caret.pos].strip()
        exponent_text = self.text[exponent.pos:follower.pos].strip()
        rest = self.text[follower.pos:end.pos + len(end.text)].strip()
        return (f"'{base_text}^{exponent_text}{rest}' is unclear: {base_text}^({exponent_text}"
                f"{rest}) or {base_text}^{exponent_text}·{rest}? Add brackets")

    def atom(self) -> sympy.Expr:
        token = self.peek()
        if token is None:
            previous = self.tokens[self.pos - 1].text if self.pos else ""
            raise AnswerError(f"The answer ends too early — something is missing after "
                              f"'{previous}'")
        if token.kind == NUM:
            self.advance()
            if token.decimal is not None:
                self.decimals.append(token.decimal)
            assert token.number is not None
            return build.number(token.number)
        if token.kind == VAR:
            self.advance()
            return sympy.Symbol(token.text)
        if token.kind == CONST:
            self.advance()
            return build.CONSTANTS[token.text]
        if token.kind in (FUNC, ROOT):
            return self.nested(self.function)
        if token.kind == OPEN:
            return self.nested(self.bracketed)
        if token.kind == BAR:
            return self.nested(self.absolute)
        raise AnswerError(self.unexpected(token))

    def bracketed(self) -> sympy.Expr:
        opener = self.advance()  # ( [ or { — LaTeX habits like e^{2x} group too
        saved_bars, self.bars = self.bars, 0
        inner = self.sum()
        self.bars = saved_bars
        self.expect_close(opener)
        return inner

    def expect_close(self, opener: Token) -> None:
        token = self.peek()
        if token is None:
            raise AnswerError(f"Check your brackets — a '{opener.text}' is never closed")
        if token.kind == COMMA:
            raise AnswerError("A comma inside brackets — this answer is a single value, not a list")
        if token.kind != CLOSE or token.text != CLOSER[opener.text]:
            raise AnswerError(f"Check your brackets — '{opener.text}' is closed by "
                              f"'{token.text}'" if token.kind == CLOSE else self.unexpected(token))
        self.advance()

    def absolute(self) -> sympy.Expr:
        self.advance()
        self.bars += 1
        inner = self.sum()
        self.bars -= 1
        token = self.peek()
        if token is None or token.kind != BAR:
            raise AnswerError("Check your bars — an opening '|' is never closed")
        self.advance()
        return build.apply("abs", [inner])

    def function(self) -> sympy.Expr:
        token = self.advance()
        if token.kind == ROOT:
            name, shown = _ROOT_SIGNS[token.text]
        else:
            name, shown = token.text, "ln" if token.text == "log" else token.text
        raised: sympy.Expr | None = None
        if self.is_op(self.peek(), "^") and token.kind == FUNC:  # sin^2 x
            self.advance()
            raised = self.nested(self.unary)
            if raised.is_negative:
                raise AnswerError(f"'{shown}^{raised}' is unclear — type a{shown}(x) for the "
                                  f"inverse, or 1/{shown}(x)" if shown in ("sin", "cos", "tan")
                                  else f"'{shown}^{raised}' is unclear — use brackets")
        following = self.peek()
        if following is not None and following.kind == OPEN and following.text == "(":
            opener = self.advance()
            saved_bars, self.bars = self.bars, 0
            args = [self.sum()]
            while (comma := self.peek()) is not None and comma.kind == COMMA:
                self.advance()
                args.append(self.sum())
            self.bars = saved_bars
            self.expect_close(opener)
        elif following is not None and following.kind == BAR:  # ln|x|
            args = [self.nested(self.absolute)]
        elif following is not None and following.kind in (NUM, VAR, CONST, OPEN, ROOT, FUNC):
            args = [self.short_argument(shown)]
        else:
            raise AnswerError(f"'{shown}' needs an argument, e.g. {shown}(x)")
        result = build.apply(name, args)
        self.conditions.extend((_CONDITIONS[name], arg) for arg in args if name in _CONDITIONS)
        return build.power(result, raised) if raised is not None else result

    def short_argument(self, shown: str) -> sympy.Expr:
        """The argument of `sin x`, `sin 2x`, `ln x^2`, `√33`: one number and/or letters."""
        first = self.peek()
        assert first is not None
        if first.kind in (OPEN, FUNC, ROOT):  # √(…), sin [x], sin sin x
            return self.power()
        argument = self.power()
        factors = 1
        while (token := self.peek()) is not None and token.kind in (VAR, CONST) \
                and not token.spaced:
            argument = build.multiply(argument, self.power())
            factors += 1
        follower = self.peek()
        if factors > 1 or (self.starts_operand(follower) and follower is not None
                           and follower.kind == FUNC):
            self._ambiguous = True  # sin 2x, sin x cos x
        return argument

    def unexpected(self, token: Token) -> str:
        if token.kind == CLOSE:
            return f"Check your brackets — a '{token.text}' has no matching opening bracket"
        if token.kind == BAR:
            return "Check your bars — a '|' has nothing to close"
        if token.kind in (COMMA, SEMI):
            return f"Unexpected '{token.text}' — this answer is a single value, not a list"
        if token.kind == OP:
            return f"Something is missing before '{token.text}'"
        return f"Unexpected '{token.text}'"
