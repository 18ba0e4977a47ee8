"""Diagonalisation: D in A = P·D·P⁻¹ (eigenvalues largest first), and Aᵏ computed as P·Dᵏ·P⁻¹."""

import random
from typing import Literal

from quizapp.generators.common import IntRange, Params, prune
from quizapp.generators.eigenvectors import conjugate
from quizapp.generators.exact import Rows, determinant, multiply, plain_matrix, say, show
from quizapp.generators.model import Draft, Retry, WrongAnswer


class DiagonalParams(Params):
    """Size, eigenvalue range, P's mixing range, A's largest entry; `powers` asks for Aᵏ."""

    size: Literal[2, 3] = 2
    eigenvalues: IntRange = (-4, 5)
    mixing: IntRange = (-2, 2)
    max_entry: int = 9
    powers: IntRange | None = None


def _diagonal(values: list[int]) -> Rows:
    n = len(values)
    return [[values[i] if i == j else 0 for j in range(n)] for i in range(n)]


def _power(a: Rows, k: int) -> Rows:
    result = [[int(i == j) for j in range(len(a))] for i in range(len(a))]
    for _ in range(k):
        result = multiply(result, a)
    return result


def diagonalization(params: DiagonalParams, rng: random.Random) -> Draft:
    """D = diag(eigenvalues, largest first), or Aᵏ = P·Dᵏ·P⁻¹ with P and D given."""
    n = params.size
    a, p, p_inverse, values = conjugate(rng, n, params.eigenvalues, params.mixing,
                                        params.max_entry)
    if params.powers is None:
        ordered = sorted(values, reverse=True)
        key = _diagonal(ordered)
        trace = sum(values)
        candidates = [
            ("diag-order", _diagonal(ordered[::-1]),
             "Right eigenvalues — but put them largest first, as asked."),
            ("diag-diagonal-of-a", _diagonal([a[i][i] for i in range(n)]),
             "The diagonal of A is not D: D holds the eigenvalues, the roots of "
             "det(A − λI) = 0."),
            ("diag-signs-flipped", _diagonal(sorted((-v for v in values), reverse=True)),
             "Signs flipped: a factor (λ − 3) of det(A − λI) gives the eigenvalue 3."),
            ("diag-trace-det", _diagonal([trace, _det(a)] + [0] * (n - 2)) if n == 2 else None,
             "Those are the trace and the determinant; D holds the eigenvalues, whose sum and "
             "product they are."),
        ]
        kept = prune(key, candidates, lambda x, y: x == y)
        return Draft(
            prompt=(f"Diagonalise\nA =\n{show(a)}\nas A = P·D·P⁻¹: give the diagonal matrix D, "
                    "with the eigenvalues largest first."),
            answer_kind="matrix", answer=plain_matrix(key), data={"matrix": a},
            hints=("D holds the eigenvalues of A on its diagonal, zeros elsewhere.",
                   f"The eigenvalues add up to the trace, {say(trace)}, and multiply to "
                   f"det A = {say(_det(a))}."),
            solution=(f"The eigenvalues of A are {', '.join(say(v) for v in ordered)} (their "
                      f"eigenvectors are the columns of P =\n{show(_reorder(p, values, ordered))}"
                      ").", f"D =\n{show(key)}"),
            misconceptions=tuple(WrongAnswer(i, plain_matrix(w), m) for i, w, m in kept))
    k = rng.randint(*params.powers)
    d = _diagonal(values)
    key = _power(a, k)
    dk = _diagonal([v ** k for v in values])
    if max(abs(v) for row in key for v in row) > 999:
        raise Retry
    candidates = [
        ("diag-power-order-swapped", multiply(multiply(p_inverse, dk), p),
         "Aᵏ = P·Dᵏ·P⁻¹ — in that order; P⁻¹·Dᵏ·P is a different matrix."),
        ("diag-power-entrywise", [[v ** k for v in row] for row in a],
         "Powers of a matrix are not powers of its entries: only a diagonal matrix is raised "
         "entry by entry, so use Aᵏ = P·Dᵏ·P⁻¹."),
        ("diag-power-times-k", [[k * v for v in row] for row in a],
         f"Aᵏ multiplies A by itself {k} times: raise the eigenvalues to the power, Dᵏ, do not "
         "multiply them by k."),
        ("diag-power-no-conjugation", dk, "That is Dᵏ; Aᵏ = P·Dᵏ·P⁻¹ brings it back to A's "
                                          "basis."),
    ]
    kept = prune(key, candidates, lambda x, y: x == y)
    return Draft(
        prompt=(f"A = P·D·P⁻¹ with\nP =\n{show(p)}\nD =\n{show(d)}\nP⁻¹ =\n{show(p_inverse)}\n"
                f"so A =\n{show(a)}\nCompute A^{k} using the diagonalisation."
                ).replace(f"A^{k}", "A" + _superscript(k)),
        answer_kind="matrix", answer=plain_matrix(key), data={"matrix": a, "power": k},
        hints=("Aᵏ = P·Dᵏ·P⁻¹: the P⁻¹·P in between cancel.",
               f"Dᵏ raises each diagonal entry to the power {k}: "
               f"D{_superscript(k)} = diag({', '.join(say(v ** k) for v in values)})."),
        solution=(f"D{_superscript(k)} =\n{show(dk)}",
                  f"P·D{_superscript(k)} =\n{show(multiply(p, dk))}",
                  f"A{_superscript(k)} = P·D{_superscript(k)}·P⁻¹ =\n{show(key)}"),
        misconceptions=tuple(WrongAnswer(i, plain_matrix(w), m) for i, w, m in kept))


def _det(a: Rows) -> int:
    return int(determinant(a))


def _reorder(p: Rows, values: list[int], ordered: list[int]) -> Rows:
    """P's columns in the order of `ordered` eigenvalues."""
    columns = [list(c) for c in zip(*p, strict=True)]
    by_value = dict(zip(values, columns, strict=True))
    return [list(r) for r in zip(*(by_value[v] for v in ordered), strict=True)]


def _superscript(k: int) -> str:
    return str(k).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
