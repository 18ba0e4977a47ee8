"""The stats screen's charts, as numbers: day bars on a fixed scale, whole-number and whole-day
ticks for the 30-day plots."""

from quizapp.tui.widgets.skill_table import shorten
from quizapp.tui.widgets.sparkline import day_bars
from quizapp.tui.widgets.topic_plots import count_ticks, day_ticks


def test_a_day_at_0_percent_is_the_lowest_bar_and_100_percent_the_highest() -> None:
    assert day_bars([0.0], 1.0, 80) == "▁▁▁"  # one day: one narrow bar, not a band
    assert day_bars([1.0], 1.0, 80) == "███"
    assert day_bars([0.0, 0.0], 1.0, 80) == "▁▁▁▁▁▁"  # all zero stays low
    assert day_bars([0.5, 1.0], 1.0, 4) == "▅▅██"
    assert day_bars([0.0, 1.0], 1.0, 80, unicode=False) == "___###"


def test_with_more_days_than_cells_the_latest_days_are_shown() -> None:
    assert day_bars([0.0] * 10 + [1.0] * 5, 1.0, 5) == "█████"


def test_seconds_are_scaled_from_zero() -> None:
    assert day_bars([10.0, 20.0], 20.0, 2) == "▅█"  # 10 s is half of 20 s, not the bottom


def test_attempt_ticks_are_whole_numbers_from_zero() -> None:
    assert count_ticks(0) == [0, 1]
    assert count_ticks(3) == [0, 1, 2, 3]
    assert count_ticks(7) == [0, 2, 4, 6, 8]
    assert count_ticks(13) == [0, 5, 10, 15]
    assert count_ticks(130) == [0, 50, 100, 150]


def test_day_ticks_are_a_week_apart_and_end_today() -> None:
    today = 20_000  # 2024-10-04
    assert day_ticks(today) == ([-28, -21, -14, -7, 0],
                                ["09-06", "09-13", "09-20", "09-27", "today"])


def test_names_are_shortened_with_an_ellipsis_ascii_under_ascii() -> None:
    assert shorten("Gradient of a regression loss", 12) == "Gradient of…"
    assert shorten("Gradient of a regression loss", 12, "...") == "Gradient..."
    assert shorten("Hessian", 12) == "Hessian"
