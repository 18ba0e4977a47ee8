"""The quizapp Textual app: home, practice, timed quiz, results, help.

The home screen paints before sympy is imported: topic names come from a light read of
topics.toml, and the bank (pydantic, sympy) loads in a worker thread after the first frame.
"""

import random
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.markup import escape
from textual.screen import Screen

from quizapp.bank.catalog import read_topics
from quizapp.session.spec import QuizSpec
from quizapp.tui.screens.home import HomeScreen


@dataclass(frozen=True)
class Launch:
    """What the command line asked for: the home screen, practice, or a quiz."""

    mode: str = "home"
    topic: str | None = None
    skill: str | None = None
    difficulty: int = 1
    seed: int | None = None
    quiz: QuizSpec | None = None


class QuizApp(App):
    """Practise the maths of machine learning."""

    CSS_PATH = "app.tcss"
    TITLE = "quizapp"
    SUB_TITLE = "maths for machine learning"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f1", "help", "Help", priority=True),
    ]

    def __init__(self, launch: Launch | None = None, unicode: bool = True,
                 clock: Callable[[], float] = time.monotonic, theme: str | None = None,
                 home: Path | None = None, now: Callable[[], float] = time.time) -> None:
        super().__init__()
        self.launch = launch or Launch()
        self.unicode = unicode
        self.clock = clock
        self.requested_theme = theme
        self.topics = read_topics()
        self.names = {t.id: t.name for t in self.topics}
        self.names.update({s.id: s.name for t in self.topics for s in t.skills})
        self.progress_home, self.now = home, now
        self._bank = None
        self.store = None
        self._bank_ready = threading.Event()

    def on_mount(self) -> None:
        """Home first; then what the command line asked for; load the bank after the frame."""
        if self.requested_theme:
            self.theme = self.requested_theme
        self.push_screen(HomeScreen(self.topics, self.unicode))
        if self.launch.mode == "practice" and self.launch.topic:
            self.open_practice(self.launch.topic, self.launch.skill, self.launch.difficulty,
                               self.launch.seed)
        elif self.launch.mode == "quiz" and self.launch.quiz:
            from quizapp.tui.screens.quiz import QuizScreen

            self.push_screen(QuizScreen(self.launch.quiz, self.unicode))
        self.call_after_refresh(self.load_bank)

    @work(thread=True, group="bank")
    def load_bank(self) -> None:
        """Import sympy and load the bank off the event loop."""
        from quizapp.bank import BankError, default_bank

        try:
            bank = default_bank()
            import quizapp.session.practice
            import quizapp.session.quiz
            import quizapp.tui.rendering  # noqa: F401

            self._bank = bank
            self.open_store()
        except BankError as exc:
            self.call_from_thread(self.notify, f"The question bank has a problem: "
                                  f"{exc.problems[0]} (run `quizapp bank check`)",
                                  severity="error", timeout=30, markup=False)
        finally:
            self._bank_ready.set()

    def open_store(self) -> None:
        """Open the progress database (in the loading thread); say once if anything is off."""
        from quizapp.progress import ProgressStore

        self.store = ProgressStore(self.progress_home, clock=self.now)
        for message in (self.store.notice, self.store.problem):
            if message:
                self.call_from_thread(self.notify, message, severity="warning", timeout=15,
                                      markup=False)
        self.call_from_thread(self.refresh_home)

    def home_choice(self, choice: str) -> None:
        """Carry out a home-screen action from anywhere (the command palette)."""
        home = next((s for s in self.screen_stack if isinstance(s, HomeScreen)), None)
        if home is not None:
            home.choose(choice)

    def refresh_home(self) -> None:
        """Update the home screen's mastery and review counts."""
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.refresh_progress()

    def record(self, attempt) -> None:
        """Save an attempt (called from a worker, before its verdict is shown)."""
        if self.store is not None:
            self.store.record(attempt)

    def wait_for_bank(self):
        """Block (in a worker thread) until the bank is loaded."""
        self._bank_ready.wait()
        return self._bank

    def open_practice(self, topic: str, skill: str | None = None, difficulty: int = 1,
                      seed: int | None = None, review: tuple[str, ...] = ()) -> None:
        """Practise a topic, or one of its skills; or redo the problems in `review`."""
        from quizapp.tui.screens.practice import PracticeScreen

        self.push_screen(PracticeScreen(topic, skill, difficulty, seed, self.unicode, review))

    def open_stats(self) -> None:
        """Show the statistics screen."""
        from quizapp.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen(self.unicode))

    def open_quiz(self, topics: tuple[str, ...], questions: int = 10, minutes: float = 10,
                  seed: int | None = None) -> None:
        """Start a timed quiz."""
        from quizapp.tui.screens.quiz import QuizScreen

        spec = QuizSpec(topics, questions, minutes,
                        seed if seed is not None else random.randrange(10_000))
        self.push_screen(QuizScreen(spec, self.unicode))

    def action_help(self) -> None:
        """Show keys and answer syntax."""
        from quizapp.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()  # F1 toggles help
        else:
            self.push_screen(HelpScreen(self.unicode))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Command-palette entries for every action of the home screen."""
        yield from super().get_system_commands(screen)
        for topic in self.topics:
            # The palette reads titles and help as markup: bank text is escaped to show as typed.
            yield SystemCommand(escape(f"Practise {topic.name}"), escape(topic.description),
                                partial(self.open_practice, topic.id))
            for skill in topic.skills:
                yield SystemCommand(escape(f"Practise {topic.name}: {skill.name}"),
                                    escape(skill.description),
                                    partial(self.open_practice, topic.id, skill.id))
        all_topics = tuple(t.id for t in self.topics)
        yield SystemCommand("Timed quiz: all topics", "10 questions in 10 minutes",
                            partial(self.open_quiz, all_topics))
        for title, help_text, choice in (
                ("Practise your weakest skill", "The skill with the lowest mastery", "weakest"),
                ("Review skills that are due", "Spaced repetition", "due"),
                ("Review mistakes", "Redo the problems you got wrong", "mistakes")):
            yield SystemCommand(title, help_text, partial(self.home_choice, choice))
        yield SystemCommand("Statistics", "Progress over time, per skill, and quizzes",
                            self.open_stats)
        yield SystemCommand("Help", "Keys and answer syntax", self.action_help)
