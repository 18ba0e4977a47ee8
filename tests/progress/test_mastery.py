"""Mastery levels, decay and review scheduling, with an injected clock."""

from quizapp.progress import all_mastery, due, mistakes_to_review, weakest
from quizapp.progress.mastery import DAY, REVIEW_AFTER, skill_mastery
from quizapp.progress.store import Attempt

SKILL = "derivative-chain-rule"


def attempts(results: list[tuple[bool, int]], start: float = 0.0, skill: str = SKILL,
             step: float = 60.0) -> list[Attempt]:
    return [Attempt(start + i * step, f"chain.{i}", "derivatives", skill, difficulty, "x",
                    correct, None, 5.0, 0, "practice")
            for i, (correct, difficulty) in enumerate(results)]


def test_levels_climb_with_recent_first_attempts() -> None:
    assert skill_mastery(SKILL, [], 0).name == "not started"
    assert skill_mastery(SKILL, attempts([(False, 1)]), 100).name == "attempted"
    assert skill_mastery(SKILL, attempts([(True, 1)] * 3), 500).name == "familiar"
    assert skill_mastery(SKILL, attempts([(True, 1)] * 3 + [(True, 2)] * 2), 500).name \
        == "proficient"
    mastered = attempts([(True, 1)] * 3 + [(True, 2)] * 3 + [(True, 3)] * 3)
    assert skill_mastery(SKILL, mastered, 1000).name == "mastered"


def test_recent_mistakes_pull_the_level_down() -> None:
    history = attempts([(True, 3)] * 8 + [(False, 2)] * 4)
    assert skill_mastery(SKILL, history, 1000).level <= 2


def test_not_first_attempts_do_not_count() -> None:
    retries = [Attempt(i, "chain.1", "derivatives", SKILL, 1, "x", True, None, 1, 0, "practice",
                       first=False) for i in range(10)]
    assert skill_mastery(SKILL, retries, 100).name == "not started"


def test_a_mastered_skill_comes_due_and_then_decays() -> None:
    history = attempts([(True, 1)] * 3 + [(True, 2)] * 3 + [(True, 3)] * 3)
    last = history[-1].at
    fresh = skill_mastery(SKILL, history, last + 1)
    assert fresh.name == "mastered" and not fresh.due(last + 1)
    later = last + REVIEW_AFTER[4] + 1
    assert skill_mastery(SKILL, history, later).due(later)
    assert skill_mastery(SKILL, history, later).name == "mastered"
    much_later = last + 2 * REVIEW_AFTER[4] + DAY
    assert skill_mastery(SKILL, history, much_later).level < 4


def test_due_weakest_and_mistakes() -> None:
    history = attempts([(True, 1)] * 3, skill="eigenvalues") + attempts([(False, 1)] * 2)
    now = max(a.at for a in history) + REVIEW_AFTER[2] + 1
    mastery = all_mastery(["eigenvalues", SKILL, "matrix-product"], history, now)
    assert weakest(mastery) == SKILL  # started and weakest, before the untouched ones
    assert "eigenvalues" in due(mastery, now)
    wrong_twice = attempts([(False, 1)] * 2)
    assert mistakes_to_review(wrong_twice) == ["chain.1"]  # one family: one mistake to review
    assert mistakes_to_review(wrong_twice + attempts([(True, 1)], start=500)) == []


def test_a_skill_without_hard_problems_can_still_be_mastered() -> None:
    from quizapp.bank.catalog import skill_ceilings

    ceilings = skill_ceilings()
    assert ceilings["matrix-shapes"] == 3 and ceilings["eigenvalues"] == 3
    easy = attempts([(True, 1)] * 9, skill="matrix-shapes")
    assert skill_mastery("matrix-shapes", easy, 1000, 1).name == "mastered"  # top level 1
    assert skill_mastery("matrix-shapes", easy, 1000).name == "familiar"  # if it had level 3
