"""Home: the topics and their skills, and the actions — practise, timed quiz, help."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from quizapp.bank.catalog import TopicName


class HomeScreen(Screen):
    """The first screen: pick what to practise."""

    BINDINGS = [Binding("escape", "app.quit", "Quit", show=False)]

    def __init__(self, topics: list[TopicName], unicode: bool = True) -> None:
        super().__init__()
        self.topics, self.unicode = topics, unicode

    def compose(self) -> ComposeResult:
        """Title, the menu, the footer."""
        yield Header(show_clock=False)
        yield Static("Drill the maths of machine learning. Pick a topic or a skill and press "
                     "Enter.", id="intro", markup=False)
        menu = OptionList(id="menu")
        for topic in self.topics:
            menu.add_option(Option(f"Practise {topic.name}", id=f"topic:{topic.id}"))
            for skill in topic.skills:
                menu.add_option(Option(f"    {skill.name}", id=f"skill:{topic.id}:{skill.id}"))
        all_topics = ",".join(t.id for t in self.topics)
        menu.add_option(Option("Timed quiz — all topics, 10 questions, 10 minutes",
                               id=f"quiz:{all_topics}"))
        for topic in self.topics:
            menu.add_option(Option(f"Timed quiz — {topic.name}, 10 questions, 10 minutes",
                                   id=f"quiz:{topic.id}"))
        menu.add_option(Option("Help — keys and answer syntax", id="help"))
        yield menu
        yield Footer()

    def on_mount(self) -> None:
        """Focus the menu."""
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        kind, _, rest = choice.partition(":")
        if kind == "topic":
            self.app.open_practice(rest)  # type: ignore[attr-defined]
        elif kind == "skill":
            topic, _, skill = rest.partition(":")
            self.app.open_practice(topic, skill)  # type: ignore[attr-defined]
        elif kind == "quiz":
            self.app.open_quiz(tuple(rest.split(",")))  # type: ignore[attr-defined]
        elif kind == "help":
            self.app.action_help()
