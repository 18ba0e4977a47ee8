"""Home: topics and skills with mastery, and the actions — practise, review, quiz, stats, help."""

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quizapp.bank.catalog import TopicName
from quizapp.tui.ascii import plain_text
from quizapp.tui.widgets.footer import KeysFooter
from quizapp.tui.widgets.header import QuizHeader

LEVEL_NAMES = ("not started", "attempted", "familiar", "proficient", "mastered")


def mastery_bar(level: int, unicode: bool) -> str:
    """▰▰▱▱ for level 2 of 4."""
    full, empty = ("▰", "▱") if unicode else ("#", "-")
    return full * level + empty * (4 - level)


class HomeScreen(Screen):
    """The first screen: pick what to practise."""

    def __init__(self, topics: list[TopicName], unicode: bool = True) -> None:
        super().__init__()
        self.topics, self.unicode = topics, unicode
        self.weakest: tuple[str, str] | None = None  # (topic, skill)
        self.due_skills: list[tuple[str, str]] = []
        self.mistakes: list[str] = []

    def compose(self) -> ComposeResult:
        """Title, the menu, the footer."""
        yield QuizHeader()
        yield Static("Drill the maths of machine learning. Pick a topic or a skill and press "
                     "Enter.", id="intro", markup=False)
        last = Static("", id="last-quiz", markup=False)
        last.display = False
        yield last
        menu = OptionList(id="menu")
        for topic in self.topics:
            menu.add_option(Option(Content(f"Practise {topic.name}"), id=f"topic:{topic.id}"))
            for skill in topic.skills:
                menu.add_option(Option(Content(self.skill_label(skill.name, None)),
                                       id=f"skill:{topic.id}:{skill.id}"))
        menu.add_option(Option("Practise your weakest skill", id="weakest"))
        menu.add_option(Option("Review skills that are due", id="due"))
        menu.add_option(Option("Review mistakes", id="mistakes"))
        all_topics = ",".join(t.id for t in self.topics)
        menu.add_option(Option(self.text("Timed quiz — all topics, 10 questions, 10 minutes"),
                               id=f"quiz:{all_topics}"))
        for topic in self.topics:
            menu.add_option(Option(Content(self.text(f"Timed quiz — {topic.name}, 10 questions, "
                                                     "10 minutes")),
                                   id=f"quiz:{topic.id}"))
        menu.add_option(Option(self.text("Custom quiz — choose topics, questions and minutes"),
                               id="custom-quiz"))
        menu.add_option(Option("Enter a quiz code", id="quiz-code"))
        menu.add_option(Option("Statistics", id="stats"))
        menu.add_option(Option(self.text("Help — keys and answer syntax"), id="help"))
        yield menu
        yield KeysFooter()

    def text(self, value: str) -> str:
        """Unicode, or ASCII for --ascii."""
        return plain_text(value, self.unicode)

    def skill_label(self, name: str, level: int | None, due: bool = False) -> str:
        """'    Power rule          ▰▰▱▱ familiar'."""
        if level is None:
            return f"    {name}"
        flag = "  (due)" if due else ""
        return plain_text(f"    {name:<30} {mastery_bar(level, self.unicode)} "
                          f"{LEVEL_NAMES[level]}{flag}", self.unicode)

    def on_mount(self) -> None:
        """Focus the menu, on its first item, so Enter works at once."""
        menu = self.query_one(OptionList)
        menu.highlighted = 0
        menu.focus()

    @work(thread=True, exclusive=True, group="home-progress")
    def refresh_progress(self) -> None:
        """Read mastery from the progress store (in a thread) and show it."""
        from quizapp.progress import all_mastery, due, weakest

        store = self.app.store  # type: ignore[attr-defined]
        if store is None:
            return
        now = self.app.now()  # type: ignore[attr-defined]
        skills = {s.id: t.id for t in self.topics for s in t.skills}
        from quizapp.bank.catalog import skill_ceilings

        mastery = all_mastery(list(skills), store.recent_first_attempts(), now, skill_ceilings())
        weak = weakest(mastery)
        due_now = due(mastery, now)
        mistakes = store.pending_mistakes()
        from quizapp.progress.stats import quiz_line, recent_quizzes

        last = recent_quizzes(store, 1)
        self.app.call_from_thread(self.show_progress, mastery, skills, weak, due_now, mistakes)
        if last:
            line = quiz_line(last[0], self.app.topic_ids)  # type: ignore[attr-defined]
            self.app.call_from_thread(self.show_last_quiz, f"Last quiz: {line}")

    def show_last_quiz(self, line: str) -> None:
        """One line about the latest quiz: its score, or that it was abandoned."""
        widget = self.query_one("#last-quiz", Static)
        widget.update(plain_text(line, self.unicode))
        widget.display = True

    def show_progress(self, mastery: dict, skills: dict, weak: str | None, due_now: list[str],
                      mistakes: list[str]) -> None:
        """Put mastery and review counts into the menu."""
        menu = self.query_one(OptionList)
        names = self.app.names  # type: ignore[attr-defined]
        for skill, topic in skills.items():
            m = mastery[skill]
            menu.replace_option_prompt(f"skill:{topic}:{skill}", Content(
                                       self.skill_label(names.get(skill, skill), m.level,
                                                        m.due(self.app.now()))))  # type: ignore[attr-defined]
        for topic in self.topics:
            levels = [mastery[s.id].level for s in topic.skills]
            strong = sum(level >= 3 for level in levels)
            started = sum(level >= 1 for level in levels)
            summary = (f" — {strong} of {len(levels)} skills proficient or better"
                       if started else "")
            menu.replace_option_prompt(f"topic:{topic.id}",
                                       Content(self.text(f"Practise {topic.name}{summary}")))
        self.weakest = (skills[weak], weak) if weak else None
        self.due_skills = [(skills[s], s) for s in due_now]
        self.mistakes = mistakes
        weak_name = f" — {names.get(weak, weak)}" if weak else ""
        menu.replace_option_prompt("weakest",
                                   Content(self.text(f"Practise your weakest skill{weak_name}")))
        menu.replace_option_prompt("due", f"Review skills that are due ({len(due_now)})")
        menu.replace_option_prompt("mistakes", f"Review mistakes ({len(mistakes)})")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.choose(event.option.id or "")

    def choose(self, choice: str) -> None:
        """Carry out a menu choice (also used by the command palette)."""
        app = self.app
        kind, _, rest = choice.partition(":")
        if kind == "topic":
            app.open_practice(rest)  # type: ignore[attr-defined]
        elif kind == "skill":
            topic, _, skill = rest.partition(":")
            app.open_practice(topic, skill)  # type: ignore[attr-defined]
        elif kind == "weakest":
            if self.weakest is None:
                app.notify("Progress is still loading — try again in a moment.", markup=False)
            else:
                app.open_practice(*self.weakest)  # type: ignore[attr-defined]
        elif kind == "due":
            if not self.due_skills:
                app.notify("Nothing is due for review — practise something new!", markup=False)
            else:
                app.open_practice(*self.due_skills[0])  # type: ignore[attr-defined]
        elif kind == "mistakes":
            if not self.mistakes:
                app.notify("No mistakes to review.", markup=False)
            else:
                app.open_practice("", review=tuple(self.mistakes))  # type: ignore[attr-defined]
        elif kind == "quiz":
            app.open_quiz(tuple(rest.split(",")))  # type: ignore[attr-defined]
        elif kind == "custom-quiz":
            from quizapp.tui.screens.quiz_form import QuizFormScreen

            app.push_screen(QuizFormScreen([(t.id, t.name) for t in self.topics]))
        elif kind == "quiz-code":
            from quizapp.tui.screens.quiz_form import QuizCodeScreen

            app.push_screen(QuizCodeScreen([t.id for t in self.topics]))
        elif kind == "stats":
            app.open_stats()  # type: ignore[attr-defined]
        elif kind == "help":
            app.action_help()


