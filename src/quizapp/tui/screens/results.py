"""Quiz results: score, time, a per-topic table, each mistake with its solution, study next."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quizapp.tui.ascii import plain_text
from quizapp.tui.rendering_links import linked
from quizapp.tui.resource_text import resource_label
from quizapp.tui.widgets.footer import KeysFooter
from quizapp.tui.widgets.header import QuizHeader
from quizapp.tui.widgets.indented_text import IndentedText


class ResultsScreen(Screen):
    """What the quiz showed."""

    BINDINGS = [Binding("escape", "home", "Home"),
                Binding("enter", "enter_home", "Home", show=False)]
    # An Enter typed to submit an answer just as time ran out lands here: for this long after
    # the results appear, Enter does not close them (Esc always does).
    ENTER_GRACE_S = 1.5

    def __init__(self, results, spec, unicode: bool = True) -> None:
        super().__init__()
        self.results, self.spec, self.unicode = results, spec, unicode
        self.shown_at: float | None = None

    def on_mount(self) -> None:
        """Note when the results appeared (on the app's clock, which tests move by hand)."""
        self.shown_at = self.app.clock()  # type: ignore[attr-defined]

    def t(self, text: str) -> str:
        """Unicode or ASCII."""
        return plain_text(text, self.unicode)

    def compose(self) -> ComposeResult:
        """Everything, scrollable."""
        r = self.results
        minutes, seconds = divmod(int(r.seconds), 60)
        ending = "time ran out" if r.timed_out else ("ended early" if r.ended_early
                                                     else "finished")
        names = self.app.names  # type: ignore[attr-defined]
        yield QuizHeader()
        with VerticalScroll(id="body"):
            yield Static(self.t(f"Score {r.right}/{r.questions}   Time {minutes}:{seconds:02d} "
                                f"({ending})   Quiz code "
                                f"{self.app.quiz_code(self.spec)}"),  # type: ignore[attr-defined]
                         id="score", markup=False)
            table = DataTable(id="topics", cursor_type="none", zebra_stripes=True)
            table.add_columns("Topic", "Right", "Questions")
            for score in r.topics:
                table.add_row(Text(names.get(score.topic, score.topic)), str(score.right),
                              str(score.questions))
            yield table
            if r.mistakes:
                yield Static("Mistakes", classes="heading")
            from quizapp.tui.rendering import answer_text

            for number, item in enumerate(r.mistakes, 1):
                answer = "(skipped)" if item.skipped else (item.answer or "(not answered)")
                if item.unread is not None:
                    answer = f"(not answered: time ran out while '{item.unread}' could not be read)"
                prompt = item.problem.prompt.splitlines()
                lines = [f"{number}. {prompt[0]}", *(f"   {line}" for line in prompt[1:]),
                         f"   your answer: {answer}", "   right answer: "
                         + answer_text(item.problem).replace("\n", "\n" + " " * 17)]
                if item.verdict is not None and item.verdict.misconception:
                    lines.append(f"   {item.verdict.feedback}")
                lines += [f"     {step}" for step in item.problem.solution]
                yield IndentedText(self.t("\n".join(lines)), classes="mistake")
            if r.study_next:
                yield Static("Study next", classes="heading")
            for study in r.study_next:
                res = study.resource
                plural = "s" if study.mistakes != 1 else ""
                label = resource_label(res.title, res.provider, res.kind)
                yield Static(linked(res.url, self.t(f"• {label}, covers {study.mistakes} "
                                                    f"mistake{plural}")
                                    + "\n  ", ""), classes="study")
            if not r.mistakes:
                yield Static(self.t("No mistakes — well done!"), classes="heading")
        yield KeysFooter()

    def palette_commands(self) -> list[tuple[str, str, object]]:
        """Command-palette entries on the results: (title, help, callback)."""
        return [("Copy quiz code", "Copy this quiz's code, to share it",
                 lambda: self.app.copy_quiz_code(self.spec))]  # type: ignore[attr-defined]

    def action_enter_home(self) -> None:
        """Enter goes home, but not when it was typed before the results could be read."""
        now = self.app.clock()  # type: ignore[attr-defined]
        if self.shown_at is not None and now - self.shown_at >= self.ENTER_GRACE_S:
            self.action_home()

    def action_home(self) -> None:
        """Back to the home screen."""
        self.app.refresh_home()  # type: ignore[attr-defined]
        self.app.pop_screen()
