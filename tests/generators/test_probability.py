"""The probability topic: keys recomputed from `data` (and from the story, by enumerating the
outcomes) with fractions.Fraction / numpy — never the generators' code — the data contract,
families per skill, and every misconception the issue lists, typed as a learner would."""

import re
from collections import defaultdict
from fractions import Fraction
from itertools import permutations, product

import numpy
import pytest

from quizapp.answers import Misconception, check
from quizapp.bank import Problem, load_bank, make_problem
from quizapp.mathtext import prose

BANK = load_bank()
FAMILIES = [f for f in BANK.families.values() if f.topic == "probability"]
SEEDS = range(25)


def problems(skill: str) -> list[Problem]:
    return [make_problem(BANK, f.id, seed) for f in FAMILIES if f.skill == skill
            for seed in SEEDS]


def accepts(problem: Problem, value: object) -> bool:
    return check(str(value), problem.answer, problem.answer_kind).correct


def named(problem: Problem, typed: str) -> str | None:
    """The misconception the checker names for `typed` (None when right or unnamed)."""
    known = [Misconception(m.id, m.answer, m.feedback) for m in problem.misconceptions]
    verdict = check(typed, problem.answer, problem.answer_kind, (), None, known)
    assert not verdict.correct, f"{typed} accepted for {problem.id}"
    return verdict.misconception


def decimal(q: Fraction) -> str:
    return f"{float(q):.5g}"


def test_skills_have_two_families_and_two_levels() -> None:
    topic = BANK.topics["probability"]
    assert [s.id for s in topic.skills] == ["probability-basics", "bayes-rule",
                                            "expectation-variance"]
    families, levels = defaultdict(int), defaultdict(set)
    for family in FAMILIES:
        families[family.skill] += 1
        levels[family.skill].add(family.difficulty)
    for skill in topic.skills:
        assert families[skill.id] >= 2 and len(levels[skill.id]) >= 2, skill.id


# --- probability-basics: count the outcomes by enumerating them ---------------------------

_DIE_EVENTS = {"an even number": lambda d: d % 2 == 0, "a number greater than 4": lambda d: d > 4,
               "a six": lambda d: d == 6, "a number less than 3": lambda d: d < 3,
               "a prime number (2, 3 or 5)": lambda d: d in (2, 3, 5)}
_DECK = [(rank, suit) for rank in range(1, 14) for suit in "HSDC"]
_CARD_EVENTS = {"a heart": lambda c: c[1] == "H", "a spade": lambda c: c[1] == "S",
                "a club": lambda c: c[1] == "C", "a red card": lambda c: c[1] in "HD",
                "a king": lambda c: c[0] == 13, "an ace": lambda c: c[0] == 1,
                "a queen": lambda c: c[0] == 12, "a jack": lambda c: c[0] == 11,
                "a face card (J, Q or K)": lambda c: c[0] >= 11}


def enumerated(problem: Problem) -> Fraction:
    """P(event), by listing every equally likely outcome the story describes."""
    data, prompt = problem.data, problem.prompt
    scenario = data["scenario"]
    if scenario == "dice-sum":
        op, total = re.fullmatch(r"sum (>=|==) (\d+)", data["event"]).groups()
        rolls = list(product(range(1, 7), repeat=2))
        hits = [r for r in rolls if (sum(r) >= int(total) if op == ">=" else
                                     sum(r) == int(total))]
        return Fraction(len(hits), len(rolls))
    if scenario == "coins":
        heads, tosses = map(int, re.fullmatch(r"exactly (\d+) heads in (\d+) tosses",
                                              data["event"]).groups())
        seqs = list(product("HT", repeat=tosses))
        return Fraction(sum(s.count("H") == heads for s in seqs), len(seqs))
    if scenario == "at-least-one":
        rolls = int(re.search(r"(\d+) rolls", data["event"]).group(1))
        seqs = list(product(range(1, 7), repeat=rolls))
        return Fraction(sum(6 in s for s in seqs), len(seqs))
    if scenario == "cards-union":
        first, _, second = data["event"].partition(" or ")  # the suit has no " or "
        hits = [c for c in _DECK if _CARD_EVENTS[first](c) or _CARD_EVENTS[second](c)]
        return Fraction(len(hits), 52)
    if scenario == "independent":
        first, second = data["event"].split(" and ")
        if "coin" in prompt:
            pairs = list(product(["heads", "tails"], range(1, 7)))
            hits = [p for p in pairs if p[0] == first and _DIE_EVENTS[second](p[1])]
        else:
            pairs = list(product(range(1, 7), repeat=2))
            hits = [p for p in pairs if _DIE_EVENTS[first](p[0]) and _DIE_EVENTS[second](p[1])]
        return Fraction(len(hits), len(pairs))
    assert scenario == "without-replacement"
    if "aces" in prompt:
        items = ["hit"] * 4 + ["miss"] * 48
    else:
        red, blue = map(int, re.search(r"(\d+) red and (\d+) blue", prompt).groups())
        items = ["hit"] * red + ["miss"] * blue
    draws = list(permutations(range(len(items)), 2))
    return Fraction(sum(items[a] == items[b] == "hit" for a, b in draws), len(draws))


@pytest.mark.parametrize("problem", problems("probability-basics"), ids=lambda p: p.id)
def test_basics_key_is_the_enumerated_probability(problem: Problem) -> None:
    want = enumerated(problem)
    assert Fraction(problem.data["favourable"], problem.data["outcomes"]) == want
    assert accepts(problem, want)
    assert accepts(problem, decimal(want))  # decimals judged by the number rule


