"""Bayes' rule on test-and-condition stories: P(condition | positive) from the prior, the
sensitivity and the false-positive rate — where a small prior (the base rate) dominates."""

import random
from fractions import Fraction
from typing import Literal

from quizapp.generators.common import Candidate, Params, prune
from quizapp.generators.exact import plain_number, say
from quizapp.generators.model import Draft, Retry, WrongAnswer
from quizapp.generators.scoring import refuse_if_a_mistake_scores

Story = Literal["medical", "spam", "factory"]
POPULATION = 10_000
# story → (population noun, condition, "they have it" (plural), "they test positive" (plural),
#          the question's subject)
_STORIES: dict[str, tuple[str, str, str, str, str]] = {
    "medical": ("people", "disease", "have the disease", "test positive",
                "a person who tests positive has the disease"),
    "spam": ("emails", "spam", "are spam", "contain the word “winner”",
             "an email containing “winner” is spam"),
    "factory": ("parts", "defective", "are defective", "set off the inspection alarm",
                "a part that sets off the alarm is defective"),
}


class BayesParams(Params):
    """Percentages to draw from; `frequencies` words the data as counts out of 10 000."""

    stories: tuple[Story, ...] = ("medical",)
    prior_percents: tuple[int, ...] = (10, 20, 25, 50)
    sensitivity_percents: tuple[int, ...] = (80, 90)
    false_alarm_percents: tuple[int, ...] = (10, 20)
    frequencies: bool = False


def _percent(n: int) -> str:
    return f"{n}%"


def bayes(params: BayesParams, rng: random.Random) -> Draft:
    """P(condition | positive) = P(pos | c)·P(c) / (P(pos | c)·P(c) + P(pos | not c)·P(not c))."""
    story = rng.choice(params.stories)
    noun, condition, have, positive, subject = _STORIES[story]
    prior_pc, sens_pc, false_pc = (rng.choice(params.prior_percents),
                                   rng.choice(params.sensitivity_percents),
                                   rng.choice(params.false_alarm_percents))
    if not (0 < prior_pc < 100 and 0 < sens_pc <= 100 and 0 < false_pc < 100):
        raise Retry
    prior, sens, false = (Fraction(prior_pc, 100), Fraction(sens_pc, 100),
                          Fraction(false_pc, 100))
    true_hits = prior_pc * sens_pc  # out of POPULATION
    false_hits = (100 - prior_pc) * false_pc
    key = Fraction(true_hits, true_hits + false_hits)
    question = f"What is the probability that {subject}"
    if params.frequencies:
        with_it = POPULATION * prior_pc // 100
        facts = (f"Of {POPULATION:,} {noun}, {with_it:,} {have}. Of those, {true_hits:,} "
                 f"{positive}; of the other {POPULATION - with_it:,}, {false_hits:,} do too.")
    else:
        facts = (f"{_percent(prior_pc)} of {noun} {have}. Of those, {_percent(sens_pc)} "
                 f"{positive}; of the others, {_percent(false_pc)} do too.")
    prompt = (f"{facts}\n{question}, P({condition} | positive)?\n"
              "Give an exact fraction (or a decimal to 3 significant digits).")
    evidence = prior * sens + (1 - prior) * false
    candidates: list[Candidate] = [
        ("bayes-inverted", sens,
         "That is P(positive | condition), the sensitivity; the question asks the reverse, "
         "P(condition | positive). Bayes' rule turns one into the other."),
        ("prior-ignored", Fraction(sens_pc, sens_pc + false_pc),
         f"The prior was left out: only {_percent(prior_pc)} of {noun} {have} to begin with, "
         "so weigh each rate by how common its group is."),
        ("numerator-only", prior * sens,
         "That is P(condition and positive); divide it by P(positive) to condition on the "
         "positive result."),
        ("specificity-given", 1 - false,
         "1 − the false-positive rate is P(negative | no condition), not what is asked."),
        ("prior-only", prior, "That is the prior, before the result: a positive result "
         "changes it."),
    ]
    refuse_if_a_mistake_scores(key, candidates[:3], _same)
    kept = prune(key, candidates, _same)
    return Draft(
        prompt=prompt, answer_kind="number", answer=plain_number(key),
        data={"prior": plain_number(prior), "sensitivity": plain_number(sens),
              "false_positive_rate": plain_number(false), "story": story},
        hints=("Bayes' rule: P(c | +) = P(+ | c)·P(c) / P(+).",
               f"P(+) = P(+ | c)·P(c) + P(+ | not c)·P(not c) = {say(sens)}·{say(prior)} + "
               f"{say(false)}·{say(1 - prior)}.",
               f"Or count out of {POPULATION:,}: {true_hits:,} true positives and "
               f"{false_hits:,} false ones."),
        solution=(f"P(+) = {say(sens)}·{say(prior)} + {say(false)}·{say(1 - prior)} = "
                  f"{say(evidence)}.",
                  f"P(c | +) = {say(sens * prior)} / {say(evidence)} = {say(key)}"
                  f" (= {true_hits:,}/({true_hits:,} + {false_hits:,})).",
                  f"Though the test catches {_percent(sens_pc)}, a positive means only "
                  f"{float(key):.1%}: the base rate matters."),
        misconceptions=tuple(WrongAnswer(i, plain_number(w), m) for i, w, m in kept))


def _same(a: object, b: object) -> bool:
    return a == b
