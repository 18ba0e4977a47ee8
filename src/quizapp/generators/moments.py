"""Mean, variance, standard deviation and E[X²] of a small discrete distribution, and the same
for aX + b (linearity of expectation, Var(aX + b) = a²·Var(X))."""

import random
from collections.abc import Sequence
from fractions import Fraction
from typing import Literal

import sympy
from pydantic import field_validator

from quizapp.generators.common import Candidate, IntRange, Params, prune, within
from quizapp.generators.exact import plain_number, say, to_sympy
from quizapp.generators.model import Draft, Retry, WrongAnswer
from quizapp.generators.scoring import refuse_if_a_mistake_scores
from quizapp.generators.vectors import same_number

Ask = Literal["mean", "variance", "std", "second-moment"]


class MomentParams(Params):
    """`asks` about X (or about aX + b when `linear`) for X on `sizes` values from `entries`
    with probabilities k/d for d in `denominators`; a from `scales`, b from `shifts`."""

    asks: tuple[Ask, ...] = ("mean",)
    sizes: tuple[int, ...] = (3,)
    entries: IntRange = (-3, 6)
    denominators: tuple[int, ...] = (4, 5, 6, 8, 10)
    linear: bool = False
    scales: IntRange = (-3, 4)
    shifts: IntRange = (-5, 5)

    @field_validator("sizes")
    @classmethod
    def _small(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        return within(value, 2, 5, "sizes")

    @field_validator("denominators")
    @classmethod
    def _positive(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        return within(value, 2, 100, "denominators")


def draw_distribution(rng: random.Random, sizes: Sequence[int], entries: tuple[int, int],
                      denominators: Sequence[int]) -> tuple[list[int], list[Fraction]]:
    """Distinct sorted values and positive probabilities k/d that add up to 1."""
    n = rng.choice(sizes)
    d = rng.choice(denominators)
    if d < n or entries[1] - entries[0] + 1 < n:
        raise Retry
    values = sorted(rng.sample(range(entries[0], entries[1] + 1), n))
    cuts = sorted(rng.sample(range(1, d), n - 1))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, d], strict=True)]
    return values, [Fraction(k, d) for k in parts]


def table(values: Sequence[int], probabilities: Sequence[Fraction], name: str = "X") -> str:
    """The distribution as a two-row table, columns aligned."""
    xs = [say(v) for v in values]
    ps = [say(p) for p in probabilities]
    widths = [max(len(a), len(b)) for a, b in zip(xs, ps, strict=True)]
    label = f"P({name} = {name.lower()})"
    head = name.lower().ljust(len(label)) + "  " + "  ".join(
        x.rjust(w) for x, w in zip(xs, widths, strict=True))
    body = label + "  " + "  ".join(p.rjust(w) for p, w in zip(ps, widths, strict=True))
    return f"{head}\n{body}"


def _root(q: Fraction) -> sympy.Expr:
    return sympy.sqrt(to_sympy(q))


def mean_slips(values: Sequence[int], probabilities: Sequence[Fraction],
               mean: Fraction) -> list[Candidate]:
    """Classic wrong means of a table: the plain average, the most likely value, Σx·p / n."""
    top = max(probabilities)
    modes = [v for v, p in zip(values, probabilities, strict=True) if p == top]
    return [
        ("mean-unweighted", Fraction(sum(values), len(values)),
         "That is the plain average of the values; weigh each value by its probability: "
         "E[X] = Σ x·P(X = x)."),
        ("mean-as-mode", Fraction(modes[0]) if len(modes) == 1 else None,
         "That is the most likely value (the mode); the mean weighs every value by its "
         "probability."),
        ("mean-divided-by-count", mean / len(values),
         "Σ x·P(X = x) is already the mean: the probabilities do the averaging, so do not "
         "divide by the number of values as well."),
    ]


