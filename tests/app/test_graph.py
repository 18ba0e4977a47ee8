"""Graph (ctrl+g, palette "Graph"): after a wrong derivative answer, the learner's derivative is
drawn against the right one; before any mistake it says when it appears; ASCII with --ascii."""

import pytest

from quizapp.plotting import derivative_curves
from quizapp.tui.screens.graph import GraphScreen
from quizapp.tui.screens.practice import PracticeScreen

from .conftest import paste, practice_app, screen_text, settle, text_of


async def _wrong_answer(pilot, answer: str = "5x") -> None:
    await settle(pilot)
    await paste(pilot, answer)
    await pilot.press("enter")
    await settle(pilot)


async def test_ctrl_g_after_a_wrong_derivative_draws_both_curves_and_says_where_they_part():
    app = practice_app(seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Graph" not in footer  # nothing to draw yet: not in the footer
        await _wrong_answer(pilot)
        assert text_of(app, "#feedback").startswith("✗")
        assert "^g Gra" in screen_text(app).splitlines()[-1]  # the footer (crowded at 80)
        problem = app.screen.session.problem
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, GraphScreen)
        expected = derivative_curves(problem.answer, "5x", "x", problem.domain.get("x"))
        assert app.screen.curves == expected
        caption = text_of(app, "#graph-caption")
        assert "Yours: 5x" in caption
        assert f"x from {expected.low:g} to {expected.high:g}" in caption
        shown = screen_text(app)
        assert "right" in shown and "yours" in shown  # the legend of the plot
        assert sum(c in "⠁⠂⠄⡀⢀⠈⠐⠠⣀⠤⠒⠉" for c in shown) > 40  # the curves are drawn
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)


async def test_graph_before_any_mistake_says_when_it_appears():
    app = practice_app(seed=3)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Graph"].callback()
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        assert "The graph appears after a wrong answer to a derivative." in \
            [n.message for n in app._notifications]


async def test_the_palette_graph_entry_opens_it_after_a_mistake():
    app = practice_app(seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await _wrong_answer(pilot, "2x")
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Graph"].callback()
        await settle(pilot)
        assert isinstance(app.screen, GraphScreen) and app.screen.answer == "2x"


async def test_a_right_answer_to_the_next_problem_does_not_graph_the_old_mistake():
    app = practice_app(seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await _wrong_answer(pilot)
        await paste(pilot, "")
        box_text = app.screen.session.problem.answer
        await pilot.press("ctrl+u")
        await paste(pilot, box_text)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")  # the next problem
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)


async def test_graph_in_ascii_draws_only_ascii():
    app = practice_app(seed=3, unicode=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _wrong_answer(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, GraphScreen)
        shown = screen_text(app)
        body = "\n".join(shown.splitlines()[1:-1])  # header and footer are the app's own
        assert body.isascii(), sorted({c for c in body if not c.isascii()})
        assert "++ yours" in body and ".. right" in body  # the legend, by marker


def _curve_cells(app) -> str:
    """The characters inside the plot's canvas (between the axes), legend included."""
    plot = app.screen.query_one("#graph-plot")
    return "".join(s.text for s in plot.render_lines(plot.region.reset_offset))


@pytest.mark.parametrize(("unicode", "no_color", "right", "yours"),
                         [(False, False, ".", "+"), (True, True, "⢕", "×"),
                          (False, True, ".", "+")])
async def test_without_colour_the_two_curves_have_their_own_markers_named_in_the_caption(
        monkeypatch, unicode: bool, no_color: bool, right: str, yours: str):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = practice_app(seed=3, unicode=unicode)
    async with app.run_test(size=(80, 24)) as pilot:
        await _wrong_answer(pilot, "2x")
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, GraphScreen)
        caption = text_of(app, "#graph-caption")
        assert f"drawn {right}" in caption.splitlines()[0]  # Right: …
        assert f"drawn {yours}" in caption.splitlines()[1]  # Yours: …
        assert ("green" in caption) is not no_color and ("red" in caption) is not no_color
        shown = _curve_cells(app)
        assert f"{right}{right} right" in shown and f"{yours}{yours} yours" in shown  # legend
        assert shown.count(yours) > 10  # the learner's curve is drawn with its marker
        if unicode:
            assert sum(c in "⠁⠂⠄⡀⢀⠈⠐⠠⣀⠤⠒⠉" for c in shown) > 20  # the right one in braille
        else:
            assert shown.count(".") > 10 and "*" not in shown
