"""How the app is started from the command line: options given before or after the command."""

import pytest
from click.testing import CliRunner

import quizapp.tui.run
from quizapp.cli import main


@pytest.fixture()
def launches(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, bool, str | None]]:
    """Record each start of the app instead of starting it."""
    started: list[tuple[object, bool, str | None]] = []
    monkeypatch.setattr(quizapp.tui.run, "run_app",
                        lambda launch, ascii_only, theme: started.append(
                            (launch, ascii_only, theme)))
    return started


@pytest.mark.parametrize("args", [
    ["--ascii", "--theme", "light", "quiz", "--topics", "derivatives"],
    ["quiz", "--ascii", "--theme", "light", "--topics", "derivatives"],
    ["--ascii", "practice", "derivatives", "--theme", "light"],
    ["--ascii", "--theme", "light"],
])
def test_ascii_and_theme_apply_wherever_they_are_given(launches, args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    [(_, ascii_only, theme)] = launches
    assert ascii_only and theme == "light"


def test_without_the_options_the_app_draws_unicode(launches) -> None:
    assert CliRunner().invoke(main, ["practice", "derivatives"]).exit_code == 0
    [(_, ascii_only, theme)] = launches
    assert not ascii_only and theme is None