def moments(params: MomentParams, rng: random.Random) -> Draft:
    """E, Var, SD or E[X²] of a table's X, or E, Var, SD of aX + b."""
    values, probs = draw_distribution(rng, params.sizes, params.entries, params.denominators)
    ask = rng.choice(params.asks)
    pairs = list(zip(values, probs, strict=True))
    mean = sum((v * p for v, p in pairs), Fraction(0))
    second = sum((v * v * p for v, p in pairs), Fraction(0))
    var = second - mean * mean
    data: dict = {"values": values, "probabilities": [plain_number(p) for p in probs],
                  "ask": ask}
    shown = table(values, probs)
    mean_step = f"E[X] = {' + '.join(f'{_par(v)}·{say(p)}' for v, p in pairs)} = {say(mean)}."
    second_step = (f"E[X²] = {' + '.join(f'{say(v * v)}·{say(p)}' for v, p in pairs)} = "
                   f"{say(second)}.")
    var_step = f"Var(X) = E[X²] − E[X]² = {say(second)} − {_par(mean)}² = {say(var)}."
    if params.linear:
        return _linear(params, rng, ask, data, shown, mean, var, (mean_step, second_step,
                                                                  var_step))
    exact = "Give it exactly (fractions and √ are fine) or as a decimal to 3 significant digits."
    if ask == "mean":
        key: object = mean
        question, hints = "E[X], the mean of X", (
            "E[X] = Σ x·P(X = x): multiply each value by its probability and add.",
            "The probabilities already add up to 1, so no further division is needed.")
        steps: tuple[str, ...] = (mean_step, f"E[X] = {say(mean)}.")
        slips = mean_slips(values, probs, mean)
    elif ask == "second-moment":
        key = second
        question, hints = "E[X²]", ("E[X²] = Σ x²·P(X = x): square each value, weigh it by "
                                    "its probability and add.",
                                    "Square the values, not the mean: E[X²] ≠ E[X]².")
        steps = (second_step, f"E[X²] = {say(second)}.")
        slips = [("second-moment-as-mean-squared", mean * mean,
                  "That is E[X]²; E[X²] squares each value before averaging."),
                 ("second-moment-as-variance", var,
                  "That is Var(X) = E[X²] − E[X]²; E[X²] itself subtracts nothing."),
                 ("second-moment-unweighted", Fraction(sum(v * v for v in values), len(values)),
                  "Weigh each square by its probability: Σ x²·P(X = x).")]
    elif ask == "variance":
        key = var
        question, hints = "Var(X)", ("Var(X) = E[X²] − E[X]².",
                                     f"E[X] = {say(mean)}; now find E[X²] = Σ x²·P(X = x).")
        steps = (mean_step, second_step, var_step)
        slips = [("variance-no-mean-subtracted", second,
                  "That is E[X²]; the variance subtracts the squared mean: Var(X) = E[X²] − "
                  "E[X]²."),
                 ("variance-mean-not-squared", second - mean,
                  "Subtract the mean SQUARED: Var(X) = E[X²] − E[X]²."),
                 ("variance-unweighted", _unweighted_variance(values),
                  "Weigh each squared deviation by its probability, not equally.")]
    else:
        key = _root(var)
        question, hints = "SD(X), the standard deviation of X", (
            "SD(X) = √Var(X), and Var(X) = E[X²] − E[X]².",
            f"E[X] = {say(mean)} and E[X²] = {say(second)}.")
        steps = (mean_step, second_step, var_step, f"SD(X) = √({say(var)}) = {say(key)}.")
        slips = [("std-not-rooted", var, "That is the variance; the standard deviation is its "
                  "square root."),
                 ("std-no-mean-subtracted", _root(second),
                  "√E[X²] forgets to subtract the squared mean: SD = √(E[X²] − E[X]²)."),
                 ("std-unweighted", _root(_unweighted_variance(values)),
                  "Weigh each squared deviation by its probability, not equally.")]
    return _draft(f"X takes these values with these probabilities:\n{shown}\nFind {question}."
                  f"\n{exact}", key, data, hints, steps, slips)


def _unweighted_variance(values: Sequence[int]) -> Fraction:
    m = Fraction(sum(values), len(values))
    return sum(((v - m) ** 2 for v in values), Fraction(0)) / len(values)


