"""Review mistakes: a fresh problem of the same family and skill, until one is answered right."""

import pytest

from quizapp.bank import default_bank, make_problem
from quizapp.session import NoProblems, ReviewSession


def test_review_serves_a_fresh_problem_of_the_mistakes_family() -> None:
    bank = default_bank()
    wrong = make_problem(bank, "matmul-2x2", 77)
    session = ReviewSession(bank, [wrong.id], seed=1)
    fresh = session.next_problem()
    assert fresh.family == wrong.family and fresh.skill == wrong.skill
    assert fresh.id != wrong.id


def test_a_mistake_answered_wrong_again_comes_back_as_another_fresh_problem() -> None:
    bank = default_bank()
    wrong = make_problem(bank, "matmul-2x2", 77)
    session = ReviewSession(bank, [wrong.id], seed=2)
    first = session.next_problem()
    session.submit("[[0, 0], [0, 0]]")
    assert session.remaining == 1
    again = session.next_problem()
    assert again.family == wrong.family and again.id not in (wrong.id, first.id)
    session.submit(again.answer)
    with pytest.raises(NoProblems):
        session.next_problem()


def test_families_the_bank_no_longer_has_are_left_out() -> None:
    bank = default_bank()
    wrong = make_problem(bank, "matmul-2x2", 77)
    session = ReviewSession(bank, ["retired-family.12", wrong.id], seed=3)
    assert session.next_problem().family == "matmul-2x2"
    with pytest.raises(NoProblems):
        ReviewSession(bank, ["retired-family.12"])


def test_a_mistake_put_right_only_after_a_miss_comes_back() -> None:
    bank = default_bank()
    wrong = make_problem(bank, "matmul-2x2", 77)
    session = ReviewSession(bank, [wrong.id], seed=3)
    first = session.next_problem()
    session.submit("[[0, 0], [0, 0]]")
    session.solution()
    session.submit(first.answer)  # copied from the solution: right, but not a first try
    assert session.solved and session.remaining == 1
    again = session.next_problem()
    assert again.family == wrong.family and again.id != first.id
    session.submit(again.answer)
    assert session.remaining == 0
    with pytest.raises(NoProblems):
        session.next_problem()
