"""The chosen theme is kept between runs, and --ascii draws no Unicode at all."""

import pytest
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList

from quizapp.progress.settings import load_settings, save_setting
from quizapp.tui.app import Launch, QuizApp
from tests.app.conftest import paste, practice_app, screen_text, settle, text_of, wait_until


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


def assert_ascii(app: QuizApp, where: str) -> str:
    """Every character on the terminal (scrollbars, toasts and footer too) is ASCII."""
    text = screen_text(app)
    assert text.isascii(), (where, sorted({c for c in text if not c.isascii()}))
    return text


def scrolls(widget: Widget) -> bool:
    """The widget's content is taller than it, and its vertical scrollbar is drawn."""
    return widget.max_scroll_y > 0 and widget.vertical_scrollbar.display


@pytest.mark.parametrize("topic", ["derivatives", "linear-algebra", "multivariable-calculus",
                                   "probability"])
async def test_ascii_practice_draws_only_ascii(topic: str) -> None:
    app = practice_app(topic=topic, unicode=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert_ascii(app, topic)


async def test_ascii_practice_help_learn_and_graph_with_scrollbars_and_toasts() -> None:
    app = practice_app(seed=3, unicode=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await paste(pilot, "2x")
        await pilot.press("enter")
        await settle(pilot)
        shown = assert_ascii(app, "the verdict and its resource line")
        assert "Study:" in shown and "F5 copy" in shown
        await pilot.press("f5", "f2", "f2", "f2", "f3")  # a toast, every hint, the solution
        await settle(pilot)
        assert app.screen.query("Toast"), "the 'Copied' toast is on screen"
        body = app.screen.query_one("#body")
        assert scrolls(body)
        text = assert_ascii(app, "practice after a wrong answer")
        assert "^g Graph" in text.splitlines()[-1]  # the footer
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert_ascii(app, "command palette")
        await pilot.press("escape", "f1")
        await settle(pilot)
        assert scrolls(app.screen.query_one(VerticalScroll))
        assert_ascii(app, "help")
        for key, where in (("f8", "learn"), ("ctrl+g", "graph")):
            await pilot.press("escape", key)
            await settle(pilot)
            assert_ascii(app, where)


async def test_ascii_home_stats_quiz_form_and_leaving_a_quiz() -> None:
    app = practice_app(seed=3, unicode=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await paste(pilot, "2x")
        await pilot.press("enter")  # one answer: the stats have a day to draw
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert scrolls(app.screen.query_one(OptionList))
        assert_ascii(app, "home")
        app.open_stats()
        await settle(pilot)
        await wait_until(pilot, lambda: "1 problem answered" in text_of(app, "#totals"))
        assert scrolls(app.screen.query_one("#body"))
        assert_ascii(app, "stats")
        for part in ("#topic-accuracy", "#skills"):  # the plots and the table, further down
            app.screen.query_one("#body").scroll_to_widget(app.screen.query_one(part),
                                                          animate=False, top=True)
            await settle(pilot)
            assert_ascii(app, f"stats {part}")
        app.action_show_help_panel()  # Textual's key panel ("Keys" in the palette)
        await settle(pilot)
        assert "up Scroll Up" in assert_ascii(app, "key panel")
        app.action_hide_help_panel()
        await pilot.press("escape")
        await settle(pilot)
        app.home_choice("custom-quiz")
        await settle(pilot)
        assert_ascii(app, "custom quiz")
        await pilot.press("escape")
        await settle(pilot)
        app.open_quiz(("derivatives",), 2, 1, 5)
        await settle(pilot)
        assert_ascii(app, "quiz")
        await pilot.press("escape")
        await settle(pilot)
        assert_ascii(app, "leave the quiz?")


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
    from tests.app.test_flows import type_text

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
