"""Numbers of any size and one rule for decimals (issue 10, items 1 and 2).

A decimal is judged against the key's own magnitude: at least 3 significant digits, within one
unit of the last digit typed — for 1e-40 and 1e40 exactly as for 1. Zero equals only zero.
In expression answers decimals are exact, and a rounded decimal standing for an exact value is
a try-again (an `error` verdict: the attempt is not spent) that names the exact value.
"""

import pytest

from quizapp.answers import check

RIGHT, WRONG, TRY_AGAIN = "right", "wrong", "try-again"


def _outcome(verdict) -> str:
    if verdict.error:
        assert not verdict.correct
        return TRY_AGAIN
    return RIGHT if verdict.correct else WRONG


SCALED = [
    # (key, answer, outcome): the same rule at every scale
    ("1/3", "0.333", RIGHT), ("1/3", "0.334", RIGHT), ("1/3", "0.335", WRONG),
    ("1/3", "0.33", WRONG),
]


@pytest.mark.parametrize("scale", ["10**-40", "10**-33", "1", "10**40"])
@pytest.mark.parametrize(("key", "answer", "outcome"), SCALED)
def test_the_decimal_rule_holds_at_every_magnitude(scale: str, key: str, answer: str,
                                                   outcome: str) -> None:
    exponent = {"10**-40": "e-40", "10**-33": "e-33", "1": "", "10**40": "e40"}[scale]
    verdict = check(answer + exponent, f"({key})*{scale}", "number")
    assert _outcome(verdict) == outcome, verdict


NUMBERS = [
    ("1.2e-33", "0", WRONG),  # today: accepted
    ("1.2e-33", "1.27e-33", WRONG),  # 6% off: today accepted
    ("1.2e-33", "1.20e-33", RIGHT),
    ("1.2e-33", "1.2e-33", RIGHT),
    ("12*10**-34", "1.21e-33", RIGHT),
    ("1.2e-33", "1.19e-33", RIGHT),
    ("1.2e-33", "1.18e-33", WRONG),
    ("3*10**-40", "0", WRONG),
    ("3*10**-40", "3.00e-40", RIGHT),
    ("3*10**-40", "6e-40", WRONG),
    ("2*10**40", "2.00e40", RIGHT),
    ("2*10**40", "2.02e40", WRONG),
    ("0", "1e-40", WRONG),  # zero equals only zero
    ("0", "0.001", WRONG),
    ("0", "0.000", RIGHT),
    ("0", "sin(pi)", RIGHT),
    ("0", "log(2) + log(3) - log(6)", RIGHT),
    ("1/3", "0.3333", RIGHT),  # number answers keep the one-unit rule for rounded decimals
    ("sqrt(2)", "1.4142", RIGHT),
]


@pytest.mark.parametrize(("key", "answer", "outcome"), NUMBERS)
def test_numbers_are_judged_by_their_own_size(key: str, answer: str, outcome: str) -> None:
    verdict = check(answer, key, "number")
    assert _outcome(verdict) == outcome, verdict


ARRAYS = [
    ("vector", "[1.2e-33, 1]", "[0, 1]", WRONG),
    ("vector", "[1.2e-33, 1]", "[1.27e-33, 1]", WRONG),
    ("vector", "[1.2e-33, 1]", "[1.20e-33, 1.00]", RIGHT),
    ("matrix", "[[1.5e-40, 0], [0, 1]]", "[[0, 0], [0, 1]]", WRONG),
    ("matrix", "[[1.5e-40, 0], [0, 1]]", "[[1.50e-40, 0], [0, 1]]", RIGHT),
    ("matrix", "[[1.5e40, 0], [0, 1]]", "[[1.6e40, 0], [0, 1]]", WRONG),
    ("multiset", "1.2e-33, 5", "0, 5", WRONG),
    ("multiset", "1.2e-33, 5", "5, 1.201e-33", RIGHT),
    ("multiset", "1.2e-33, 5", "5, 1.3e-33", WRONG),
]


@pytest.mark.parametrize(("kind", "key", "answer", "outcome"), ARRAYS)
def test_entries_are_judged_by_their_own_size(kind: str, key: str, answer: str,
                                              outcome: str) -> None:
    verdict = check(answer, key, kind)
    assert _outcome(verdict) == outcome, verdict


COEFFICIENTS = [
    ("3*10**-40*x", "0", WRONG),  # today: accepted
    ("3*10**-40*x", "0*x", WRONG),
    ("3*10**-40*x", "3e-40x", RIGHT),
    ("3*10**-40*x", "3.1e-40x", WRONG),
    ("10**-40*x**2", "10**-40*x**3", WRONG),
    ("3*10**40*x", "3e40x", RIGHT),
    ("3*10**40*x", "3.01e40x", WRONG),
]


@pytest.mark.parametrize(("key", "answer", "outcome"), COEFFICIENTS)
def test_small_and_large_coefficients_in_expressions(key: str, answer: str,
                                                     outcome: str) -> None:
    verdict = check(answer, key, "expression")
    assert _outcome(verdict) == outcome, verdict


EXPRESSION_DECIMALS = [
    # (key, answer, outcome, the exact value the message names)
    ("1/3", "0.3333", TRY_AGAIN, "1/3"),
    ("sqrt(2)", "1.4142", TRY_AGAIN, "√2"),
    ("1", "0.99999999", TRY_AGAIN, "1"),
    ("x/3", "0.3333x", TRY_AGAIN, "1/3"),
    ("x/3", "0.333x", TRY_AGAIN, "1/3"),
    ("sqrt(2)*x**2", "1.414x^2", TRY_AGAIN, "√2"),
    ("2*pi*x/3", "2.0944x", TRY_AGAIN, "2π/3"),
    ("exp(x)/7 + 1", "0.142857e^x + 1", TRY_AGAIN, "1/7"),
    ("x/4", "0.25x", RIGHT, None),  # decimals in expressions are exact
    ("3*x/2", "1.5x", RIGHT, None),
    ("1/4", "0.25", RIGHT, None),
    ("x/3", "0.3x", WRONG, None),  # too few digits to stand for 1/3
    ("2*x", "0.3333x", WRONG, None),  # 1/3 rounded, but x/3 is wrong anyway
    ("1/3", "0.34", WRONG, None),
    ("1/3", "0.3", WRONG, None),
]


@pytest.mark.parametrize(("key", "answer", "outcome", "exact"), EXPRESSION_DECIMALS)
def test_rounded_decimals_in_expression_answers_are_a_try_again(
        key: str, answer: str, outcome: str, exact: str | None) -> None:
    verdict = check(answer, key, "expression")
    assert _outcome(verdict) == outcome, verdict
    if exact is not None:
        number = answer.split("x")[0].split("e^")[0]
        assert verdict.error == f"{number} looks like {exact} rounded — type the exact value"


def test_a_rounded_value_too_odd_to_name_still_asks_for_the_exact_form() -> None:
    verdict = check("0.301", "log(2)/log(10)", "expression")
    assert verdict.error and "rounded" in verdict.error and "exact" in verdict.error
    assert not verdict.correct

