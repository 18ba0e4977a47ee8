"""The stats screen's plots: first attempts and accuracy a day over the last 30 days, one line
per topic (data from `quizapp.progress.stats.days_by_topic`). The x axis is whole days, labelled
with dates; attempts have whole-number ticks from 0; accuracy is on a 0–100% scale. Each topic
has its own marker, shown in the legend, so the lines are told apart without colour."""

import math
import time

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from quizapp.tui.widgets.plot import Plot, segments

DAYS = 30
PERCENT_TICKS = [0, 25, 50, 75, 100]


def topic_plots(unicode: bool) -> ComposeResult:
    """Attempts and accuracy per day over the last 30 days, one line per topic."""
    yield Static("Last 30 days, per topic: first attempts a day", classes="heading")
    yield Plot(unicode, id="topic-attempts", classes="topic-plot")
    yield Static("Last 30 days, per topic: % right the first time", classes="heading")
    yield Plot(unicode, id="topic-accuracy", classes="topic-plot")


def day_ticks(today: int, days: int = DAYS) -> tuple[list[int], list[str]]:
    """Ticks a week apart at x = -days ago, ending today; labelled 'MM-DD', the last 'today'.
    `today` is a local day number (days since 1970-01-01, as `progress.store.local_day`)."""
    ticks = list(range(-7 * ((days - 1) // 7), 1, 7))
    labels = [time.strftime("%m-%d", time.gmtime((today + x) * 86400)) for x in ticks]
    return ticks, [*labels[:-1], "today"]


def count_ticks(most: int, at_most: int = 5) -> list[int]:
    """Whole-number ticks from 0 to at least `most`, 1, 2 or 5 × 10^k apart, `at_most` of them."""
    most, step = max(1, most), 1
    while math.ceil(most / step) + 1 > at_most:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2  # 1, 2, 5, 10, 20, 50, …
    return list(range(0, step * math.ceil(most / step) + 1, step))


def show_topic_days(screen: Screen, per_topic: dict, today: int) -> None:
    """Draw `progress.stats.days_by_topic` (x: days before today, 0 is today)."""
    names = screen.app.names  # type: ignore[attr-defined]
    colours = ("cyan", "magenta", "green", "yellow", "blue", "red", "white")
    most = max((d.attempts for days in per_topic.values() for d in days), default=0)
    x_ticks, x_labels = day_ticks(today)
    for plot_id, value in (("#topic-attempts", lambda d: d.attempts),
                           ("#topic-accuracy", lambda d: None if d.accuracy is None
                            else 100 * d.accuracy)):
        plot = screen.query_one(plot_id, Plot)
        plt = plot.plt
        plt.clear_data()
        for n, (topic, days) in enumerate(per_topic.items()):
            xs = [-d.ago for d in days]
            for k, (run_x, run_y) in enumerate(segments(xs, [value(d) for d in days])):
                plt.plot(run_x, run_y, color=colours[n % len(colours)],
                         marker=plot.series_marker(n),
                         label=names.get(topic, topic) if k == 0 else None)
        plt.xlim(1 - DAYS, 0)
        plt.xticks(x_ticks, x_labels)
        if plot_id == "#topic-accuracy":
            plt.ylim(0, 100)
            plt.yticks(PERCENT_TICKS, [f"{p}%" for p in PERCENT_TICKS])
        else:
            y_ticks = count_ticks(most)
            plt.ylim(0, y_ticks[-1])
            plt.yticks(y_ticks, [str(y) for y in y_ticks])
        plt.xlabel("" if per_topic else "no practice in the last 30 days")
        plot.refresh()
