"""Functions of machine learning that sympy lacks, as sympy functions that stay readable."""

import sympy


class sigmoid(sympy.Function):
    """The logistic function σ(x) = 1 / (1 + e^(−x))."""

    @classmethod
    def eval(cls, arg: sympy.Expr) -> sympy.Expr | None:
        """σ(0) = 1/2; everything else stays as σ(arg)."""
        if arg.is_zero:
            return sympy.S.Half
        return None

    def fdiff(self, argindex: int = 1) -> sympy.Expr:
        """σ′(x) = σ(x)·(1 − σ(x))."""
        value = sigmoid(self.args[0])
        return value * (1 - value)

    def _eval_rewrite_as_exp(self, arg: sympy.Expr, **kwargs: object) -> sympy.Expr:
        return 1 / (1 + sympy.exp(-arg))


# sympy decides whether sinh, cosh and tanh of an argument are real, positive or finite by
# splitting the argument into real and imaginary parts (`as_real_imag`). Nested, that split
# grows exponentially and expands powers: tanh twelve deep, or sinh(sec(sinh((i x)^999))), ran
# for minutes. sympy builds these functions itself too (sec(i·y) is sech(y)), so the handlers
# are replaced on sympy's own classes: each decides from its argument's properties alone, which
# costs time linear in the nesting. Only "unknown" answers can differ (for arguments such as
# x + iπ); values, printing and evaluation are unchanged.
def _real_if_argument_real(self: sympy.Function) -> bool | None:
    return True if self.args[0].is_real else None


def _true_if_argument_extended_real(self: sympy.Function) -> bool | None:
    return True if self.args[0].is_extended_real else None


def _cosh_is_real(self: sympy.Function) -> bool | None:
    return True if self.args[0].is_real or self.args[0].is_imaginary else None


def _replace(cls: type, fact: str, handler: object) -> None:
    setattr(cls, f"_eval_is_{fact}", handler)
    cls._prop_handler[fact] = handler  # type: ignore[attr-defined]  # sympy's cached handlers


_replace(sympy.sinh, "real", _real_if_argument_real)
_replace(sympy.tanh, "real", _real_if_argument_real)
_replace(sympy.tanh, "finite", _true_if_argument_extended_real)
_replace(sympy.cosh, "real", _cosh_is_real)
_replace(sympy.cosh, "positive", _true_if_argument_extended_real)
_replace(sympy.cosh, "nonnegative", _true_if_argument_extended_real)


# Splitting a power p^n of a non-number into real and imaginary parts expands (a + ib)^n as a
# polynomial in two unknowns: for n near 1000 that runs for hours, and sympy does it on its own
# (re(), √(1/csc(u^999))). Above this exponent the parts stay unexpanded, re(p^n) and im(p^n).
_MAX_EXPANDED_EXPONENT = 24
_pow_as_real_imag = sympy.Pow.as_real_imag


def _bounded_as_real_imag(self: sympy.Pow, deep: bool = True, **hints: object) -> object:
    exponent = self.exp
    if exponent.is_Integer and abs(int(exponent)) > _MAX_EXPANDED_EXPONENT \
            and not self.base.is_number:
        return sympy.Expr.as_real_imag(self, deep, **hints)
    return _pow_as_real_imag(self, deep, **hints)


sympy.Pow.as_real_imag = _bounded_as_real_imag