def test_basics_cover_every_scenario() -> None:
    assert {p.data["scenario"] for p in problems("probability-basics")} == {
        "dice-sum", "coins", "cards-union", "at-least-one", "independent",
        "without-replacement"}


def test_overlapping_or_added_is_recognised() -> None:
    cards = [p for p in problems("probability-basics") if p.data["scenario"] == "cards-union"]
    assert cards
    for problem in cards:
        first, _, second = problem.data["event"].partition(" or ")
        a = sum(1 for c in _DECK if _CARD_EVENTS[first](c))
        b = sum(1 for c in _DECK if _CARD_EVENTS[second](c))
        assert named(problem, str(Fraction(a + b, 52))) == "union-overlap-added"


def test_independence_assumed_without_replacement_is_recognised() -> None:
    draws = [p for p in problems("probability-basics")
             if p.data["scenario"] == "without-replacement"]
    assert draws
    for problem in draws:
        hits, total = (4, 52) if "aces" in problem.prompt else (
            int(re.search(r"(\d+) red", problem.prompt).group(1)),
            sum(map(int, re.search(r"(\d+) red and (\d+) blue", problem.prompt).groups())))
        assert named(problem, decimal(Fraction(hits, total) ** 2)) == "independence-assumed"


# --- bayes-rule ----------------------------------------------------------------------------

@pytest.mark.parametrize("problem", problems("bayes-rule"), ids=lambda p: p.id)
def test_bayes_key_and_misconceptions(problem: Problem) -> None:
    prior, sens, false = (Fraction(problem.data[k]) for k in
                          ("prior", "sensitivity", "false_positive_rate"))
    joint, noise = prior * sens, (1 - prior) * false
    assert accepts(problem, joint / (joint + noise))
    assert accepts(problem, decimal(joint / (joint + noise)))
    # P(condition | positive) confused with P(positive | condition)
    assert named(problem, decimal(sens)) == "bayes-inverted"
    ignored = sens / (sens + false)  # as if the prior were 1/2
    if ignored != sens:
        assert named(problem, str(ignored)) == "prior-ignored"


def test_base_rate_family_shows_the_effect() -> None:
    """A rare condition: a positive result from an accurate test is still far from certain."""
    for seed in SEEDS:
        problem = make_problem(BANK, "bayes-base-rate", seed)
        prior, sens, false = (Fraction(problem.data[k]) for k in
                              ("prior", "sensitivity", "false_positive_rate"))
        posterior = prior * sens / (prior * sens + (1 - prior) * false)
        assert sens >= Fraction(9, 10) and posterior < sens * 2 / 3


# --- expectation-variance ------------------------------------------------------------------

def moment(problem: Problem) -> float:
    data = problem.data
    x = numpy.array(data["values"], dtype=float)
    p = numpy.array([float(Fraction(q)) for q in data["probabilities"]])
    y = data.get("a", 1) * x + data.get("b", 0)
    mean = p @ y
    var = p @ (y - mean) ** 2
    return {"mean": mean, "variance": var, "std": numpy.sqrt(var),
            "second-moment": p @ y ** 2}[data["ask"]]


@pytest.mark.parametrize("problem", problems("expectation-variance"), ids=lambda p: p.id)
def test_moment_key_matches_numpy(problem: Problem) -> None:
    assert abs(sum(Fraction(q) for q in problem.data["probabilities"]) - 1) == 0
    assert accepts(problem, f"{moment(problem):.6g}")


def test_variance_without_subtracting_the_mean_squared_is_recognised() -> None:
    found = 0
    for problem in problems("expectation-variance"):
        if problem.data["ask"] != "variance" or "a" in problem.data:
            continue
        x = [Fraction(v) for v in problem.data["values"]]
        p = [Fraction(q) for q in problem.data["probabilities"]]
        second = sum(v * v * q for v, q in zip(x, p, strict=True))
        assert named(problem, str(second)) == "variance-no-mean-subtracted"
        found += 1
    assert found


def test_var_of_ax_plus_b_taken_as_a_var_plus_b_is_recognised() -> None:
    found = 0
    for problem in problems("expectation-variance"):
        if problem.data["ask"] != "variance" or "a" not in problem.data:
            continue
        a, b = problem.data["a"], problem.data["b"]
        x = numpy.array(problem.data["values"], float)
        p = numpy.array([float(Fraction(q)) for q in problem.data["probabilities"]])
        var = p @ (x - p @ x) ** 2
        assert accepts(problem, f"{a * a * var:.6g}")
        assert named(problem, f"{a * var + b:.6g}") == "variance-linear-as-affine"
        found += 1
    assert found


# --- every problem -------------------------------------------------------------------------

@pytest.mark.parametrize("skill", ["probability-basics", "bayes-rule", "expectation-variance"])
def test_problems_teach_and_read_in_ascii(skill: str) -> None:
    contract = {"probability-basics": {"outcomes", "favourable"},
                "bayes-rule": {"prior", "sensitivity", "false_positive_rate"},
                "expectation-variance": {"values", "probabilities", "ask"}}[skill]
    catalog = {r.id for r in BANK.resources.values()}
    for problem in problems(skill):
        assert contract <= set(problem.data)
        assert len(problem.hints) >= 2 and len(problem.solution) >= 2
        assert len(problem.misconceptions) >= 2
        for m in problem.misconceptions:
            assert named(problem, m.answer) == m.id
        assert problem.resources and {r.id for r in problem.resources} <= catalog
        for text in (problem.prompt, *problem.hints, *problem.solution):
            spelled = prose(text, False)
            assert spelled.isascii() and spelled.count("?") == text.count("?"), spelled
