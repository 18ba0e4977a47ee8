"""How often a verdict names the slip a learner actually made.

Classic derivative slips are built here from each problem's `data["function"]` alone —
independently of the generators' own misconception lists — then graded against the problem. A
verdict names a slip aptly when it is marked wrong and its misconception id and message speak of
that slip. Reported per slip kind over generated derivative problems; the goal is ≥ 90% for every
kind.

    python benchmarks/bench_slips.py [--problems N] [--json]
"""

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator

import sympy

from quizapp.answers import read_answer
from quizapp.bank import default_bank
from quizapp.bank.problems import choose_families, generate_problems
from quizapp.grading import grade as grade_against

x = sympy.Symbol("x")
u_ = sympy.Dummy("u")


def _function(problem) -> sympy.Expr:
    return read_answer(problem.data["function"], "expression", ("x",)).values[0].expr


def _composites(expr: sympy.Expr) -> Iterator[sympy.Expr]:
    """Function applications and powers whose inside is not just x: where a chain rule applies."""
    for node in sympy.preorder_traversal(expr):
        function = isinstance(node, sympy.Function) and node.args and node.args[0] != x \
            and node.args[0].has(x)
        power = node.is_Pow and node.base.is_Add and node.base.has(x) and not node.exp.has(x)
        if function or power:
            yield node


def _outer_only(node: sympy.Expr) -> sympy.Expr:
    """The derivative of a composite with its inner derivative left out: f′(g), not f′(g)·g′."""
    if node.is_Pow:
        return node.exp * node.base ** (node.exp - 1)
    t = sympy.Dummy("t")
    return sympy.diff(node.func(t), t).subs(t, node.args[0])


def inner_dropped(f: sympy.Expr) -> list[sympy.Expr]:
    """One inner derivative dropped, at each composite in turn (inside products and quotients
    too): d/dx of f with that composite's derivative taken as f′(g)."""
    slips = []
    for node in _composites(f):
        with_u = f.subs(node, u_)
        if with_u.has(node):
            continue
        slip = sympy.diff(with_u, x) + sympy.diff(with_u, u_) * _outer_only(node)
        slips.append(slip.subs(u_, node))
    return slips


def _two_factors(f: sympy.Expr) -> tuple[sympy.Expr, sympy.Expr] | None:
    """f = u·v with both factors depending on x (constants kept with u), else None."""
    if not f.is_Mul:
        return None
    depends = [a for a in f.args if a.has(x)]
    constant = sympy.Mul(*[a for a in f.args if not a.has(x)])
    if len(depends) != 2 or any(a.is_Pow and a.exp.is_negative for a in depends):
        return None
    return constant * depends[0], depends[1]


def _quotient(f: sympy.Expr) -> tuple[sympy.Expr, sympy.Expr] | None:
    """f = u/v with v depending on x, else None."""
    numerator, denominator = sympy.fraction(f)  # a written quotient, not a sum brought together
    if not denominator.has(x) or not numerator.has(x):
        return None
    return numerator, denominator


def product_slips(f: sympy.Expr) -> list[sympy.Expr]:
    """u′v′ for a product u·v."""
    parts = _two_factors(f)
    if parts is None:
        return []
    u, v = parts
    return [sympy.diff(u, x) * sympy.diff(v, x)]


def quotient_slips(f: sympy.Expr) -> list[sympy.Expr]:
    """The quotient rule misremembered: a plus, the order swapped, no square, u′/v′."""
    parts = _quotient(f)
    if parts is None:
        return []
    u, v = parts
    du, dv = sympy.diff(u, x), sympy.diff(v, x)
    return [(du * v + u * dv) / v**2, (u * dv - du * v) / v**2, (du * v - u * dv) / v, du / dv]


def exponent_not_lowered(f: sympy.Expr) -> list[sympy.Expr]:
    """d/dx xⁿ taken as n·xⁿ for every power of x."""
    powers = [node for node in sympy.preorder_traversal(f)
              if node.is_Pow and node.base == x and node.exp.is_Number]
    if not powers:
        return []
    stand_ins = {power: sympy.Dummy() for power in set(powers)}
    with_u = f.subs(stand_ins)
    slip = sympy.diff(with_u, x) + sum(
        sympy.diff(with_u, u) * power.exp * power for power, u in stand_ins.items())
    return [slip.subs({u: power for power, u in stand_ins.items()})]


def ln_base_dropped(f: sympy.Expr) -> list[sympy.Expr]:
    """d/dx aᵍ taken as aᵍ·g′, without ln a."""
    slips = []
    for node in sympy.preorder_traversal(f):
        if node.is_Pow and node.base.is_Number and node.base != sympy.E and node.exp.has(x):
            with_u = f.subs(node, u_)
            slip = sympy.diff(with_u, x) + sympy.diff(with_u, u_) * node * sympy.diff(node.exp, x)
            slips.append(slip.subs(u_, node))
    return slips


SLIPS: dict[str, Callable[[sympy.Expr], list[sympy.Expr]]] = {
    "inner derivative dropped": inner_dropped,
    "u′v′ for a product": product_slips,
    "quotient rule misremembered": quotient_slips,
    "exponent not lowered": exponent_not_lowered,
    "ln a dropped from aˣ": ln_base_dropped,
}
# words an apt verdict uses for each slip (in its misconception id or its message)
APT: dict[str, tuple[str, ...]] = {
    "inner derivative dropped": ("inner", "inside", "still multiplies the derivative"),
    "u′v′ for a product": ("u′v′", "u′·v′", "derivatives-multiplied", "product-of-derivatives"),
    "quotient rule misremembered": ("quotient",),
    "exponent not lowered": ("exponent", "lower"),
    "ln a dropped from aˣ": ("ln ", "ln(", "log"),
}


def _is_apt(kind: str, verdict) -> bool:
    if verdict.correct or verdict.misconception is None:
        return False
    said = f"{verdict.misconception} {verdict.feedback}".lower()
    return any(word.lower() in said for word in APT[kind])


def measure(count: int) -> dict[str, dict[str, float]]:
    """Per slip kind: how many slips were built, and the share named aptly."""
    bank = default_bank()
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: dict[str, list[str]] = defaultdict(list)
    problems = [p for d in (1, 2, 3) for p in generate_problems(
        bank, choose_families(bank, "derivatives", None, d), count // 3, seed=11)]
    for problem in problems:
        if problem.answer_kind != "expression" or "function" not in problem.data:
            continue  # softmax problems of the topic have vectors for answers
        f = _function(problem)
        key = read_answer(problem.answer, "expression", ("x",)).values[0].expr
        for kind, build in SLIPS.items():
            for slip in build(f):
                if sympy.simplify(slip - key) == 0:
                    continue  # the slip happens to give the right answer here
                verdict = grade_against(problem, sympy.sstr(slip))
                tally[kind][0] += 1
                if _is_apt(kind, verdict):
                    tally[kind][1] += 1
                elif len(misses[kind]) < 3:
                    misses[kind].append(f"{problem.id}: {sympy.sstr(slip)} → {verdict.feedback}")
    return {kind: {"slips": built, "apt": apt / built if built else 0.0,
                   "examples_missed": misses[kind]}
            for kind, (built, apt) in tally.items()}


def main() -> None:
    """Print the share of slips named aptly, per kind."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.problems)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        return
    print(f"slip naming over {args.problems} derivative problems (goal ≥ 90% per kind)")
    for kind, row in result.items():
        print(f"  {kind:30} {row['slips']:5} slips  {row['apt']:6.1%} named aptly")
        for example in row["examples_missed"]:
            print(f"      missed: {example[:150]}")


if __name__ == "__main__":
    main()
