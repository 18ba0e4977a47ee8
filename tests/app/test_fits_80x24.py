"""At 80×24 (and narrower) the status line and the footer show everything they say, uncut."""

from pathlib import Path

from quizapp.tui.app import Launch, QuizApp
from tests.app.conftest import screen_text, settle, text_of, wait_until


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
