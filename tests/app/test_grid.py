"""The matrix grid as a learner meets it: keys that arrive together, pastes in the forms people
copy matrices in, Enter on an unfinished grid, and messages that name the cell."""

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from quizapp.tui.widgets.answer_box import MatrixGrid

from .conftest import SIZE, paste, practice_app, screen_text, settle, text_of

KEY_NAMES = {" ": "space", ",": "comma", ";": "semicolon", "(": "left_parenthesis",
             "^": "circumflex_accent"}


async def burst(pilot: Pilot, keys: list[str]) -> None:
    """Deliver keys the way a terminal does when they arrive together (a paste without bracketed
    paste, fast typing, tmux): all queued at once, nothing handled in between."""
    for key in keys:
        character = key if len(key) == 1 else None
        pilot.app.post_message(events.Key(KEY_NAMES.get(key, key), character))
    await settle(pilot)


def grid_app(difficulty: int = 1):
    """A 2×2 matrix product (seed 3), answered in a grid of cells."""
    return practice_app("matrix-products", "matrix-product", seed=3, difficulty=difficulty)


async def test_keys_that_arrive_together_land_in_the_cells_they_were_typed_for():
    app = grid_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        grid = app.screen.query_one(MatrixGrid)
        await burst(pilot, ["1", "2", "tab", "3", "tab", "4", "tab", "5", "6"])
        assert grid.cells == [["12", "3"], ["4", "56"]]
        assert app.focused is grid.cell(1, 1)

        # shift+Tab and the arrows are not lost either; left/right leave a cell at its edges
        await burst(pilot, ["shift+tab", "up", "backspace", "7", "right", "right", "8",
                            "home", "left", "9", "down", "0"])
        assert grid.cells == [["179", "38"], ["40", "56"]]
        assert app.focused is grid.cell(1, 0)


async def test_typed_separators_fill_the_grid_row_by_row():
    app = grid_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        grid = app.screen.query_one(MatrixGrid)
        await burst(pilot, list("1 2;3, 4"))
        assert grid.cells == [["1", "2"], ["3", "4"]]
        assert text_of(app, "#preview").startswith("reads as")


async def test_pasting_a_matrix_fills_the_grid_in_every_common_form():
    forms = ["1 2; 3 4", "[[1, 2], [3, 4]]", "np.array([[1, 2], [3, 4]])", "1\t2\n3\t4\n",
             "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}", "[1 2; 3 4]"]
    app = grid_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        grid = app.screen.query_one(MatrixGrid)
        for form in forms:
            grid.cell(0, 0).focus()
            await settle(pilot)
            await paste(pilot, form)
            assert grid.cells == [["1", "2"], ["3", "4"]], form
            assert app.focused is grid.cell(1, 1)
            for r in range(2):
                for c in range(2):
                    grid.cell(r, c).value = ""
            await settle(pilot)

        # a row pasted into the second row fills that row only
        grid.cell(0, 0).value = "7"
        grid.cell(1, 0).focus()
        await settle(pilot)
        await paste(pilot, "5, 6")
        assert grid.cells == [["7", ""], ["5", "6"]]


async def test_a_paste_too_big_for_the_grid_changes_nothing_and_says_why():
    app = grid_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        grid = app.screen.query_one(MatrixGrid)
        await paste(pilot, "1 2 3; 4 5 6; 7 8 9")
        assert grid.cells == [["", ""], ["", ""]]
        message = text_of(app, "#preview")
        assert "3×3" in message and "2×2 grid" in message and "row 1, column 1" in message


async def test_enter_on_an_unfinished_grid_goes_to_the_empty_cell_and_costs_nothing():
    app = grid_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        grid = app.screen.query_one(MatrixGrid)
        await burst(pilot, ["1", "tab", "2", "tab", "tab", "4", "enter"])
        assert app.focused is grid.cell(1, 0)
        assert text_of(app, "#feedback") == ""  # not checked: no verdict, no attempt
        assert "First try 0/0" in text_of(app, "#status")
        assert "1 cell is still empty" in text_of(app, "#preview")

        await burst(pilot, ["3", "enter"])
        assert text_of(app, "#feedback").startswith("✗")
        assert "First try 0/1" in text_of(app, "#status")


async def test_an_unreadable_cell_is_named_and_its_message_is_shown_once():
    app = grid_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, ["1", "tab", "2", "tab", "3", "tab", "(", "4", "enter"])
        feedback = text_of(app, "#feedback")
        assert feedback.startswith("? Row 2, column 2:") and "never closed" in feedback
        assert "First try 0/0" in text_of(app, "#status")  # unreadable: no attempt spent
        assert screen_text(app).count("never closed") == 1  # not also on the preview line
        assert "comma" not in screen_text(app).lower()


async def test_a_pasted_matrix_on_the_one_line_form_keeps_every_row():
    app = grid_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        await paste(pilot, "1 2\n3 4\n")
        assert app.screen.query_one("#answer", Input).value == "1 2; 3 4"
        assert text_of(app, "#preview").startswith("reads as")


async def test_editing_keys_typed_together_with_text_keep_their_order_on_one_line():
    app = practice_app(seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        line = app.screen.query_one("#answer", Input)
        await burst(pilot, [*"12x^2", "backspace", "3"])
        assert line.value == "12x^3"
        await burst(pilot, ["ctrl+u", "x", "left", "2"])
        assert line.value == "2x"
        await burst(pilot, ["home", "ctrl+k", *"5x", "enter"])
        assert line.value == "5x" and text_of(app, "#feedback").startswith("✗")
