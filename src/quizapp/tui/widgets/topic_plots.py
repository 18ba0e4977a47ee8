"""The stats screen's plots: first attempts and accuracy a day over the last 30 days, one line
per topic (data from `quizapp.progress.stats.days_by_topic`)."""

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from quizapp.tui.widgets.plot import Plot, segments


def topic_plots(unicode: bool) -> ComposeResult:
    """Attempts and accuracy per day over the last 30 days, one line per topic."""
    yield Static("Last 30 days, per topic: first attempts a day", classes="heading")
    yield Plot(unicode, id="topic-attempts", classes="topic-plot")
    yield Static("Last 30 days, per topic: % right the first time", classes="heading")
    yield Plot(unicode, id="topic-accuracy", classes="topic-plot")


def show_topic_days(screen: Screen, per_topic: dict) -> None:
    """Draw `progress.stats.days_by_topic` (x: days before today, 0 is today)."""
    names = screen.app.names  # type: ignore[attr-defined]
    colours = ("cyan", "magenta", "green", "yellow", "blue", "red", "white")
    for plot_id, value in (("#topic-attempts", lambda d: d.attempts),
                           ("#topic-accuracy", lambda d: None if d.accuracy is None
                            else 100 * d.accuracy)):
        plot = screen.query_one(plot_id, Plot)
        plt = plot.plt
        plt.clear_data()
        for n, (topic, days) in enumerate(per_topic.items()):
            xs = [-d.ago for d in days]
            for k, (run_x, run_y) in enumerate(segments(xs, [value(d) for d in days])):
                plt.plot(run_x, run_y, color=colours[n % len(colours)], marker=plot.marker,
                         label=names.get(topic, topic) if k == 0 else None)
        plt.xlim(-29, 0)
        if plot_id == "#topic-accuracy":
            plt.ylim(0, 100)
        plt.xlabel("days ago" if per_topic else "no practice in the last 30 days")
        plot.refresh()
