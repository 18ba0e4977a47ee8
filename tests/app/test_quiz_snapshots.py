"""80×24 snapshots of the quiz dialogs: leaving a quiz, the custom quiz form, a quiz code.
Update with `pytest tests/app/test_quiz_snapshots.py --snapshot-update`."""

from textual.pilot import Pilot
from textual.widgets import OptionList

from quizapp.tui.app import QuizApp

from .conftest import quiz_app, settle, wait_until

SIZE_80x24 = (80, 24)


def test_leave_quiz_dialog(snap_compare):
    async def press_escape(pilot: Pilot) -> None:
        await wait_until(pilot, lambda: bool(pilot.app.screen.query("AnswerBox")))
        await pilot.press("escape")
        await settle(pilot)

    assert snap_compare(quiz_app([0.0]), terminal_size=SIZE_80x24, run_before=press_escape)


def _open(option: str):
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        menu = pilot.app.screen.query_one(OptionList)
        menu.highlighted = menu.get_option_index(option)
        await pilot.press("enter")
        await settle(pilot)
    return run_before


def test_custom_quiz_form(snap_compare):
    assert snap_compare(QuizApp(), terminal_size=SIZE_80x24, run_before=_open("custom-quiz"))


def test_quiz_code_screen(snap_compare):
    assert snap_compare(QuizApp(), terminal_size=SIZE_80x24, run_before=_open("quiz-code"))
