"""The `direction` answer kind: a non-zero vector up to a non-zero scale (eigenvectors).

`[1, -2]`, `[-2, 4]`, `[1/2, -1]` and `[0.447, -0.894]` are the same direction. The zero vector
has no direction: it is refused with a message (the learner is not penalised), never graded.
Exact answers are compared exactly (every 2×2 minor of [want | got] vanishes, at high
precision); an answer with decimals is compared with the best multiple of the key, each entry
to one unit in its last written digit, as numbers are.
"""

from collections.abc import Sequence
from dataclasses import replace

import mpmath

from quizapp.answers.equivalence import MIN_SIGNIFICANT, RELATIVE_TOLERANCE
from quizapp.answers.errors import AnswerError
from quizapp.answers.model import Answer, AnswerKind, Value, Verdict
from quizapp.answers.numeric import Undefined, evaluate

RIGHT = "Correct!"
ZERO_VECTOR = ("The zero vector has no direction (it is never an eigenvector) — give a non-zero "
               "vector")
NOT_PARALLEL = "Not quite — that vector is not a multiple of a right answer."
TOO_FEW_DIGITS = "Close — give at least 3 significant digits, or exact values."


def as_direction(answer: Answer) -> Answer:
    """A vector answer (or a one-row or one-column matrix) as a direction."""
    if answer.kind == AnswerKind.MATRIX and 1 not in answer.shape:
        raise AnswerError("Type one vector, e.g. [1, -2]")
    return replace(answer, kind=AnswerKind.DIRECTION, shape=(len(answer.values),))


def _numbers(values: Sequence[Value]) -> list[mpmath.mpc] | None:
    try:
        return [evaluate(v.expr, {}) for v in values]
    except Undefined:
        return None


def _unit(value: Value) -> mpmath.mpf:
    """How far off an entry may be: one unit in its last written digit (0 when exact)."""
    unit = sum((d.unit for d in value.decimals), 0)
    return mpmath.mpf(unit.numerator) / unit.denominator if unit else mpmath.mpf(0)


def compare_directions(want: Answer, got: Answer) -> Verdict:
    """Whether `got` is a non-zero multiple of the non-zero vector `want`."""
    interpreted, notes = got.line, got.notes
    if len(got.values) != len(want.values):
        return Verdict(False, f"Wrong length: expected {len(want.values)} values, got "
                              f"{len(got.values)}.", interpreted, notes=notes)
    w, g = _numbers(want.values), _numbers(got.values)
    if g is None:
        return Verdict(False, "Not quite: an entry of your vector is undefined.", interpreted,
                       notes=notes)
    if w is None or not any(w):
        return Verdict(False, "The expected direction cannot be checked.", interpreted,
                       error="expected direction is the zero vector or undefined")
    if not any(g):
        return Verdict(False, ZERO_VECTOR, interpreted, error=ZERO_VECTOR, notes=notes)
    units = [_unit(v) for v in got.values]
    if not any(units):
        scale = max(abs(x) for x in w) * max(abs(y) for y in g)
        k = max(range(len(w)), key=lambda i: abs(w[i]))
        parallel = all(abs(g[i] * w[k] - g[k] * w[i]) <= RELATIVE_TOLERANCE * max(1, scale)
                       for i in range(len(w)))
        return _verdict(parallel, interpreted, notes)
    c = _multiple(w, g, units)
    if c is None or abs(c) <= RELATIVE_TOLERANCE:
        return _verdict(False, interpreted, notes)
    # Rounded entries are each off by up to a unit, and so is the multiple fitted to them.
    within = all(abs(gi - c * wi) <= 2 * unit + RELATIVE_TOLERANCE * max(1, abs(gi))
                 for gi, wi, unit in zip(g, w, units, strict=True))
    significant = max(d.significant for v in got.values for d in v.decimals)
    if within and significant < MIN_SIGNIFICANT:
        return Verdict(False, TOO_FEW_DIGITS, interpreted, notes=notes)
    return _verdict(within, interpreted, notes)


def _multiple(w: list, g: list, units: list) -> object:
    """The c for which `got` ≈ c·`want`: from an exact entry of `got` where `want` is not 0,
    else the least-squares fit over the rounded entries."""
    for wi, gi, unit in zip(w, g, units, strict=True):
        if wi and not unit:
            return gi / wi
    return sum(gi * mpmath.conj(wi) for gi, wi in zip(g, w, strict=True)) / \
        sum(abs(wi) ** 2 for wi in w)


def _verdict(parallel: bool, interpreted: str, notes: tuple[str, ...]) -> Verdict:
    return Verdict(parallel, RIGHT if parallel else NOT_PARALLEL, interpreted, notes=notes)
