"""Hardening of the app (issue 9): keystroke floods, long sessions, bank text that looks like
markup, and an Enter that races the end of a quiz. No test here depends on machine speed: each
waits for states, and the quiz clock is moved by hand."""

import gc
import shutil
import threading
import weakref
from pathlib import Path

import pytest
from textual import events
from textual.timer import Timer
from textual.widgets import DataTable, Input
from textual.widgets._footer import FooterKey

import quizapp.answers
from quizapp.answers import limits
from quizapp.bank import BankError
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.practice import PracticeScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.widgets.answer_box import MAX_ANSWER_CHARS, AnswerBox

from .conftest import SIZE, paste, practice_app, quiz_app, screen_text, settle, text_of, wait_until

BANK = Path(__file__).resolve().parents[2] / "question_bank"

# --- the answer box under a flood of keystrokes ---------------------------------------------


def test_the_box_caps_answers_where_the_engine_does() -> None:
    assert MAX_ANSWER_CHARS == limits.MAX_CHARS


async def test_a_long_paste_keeps_what_fits_and_says_why() -> None:
    app = practice_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await paste(pilot, "x+" * 3_000)
        line = app.screen.query_one("#answer", Input)
        assert len(line.value) == MAX_ANSWER_CHARS
        assert "at most 2,000 characters" in text_of(app, "#preview")
        await pilot.press("backspace")  # room again: the preview reads the answer again
        await settle(pilot)
        assert "2,000 characters" not in text_of(app, "#preview")


