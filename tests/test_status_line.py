"""The status line above a problem fits the terminal and keeps what matters as it narrows."""

import pytest

from quizapp.tui.status_line import PracticeStatus, cells, clip, practice_status, quiz_status

# The status line has one cell of padding each side: 78 cells in an 80-column terminal.
AT_80, AT_60 = 78, 58
LONG_SKILLS = [("Multivariable calculus", "Gradient of a regression loss"),
               ("Derivatives", "Sigmoid, tanh and softplus"),
               ("Multivariable calculus", "Multivariable chain rule"),
               ("Matrix products", "Matrix times matrix")]


def practising(topic: str = "Derivatives", skill: str = "Power rule", unsaved: bool = False,
               right: int = 3, answered: int = 12) -> PracticeStatus:
    return PracticeStatus(topic, skill, right, answered, unsaved, difficulty=2, levels=(1, 2, 3),
                          level_done=2, level_total=5, streak=4)


def test_a_short_skill_at_80_columns_says_everything_in_full() -> None:
    assert practice_status(practising(), AT_80) == (
        "Derivatives › Power rule  Difficulty 2 of 1–3 ▰▰▱▱▱  Streak 4  First try 3/12")


def test_the_topic_goes_before_anything_else() -> None:
    line = practice_status(practising("Matrix products", "Matrix times matrix"), AT_80)
    assert line == "Matrix times matrix  Difficulty 2 of 1–3 ▰▰▱▱▱  Streak 4  First try 3/12"


@pytest.mark.parametrize(("topic", "skill"), LONG_SKILLS)
@pytest.mark.parametrize("unsaved", [False, True])
def test_at_80_columns_long_skills_keep_every_part(topic: str, skill: str, unsaved: bool) -> None:
    line = practice_status(practising(topic, skill, unsaved), AT_80)
    assert cells(line) <= AT_80
    assert line.startswith(skill)
    assert "2 of 1–3 ▰▰▱▱▱" in line and "Streak 4" in line
    assert ("not saved" in line) is unsaved
    # the first-try score is the first to give way to the warning that nothing is saved
    assert (" try 3/12" in line) is (not unsaved or len(skill) < 20)


@pytest.mark.parametrize(("topic", "skill"), LONG_SKILLS)
@pytest.mark.parametrize("unsaved", [False, True])
def test_at_60_columns_the_skill_difficulty_and_streak_stay(topic: str, skill: str,
                                                             unsaved: bool) -> None:
    line = practice_status(practising(topic, skill, unsaved), AT_60)
    assert cells(line) <= AT_60
    assert line.startswith(skill[:20])
    assert "Diff. 2" in line and "Streak 4" in line
    assert ("(not saved)" in line) is unsaved


def test_at_60_columns_a_long_name_is_whole_when_the_level_bar_makes_room() -> None:
    line = practice_status(practising("Multivariable calculus", "Gradient of a regression loss"),
                           AT_60)
    assert line == "Gradient of a regression loss  Diff. 2 of 1–3  Streak 4"


def test_a_name_is_cut_with_an_ellipsis_only_when_nothing_else_can_give_way() -> None:
    line = practice_status(practising("Multivariable calculus", "Gradient of a regression loss",
                                      unsaved=True), AT_60)
    assert line == "Gradient of a regression…  Diff. 2  Streak 4  (not saved)"


@pytest.mark.parametrize("width", [AT_80, AT_60, 40, 20, 5, 1])
@pytest.mark.parametrize("unicode", [True, False])
def test_the_line_never_outgrows_its_width(width: int, unicode: bool) -> None:
    for topic, skill in LONG_SKILLS:
        for unsaved in (False, True):
            line = practice_status(practising(topic, skill, unsaved), width, unicode)
            assert cells(line) <= width
            assert unicode or line.isascii()


def test_ascii_says_the_same_in_ascii() -> None:
    line = practice_status(practising(unsaved=True), AT_80, unicode=False)
    assert line == "Power rule  Diff. 2 of 1-3 ##---  Streak 4  1st try 3/12  (progress not saved)"


def reviewing(skill: str, unsaved: bool = False) -> PracticeStatus:
    return PracticeStatus("Multivariable calculus", skill, 1, 2, unsaved, to_go=7)


def test_review_at_80_columns_in_full() -> None:
    assert practice_status(reviewing("Gradient"), AT_80) == (
        "Review mistakes › Multivariable calculus › Gradient  7 to go  First try 1/2")


@pytest.mark.parametrize("skill", [skill for _, skill in LONG_SKILLS])
@pytest.mark.parametrize("width", [AT_80, AT_60])
def test_review_keeps_the_skill_and_how_many_are_left(skill: str, width: int) -> None:
    for unsaved in (False, True):
        line = practice_status(reviewing(skill, unsaved), width)
        assert cells(line) <= width
        assert line.startswith("Review") and skill[:20] in line and "7 to go" in line
        assert ("not saved" in line) is unsaved
        assert "Streak" not in line and "Diff" not in line  # a review has no levels


def test_review_with_a_long_name_at_60_columns() -> None:
    assert practice_status(reviewing("Gradient of a regression loss", unsaved=True), AT_60) == (
        "Review › Gradient of a regression l…  7 to go  (not saved)")


def test_a_skill_with_one_level_says_so() -> None:
    status = PracticeStatus("Eigenvalues", "Eigenvalues", 0, 0, difficulty=2, levels=(2,),
                            level_done=0, level_total=5)
    assert "Difficulty 2 (the only one) ▱▱▱▱▱" in practice_status(status, AT_80)
    assert "Diff. 2 (only)" in practice_status(status, 50)


ALL_TOPICS = ("derivatives+matrix-products+eigenvalues+multivariable-calculus+linear-algebra"
              "+probability+notation/10/10/1234")


def test_the_quiz_line_in_full_when_it_fits() -> None:
    assert quiz_status(1, 3, "01:00", "derivatives/3/1/32", AT_80) == (
        "Question 1 of 3  ⏱ 01:00  Quiz code derivatives/3/1/32")


def test_the_quiz_code_is_shown_whole_or_not_at_all() -> None:
    three = "derivatives+matrix-products+eigenvalues/10/10/1234"
    assert quiz_status(4, 10, "09:59", three, AT_80) == f"Q 4/10  ⏱ 09:59  Code {three}"
    assert quiz_status(4, 10, "09:59", ALL_TOPICS, AT_80) == "Question 4 of 10  ⏱ 09:59"
    assert quiz_status(4, 10, "09:59", three, AT_60, unicode=False) == (
        "Question 4 of 10  time 09:59")
    assert quiz_status(4, 10, "09:59", three, 15) == "Q 4/10  ⏱ 09:59"


def test_clip_counts_wide_characters_as_two_cells() -> None:
    assert cells("日本") == 4
    assert clip("日本語のスキル", 7) == "日本語…"
    assert clip("abcdef", 4, unicode=False) == "a..."
    assert clip("abc", 3) == "abc"
