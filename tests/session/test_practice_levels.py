"""Practice levels: only the difficulties a skill has, chosen or reached, heard by `on_level`;
the skip key counts as a miss for the level but is not a wrong answer."""

import dataclasses

import pytest

from quizapp.bank import default_bank
from quizapp.session import PracticeSession
from quizapp.session.practice import LEVEL_DOWN


def bank_from_level_2(skill: str = "derivative-trig"):
    """The shipped bank, with `skill`'s easiest families taken out: it starts at level 2."""
    bank = default_bank()
    families = {fid: f for fid, f in bank.families.items()
                if not (f.skill == skill and f.difficulty == 1)}
    return dataclasses.replace(bank, families=families, usable=set())


def test_a_skill_that_starts_at_2_is_practised_at_2_not_1() -> None:
    session = PracticeSession(bank_from_level_2(), "derivatives", "derivative-trig", seed=1)
    assert session.levels == (2, 3)
    assert session.level == 2
    assert session.next_problem().difficulty == 2
    assert PracticeSession(bank_from_level_2(), "derivatives", "derivative-trig", 1).level == 2


def test_a_chosen_level_serves_problems_of_that_difficulty_and_is_heard() -> None:
    heard: list[int] = []
    session = PracticeSession(default_bank(), "multivariable-calculus", "gradient-descent",
                              seed=4, on_level=lambda skill, level: heard.append(level))
    assert session.levels == (1, 2)
    assert session.step_level(1) and session.level == 2
    assert session.next_problem().difficulty == 2
    assert not session.step_level(1)  # there is no level 3 for this skill
    assert session.choose_level(3) is False and session.level == 2
    assert session.step_level(-1) and heard == [2, 1]


def test_a_saved_level_is_where_practice_starts() -> None:
    session = PracticeSession(default_bank(), "derivatives", "derivative-chain-rule", 3, seed=2)
    assert session.level == 3 and session.next_problem().difficulty == 3


def test_skipping_counts_as_a_miss_for_the_level_but_is_not_saved() -> None:
    saved, heard = [], []
    session = PracticeSession(default_bank(), "derivatives", "derivative-power-rule", 2,
                              seed=5, record=saved.append,
                              on_level=lambda skill, level: heard.append(level))
    for _ in range(LEVEL_DOWN):
        session.next_problem()
        session.skip()
    assert session.level == 1 and heard == [1]
    assert saved == [] and session.answered == 0 and session.skipped == LEVEL_DOWN


def test_skipping_an_answered_problem_is_not_a_second_miss() -> None:
    session = PracticeSession(default_bank(), "derivatives", "derivative-power-rule", 2, seed=5)
    session.next_problem()
    session.submit("0")  # wrong: one miss
    assert session.skip() == 0 and session.wrong_in_a_row == 1 and session.skipped == 0


@pytest.mark.parametrize("start", [1, 2])
def test_five_clean_answers_raise_the_level_to_the_next_the_skill_has(start: int) -> None:
    heard: list[int] = []
    session = PracticeSession(default_bank(), "derivatives", "derivative-power-rule", start,
                              seed=9, on_level=lambda skill, level: heard.append(level))
    for _ in range(5):
        problem = session.next_problem()
        session.submit(problem.answer)
    assert session.level == start + 1 and heard == [start + 1]


def test_in_topic_practice_each_skill_has_its_own_level() -> None:
    heard: list[tuple[str, int]] = []
    saved = {"derivative-chain-rule": 3}
    session = PracticeSession(default_bank(), "derivatives", seed=7, saved_level=saved.get,
                              on_level=lambda skill, level: heard.append((skill, level)))
    seen: dict[str, set[int]] = {}
    for _ in range(60):
        problem = session.next_problem()
        seen.setdefault(problem.skill, set()).add(problem.difficulty)
    assert seen["derivative-chain-rule"] == {3}  # its saved level
    assert all(levels == {1} for skill, levels in seen.items()
               if skill != "derivative-chain-rule")  # the others start at their easiest

    problem = session.next_problem("derivative-power-rule")
    assert problem.skill == "derivative-power-rule"
    assert session.step_level(1) and heard == [("derivative-power-rule", 2)]
    assert session.next_problem("derivative-power-rule").difficulty == 2
    assert session.next_problem("derivative-product-rule").difficulty == 1  # not moved


def test_clean_answers_raise_the_level_of_their_own_skill_only() -> None:
    heard: list[tuple[str, int]] = []
    session = PracticeSession(default_bank(), "derivatives", seed=11,
                              on_level=lambda skill, level: heard.append((skill, level)))
    counts: dict[str, int] = {}
    while not heard:
        problem = session.next_problem()
        counts[problem.skill] = counts.get(problem.skill, 0) + 1
        session.submit(problem.answer)
    [(skill, level)] = heard
    assert level == 2 and counts[skill] == 5  # five of that skill; others' answers don't count
    assert session.skills[skill].level == 2
    assert all(state.level == 1 for name, state in session.skills.items() if name != skill)


def test_a_difficulty_asked_for_applies_to_every_skill_of_the_topic() -> None:
    session = PracticeSession(default_bank(), "derivatives", difficulty=2, seed=3,
                              saved_level=lambda skill: 3)
    assert {session.next_problem().difficulty for _ in range(30)} == {2}