async def test_a_keystroke_flood_is_capped_previewed_one_at_a_time_and_ctrl_q_quits(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """~3 KB arriving as keystrokes (a paste without bracketed paste): the line stops at the
    cap with a message, previews never run side by side, the last one shows, ctrl+q quits."""
    real_preview = quizapp.answers.preview
    running, most = [0], [0]
    lock = threading.Lock()

    def counted_preview(*args, **kwargs):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            return real_preview(*args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(quizapp.answers, "preview", counted_preview)
    app = practice_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for char in "x+1-" * 750:  # posted at once, as a terminal driver delivers them
            app.post_message(events.Key(char, char))
        line = app.screen.query_one("#answer", Input)
        await wait_until(pilot, lambda: len(line.value) >= MAX_ANSWER_CHARS, timeout=300)
        await settle(pilot)
        assert len(line.value) == MAX_ANSWER_CHARS
        assert "at most 2,000 characters" in text_of(app, "#preview")
        assert most[0] == 1
        app.post_message(events.Key("ctrl+q", None))
        await wait_until(pilot, lambda: not app.is_running)
    assert app.return_code == 0


async def test_a_full_matrix_cell_says_so() -> None:
    app = practice_app("matrix-products", "matrix-product", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await paste(pilot, "1" * 5_000)
        cell = app.focused
        assert isinstance(cell, Input) and 10 <= len(cell.value) < MAX_ANSWER_CHARS
        assert "a cell holds at most" in text_of(app, "#preview")


# --- a long session ------------------------------------------------------------------------


async def answer_right_and_move_on(pilot) -> None:
    """Answer the current practice problem right, then ask for the next one."""
    screen = pilot.app.screen
    screen.query(AnswerBox).first().query_one("#answer", Input).value = \
        screen.session.problem.answer
    await settle(pilot)
    await pilot.press("enter")
    await wait_until(pilot, lambda: text_of(pilot.app, "#feedback").startswith("✓"))
    await pilot.press("enter")
    await wait_until(pilot, lambda: not text_of(pilot.app, "#feedback"))


def live(kind: type) -> int:
    gc.collect()
    return sum(isinstance(o, kind) for o in gc.get_objects())


async def test_finished_problems_let_go_of_their_widgets_and_timers() -> None:
    app = practice_app(seed=5)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        boxes = []
        for _ in range(2):
            boxes.append(weakref.ref(app.screen.query(AnswerBox).first()))
            await answer_right_and_move_on(pilot)
        timers, footer_keys = live(Timer), live(FooterKey)
        for _ in range(10):
            boxes.append(weakref.ref(app.screen.query(AnswerBox).first()))
            await answer_right_and_move_on(pilot)
        gc.collect()
        assert sum(ref() is not None for ref in boxes) == 0  # the shown box is not in the list
        assert live(Timer) <= timers + 2
        assert live(FooterKey) <= footer_keys + 2


# --- bank text is text, not markup ---------------------------------------------------------


@pytest.fixture
def odd_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bank whose topic and skill names look like Textual markup."""
    bank = tmp_path / "bank"
    shutil.copytree(BANK, bank)
    topics = bank / "topics.toml"
    text = topics.read_text(encoding="utf-8")
    text = text.replace('name = "Derivatives"', 'name = "Derivatives [/bold]"', 1)
    text = text.replace('name = "Power rule"', 'name = "Power [b]rule[/b] [link=x]"', 1)
    topics.write_text(text, encoding="utf-8")
    monkeypatch.setenv("QUIZAPP_BANK", str(bank))
    return bank


async def test_topic_and_skill_names_show_as_typed_everywhere(odd_bank: Path) -> None:
    clock = [0.0]
    app = QuizApp(clock=lambda: clock[0])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "Practise Derivatives [/bold]" in shown
        assert "Power [b]rule[/b] [link=x]" in shown

        await pilot.press("ctrl+p")
        await pilot.press(*"Practise Deriv")
        await wait_until(pilot, lambda: "Derivatives [/bold]" in screen_text(app))
        await pilot.press("escape")
        await settle(pilot)

        app.open_practice("derivatives", "derivative-power-rule")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        assert text_of(app, "#status").startswith("Power [b]rule[/b] [link=x]  Difficulty")
        await pilot.resize_terminal(120, 30)  # room for the topic too
        await settle(pilot)
        assert text_of(app, "#status").startswith(
            "Derivatives [/bold] › Power [b]rule[/b] [link=x]")
        await pilot.press("escape")
        await settle(pilot)

        app.open_stats()
        await settle(pilot)
        table = app.screen.query_one("#skills", DataTable)
        await wait_until(pilot, lambda: table.row_count > 0)
        names = [str(table.get_row_at(i)[0]).strip() for i in range(table.row_count)]
        assert "Power [b]rule[/b] [link=x]" in names  # the plots above may push it off screen
        await pilot.press("escape")
        await settle(pilot)

        app.open_quiz(("derivatives",), 1, 1, 7)
        await settle(pilot)
        await pilot.press("f7")  # skip the only question: the results come
        await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen))
        table = app.screen.query_one("#topics", DataTable)
        assert str(table.get_row_at(0)[0]) == "Derivatives [/bold]"


async def test_a_bank_error_naming_odd_text_is_shown_as_typed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_bank():
        raise BankError(["families/x.toml: family '[/bad]' has no generator [link=y]"])

    monkeypatch.setattr("quizapp.bank.default_bank", broken_bank)
    app = QuizApp()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.query("Toast")))
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        toasts = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "family '[/bad]' has no generator [link=y]" in toasts.replace("\n", " ")


# --- the end of a quiz ---------------------------------------------------------------------


async def test_an_enter_typed_as_time_runs_out_does_not_close_the_results() -> None:
    clock = [0.0]
    app = quiz_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clock[0] = 61.0
        await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen))
        await pilot.press("enter")  # meant for the answer box
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        clock[0] = 61.0 + ResultsScreen.ENTER_GRACE_S
        await pilot.press("enter")  # a deliberate Enter, once the results could be read
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_a_problem_that_arrives_after_the_learner_left_is_dropped():
    from quizapp.tui.rendering import problem_text
    from quizapp.tui.screens.home import HomeScreen

    app = practice_app(seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        practice = app.screen
        problem = practice.session.problem
        await pilot.press("escape")  # home, while (say) the next problem is being made
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        # the worker's result lands on the screen that was left: no error, nothing shown
        await practice.show_problem(problem, problem_text(problem), None)
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and app.is_running
