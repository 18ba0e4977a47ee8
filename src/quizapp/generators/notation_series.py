"""Reading ML notation: Σ and Π with their index ranges, and sums of 𝟙[condition] over a list.

The prompt shows the formula as the books print it (Σᵢ₌₁⁴ (2i + 1)); the notation is the
exercise. `mathtext.prose` spells the operators in ASCII (`sum_{i=1}^{4}`) for `--ascii`.
"""

import random
from collections.abc import Callable
from math import prod
from typing import Literal

import sympy

from quizapp.generators.common import Candidate, IntRange, Params, prune
from quizapp.generators.exact import say, show_vector
from quizapp.generators.model import Draft, Retry, WrongAnswer
from quizapp.generators.scoring import refuse_if_a_mistake_scores
from quizapp.mathtext import write

Kind = Literal["sum", "product", "indicator"]
Form = Literal["linear", "square", "power", "alternating", "pair"]
_SUB = str.maketrans("0123456789=ijkn", "₀₁₂₃₄₅₆₇₈₉₌ᵢⱼₖₙ")
_SUP = str.maketrans("0123456789n", "⁰¹²³⁴⁵⁶⁷⁸⁹ⁿ")


class SeriesParams(Params):
    """Σ / Π over `terms` values of the index starting at one of `starts`, the term of one of
    `forms` with coefficients from `coefficients`; or Σ 𝟙[xᵢ > t] over `terms` entries."""

    kinds: tuple[Kind, ...] = ("sum",)
    forms: tuple[Form, ...] = ("linear", "square")
    terms: IntRange = (3, 5)
    starts: tuple[int, ...] = (1,)
    coefficients: IntRange = (-3, 5)


def big_operator(symbol: str, index: str, low: int, high: int) -> str:
    """Σᵢ₌₁⁴ — the operator with its index range, as one line of Unicode."""
    return f"{symbol}{f'{index}={low}'.translate(_SUB)}{str(high).translate(_SUP)}"


def _term(rng: random.Random, form: str, coefficients: tuple[int, int], i: sympy.Symbol
          ) -> tuple[sympy.Expr, Callable[[int], int]]:
    a = rng.choice([c for c in range(coefficients[0], coefficients[1] + 1) if c not in (0, 1)]
                   or [2])
    b = rng.randint(*coefficients)
    if form == "linear":
        return a * i + b, lambda n: a * n + b
    if form == "square":
        return i ** 2 + b, lambda n: n * n + b
    if form == "power":
        base = rng.choice((2, 3))
        return sympy.Integer(base) ** i, lambda n: base ** n
    if form == "alternating":
        return (-1) ** i * i, lambda n: (-1) ** n * n
    return i * (i + 1), lambda n: n * (n + 1)


def _index_range(rng: random.Random, params: SeriesParams) -> tuple[int, int]:
    low = rng.choice(params.starts)
    return low, low + rng.randint(*params.terms) - 1


