"""Statistics: totals, accuracy and speed over time, mastery per skill, recent quizzes."""


from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quizapp.progress.stats import quiz_line
from quizapp.tui.ascii import plain_text
from quizapp.tui.screens.home import LEVEL_NAMES, mastery_bar
from quizapp.tui.widgets.footer import KeysFooter
from quizapp.tui.widgets.header import QuizHeader
from quizapp.tui.widgets.sparkline import QuizSparkline
from quizapp.tui.widgets.topic_plots import show_topic_days, topic_plots


class StatsScreen(Screen):
    """Progress at a glance."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Home")]
    DEFAULT_CSS = "StatsScreen .topic-plot { height: 12; }"

    def __init__(self, unicode: bool = True) -> None:
        super().__init__()
        self.unicode = unicode

    def compose(self) -> ComposeResult:
        """Filled in once the numbers are read."""
        yield QuizHeader()
        with VerticalScroll(id="body"):
            yield Static(plain_text("Reading your progress…", self.unicode), id="totals",
                         markup=False)
            yield Static("Accuracy by day (first attempts)", classes="heading")
            yield QuizSparkline([], id="accuracy")
            yield Static("", id="accuracy-range", markup=False)
            yield Static("Seconds per answer by day", classes="heading")
            yield QuizSparkline([], id="speed")
            yield Static("", id="speed-range", markup=False)
            yield from topic_plots(self.unicode)
            yield Static("Skills", classes="heading")
            table = DataTable(id="skills", cursor_type="none", zebra_stripes=True)
            table.add_columns("Skill", "Mastery", "", "Difficulty", "Right", "Attempts")
            yield table
            yield Static("Recent quizzes", classes="heading")
            yield Static("", id="quizzes", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        """Read the numbers in a thread."""
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        """Compute the summary."""
        from quizapp.progress.stats import summary

        self.app.wait_for_bank()  # type: ignore[attr-defined]
        store = self.app.store  # type: ignore[attr-defined]
        if store is None:
            return
        skills = [s for t in self.app.topics for s in (k.id for k in t.skills)]  # type: ignore[attr-defined]
        from quizapp.bank.catalog import skill_ceilings

        data = summary(store, skills, self.app.now(), skill_ceilings())  # type: ignore[attr-defined]
        self.app.call_from_thread(self.show, data, skills)
        from quizapp.progress.stats import days_by_topic

        per_topic = days_by_topic(store, self.app.now())  # type: ignore[attr-defined]
        self.app.call_from_thread(show_topic_days, self, per_topic)

    def show(self, data: dict, skills: list[str]) -> None:
        """Fill in the screen."""
        t = lambda text: plain_text(text, self.unicode)  # noqa: E731
        attempts, right = data["attempts"], data["correct"]
        share = f" ({100 * right / attempts:.0f}%)" if attempts else ""
        store = self.app.store  # type: ignore[attr-defined]
        saved = "" if store is None or store.saving else "   — progress is not being saved"
        self.query_one("#totals", Static).update(t(
            f"{attempts} problems answered, {right} right the first time{share}{saved}"))
        days = data["days"]
        self.query_one("#accuracy", QuizSparkline).data = [d["accuracy"] for d in days] or [0]
        self.query_one("#speed", QuizSparkline).data = [d["mean_seconds"] for d in days] or [0]
        if days:
            self.query_one("#accuracy-range", Static).update(t(
                f"{days[0]['day']} … {days[-1]['day']}: from {100 * days[0]['accuracy']:.0f}% "
                f"to {100 * days[-1]['accuracy']:.0f}% right"))
            self.query_one("#speed-range", Static).update(t(
                f"from {days[0]['mean_seconds']:.0f} s to {days[-1]['mean_seconds']:.0f} s "
                "per answer"))
        table = self.query_one("#skills", DataTable)
        names = self.app.names  # type: ignore[attr-defined]
        for skill in skills:
            row = data["skills"].get(skill, {"attempts": 0, "correct": 0, "mastery_step": 0})
            step = row.get("mastery_step", 0)
            difficulty = row.get("difficulty")
            table.add_row(Text(names.get(skill, skill)), t(mastery_bar(step, self.unicode)),
                          LEVEL_NAMES[step], t("–") if difficulty is None else str(difficulty),
                          str(row["correct"]), str(row["attempts"]))
        quizzes = data["quizzes"]
        self.query_one("#quizzes", Static).update(t("\n".join(
            f"{q['started'][:16].replace('T', ' ')}  {quiz_line(q)}" for q in quizzes[:10]
        ) or "No quizzes yet."))
