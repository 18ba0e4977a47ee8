"""Snapshot tests (pytest-textual-snapshot): fixed sizes, fixed seeds, an injected quiz clock and
no cursor blink, so the SVGs are stable. Update with `pytest tests/app --snapshot-update`."""

from textual.pilot import Pilot

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.results import ResultsScreen

from .conftest import SIZE, paste, practice_app, quiz_app, settle, type_text, wait_until


async def settled(pilot: Pilot) -> None:
    """The bank loaded, the problem generated and rendered."""
    await settle(pilot)


def test_home(snap_compare):
    assert snap_compare(QuizApp(), terminal_size=(80, 24), run_before=settled)


def test_practice_problem(snap_compare):
    assert snap_compare(practice_app(seed=3), terminal_size=SIZE, run_before=settled)


def test_wrong_answer_feedback_with_resource(snap_compare):
    async def wrong_answer(pilot: Pilot) -> None:
        await settle(pilot)
        await type_text(pilot, pilot.app.screen.session.problem.misconceptions[0].answer)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(practice_app(seed=3), terminal_size=SIZE, run_before=wrong_answer)


def test_quiz_results(snap_compare):
    clock = [0.0]

    async def quiz_until_time_is_up(pilot: Pilot) -> None:
        await settle(pilot)
        await paste(pilot, pilot.app.screen.session.items[0].problem.answer)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        clock[0] = 61.0
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ResultsScreen))

    assert snap_compare(quiz_app(clock), terminal_size=SIZE, run_before=quiz_until_time_is_up)
