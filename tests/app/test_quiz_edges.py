"""Quiz edges: an answer sent just as time runs out, and codes that cannot make a quiz."""

import subprocess
import sys
from pathlib import Path

from quizapp.session.spec import QuizSpec
from quizapp.tui.app import Launch, QuizApp
from quizapp.tui.screens.results import ResultsScreen
from tests.app.conftest import settle, wait_until


async def test_enter_just_after_the_deadline_shows_the_results() -> None:
    clock = [0.0]
    app = QuizApp(Launch("quiz", quiz=QuizSpec(("derivatives",), 3, 1, 7)),
                  clock=lambda: clock[0])
    async with app.run_test(size=(100, 30)) as pilot:
        # the bank loads in a thread: on a busy machine that takes a while (a state, not a time)
        await wait_until(pilot, lambda: bool(app.screen.query("AnswerBox")))
        await settle(pilot)
        app.screen.query_one("AnswerBox").query_one("#answer").value = "x"
        clock[0] = 61.0  # time is up, and the countdown has not ticked yet
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen))
        assert "time ran out" in str(app.screen.query_one("#score").render())


def test_a_code_with_impossible_sizes_is_refused_before_the_app_starts() -> None:
    quizapp = Path(sys.executable).parent / "quizapp"
    for code in ("derivatives/0/2/1", "derivatives/3/nan/1", "derivatives/1000/2/1", "x"):
        result = subprocess.run([str(quizapp), "quiz", "--code", code], capture_output=True,
                                text=True, timeout=60)
        assert result.returncode == 2, code
        assert "--code" in result.stderr and "Traceback" not in result.stderr
