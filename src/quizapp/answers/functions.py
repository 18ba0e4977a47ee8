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
# splitting the argument into real and imaginary parts; nested (sech(sech(sech(x))), or
# sin(sech(sech(x)))) that split grows exponentially and took seconds to minutes. These
# versions decide from the argument's own properties only, which is linear in the nesting;
# values, printing and evaluation are sympy's.
class sinh(sympy.sinh):
    """sinh, with assumptions decided from its argument alone."""

    def _eval_is_real(self) -> bool | None:
        return True if self.args[0].is_real else None


class cosh(sympy.cosh):
    """cosh, with assumptions decided from its argument alone."""

    def _eval_is_real(self) -> bool | None:
        return True if self.args[0].is_real or self.args[0].is_imaginary else None

    def _eval_is_positive(self) -> bool | None:
        return True if self.args[0].is_extended_real else None

    def _eval_is_nonnegative(self) -> bool | None:
        return True if self.args[0].is_extended_real else None


class tanh(sympy.tanh):
    """tanh, with assumptions decided from its argument alone."""

    def _eval_is_real(self) -> bool | None:
        return True if self.args[0].is_real else None

    def _eval_is_finite(self) -> bool | None:
        return True if self.args[0].is_extended_real else None


class sech(sympy.sech):
    """sech = 1/cosh, with our cosh."""

    _reciprocal_of = cosh


class csch(sympy.csch):
    """csch = 1/sinh, with our sinh."""

    _reciprocal_of = sinh
