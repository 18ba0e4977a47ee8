"""A small differentiator for the expressions the multivariable generators build, and
function application without sympy's evaluation.

sympy's `diff` asks its assumption system about every node (~3 ms for a small f(x, y)), and
building cos(u) evaluates it (~1.5–5 ms: sign and period checks); the rules for sums, products,
integer powers and a few functions are all our problems use, and applying them directly with
unevaluated functions is ~50 times faster. The bank's self-test checks every key against
sympy's own `diff`.
"""

import sympy

from quizapp.answers.functions import sigmoid

_ZERO, _ONE = sympy.Integer(0), sympy.Integer(1)


def d(e: sympy.Expr, v: sympy.Symbol) -> sympy.Expr:
    """∂e/∂v (falls back to sympy's diff for node types it does not know)."""
    if e.is_Number or e.is_NumberSymbol:
        return _ZERO
    if e.is_Symbol:
        return _ONE if e == v else _ZERO
    if not e.has(v):
        return _ZERO
    if e.is_Add:
        return sympy.Add(*(d(a, v) for a in e.args))
    if e.is_Mul:
        terms = []
        for index, factor in enumerate(e.args):
            inner = d(factor, v)
            if inner is not _ZERO and inner != 0:
                terms.append(sympy.Mul(*e.args[:index], inner, *e.args[index + 1:]))
        return sympy.Add(*terms)
    if e.is_Pow:
        base, exponent = e.args
        if not exponent.has(v):
            return exponent * base ** (exponent - 1) * d(base, v)
    if len(e.args) == 1:
        u = e.args[0]
        outer = _OUTER.get(type(e))
        if outer is not None:
            return outer(u) * d(u, v)
    return sympy.diff(e, v)


def apply(function: type, u: sympy.Expr) -> sympy.Expr:
    """function(u) without sympy's evaluation (exp(0) and log(1) still fold)."""
    if u.is_Number and function in (sympy.exp, sympy.log) and u in (0, 1):
        return function(u)
    return function(u, evaluate=False)


def substitute(e: sympy.Expr, values: dict) -> sympy.Expr:
    """e with symbols replaced by numbers; functions stay unevaluated (cos(3), not a float)."""
    if e.is_Symbol:
        return values.get(e, e)
    if not e.args:
        return e
    args = [substitute(a, values) for a in e.args]
    if e.is_Add:
        return sympy.Add(*args)
    if e.is_Mul:
        return sympy.Mul(*args)
    if e.is_Pow:
        return sympy.Pow(*args)
    if len(args) == 1 and type(e) in _OUTER:
        return apply(type(e), args[0])
    return e.func(*args)


_OUTER = {
    sympy.exp: lambda u: apply(sympy.exp, u),
    sympy.sin: lambda u: apply(sympy.cos, u),
    sympy.cos: lambda u: -apply(sympy.sin, u),
    sympy.log: lambda u: 1 / u,
    sympy.tanh: lambda u: 1 - apply(sympy.tanh, u) ** 2,
    sigmoid: lambda u: sigmoid(u) * (1 - sigmoid(u)),
}
