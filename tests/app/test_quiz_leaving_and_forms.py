"""Quizzes from the TUI: leaving asks first and records the quiz as abandoned; the answer typed
when time runs out is graded if it reads; a custom quiz form and a quiz code start quizzes."""

import sqlite3
from pathlib import Path

from textual.widgets import Input, OptionList, SelectionList

from quizapp.session.spec import QuizSpec
from quizapp.tui.app import Launch, QuizApp
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.quiz_confirm import LeaveQuizScreen
from quizapp.tui.screens.quiz_form import QuizCodeScreen, QuizFormScreen
from quizapp.tui.screens.results import ResultsScreen
from tests.app.conftest import paste, screen_text, settle, text_of, wait_until

QUIZ = QuizSpec(("derivatives",), 3, 1, 32)
LONG = 120  # seconds: waits are for states; a busy machine only makes them slower


def quiz_app(clock: list[float], home: Path) -> QuizApp:
    return QuizApp(Launch("quiz", quiz=QUIZ), clock=lambda: clock[0], home=home,
                   now=lambda: 1_800_000_000.0)


async def quiz_on_screen(pilot) -> None:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, QuizScreen)
                     and bool(pilot.app.screen.query("AnswerBox")), timeout=LONG)


def quiz_rows(home: Path) -> list[tuple]:
    return sqlite3.connect(home / "progress.db").execute(
        "SELECT code, answered, abandoned FROM quizzes").fetchall()


async def test_esc_asks_and_keep_going_returns_to_the_quiz(tmp_path: Path) -> None:
    clock = [0.0]
    app = quiz_app(clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await quiz_on_screen(pilot)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveQuizScreen), timeout=LONG)
        assert "recorded as abandoned" in screen_text(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, QuizScreen), timeout=LONG)
        assert quiz_rows(tmp_path) == [(QUIZ.code, 0, 0)]


async def test_leaving_a_quiz_records_it_as_abandoned_not_a_score(tmp_path: Path) -> None:
    clock = [0.0]
    app = quiz_app(clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await quiz_on_screen(pilot)
        await paste(pilot, app.screen.session.items[0].problem.answer)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen.session.index == 1, timeout=LONG)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveQuizScreen), timeout=LONG)
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen)
                         and app.screen.query_one("#last-quiz").display, timeout=LONG)
        assert "Last quiz: abandoned, 1 of 3 answered" in text_of(app, "#last-quiz")
    assert quiz_rows(tmp_path) == [(QUIZ.code, 1, 1)]


async def test_ctrl_q_in_a_quiz_asks_then_quits_leaving_it_abandoned(tmp_path: Path) -> None:
    clock = [0.0]
    app = quiz_app(clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await quiz_on_screen(pilot)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveQuizScreen), timeout=LONG)
        assert app.is_running
        await pilot.press("y")
        await pilot.pause()
    assert quiz_rows(tmp_path) == [(QUIZ.code, 0, 1)]


async def test_ctrl_q_under_help_or_notation_still_asks_about_the_running_quiz(
        tmp_path: Path) -> None:
    from quizapp.tui.screens.help import HelpScreen

    clock = [0.0]
    app = quiz_app(clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await quiz_on_screen(pilot)
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), timeout=LONG)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveQuizScreen), timeout=LONG)
        assert app.is_running
        await pilot.press("n")  # keep going: back under the help, the quiz still running
        await wait_until(pilot, lambda: not isinstance(app.screen, LeaveQuizScreen),
                         timeout=LONG)
        assert app.is_running and quiz_rows(tmp_path) == [(QUIZ.code, 0, 0)]
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveQuizScreen), timeout=LONG)
        await pilot.press("y")
        await pilot.pause()
    assert quiz_rows(tmp_path) == [(QUIZ.code, 0, 1)]


async def test_a_readable_answer_typed_when_time_runs_out_is_graded(tmp_path: Path) -> None:
    clock = [0.0]
    app = quiz_app(clock, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await quiz_on_screen(pilot)
        await paste(pilot, app.screen.session.items[0].problem.answer)  # no Enter
        clock[0] = 61.0  # the countdown's next tick ends the quiz
        await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen), timeout=LONG)
        score = text_of(app, "#score")
        assert "Score 1/3" in score and "time ran out" in score


async def test_an_unreadable_answer_when_time_runs_out_is_listed_unanswered(
        tmp_path: Path) -> None:
    clock = [0.0]
    app = quiz_app(clock, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await quiz_on_screen(pilot)
        await paste(pilot, "3*x^(")
        clock[0] = 61.0
        await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen), timeout=LONG)
        assert "Score 0/3" in text_of(app, "#score")
        assert "'3*x^(' could not be read" in str(app.screen.query(".mistake").first().render())
    pending = sqlite3.connect(tmp_path / "progress.db").execute(
        "SELECT answer, misconception, first FROM attempts").fetchall()
    assert pending == [("3*x^(", "timed-out", 0)]  # kept for "Review mistakes"


async def open_from_home(pilot, option: str) -> None:
    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), timeout=LONG)
    menu = app.screen.query_one(OptionList)
    menu.highlighted = menu.get_option_index(option)
    await pilot.press("enter")
    await settle(pilot)


async def test_custom_quiz_form_starts_the_quiz_it_describes(tmp_path: Path) -> None:
    app = QuizApp(home=tmp_path, clock=lambda: 0.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_home(pilot, "custom-quiz")
        assert isinstance(app.screen, QuizFormScreen)
        topics = app.screen.query_one(SelectionList)
        topics.deselect_all()
        topics.select("eigenvalues")
        app.screen.query_one("#quiz-questions", Input).value = "0"
        app.screen.query_one("#quiz-questions", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "Questions: a whole number from 1 to 100." in text_of(app, "#form-error")
        app.screen.query_one("#quiz-questions", Input).value = "4"
        app.screen.query_one("#quiz-minutes", Input).value = "2.5"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, QuizScreen), timeout=LONG)
        spec = app.screen.spec
        assert (spec.topics, spec.questions, spec.minutes) == (("eigenvalues",), 4, 2.5)
        await wait_until(pilot, lambda: "Question 1 of 4" in text_of(app, "#status"),
                         timeout=LONG)


async def test_a_shared_quiz_code_starts_that_quiz(tmp_path: Path) -> None:
    app = QuizApp(home=tmp_path, clock=lambda: 0.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_home(pilot, "quiz-code")
        assert isinstance(app.screen, QuizCodeScreen)
        await paste(pilot, "algebra/3/5/11")
        await pilot.press("enter")
        await settle(pilot)
        assert "Unknown topic algebra" in text_of(app, "#form-error")
        app.screen.query_one(Input).value = "derivatives+eigenvalues/2/5/11"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, QuizScreen), timeout=LONG)
        await wait_until(pilot, lambda: "Quiz code derivatives+eigenvalues/2/5/11"
                         in text_of(app, "#status"), timeout=LONG)


async def test_palette_offers_the_custom_quiz_and_the_code(tmp_path: Path) -> None:
    app = QuizApp(home=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Custom quiz" in titles and "Enter a quiz code" in titles
        app.home_choice("quiz-code")
        await settle(pilot)
        assert isinstance(app.screen, QuizCodeScreen)