def _series(params: SeriesParams, rng: random.Random, kind: str) -> Draft:
    index = rng.choice("ik")
    i = sympy.Symbol(index)
    form = rng.choice(params.forms)
    low, high = _index_range(rng, params)
    expr, f = _term(rng, form, params.coefficients, i)
    if kind == "product" and (high - low > 4 or any(abs(f(n)) > 12 for n in range(low,
                                                                                   high + 1))):
        raise Retry
    combine: Callable[[list[int]], int] = sum if kind == "sum" else prod
    other: Callable[[list[int]], int] = prod if kind == "sum" else sum

    def over(a: int, b: int) -> int:
        return combine([f(n) for n in range(a, b + 1)])

    key = over(low, high)
    terms = [f(n) for n in range(low, high + 1)]
    shifted = (low - 1, high) if low >= 1 else (low + 1, high)
    symbol = "Σ" if kind == "sum" else "Π"
    operator = big_operator(symbol, index, low, high)
    body = write(expr)
    shown = f"{operator} ({body})" if expr.is_Add else f"{operator} {body}"
    verb, joiner = ("adds", " + ") if kind == "sum" else ("multiplies", " · ")
    slips: list[Candidate] = [
        ("range-end-excluded", over(low, high - 1) if high > low else None,
         f"The upper limit is included: {index} runs {low}, {low + 1}, …, {high} — "
         f"{high - low + 1} terms (not like Python's range)."),
        ("range-start-shifted", over(*shifted),
         f"The index starts where the subscript says, {index} = {low}, not {shifted[0]}."),
        (f"{kind}-as-{'product' if kind == 'sum' else 'sum'}",
         other(terms) if abs(other(terms)) < 10 ** 6 else None,
         f"{symbol} {verb} the terms; {'Π multiplies' if kind == 'sum' else 'Σ adds'} them."),
    ]
    refuse_if_a_mistake_scores(key, slips[:2], _same)
    kept = prune(key, slips, _same)
    return Draft(
        prompt=f"Compute\n{shown}",
        answer_kind="number", answer=str(key),
        data={"kind": kind, "expression": write(expr, "plain"), "index": index, "from": low,
              "to": high},
        hints=(f"{symbol} {verb} the term for every {index} from {low} to {high}, both ends "
               f"included.",
               f"The terms are {', '.join(say(t) for t in terms)}."),
        solution=(f"{shown} = "
                  f"{joiner.join(f'({say(t)})' if t < 0 else say(t) for t in terms)}",
                  f"= {say(key)}."),
        misconceptions=tuple(WrongAnswer(w_id, str(w), m) for w_id, w, m in kept))


def _indicator(params: SeriesParams, rng: random.Random) -> Draft:
    n = rng.randint(max(4, params.terms[0]), max(5, params.terms[1]))
    threshold = rng.randint(1, 6)
    values = [rng.randint(0, 9) for _ in range(n - 1)] + [threshold]
    rng.shuffle(values)
    greater = rng.random() < 0.5
    sign = ">" if greater else "<"
    holds = [x > threshold if greater else x < threshold for x in values]
    key = sum(holds)
    if key == 0 or key == n:
        raise Retry
    loose = sum(1 for x in values if (x >= threshold if greater else x <= threshold))
    operator = big_operator("Σ", "i", 1, n)
    slips: list[Candidate] = [
        ("indicator-summed-values", sum(x for x, h in zip(values, holds, strict=True) if h),
         "𝟙[·] is 1 when the condition holds and 0 otherwise: the sum counts the entries; "
         "it does not add them."),
        ("indicator-not-strict", loose,
         f"{sign} is strict: an entry equal to {threshold} does not count."),
        ("indicator-complement", n - key,
         "That counts the entries where the condition fails; 𝟙[·] is 1 where it holds."),
    ]
    refuse_if_a_mistake_scores(key, slips, _same)
    kept = prune(key, slips, _same)
    return Draft(
        prompt=f"x = {show_vector(values)}\nCompute\n{operator} 𝟙[xᵢ {sign} {threshold}]",
        answer_kind="number", answer=str(key),
        data={"kind": "indicator", "values": values, "condition": sign,
              "threshold": threshold, "from": 1, "to": n},
        hints=(f"𝟙[xᵢ {sign} {threshold}] is 1 when xᵢ {sign} {threshold} and 0 otherwise.",
               "So the sum counts the entries that satisfy the condition."),
        solution=(f"Terms: {' + '.join(str(int(h)) for h in holds)}", f"= {key}."),
        misconceptions=tuple(WrongAnswer(w_id, str(w), m) for w_id, w, m in kept))


def series(params: SeriesParams, rng: random.Random) -> Draft:
    """Σ or Π over an index range, or Σ 𝟙[xᵢ > t]: the value, an integer."""
    kind = rng.choice(params.kinds)
    if kind == "indicator":
        return _indicator(params, rng)
    return _series(params, rng, kind)


def _same(a: object, b: object) -> bool:
    return a == b
