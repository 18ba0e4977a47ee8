"""After a wrong answer at 80×24, for every kind of answer (expression, number, vector, matrix
typed in the grid, multiset): the verdict, the misconception's message and the resource line are
all on screen (at 60×16 too, scrolled to the verdict). Pilot checks what is visible; an SVG
snapshot of each keeps the layout. Update the SVGs with
`pytest tests/app/test_verdict_80x24.py --snapshot-update`."""

import re

import pytest
from textual.pilot import Pilot

from quizapp.tui.widgets.answer_box import MatrixGrid

from .conftest import paste, practice_app, screen_text, settle, text_of

# (topic, skill, difficulty, seed): the first problem of each has the answer kind named
KINDS = {
    "expression": ("derivatives", None, 1, 3),
    "number": ("linear-algebra", "determinant", 1, 3),
    "vector": ("matrix-products", "matrix-vector-product", 2, 3),
    "matrix-grid": ("matrix-products", "matrix-product", 3, 3),
    "multiset": ("eigenvalues", None, 3, 3),
}


@pytest.fixture(autouse=True)
def _no_learn_toast(intros_offered: None) -> None:
    """No Learn toast: these screens are about what is under it."""


def squeezed(text: str) -> str:
    """Text without spaces, line breaks and the resource's left border: the same words,
    however the screen wrapped them."""
    return re.sub(r"[\s█▌▐▎▊▍▋]", "", text)


def app_for(kind: str):
    """The practice run whose first problem has answers of `kind`."""
    topic, skill, difficulty, seed = KINDS[kind]
    return practice_app(topic, skill, seed=seed, difficulty=difficulty)


async def answer_with_a_misconception(pilot: Pilot) -> None:
    """Type (or paste into the grid) the problem's first misconception that has the key's
    shape, and press Enter."""
    await settle(pilot)
    problem = pilot.app.screen.session.problem
    grids = pilot.app.screen.query(MatrixGrid)
    slip = problem.misconceptions[0]
    if grids:
        grid = grids.first()
        from quizapp.answers.cells import split_matrix

        slip = next(m for m in problem.misconceptions
                    if len(split_matrix(m.answer)) == grid.rows
                    and len(split_matrix(m.answer)[0]) == grid.cols)
    await paste(pilot, slip.answer)
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (60, 16)])
@pytest.mark.parametrize("kind", list(KINDS))
async def test_verdict_misconception_and_resource_are_on_screen(kind: str,
                                                                size: tuple[int, int]) -> None:
    app = app_for(kind)
    async with app.run_test(size=size) as pilot:
        await answer_with_a_misconception(pilot)
        assert app.screen.session.problem.answer_kind == kind.removesuffix("-grid")
        shown = squeezed(screen_text(app))
        verdict = text_of(app, "#feedback")
        assert verdict.startswith("✗") and "Not quite — that is not equal" not in verdict
        assert squeezed(verdict) in shown  # all of it: the mark, the named slip, what to do
        title = text_of(app, "#resource-title")
        assert title.startswith("Study:") and squeezed(title) in shown
        assert squeezed(app.screen.resource_url) in shown


@pytest.mark.parametrize("kind", list(KINDS))
def test_wrong_answer_80x24(snap_compare, kind: str) -> None:
    async def wrong(pilot: Pilot) -> None:
        await answer_with_a_misconception(pilot)

    assert snap_compare(app_for(kind), terminal_size=(80, 24), run_before=wrong)
