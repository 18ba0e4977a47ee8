"""The stats screen plots first attempts and accuracy a day over the last 30 days, per topic."""

import time

from quizapp.progress import Attempt, ProgressStore
from quizapp.tui.app import QuizApp
from quizapp.tui.widgets.plot import Plot

from .conftest import settle


def _attempt(at: float, topic: str, correct: bool) -> Attempt:
    return Attempt(at=at, problem_id="p.1", topic=topic, skill="eigenvalues", difficulty=1,
                   answer="1", correct=correct, misconception=None, seconds=3.0, hints=0,
                   mode="practice")


async def test_stats_plots_attempts_and_accuracy_per_day_for_each_topic(tmp_path):
    now = time.time()
    store = ProgressStore(tmp_path / "home")
    store.record_many([_attempt(now - 3600, "derivatives", True),
                       _attempt(now - 3600, "derivatives", False),
                       _attempt(now - 5 * 86400, "eigenvalues", True)])
    store.close()
    app = QuizApp(home=tmp_path / "home", now=lambda: now)
    async with app.run_test(size=(80, 60)) as pilot:
        await settle(pilot)
        app.open_stats()
        await settle(pilot)
        attempts = app.screen.query_one("#topic-attempts", Plot)
        accuracy = app.screen.query_one("#topic-accuracy", Plot)
        for plot in (attempts, accuracy):
            shown = "".join(s.text for s in plot.render_lines(plot.region.reset_offset))
            assert "Derivatives" in shown and "Eigenvalues" in shown  # one line per topic
            assert "today" in shown  # the x axis: dates a week apart, ending today
        assert "Last 30 days, per topic" in str(app.screen.query(".heading")[2].render())
