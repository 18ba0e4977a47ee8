"""The timed quiz as the review of issue 12 found it wanting: the code is on screen (or a palette
command away) at any width, a message clears when the answer is edited, the countdown runs
under the leave-quiz dialog and a quiz whose time ran out is scored, not abandoned, and the
custom quiz form's tick boxes show their state without colour."""

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import SelectionList

from quizapp.bank.catalog import read_topics
from quizapp.session.spec import QuizSpec
from quizapp.tui.app import Launch, QuizApp
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.quiz_confirm import LeaveQuizScreen
from quizapp.tui.screens.quiz_form import QuizFormScreen
from quizapp.tui.screens.results import ResultsScreen
from tests.app.conftest import (
    clear_line,
    paste,
    screen_text,
    settle,
    text_of,
    type_text,
    wait_until,
)

QUIZ = QuizSpec(("derivatives",), 3, 1, 32)
LONG = 120  # seconds: waits are for states; a busy machine only makes them slower


def quiz_app(clock: list[float], home: Path, spec: QuizSpec = QUIZ) -> QuizApp:
    return QuizApp(Launch("quiz", quiz=spec), clock=lambda: clock[0], home=home,
                   now=lambda: 1_800_000_000.0)


async def quiz_on_screen(pilot) -> QuizScreen:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, QuizScreen)
                     and bool(pilot.app.screen.query("AnswerBox")), timeout=LONG)
    return pilot.app.screen


def quiz_rows(home: Path) -> list[tuple]:
    return sqlite3.connect(home / "progress.db").execute(
        "SELECT answered, abandoned, finished IS NOT NULL, \"right\" FROM quizzes").fetchall()


def status_of(quiz: QuizScreen) -> str:
    return str(quiz.query_one("#status").render())


async def test_a_quiz_of_every_topic_shows_its_code_at_80_columns(tmp_path: Path) -> None:
    every = tuple(t.id for t in read_topics())
    app = quiz_app([0.0], tmp_path, QuizSpec(every, 2, 10, 1234))
    async with app.run_test(size=(80, 24)) as pilot:
        quiz = await quiz_on_screen(pilot)
        await wait_until(pilot, lambda: "Quiz code all/2/10/1234" in status_of(quiz),
                         timeout=LONG)


async def test_a_code_too_long_for_the_line_is_a_palette_command_away(tmp_path: Path) -> None:
    topics = ("matrix-products", "eigenvalues", "linear-algebra", "multivariable-calculus",
              "probability", "notation")
    spec = QuizSpec(topics, 100, 300, 99_999)
    app = quiz_app([0.0], tmp_path, spec)
    async with app.run_test(size=(60, 24), notifications=True) as pilot:
        quiz = await quiz_on_screen(pilot)
        code = "mat+eig+lin+mul+pro+not/100/300/99999"
        assert code not in status_of(quiz)  # no room at 60 columns …
        [copy] = [c for c in app.get_system_commands(quiz) if c.title == "Copy quiz code"]
        copy.callback()
        await settle(pilot)
        assert app.clipboard == code  # … but copied whole, and said
        assert any(code in n.message for n in app._notifications)
        quiz.action_finish()
        await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen), timeout=LONG)
        assert f"Quiz code {code}" in text_of(app, "#score")
        assert "Copy quiz code" in [c.title for c in app.get_system_commands(app.screen)]


async def test_editing_the_answer_clears_the_quiz_message(tmp_path: Path) -> None:
    app = quiz_app([0.0], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        quiz = await quiz_on_screen(pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Type an answer" in text_of(app, "#feedback"),
                         timeout=LONG)
        await type_text(pilot, "3")
        await wait_until(pilot, lambda: "reads as" in screen_text(app), timeout=LONG)
        assert text_of(app, "#feedback") == ""
        await clear_line(pilot)
        await paste(pilot, quiz.session.items[0].problem.answer)
        await pilot.press("enter")
        await wait_until(pilot, lambda: quiz.shown == 1, timeout=LONG)
        assert "Right (question 1)" in text_of(app, "#feedback")  # a new box does not clear it
        await type_text(pilot, "x")
        assert text_of(app, "#feedback") == ""


async def test_the_countdown_runs_while_the_leave_dialog_is_open(tmp_path: Path) -> None:
    clock = [0.0]
    app = quiz_app(clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        quiz = await quiz_on_screen(pilot)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveQuizScreen), timeout=LONG)
        clock[0] = 30.0
        await wait_until(pilot, lambda: "⏱ 00:30" in status_of(quiz), timeout=LONG)
        assert isinstance(app.screen, LeaveQuizScreen)


async def test_time_running_out_under_the_dialog_shows_the_results(tmp_path: Path) -> None:
    clock = [0.0]
    app = quiz_app(clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await quiz_on_screen(pilot)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveQuizScreen), timeout=LONG)
        clock[0] = 61.0
        await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen), timeout=LONG)
        assert "time ran out" in text_of(app, "#score")
    assert quiz_rows(tmp_path) == [(0, 0, 1, 0)]  # scored, not abandoned


@pytest.mark.parametrize("choice", ["leave", "stay"])
async def test_a_choice_made_after_the_deadline_gives_the_results(tmp_path: Path,
                                                                  choice: str) -> None:
    clock = [0.0]
    app = quiz_app(clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        quiz = await quiz_on_screen(pilot)
        await paste(pilot, quiz.session.items[0].problem.answer)  # typed, no Enter
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveQuizScreen), timeout=LONG)
        clock[0] = 61.0  # and the learner chooses before the countdown's next tick
        getattr(app.screen, f"action_{choice}")()
        await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen), timeout=LONG)
        score = text_of(app, "#score")
        assert "Score 1/3" in score and "time ran out" in score
    assert quiz_rows(tmp_path) == [(1, 0, 1, 1)]


async def test_quitting_after_the_deadline_saves_the_score(tmp_path: Path) -> None:
    clock = [0.0]
    app = quiz_app(clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        quiz = await quiz_on_screen(pilot)
        await paste(pilot, quiz.session.items[0].problem.answer)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveQuizScreen), timeout=LONG)
        clock[0] = 61.0
        app.screen.action_leave()
        await pilot.pause()
    assert quiz_rows(tmp_path) == [(1, 0, 1, 1)]


@pytest.mark.parametrize(("ascii_only", "ticked", "unticked"),
                         [(False, "▐X▌ Derivatives", "▐ ▌ Matrix products"),
                          (True, "[X] Derivatives", "[ ] Matrix products")])
async def test_tick_boxes_show_their_state_without_colour(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ascii_only: bool, ticked: str,
        unticked: str) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = QuizApp(home=tmp_path, clock=lambda: 0.0, unicode=not ascii_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), timeout=LONG)
        app.home_choice("custom-quiz")
        await wait_until(pilot, lambda: isinstance(app.screen, QuizFormScreen), timeout=LONG)
        app.screen.query_one(SelectionList).deselect("matrix-products")
        await settle(pilot)
        shown = screen_text(app)
        assert ticked in shown and unticked in shown
