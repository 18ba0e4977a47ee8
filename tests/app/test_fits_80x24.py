"""At 80×24 (and narrower) the status line and the footer show everything they say, uncut."""

from pathlib import Path

from quizapp.session.spec import QuizSpec
from quizapp.tui.app import Launch, QuizApp
from tests.app.conftest import (
    paste,
    practice_app,
    quiz_app,
    screen_text,
    settle,
    text_of,
    wait_until,
)

ALL_TOPICS = ("derivatives", "matrix-products", "eigenvalues", "multivariable-calculus",
              "linear-algebra", "probability", "notation")


def status_row(app: QuizApp) -> str:
    """The status line as the terminal shows it (the row under the header)."""
    return screen_text(app).splitlines()[1].strip()


async def test_the_status_line_fits_80_columns_and_is_rewritten_for_60(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")  # progress cannot be saved: the longest status line
    app = QuizApp(Launch("practice", "multivariable-calculus", "linear-regression", 1, 3),
                  home=blocker / "home")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "not saved" in text_of(app, "#status"))
        shown = status_row(app)
        assert shown == text_of(app, "#status")  # nothing cut at the edge
        assert shown.startswith("Gradient of a regression loss  Diff. 1 of 1")
        assert "Streak 0" in shown and shown.endswith("(not saved)")

        await pilot.resize_terminal(60, 24)
        await settle(pilot)
        narrow = status_row(app)
        assert narrow == text_of(app, "#status") and len(narrow) <= 58
        assert "Diff. 1" in narrow and "Streak 0" in narrow and narrow.endswith("(not saved)")

        await pilot.resize_terminal(130, 24)
        await settle(pilot)
        assert status_row(app).startswith("Multivariable calculus › Gradient of a regression")


def footer_labels(app: QuizApp) -> list[str]:
    """'key description' of every key the footer shows."""
    from textual.widgets._footer import FooterKey

    return [f"{key.key_display} {key.description}".strip()
            for key in app.screen.query(FooterKey)]


def assert_every_key_on_screen(app: QuizApp) -> str:
    """Every key of the footer is on its row, none cut at the right edge; the row is returned."""
    row = screen_text(app).splitlines()[-1]
    labels = footer_labels(app)
    missing = [label for label in labels if label not in row]
    assert labels and not missing, (row, missing)
    return row


async def test_after_a_wrong_derivative_every_practice_key_fits_80_columns() -> None:
    app = practice_app(seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert_every_key_on_screen(app)
        await paste(pilot, "2x")
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✗")
        row = assert_every_key_on_screen(app)
        for label in ("f2 Hint", "f3 Solution", "f7 Skip", "f9/f10 Level", "f8 Learn",
                      "^g Graph", "esc Home", "f1 Help"):
            assert label in row
        await pilot.press("f2", "f3")  # hints and the solution shown: the same keys
        await settle(pilot)
        assert_every_key_on_screen(app)


async def test_every_quiz_key_fits_80_columns() -> None:
    clock = [0.0]
    app = quiz_app(clock, QuizSpec(ALL_TOPICS, 10, 10, 1234))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "Question 1 of 10" in text_of(app, "#status"))
        assert status_row(app) == text_of(app, "#status") == (
            "Question 1 of 10  ⏱ 10:00  Quiz code der+mat+eig+mul+lin+pro+not/10/10/1234")
        row = assert_every_key_on_screen(app)
        assert "f7 Skip" in row and "f1 Help" in row
        await paste(pilot, "1")
        await pilot.press("enter")
        await settle(pilot)
        assert_every_key_on_screen(app)


async def test_at_60_columns_the_footer_keeps_help_and_the_most_used_keys_uncut() -> None:
    app = practice_app(seed=3)
    async with app.run_test(size=(60, 16)) as pilot:
        await settle(pilot)
        await paste(pilot, "2x")
        await pilot.press("enter")
        await settle(pilot)
        row = assert_every_key_on_screen(app)
        for label in ("f1 Help", "f2 Hint", "f3 Solution", "^g Graph"):
            assert label in row
        assert "Level" not in row  # the first to give way (F1 help still lists it)
        await pilot.resize_terminal(80, 24)  # room again: every key comes back
        await settle(pilot)
        assert "f9/f10 Level" in assert_every_key_on_screen(app)
    home = QuizApp()
    async with home.run_test(size=(60, 16)) as pilot:
        await settle(pilot)
        assert "f1 Help" in assert_every_key_on_screen(home)
