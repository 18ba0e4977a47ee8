"""The stats screen at 80×24 and 60×24: every column of the skills table on screen, day bars on
a fixed scale, and 30-day plots with whole days and whole numbers on their axes."""

import re
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from quizapp.progress import Attempt, ProgressStore
from quizapp.tui.app import QuizApp
from quizapp.tui.widgets.plot import Plot
from quizapp.tui.widgets.skill_table import COLUMNS, SkillTable
from tests.app.conftest import screen_text, settle, text_of, wait_until

NOW = time.time()
DAY = 86_400.0


def attempt(ago_days: float, topic: str, skill: str, correct: bool, n: int = 0) -> Attempt:
    """A first attempt `ago_days` days before NOW."""
    return Attempt(NOW - ago_days * DAY - n, f"{skill}-family.{n}", topic, skill, 1, "x",
                   correct, None, 4.0, 0, "practice")


def fill(home: Path) -> None:
    """Power rule: 3 right 5 days ago (due again), at level 2; a miss at the longest-named skill."""
    store = ProgressStore(home)
    store.record_many([attempt(5, "derivatives", "derivative-power-rule", True, n)
                       for n in range(3)]
                      + [attempt(1, "multivariable-calculus", "linear-regression", False)])
    store.set_level("derivative-power-rule", 2)
    store.close()


async def open_stats(pilot, app: QuizApp) -> SkillTable:
    """The stats screen, its numbers read; returns the skills table."""
    await settle(pilot)
    app.open_stats()
    await wait_until(pilot, lambda: any("answered" in str(w.render())
                                        for w in app.screen.query("#totals")))
    table = app.screen.query_one("#skills", SkillTable)
    await wait_until(pilot, lambda: table.row_count > 0)
    return table


async def show_table(pilot, app: QuizApp, table: SkillTable) -> list[str]:
    """Scroll the page to the table; the terminal's rows."""
    app.screen.query_one("#body").scroll_to_widget(table, animate=False, top=True)
    await settle(pilot)
    return screen_text(app).splitlines()


def row_of(lines: list[str], name: str) -> str:
    """The terminal row that shows `name`."""
    rows = [line for line in lines if name in line]
    assert rows, (name, lines)
    return rows[0]


