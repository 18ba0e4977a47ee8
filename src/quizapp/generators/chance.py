"""Probability by counting equally likely outcomes: dice, coins, cards, complements, independent
events and draws without replacement. Every answer is favourable / outcomes, exactly."""

import random
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from itertools import product
from math import comb
from typing import Literal

from quizapp.generators.common import Candidate, IntRange, Params, prune
from quizapp.generators.exact import plain_number, say
from quizapp.generators.model import Draft, WrongAnswer
from quizapp.generators.scoring import refuse_if_a_mistake_scores

Scenario = Literal["dice-sum", "coins", "cards-union", "at-least-one", "independent",
                   "without-replacement"]
HOW = "Give an exact fraction such as 5/36 (or a decimal to 3 significant digits)."
_DICE_SUMS = {total: sum(1 for a, b in product(range(1, 7), repeat=2) if a + b == total)
              for total in range(2, 13)}


class ChanceParams(Params):
    """Problems of the listed `scenarios`; `bag` bounds the marbles of each colour."""

    scenarios: tuple[Scenario, ...] = ("dice-sum", "coins")
    bag: IntRange = (2, 6)


@dataclass
class Counted:
    """One scenario drawn: its wording, its counts and the classic slips."""

    prompt: str
    outcomes: int
    favourable: int
    hints: tuple[str, ...]
    steps: tuple[str, ...]
    slips: list[Candidate]
    facts: dict


def _complement(p: Fraction) -> Candidate:
    return ("complement-given", 1 - p, "That is the probability that the event does NOT "
            "happen: 1 − P(A). Count the outcomes where it does.")


def _dice_sum(rng: random.Random, params: ChanceParams) -> Counted:
    total = rng.choice([t for t in range(3, 12) if t != 7] + [7])
    at_least = rng.random() < 0.5
    totals = range(total, 13) if at_least else (total,)
    favourable = sum(_DICE_SUMS[t] for t in totals)
    unordered = sum(1 for a in range(1, 7) for b in range(a, 7) if a + b in totals)
    event = f"at least {total}" if at_least else f"exactly {total}"
    pairs = [f"({a}, {b})" for a, b in product(range(1, 7), repeat=2) if a + b in totals]
    p = Fraction(favourable, 36)
    return Counted(
        f"Two fair dice are rolled. What is the probability that their sum is {event}?\n{HOW}",
        36, favourable,
        ("There are 6 × 6 = 36 equally likely ordered pairs (first die, second die).",
         "(1, 6) and (6, 1) are different outcomes: count every ordered pair that works."),
        (f"Pairs with sum {event}: {', '.join(pairs[:8])}{', …' if len(pairs) > 8 else ''}"
         f" — {favourable} of 36.", f"P = {favourable}/36 = {say(p)}."),
        [("sums-equally-likely", Fraction(len(totals), 11),
          "The 11 sums 2 … 12 are not equally likely: 7 can be made 6 ways, 2 only one way. "
          "Count ordered pairs out of 36."),
         ("order-ignored", Fraction(unordered, 36),
          "(1, 6) and (6, 1) are different outcomes of two dice: count both orders."),
         _complement(p)],
        {"event": f"sum {'>=' if at_least else '=='} {total}"})


def _coins(rng: random.Random, params: ChanceParams) -> Counted:
    flips = rng.randint(3, 5)
    heads = rng.randint(1, flips - 1)
    favourable = comb(flips, heads)
    p = Fraction(favourable, 2 ** flips)
    return Counted(
        f"A fair coin is tossed {flips} times. What is the probability of exactly {heads} "
        f"heads?\n{HOW}", 2 ** flips, favourable,
        (f"There are 2^{flips} = {2 ** flips} equally likely sequences of heads and tails.",
         f"Count the sequences with exactly {heads} heads: choose which {heads} of the "
         f"{flips} tosses are heads."),
        (f"Sequences: 2^{flips} = {2 ** flips}; with {heads} heads: C({flips}, {heads}) = "
         f"{favourable}.", f"P = {favourable}/{2 ** flips} = {say(p)}."),
        [("counts-equally-likely", Fraction(1, flips + 1),
          f"The {flips + 1} possible numbers of heads are not equally likely; the "
          f"{2 ** flips} sequences are."),
         ("one-order-counted", Fraction(1, 2 ** flips),
          "That is one particular sequence; the heads may fall on any of the tosses: count "
          "every arrangement."),
         _complement(p)],
        {"event": f"exactly {heads} heads in {flips} tosses"})