def _linear(params: MomentParams, rng: random.Random, ask: str, data: dict, shown: str,
            mean: Fraction, var: Fraction, known: tuple[str, str, str]) -> Draft:
    a = rng.randint(*params.scales)
    b = rng.randint(*params.shifts)
    if a in (0, 1) or b == 0:
        raise Retry
    data.update(a=a, b=b)
    y = f"{say(a)}X {'+' if b > 0 else '−'} {abs(b)}"
    mean_step, second_step, var_step = known
    if ask == "mean":
        key: object = a * mean + b
        question = f"E[{y}]"
        hints = ("Expectation is linear: E[aX + b] = a·E[X] + b.", "Find E[X] first.")
        steps: tuple[str, ...] = (mean_step, f"E[{y}] = {say(a)}·{_par(mean)} "
                                  f"{'+' if b > 0 else '−'} {abs(b)} = {say(a * mean + b)}.")
        slips: list[Candidate] = [
            ("linear-shift-dropped", a * mean, "Add the shift b too: E[aX + b] = a·E[X] + b."),
            ("linear-shift-scaled", a * (mean + b), "Only X is multiplied by a: "
             "E[aX + b] = a·E[X] + b, not a·(E[X] + b)."),
            ("linear-scale-dropped", mean + b, "Multiply E[X] by a: E[aX + b] = a·E[X] + b.")]
    elif ask == "variance":
        key = a * a * var
        question = f"Var({y})"
        hints = ("Var(aX + b) = a²·Var(X): a shift does not spread the values; a scale "
                 "spreads them by |a|, so the variance by a².", "Find Var(X) = E[X²] − E[X]² "
                 "first.")
        steps = (mean_step, second_step, var_step,
                 f"Var({y}) = {say(a)}²·{_par(var)} = {say(key)}.")
        slips = [
            ("variance-linear-as-affine", a * var + b,
             "Var(aX + b) = a²·Var(X): the variance is not linear — the scale comes out "
             "squared and the shift b disappears."),
            ("variance-scale-not-squared", a * var,
             "Square the scale: Var(aX + b) = a²·Var(X)."),
            ("variance-shift-kept", a * a * var + b,
             "A shift moves every value by b and does not change the spread: drop the + b.")]
    else:
        sd = _root(var)
        key = abs(a) * sd
        question = f"SD({y}), the standard deviation"
        hints = ("SD(aX + b) = |a|·SD(X): the shift does not change the spread.",
                 "Find Var(X) = E[X²] − E[X]², then SD(X) = √Var(X).")
        steps = (mean_step, second_step, var_step,
                 f"SD({y}) = |{say(a)}|·√({say(var)}) = {say(key)}.")
        slips = [
            ("std-shift-kept", abs(a) * sd + b,
             "A shift does not change the spread: SD(aX + b) = |a|·SD(X)."),
            ("std-scale-squared", a * a * sd, "That scales the variance; SD scales by |a|."),
            ("std-sign-kept", a * sd if a < 0 else None,
             "A standard deviation is never negative: SD(aX + b) = |a|·SD(X)."),
            ("std-as-variance", a * a * var, "That is Var(aX + b); take its square root.")]
    return _draft(f"X takes these values with these probabilities:\n{shown}\nFind {question}."
                  "\nGive it exactly (fractions and √ are fine) or as a decimal to 3 "
                  "significant digits.", key, data, hints, steps, slips)


def _par(q: Fraction | int) -> str:
    text = say(q)
    return f"({text})" if "/" in text or text.startswith("−") else text


def _draft(prompt: str, key: object, data: dict, hints: tuple[str, ...],
           steps: tuple[str, ...], slips: list[Candidate]) -> Draft:
    refuse_if_a_mistake_scores(key, slips, same_number)
    kept = prune(key, slips, same_number)
    return Draft(prompt=prompt, answer_kind="number", answer=plain_number(key), data=data,
                 hints=hints, solution=steps,
                 misconceptions=tuple(WrongAnswer(i, plain_number(w), m) for i, w, m in kept))