async def test_every_column_of_the_skills_table_is_on_screen_at_80x24(tmp_path: Path) -> None:
    fill(tmp_path)
    app = QuizApp(home=tmp_path, now=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_stats(pilot, app)
        lines = await show_table(pilot, app, table)
        header = row_of(lines, "Mastery")
        assert re.search(r"Skill\s+Mastery\s+Level\s+Right\s+Due", header), header
        power = row_of(lines, "Power rule")
        assert re.search(r"Power rule\s+▰▰▱▱ familiar\s+2\s+3/3\s+yes", power), power
        assert "Derivatives" in lines[lines.index(power) - 1]  # under its topic
        assert table.max_scroll_x == 0  # nothing to the right to scroll to
        await pilot.press("pagedown", "pagedown")
        # practised at its default level: the level practice starts at (its easiest), not –
        regression = row_of(screen_text(app).splitlines(), "Gradient of a regression loss")
        assert re.search(r"loss\s+▰▱▱▱ attempted\s+1\s+0/1", regression), regression


async def test_at_60_columns_names_give_way_and_come_back_when_there_is_room(
        tmp_path: Path) -> None:
    fill(tmp_path)
    app = QuizApp(home=tmp_path, now=lambda: NOW)
    async with app.run_test(size=(60, 24)) as pilot:
        table = await open_stats(pilot, app)
        lines = await show_table(pilot, app, table)
        assert all(head in row_of(lines, "Mastery") for head in COLUMNS)
        assert re.search(r"Power rule\s+▰▰▱▱ familiar\s+2\s+3/3\s+yes", row_of(lines, "Power"))
        assert table.max_scroll_x == 0
        await pilot.press("end")
        await settle(pilot)
        shortened = row_of(screen_text(app).splitlines(), "Gradient of")
        assert "…" in shortened and "0/1" in shortened
        await pilot.resize_terminal(100, 24)
        await settle(pilot)
        names = [str(table.get_row_at(i)[0]).strip() for i in range(table.row_count)]
        assert "Gradient of a regression loss" in names


async def test_a_single_day_at_0_percent_is_a_low_narrow_bar(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.record(attempt(0, "derivatives", "derivative-chain-rule", False))
    store.close()
    app = QuizApp(home=tmp_path, now=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stats(pilot, app)
        bars = row_of(screen_text(app).splitlines(), "▁").strip()
        assert set(bars) == {"▁"} and len(bars) <= 3  # low, and one day wide
        assert text_of(app, "#totals").startswith("1 problem answered, 0 right")
        assert "0% right" in text_of(app, "#accuracy-range")


async def test_day_bars_are_drawn_on_a_fixed_scale(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.record_many([attempt(2, "derivatives", "derivative-chain-rule", n < 1, n)
                       for n in range(2)]  # 50%
                      + [attempt(1, "derivatives", "derivative-chain-rule", True)])  # 100%
    store.close()
    app = QuizApp(home=tmp_path, now=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stats(pilot, app)
        bars = str(app.screen.query_one("#accuracy").render())
        assert bars == "▅▅▅███"  # half height, then full


async def test_the_30_day_plots_count_whole_days_and_whole_attempts(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.record_many([attempt(3, "derivatives", "derivative-power-rule", n % 3 == 0, n)
                       for n in range(7)]
                      + [attempt(0, "eigenvalues", "eigenvalues", True)])
    store.close()
    app = QuizApp(home=tmp_path, now=lambda: NOW)
    async with app.run_test(size=(80, 60)) as pilot:
        await open_stats(pilot, app)
        await settle(pilot)
        week_ago = (date.fromtimestamp(NOW) - timedelta(days=7)).strftime("%m-%d")
        for plot_id in ("#topic-attempts", "#topic-accuracy"):
            plot = app.screen.query_one(plot_id, Plot)
            shown = "\n".join(s.text for s in plot.render_lines(plot.region.reset_offset))
            assert "Derivatives" in shown and "Eigenvalues" in shown
            assert week_ago in shown and "today" in shown
            assert not re.search(r"\d\.\d", shown), shown  # no -29.0 … -7.2, no 1.3 attempts
        attempts = app.screen.query_one("#topic-attempts", Plot)
        ticks = [line.split("┤")[0].strip() for line in
                 (s.text for s in attempts.render_lines(attempts.region.reset_offset))
                 if "┤" in line]
        assert ticks == ["8", "6", "4", "2", "0"]  # 7 attempts on the busiest day
        accuracy = app.screen.query_one("#topic-accuracy", Plot)
        shown = "\n".join(s.text for s in accuracy.render_lines(accuracy.region.reset_offset))
        assert "100%" in shown and " 0%" in shown


@pytest.mark.parametrize(("unicode", "no_color"), [(False, False), (True, True)])
async def test_without_colour_each_topic_has_its_own_marker_in_the_30_day_plots(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unicode: bool, no_color: bool) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    store = ProgressStore(tmp_path)
    store.record_many([attempt(ago, "derivatives", "derivative-power-rule", True)
                       for ago in (9, 8, 7, 6)]
                      + [attempt(ago, "eigenvalues", "eigenvalues", ago % 2 == 0)
                         for ago in (4, 3, 2, 1)])
    store.close()
    app = QuizApp(home=tmp_path, now=lambda: NOW, unicode=unicode)
    async with app.run_test(size=(80, 60)) as pilot:
        await open_stats(pilot, app)
        await settle(pilot)
        for plot_id in ("#topic-attempts", "#topic-accuracy"):
            plot = app.screen.query_one(plot_id, Plot)
            shown = "\n".join(s.text for s in plot.render_lines(plot.region.reset_offset))
            legend = dict(re.findall(r"(\S)\1 (Derivatives|Eigenvalues)", shown))
            legend = {name: marker for marker, name in legend.items()}
            assert set(legend) == {"Derivatives", "Eigenvalues"}, shown
            assert legend["Derivatives"] != legend["Eigenvalues"], shown
            for marker in legend.values():
                assert shown.count(marker) > 4, (marker, shown)  # the line, not only the legend
                assert marker.isascii() or unicode
