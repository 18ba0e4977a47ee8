"""Start a quiz from the app: a custom one (topics, questions, minutes) or one from a code."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, SelectionList, Static

from quizapp.session.spec import BadQuiz, QuizSpec, topic_keys
from quizapp.tui.ascii import plain_text
from quizapp.tui.widgets.checklist import Checklist
from quizapp.tui.widgets.footer import KeysFooter
from quizapp.tui.widgets.header import QuizHeader
from quizapp.tui.widgets.ordered_input import OrderedInput


def read_quiz_form(topics: list[str], questions: str, minutes: str) -> tuple[int, float]:
    """The form's numbers, or BadQuiz saying in one line what to fix."""
    if not topics:
        raise BadQuiz("Choose at least one topic (Space ticks the highlighted one).")
    try:
        count = int(questions.strip())
    except ValueError:
        count = 0
    if not 1 <= count <= 100:
        raise BadQuiz("Questions: a whole number from 1 to 100.")
    try:
        length = float(minutes.strip())
    except ValueError:
        length = 0.0
    if not 0.1 <= length <= 300:  # also refuses nan and inf
        raise BadQuiz("Minutes: a number from 0.1 to 300.")
    return count, length


class QuizFormScreen(Screen):
    """Topics to tick, how many questions, how many minutes; Enter or Start begins."""

    DEFAULT_CSS = """
    QuizFormScreen #quiz-topics { height: auto; max-height: 9; }
    QuizFormScreen #quiz-sizes { height: auto; }
    QuizFormScreen #quiz-sizes Label { padding: 1 1 0 0; }
    QuizFormScreen #quiz-sizes Input { width: 10; }
    QuizFormScreen #form-error { color: $error; }
    """
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, topics: list[tuple[str, str]]) -> None:
        super().__init__()
        self.topics = topics  # (id, name)

    def compose(self) -> ComposeResult:
        """The form."""
        yield QuizHeader()
        with VerticalScroll(id="body"):
            arrows = "↑↓" if getattr(self.app, "unicode", True) else "arrows"
            yield Label(f"Topics (Space ticks, {arrows} move)")
            yield Checklist(*((name, tid, True) for tid, name in self.topics),
                            id="quiz-topics")
            with Horizontal(id="quiz-sizes"):
                yield Label("Questions")
                yield OrderedInput("10", id="quiz-questions", restrict=r"[0-9]*", max_length=3)
                yield Label("  Minutes")
                yield OrderedInput("10", id="quiz-minutes", restrict=r"[0-9.]*", max_length=5)
            yield Static("", id="form-error", markup=False)
            yield Button("Start the quiz", id="start", variant="primary")
        yield KeysFooter()

    def on_mount(self) -> None:
        """No blinking cursor (steady snapshots); the topics first."""
        for box in self.query(Input):
            box.cursor_blink = False
        self.query_one(SelectionList).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#start")
    def start(self) -> None:
        """Check the form; start the quiz or say what to fix."""
        topics = list(self.query_one(SelectionList).selected)
        try:
            questions, minutes = read_quiz_form(topics, self.query_one("#quiz-questions",
                                                                       Input).value,
                                                self.query_one("#quiz-minutes", Input).value)
        except BadQuiz as exc:
            self.query_one("#form-error", Static).update(str(exc))
            return
        ordered = tuple(t for t, _ in self.topics if t in topics)
        self.app.pop_screen()
        self.app.open_quiz(ordered, questions, minutes)  # type: ignore[attr-defined]


class QuizCodeScreen(Screen):
    """Type or paste a quiz code someone shared; Enter starts that quiz."""

    DEFAULT_CSS = "QuizCodeScreen #form-error { color: $error; }"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, known_topics: list[str]) -> None:
        super().__init__()
        self.known = known_topics
        self.keys = [f"{key} ({topic})" if key != topic else topic
                     for topic, key in topic_keys(known_topics).items()]

    def compose(self) -> ComposeResult:
        """One line for the code."""
        yield QuizHeader()
        with VerticalScroll(id="body"):
            yield Label("Quiz code (like all/10/10/1234 or der+eig/10/5/1234), then Enter")
            yield OrderedInput(id="quiz-code", placeholder="topics/questions/minutes/seed")
            yield Static(plain_text("Topics: all, or some joined by + — " + ", ".join(self.keys)
                                    + "; full ids work too.", self.app.unicode),  # type: ignore[attr-defined]
                         id="code-topics", markup=False)
            yield Static("", id="form-error", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        """Ready to type."""
        box = self.query_one(Input)
        box.cursor_blink = False
        box.focus()

    @on(Input.Submitted)
    def start(self, event: Input.Submitted) -> None:
        """Read the code; start its quiz or say what is wrong with it."""
        try:
            spec = QuizSpec.from_code(event.value, self.known)
        except BadQuiz as exc:
            message = str(exc)
            self.query_one("#form-error", Static).update(message[:1].upper() + message[1:])
            return
        from quizapp.tui.screens.quiz import QuizScreen

        self.app.pop_screen()
        self.app.push_screen(QuizScreen(spec, self.app.unicode))  # type: ignore[attr-defined]
