"""Statistics: totals, accuracy and speed over time, mastery per skill, recent quizzes."""


from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizapp.progress.report import answered_line
from quizapp.progress.stats import quiz_line
from quizapp.tui.ascii import plain_text
from quizapp.tui.screens.home import LEVEL_NAMES, mastery_bar
from quizapp.tui.widgets.footer import KeysFooter
from quizapp.tui.widgets.header import QuizHeader
from quizapp.tui.widgets.skill_table import SkillRow, SkillTable
from quizapp.tui.widgets.sparkline import DayBars
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
            yield Static(plain_text("Right the first time, by day (a full bar is 100%)",
                                    self.unicode), classes="heading", markup=False)
            yield DayBars(1.0, id="accuracy")
            yield Static("", id="accuracy-range", markup=False)
            yield Static("Seconds per answer, by day", id="speed-heading", classes="heading",
                         markup=False)
            yield DayBars(id="speed")
            yield Static("", id="speed-range", markup=False)
            yield from topic_plots(self.unicode)
            yield Static("Skills", classes="heading")
            yield SkillTable(id="skills")
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

        bank = self.app.wait_for_bank()  # type: ignore[attr-defined]
        store = self.app.store  # type: ignore[attr-defined]
        if store is None:
            return
        skills = [s for t in self.app.topics for s in (k.id for k in t.skills)]  # type: ignore[attr-defined]
        from quizapp.bank.catalog import skill_ceilings

        floors: dict[str, int] = {}  # where practice starts: each skill's easiest difficulty
        for family in (bank.families.values() if bank is not None else ()):
            floors[family.skill] = min(floors.get(family.skill, family.difficulty),
                                       family.difficulty)
        data = summary(store, skills, self.app.now(), skill_ceilings(),  # type: ignore[attr-defined]
                       floors=floors)
        self.app.call_from_thread(self.show, data, skills)
        from quizapp.progress.stats import days_by_topic
        from quizapp.progress.store import local_day

        now = self.app.now()  # type: ignore[attr-defined]
        self.app.call_from_thread(show_topic_days, self, days_by_topic(store, now),
                                  local_day(now))

    def show_days(self, days: list[dict]) -> None:
        """Accuracy (on a 0–100% scale) and seconds per answer (from 0) on the days practised."""
        t = lambda text: plain_text(text, self.unicode)  # noqa: E731
        self.query_one("#accuracy", DayBars).values = tuple(d["accuracy"] for d in days)
        slowest = max((d["mean_seconds"] for d in days), default=0.0)
        speed = self.query_one("#speed", DayBars)
        speed.top, speed.values = slowest, tuple(d["mean_seconds"] for d in days)
        if not days:
            self.query_one("#accuracy-range", Static).update("No practice yet.")
            return
        self.query_one("#speed-heading", Static).update(
            f"Seconds per answer, by day (a full bar is {slowest:.0f} s)")
        first, last = days[0], days[-1]
        if len(days) == 1:
            self.query_one("#accuracy-range", Static).update(
                f"{first['day']}: {100 * first['accuracy']:.0f}% right")
            self.query_one("#speed-range", Static).update(
                f"{first['mean_seconds']:.0f} s per answer")
            return
        self.query_one("#accuracy-range", Static).update(t(
            f"{len(days)} days, {first['day']} … {last['day']}: from "
            f"{100 * first['accuracy']:.0f}% to {100 * last['accuracy']:.0f}% right"))
        self.query_one("#speed-range", Static).update(
            f"from {first['mean_seconds']:.0f} s to {last['mean_seconds']:.0f} s per answer")

    def skill_rows(self, per_skill: dict[str, dict]) -> list[SkillRow]:
        """Each topic's name, then its skills with their numbers, in the bank's order."""
        t = lambda text: plain_text(text, self.unicode)  # noqa: E731
        names = self.app.names  # type: ignore[attr-defined]
        rows: list[SkillRow] = []
        for topic in self.app.topics:  # type: ignore[attr-defined]
            rows.append(SkillRow(topic.name, topic=True))
            for skill in (s.id for s in topic.skills):
                row = per_skill.get(skill, {})
                step, difficulty = row.get("mastery_step", 0), row.get("difficulty")
                seen, right = row.get("attempts", 0), row.get("correct", 0)
                rows.append(SkillRow(
                    names.get(skill, skill), t(f"{mastery_bar(step, self.unicode)} "
                                               f"{LEVEL_NAMES[step]}"),
                    t("–") if difficulty is None else str(difficulty),
                    f"{right}/{seen}" if seen else t("–"), "yes" if row.get("due") else ""))
        return rows

    def show(self, data: dict, skills: list[str]) -> None:
        """Fill in the screen."""
        t = lambda text: plain_text(text, self.unicode)  # noqa: E731
        store = self.app.store  # type: ignore[attr-defined]
        saved = "" if store is None or store.saving else "   — progress is not being saved"
        self.query_one("#totals", Static).update(t(
            answered_line(data["attempts"], data["correct"]) + saved))
        self.show_days(data["days"])
        self.query_one("#skills", SkillTable).show(self.skill_rows(data["skills"]))
        quizzes, topics = data["quizzes"], self.app.topic_ids  # type: ignore[attr-defined]
        self.query_one("#quizzes", Static).update(t("\n".join(
            f"{q['started'][:16].replace('T', ' ')}  {quiz_line(q, topics)}" for q in quizzes[:10]
        ) or "No quizzes yet."))
