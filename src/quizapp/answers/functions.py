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
