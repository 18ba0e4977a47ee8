"""The multivariable topic in the app: it is listed on the home screen from the bank, and its
problems (expressions, vectors, numbers, matrices in the grid or on one line) are answered and
graded like any other, with the misconception named for a classic slip."""

import pytest
from textual.widgets import Input

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.practice import PracticeScreen

from .conftest import SIZE, paste, practice_app, settle, text_of


async def test_the_home_screen_lists_the_topic_and_its_skills():
    app = QuizApp()
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        shown = app.export_screenshot()
        assert "Multivariable" in shown and "Backpropagation" in shown


@pytest.mark.parametrize("skill", ["partial-derivatives", "gradient", "backpropagation",
                                   "multivariable-chain-rule", "linear-regression",
                                   "jacobian", "hessian"])
async def test_a_key_typed_on_one_line_is_right_and_a_slip_is_named(skill: str):
    app = practice_app("multivariable-calculus", skill, seed=5)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        problem = app.screen.session.problem
        assert problem.skill == skill
        if problem.answer_kind == "matrix":
            await pilot.press("f6")  # from the grid of cells to one line
            await settle(pilot)
        assert isinstance(app.focused, Input)
        slip = problem.misconceptions[0]
        await paste(pilot, slip.answer)
        await pilot.press("enter")
        await settle(pilot)
        feedback = text_of(app, "#feedback")
        assert feedback.startswith("✗") and slip.feedback.split(":")[0] in feedback
        await pilot.press("end", "ctrl+u")
        await paste(pilot, problem.answer)
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✓")
