"""The chosen theme is kept between runs, and --ascii draws no Unicode at all."""

import pytest

from quizapp.progress.settings import load_settings, save_setting
from quizapp.tui.app import Launch, QuizApp
from tests.app.conftest import practice_app, settle
from tests.app.test_flows import screen_text


async def test_a_chosen_theme_is_kept_for_the_next_run(tmp_path) -> None:
    app = QuizApp(Launch(), home=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await settle(pilot)
    assert load_settings(tmp_path)["theme"] == "textual-light"
    again = QuizApp(Launch(), home=tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"


async def test_a_theme_on_the_command_line_wins_and_a_damaged_file_is_ignored(tmp_path) -> None:
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    assert load_settings(tmp_path) == {}
    app = QuizApp(Launch(), home=tmp_path, theme="textual-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
    assert save_setting("theme", "nord", tmp_path)
    assert load_settings(tmp_path)["theme"] == "nord"


@pytest.mark.parametrize("topic", ["derivatives", "linear-algebra", "multivariable-calculus",
                                   "probability"])
async def test_ascii_practice_draws_only_ascii_besides_the_header_icon(topic: str) -> None:
    app = practice_app(topic=topic, unicode=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        body = "\n".join(lines[1:])  # the header's icon is Textual's own
        assert body.isascii(), sorted({c for c in body if not c.isascii()})
        assert lines[0].replace("⭘", "").isascii()


async def test_f4_and_f5_work_before_any_mistake_with_the_skills_first_resource(monkeypatch):
    app = practice_app(skill="derivative-chain-rule")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = app.screen.session.problem.resources[0].url
        opened: list[str] = []
        monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
        await pilot.press("f4")
        await pilot.press("f5")
        await settle(pilot)
        assert opened == [first] and app.clipboard == first


async def test_the_verdict_clears_as_soon_as_the_answer_is_edited() -> None:
    from tests.app.test_flows import text_of, type_text

    app = practice_app(skill="derivative-chain-rule")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "0")
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✗")
        await pilot.press("backspace")
        await settle(pilot)
        assert text_of(app, "#feedback") == ""