_SUITS = (("a heart", 13, "hearts"), ("a spade", 13, "spades"), ("a red card", 26, "red cards"),
          ("a club", 13, "clubs"))
_RANKS = (("a king", 1, "kings"), ("an ace", 1, "aces"), ("a face card (J, Q or K)", 3,
          "face cards"), ("a queen", 1, "queens"), ("a jack", 1, "jacks"))


def _cards_union(rng: random.Random, params: ChanceParams) -> Counted:
    suit, suit_count, suit_plural = rng.choice(_SUITS)
    rank, ranks, rank_plural = rng.choice(_RANKS)
    rank_count = 4 * ranks
    both = suit_count // 13 * ranks
    favourable = suit_count + rank_count - both
    p = Fraction(favourable, 52)
    return Counted(
        f"One card is drawn from a shuffled 52-card deck. What is the probability that it is "
        f"{suit} or {rank}?\n{HOW}", 52, favourable,
        ("P(A or B) = P(A) + P(B) − P(A and B): the events overlap.",
         f"Some {suit_plural} are also {rank_plural} — count them only once."),
        (f"{suit_count} {suit_plural} + {rank_count} {rank_plural} − {both} counted twice "
         f"= {favourable}.", f"P = {favourable}/52 = {say(p)}."),
        [("union-overlap-added", Fraction(suit_count + rank_count, 52),
          "P(A or B) = P(A) + P(B) only when A and B cannot both happen; here they overlap, "
          "so subtract P(A and B)."),
         ("union-as-and", Fraction(both, 52),
          "That counts cards that are both; 'or' counts cards that are either."),
         ("union-as-product", Fraction(suit_count * rank_count, 52 * 52),
          "Multiplying P(A)·P(B) gives 'and' for independent events, not 'or'.")],
        {"event": f"{suit} or {rank}"})


def _at_least_one(rng: random.Random, params: ChanceParams) -> Counted:
    rolls = rng.randint(2, 4)
    outcomes, none = 6 ** rolls, 5 ** rolls
    p = Fraction(outcomes - none, outcomes)
    return Counted(
        f"A fair die is rolled {rolls} times. What is the probability of at least one six?\n"
        f"{HOW}", outcomes, outcomes - none,
        ("'At least one' is the complement of 'none': P = 1 − P(no six).",
         f"P(no six) = (5/6)^{rolls}, since the rolls are independent."),
        (f"P(no six) = 5^{rolls}/6^{rolls} = {none}/{outcomes}.",
         f"P(at least one six) = 1 − {none}/{outcomes} = {say(p)}."),
        [("probabilities-added", Fraction(rolls, 6),
          "Adding 1/6 for each roll counts the outcomes with two sixes more than once (and "
          "would pass 1 after 6 rolls); use 1 − P(no six)."),
         ("complement-not-taken", Fraction(none, outcomes),
          "That is P(no six); the answer is its complement, 1 − P(no six)."),
         ("all-sixes", Fraction(1, outcomes), "That is P(every roll a six), not at least one.")],
        {"event": f"at least one six in {rolls} rolls"})


_COIN_EVENTS = (("heads", 1), ("tails", 1))
_DIE_EVENTS = (("an even number", 3), ("a number greater than 4", 2), ("a six", 1),
               ("a number less than 3", 2), ("a prime number (2, 3 or 5)", 3))


