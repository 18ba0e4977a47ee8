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
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen

from quizapp.bank.catalog import read_topics
from quizapp.session.spec import QuizSpec
from quizapp.tui.ascii import plain_text
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.widgets.scrollbar import use_charset_scrollbars

ARROW_NAMES = {"↑": "up", "↓": "down", "←": "left", "→": "right"}


@dataclass(frozen=True)
class Launch:
    """What the command line asked for: the home screen, practice, or a quiz."""

    mode: str = "home"
    topic: str | None = None
    skill: str | None = None
    difficulty: int | None = None  # None: the level the skill was left at
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
        Binding("ctrl+n", "notation", "Notation"),
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
        self.topic_ids = tuple(t.id for t in self.topics)  # the bank's order, as quiz codes use
        self.names.update({s.id: s.name for t in self.topics for s in t.skills})
        self.progress_home, self.now = home, now
        self._bank = None
        self.store = None
        self._bank_ready = threading.Event()
        use_charset_scrollbars()

    def on_mount(self) -> None:
        """Home first; then what the command line asked for; load the bank after the frame."""
        self.choose_theme()
        if not self.unicode:
            self.add_class("ascii")
        self.push_screen(HomeScreen(self.topics, self.unicode))
        if self.launch.mode == "practice" and self.launch.topic:
            self.open_practice(self.launch.topic, self.launch.skill, self.launch.difficulty,
                               self.launch.seed)
        elif self.launch.mode == "quiz" and self.launch.quiz:
            from quizapp.tui.screens.quiz import QuizScreen

            self.push_screen(QuizScreen(self.launch.quiz, self.unicode))
        self.call_after_refresh(self.load_bank)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's title, with an ASCII dash for --ascii."""
        content = super().format_title(title, sub_title)
        return content if self.unicode else Content(plain_text(content.plain, False))

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = True) -> None:
        """A toast; in ASCII for --ascii. A message already on screen is not stacked again
        (F9 pressed three times at the easiest level says so once)."""
        message, title = plain_text(message, self.unicode), plain_text(title, self.unicode)
        if any(n.message == message and n.title == title for n in self._notifications):
            return
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def get_key_display(self, binding: Binding) -> str:
        """A key as the footer and the key panel show it; `up`, not `↑`, for --ascii."""
        shown = super().get_key_display(binding)
        if self.unicode:
            return shown
        for arrow, name in ARROW_NAMES.items():
            shown = shown.replace(arrow, name)
        return plain_text(shown, False)

    def action_command_palette(self) -> None:
        """The command palette (ctrl+p); in ASCII for --ascii."""
        if self.unicode:
            super().action_command_palette()
            return
        from quizapp.tui.widgets.palette import AsciiCommandPalette

        if self.use_command_palette and not AsciiCommandPalette.is_open(self):
            self.push_screen(AsciiCommandPalette(id="--command-palette"))

    def search_themes(self) -> None:
        """The theme picker of the palette; in ASCII for --ascii."""
        if self.unicode:
            super().search_themes()
            return
        from textual.theme import ThemeProvider

        from quizapp.tui.widgets.palette import AsciiCommandPalette

        self.push_screen(AsciiCommandPalette(providers=[ThemeProvider],
                                             placeholder="Search for themes..."))

    def choose_theme(self) -> None:
        """The theme asked for on the command line, else the one chosen last time; a theme
        chosen from now on (ctrl+p) is remembered."""
        from quizapp.progress.settings import load_settings

        theme = self.requested_theme or load_settings(self.progress_home).get("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self.remember_theme)

    def remember_theme(self, theme: object) -> None:
        """Keep the theme for the next run."""
        from quizapp.progress.settings import save_setting

        name = getattr(theme, "name", None)
        if isinstance(name, str):
            save_setting("theme", name, self.progress_home)

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

    def open_practice(self, topic: str, skill: str | None = None, difficulty: int | None = None,
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

    def quiz_code(self, spec: QuizSpec) -> str:
        """The code to show and share for a quiz (short: `all` for every topic)."""
        return spec.short_code(self.topic_ids)

    def copy_quiz_code(self, spec: QuizSpec) -> None:
        """Put a quiz's code on the clipboard (OSC 52) and say so, with the code."""
        code = self.quiz_code(spec)
        self.copy_to_clipboard(code)
        self.notify(f"Quiz code {code} copied", markup=False)

    def action_help(self) -> None:
        """Show keys and answer syntax."""
        from quizapp.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()  # F1 toggles help
        else:
            self.push_screen(HelpScreen(self.unicode))

    async def action_quit(self) -> None:
        """Quit; a screen with work to lose (a running quiz, also under F1 help or the notation
        reference) asks first."""
        for screen in reversed(self.screen_stack):
            confirm = getattr(screen, "confirm_quit", None)
            if confirm is not None and confirm():
                return
        self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Command-palette entries for every action of the home screen (and the screen's own)."""
        yield from super().get_system_commands(screen)
        for title, help_text, callback in getattr(screen, "palette_commands", list)():
            yield SystemCommand(escape(title), escape(help_text), callback)
        for topic in self.topics:
            # The palette reads titles and help as markup: bank text is escaped to show as typed.
            yield SystemCommand(escape(f"Practise {topic.name}"), escape(topic.description),
                                partial(self.open_practice, topic.id))
            for skill in topic.skills:
                yield SystemCommand(escape(f"Practise {topic.name}: {skill.name}"),
                                    escape(skill.description),
                                    partial(self.open_practice, topic.id, skill.id))
        yield SystemCommand("Timed quiz: all topics", "10 questions in 10 minutes",
                            partial(self.open_quiz, self.topic_ids))
        yield SystemCommand("Custom quiz", "Choose topics, questions and minutes",
                            partial(self.home_choice, "custom-quiz"))
        yield SystemCommand("Enter a quiz code", "Take the quiz someone shared",
                            partial(self.home_choice, "quiz-code"))
        for title, help_text, choice in (
                ("Practise your weakest skill", "The skill with the lowest mastery", "weakest"),
                ("Review skills that are due", "Spaced repetition", "due"),
                ("Review mistakes", "Redo the problems you got wrong", "mistakes")):
            yield SystemCommand(title, help_text, partial(self.home_choice, choice))
        yield SystemCommand("Statistics", "Progress over time, per skill, and quizzes",
                            self.open_stats)
        yield SystemCommand("Help", "Keys and answer syntax", self.action_help)
        yield from self.learning_commands()

    def learning_commands(self) -> Iterable[SystemCommand]:
        """Palette entries for Learn (the skill on screen, or any skill), Graph and Notation."""
        yield SystemCommand("Learn", "The rule of the skill you practise, with a worked example",
                            self.action_learn)
        for topic in self.topics:
            for skill in topic.skills:
                yield SystemCommand(escape(f"Learn: {skill.name}"),
                                    escape(f"{topic.name}: the rule and a worked example"),
                                    partial(self.open_learn, skill.id))
        yield SystemCommand("Graph", "Your last wrong derivative against the right one",
                            self.action_graph)
        yield SystemCommand("Notation", "Every symbol: how it is read, what it means",
                            self.action_notation)

    def open_learn(self, skill: str | None) -> None:
        """The intro of a skill (F8 in practice)."""
        from quizapp.tui.screens.learn import open_learn

        open_learn(self, skill)

    def action_learn(self) -> None:
        """The intro of the skill being practised."""
        from quizapp.tui.screens.practice import PracticeScreen

        if isinstance(self.screen, PracticeScreen):
            self.screen.action_learn()
        else:
            self.open_learn(None)

    def action_graph(self) -> None:
        """The graph of the last wrong derivative on the practice screen."""
        from quizapp.tui.screens.graph import open_graph

        open_graph(self.screen)

    def action_notation(self) -> None:
        """The notation reference (ctrl+n toggles it)."""
        from quizapp.tui.screens.notation import NotationScreen

        if isinstance(self.screen, NotationScreen):
            self.pop_screen()
        else:
            self.push_screen(NotationScreen(self.unicode))