def _independent(rng: random.Random, params: ChanceParams) -> Counted:
    die_event, die_count = rng.choice(_DIE_EVENTS)
    if rng.random() < 0.5:
        first_event, first_count = rng.choice(_COIN_EVENTS)
        setting = f"A fair coin is tossed and a fair die is rolled. What is the probability " \
                  f"of {first_event} and {die_event}?"
        first_total = 2
    else:
        first_event, first_count = rng.choice([e for e in _DIE_EVENTS if e[0] != die_event])
        setting = f"Two fair dice are rolled. What is the probability that the first shows " \
                  f"{first_event} and the second {die_event}?"
        first_total = 6
    pa, pb = Fraction(first_count, first_total), Fraction(die_count, 6)
    p = pa * pb
    return Counted(
        f"{setting}\n{HOW}", first_total * 6, first_count * die_count,
        ("The two results are independent: P(A and B) = P(A)·P(B).",
         f"P(A) = {say(pa)} and P(B) = {say(pb)}."),
        (f"P(A and B) = {say(pa)} · {say(pb)}", f"= {say(p)}."),
        [("independent-added", pa + pb,
          "For 'and' of independent events multiply the probabilities; adding them is "
          "(almost) 'or'."),
         ("and-as-or", pa + pb - p, "That is P(A or B); the question asks for both."),
         _complement(p)],
        {"event": f"{first_event} and {die_event}"})


def _without_replacement(rng: random.Random, params: ChanceParams) -> Counted:
    if rng.random() < 0.3:
        red, total = 4, 52
        setting = "Two cards are drawn from a shuffled 52-card deck, without replacement. " \
                  "What is the probability that both are aces?"
        thing = "aces"
    else:
        red, blue = rng.randint(*params.bag), rng.randint(*params.bag)
        total = red + blue
        setting = (f"A bag holds {red} red and {blue} blue marbles. Two are drawn at random, "
                   "without replacement. What is the probability that both are red?")
        thing = "red marbles"
    p = Fraction(red * (red - 1), total * (total - 1))
    return Counted(
        f"{setting}\n{HOW}", total * (total - 1), red * (red - 1),
        ("The draws are NOT independent: after the first draw, one fewer is left.",
         f"P(first) = {red}/{total}; P(second | first) = {red - 1}/{total - 1}."),
        (f"P(both) = {red}/{total} · {red - 1}/{total - 1} = {red * (red - 1)}/"
         f"{total * (total - 1)}", f"= {say(p)}."),
        [("independence-assumed", Fraction(red * red, total * total),
          f"That treats the draws as independent (with replacement); without replacement "
          f"only {red - 1} {thing} of {total - 1} are left for the second draw."),
         ("one-draw", Fraction(red, total), "That is the first draw alone; both must match."),
         ("denominator-not-reduced", Fraction(red * (red - 1), total * total),
          f"After the first draw {total - 1} remain, so the second factor is "
          f"{red - 1}/{total - 1}.")],
        {"event": f"two {thing}, without replacement"})


_SCENARIOS: dict[str, Callable[[random.Random, ChanceParams], Counted]] = {
    "dice-sum": _dice_sum, "coins": _coins, "cards-union": _cards_union,
    "at-least-one": _at_least_one, "independent": _independent,
    "without-replacement": _without_replacement,
}


def equally_likely(params: ChanceParams, rng: random.Random) -> Draft:
    """P(event) = favourable / outcomes for a scenario of `params.scenarios`."""
    scenario = rng.choice(params.scenarios)
    counted = _SCENARIOS[scenario](rng, params)
    key = Fraction(counted.favourable, counted.outcomes)
    refuse_if_a_mistake_scores(key, counted.slips, _same)
    kept = prune(key, counted.slips, _same)
    return Draft(
        prompt=counted.prompt, answer_kind="number", answer=plain_number(key),
        data={"outcomes": counted.outcomes, "favourable": counted.favourable,
              "scenario": scenario, **counted.facts},
        hints=counted.hints, solution=counted.steps,
        misconceptions=tuple(WrongAnswer(i, plain_number(w), m) for i, w, m in kept))


def _same(a: object, b: object) -> bool:
    return a == b
