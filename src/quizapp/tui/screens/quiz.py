"""A timed quiz: a fixed set of problems, an mm:ss countdown, skip, no hints; then the results."""

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizapp.tui.ascii import plain_text
from quizapp.tui.screens.quiz_confirm import LeaveQuizScreen
from quizapp.tui.status_line import quiz_status
from quizapp.tui.widgets.answer_box import AnswerBox, replace_answer_box
from quizapp.tui.widgets.footer import KeysFooter
from quizapp.tui.widgets.header import QuizHeader
from quizapp.tui.widgets.indented_text import IndentedText
from quizapp.tui.widgets.math_view import MathView
from quizapp.tui.widgets.status import StatusLine


def clock_text(seconds: float) -> str:
    """mm:ss, rounding up so 0:00 means time is up."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def typed_answer(box: AnswerBox) -> str:
    """What the learner typed in the box: nothing for a grid whose cells are all empty (its
    text is still the separators `, , ; , , `)."""
    cells = box.cells
    if cells is not None and not any(cell for row in cells for cell in row):
        return ""
    return box.text


class QuizScreen(Screen):
    """The quiz itself."""

    BINDINGS = [
        Binding("f7", "skip", "Skip"),
        Binding("f6", "one_line", "Grid/line", show=False),
        Binding("escape", "leave", "Leave quiz"),
    ]

    def __init__(self, spec, unicode: bool = True) -> None:
        super().__init__()
        self.spec, self.unicode = spec, unicode
        self.session = None
        self.shown = -1
        self.ended = False

    def compose(self) -> ComposeResult:
        """Status with the countdown, the problem, the answer."""
        yield QuizHeader()
        yield StatusLine(plain_text("Preparing the quiz…", self.unicode), id="status")
        with VerticalScroll(id="body"):
            yield MathView("", id="problem")
            yield Vertical(id="answer-slot")
            yield IndentedText("", id="feedback")
        yield KeysFooter()

    def on_mount(self) -> None:
        """Make the quiz in a thread; tick the countdown."""
        self.prepare()
        self.set_interval(0.25, self.tick)

    @work(thread=True, exclusive=True, group="session")
    def prepare(self) -> None:
        """Generate the quiz's problems."""
        from quizapp.session import BadQuiz, QuizSession

        bank = self.app.wait_for_bank()  # type: ignore[attr-defined]
        if bank is None:
            return
        try:
            session = QuizSession(bank, self.spec, clock=self.app.clock,  # type: ignore[attr-defined]
                                  store=self.app.store, now=self.app.now)  # type: ignore[attr-defined]
        except BadQuiz as exc:
            self.app.call_from_thread(self.cannot_start, str(exc))
            return
        self.app.call_from_thread(self.started, session)

    def cannot_start(self, message: str) -> None:
        """Say why the quiz cannot be made, and go back home."""
        self.app.notify(message, severity="error", timeout=10, markup=False)
        self.app.pop_screen()

    def started(self, session) -> None:
        """Show the first question."""
        self.session = session
        self.show_current()

    def tick(self) -> None:
        """Update the countdown, also under the leave-quiz dialog; when time is up show the
        results (closing that dialog: the quiz is over, there is nothing left to leave). Under
        any other screen (help, notation) the results come when it closes."""
        if self.session is None or self.ended:
            return
        self.update_status()
        if not self.session.over:
            return
        if self.app.screen is self:
            self.show_results()
        elif isinstance(self.app.screen, LeaveQuizScreen):
            self.app.screen.dismiss(None)  # `left` then shows the results

    def update_status(self) -> None:
        """Question k of N, the time left, the code (as fits the width)."""
        session = self.session
        if session is None:
            return
        number, total = min(session.index + 1, len(session.items)), len(session.items)
        clock = clock_text(session.remaining())
        code = self.app.quiz_code(session.spec)  # type: ignore[attr-defined]
        self.query_one("#status", StatusLine).show(
            lambda width: quiz_status(number, total, clock, code, width, self.unicode))

    def show_current(self) -> None:
        """Render the current question (in a thread: it needs sympy)."""
        if self.session is None or self.session.over:
            self.show_results()
            return
        self.update_status()
        self.render_question(self.session.index)

    @work(thread=True, exclusive=True, group="render")
    def render_question(self, index: int) -> None:
        """Pretty-print a question."""
        from quizapp.tui.rendering import answer_shape, problem_text

        problem = self.session.items[index].problem  # type: ignore[union-attr]
        view = problem_text(problem, self.unicode)
        self.app.call_from_thread(self.put_question, index, problem, view, answer_shape(problem))

    async def put_question(self, index: int, problem, view: str, shape) -> None:
        """Swap in the question's text and answer box."""
        if self.ended or self.session is None or index != self.session.index \
                or not self.is_attached:
            return
        self.shown = index
        self.query_one("#problem", MathView).update(view)
        box = await replace_answer_box(self.query_one("#answer-slot"), problem.answer_kind,
                                       tuple(problem.variables), shape, self.unicode,
                                       problem.domain)
        if self.is_attached:  # not left meanwhile
            box.focus_answer()
            self.call_after_refresh(box.focus_answer)  # again, after the old box is gone

    @on(AnswerBox.Edited)
    def _edited(self) -> None:
        """A message is about the text it was given: editing the answer clears it."""
        feedback = self.query_one("#feedback", Static)
        feedback.update("")
        feedback.set_classes("")

    @on(AnswerBox.Submitted)
    def _submitted(self, event: AnswerBox.Submitted) -> None:
        if self.session is None or self.ended or self.shown != self.session.index:
            return
        if self.session.over:  # time ran out between two ticks of the countdown
            self.show_results()
            return
        self.check(event.text, event.cells)

    @work(thread=True, exclusive=True, group="check")
    def check(self, text: str, cells: list[list[str]] | None = None) -> None:
        """Grade the answer in a thread; a grid cell that cannot be read is named."""
        from quizapp.tui.widgets.answer_box import cell_problem

        item = self.session.current if self.session is not None else None
        unreadable = cell_problem(cells, tuple(item.problem.variables)) if item else None
        if unreadable:
            self.app.call_from_thread(self.show_unreadable, unreadable[0].upper() + unreadable[1:])
            return
        try:
            verdict = self.session.submit(text)  # type: ignore[union-attr]
        except RuntimeError:  # the quiz ended while this answer was on its way
            self.app.call_from_thread(self.show_results)
            return
        except Exception as exc:  # a bug of ours must not take the quiz down
            self.app.call_from_thread(self.app.notify, "That answer could not be checked "
                                      f"(internal error: {type(exc).__name__}).",
                                      severity="error", markup=False)
            return
        self.app.call_from_thread(self.after_answer, verdict)

    def after_answer(self, verdict) -> None:
        """Unreadable: say why and stay. Readable: a brief mark, then the next question."""
        if self.ended:
            return
        feedback = self.query_one("#feedback", Static)
        if verdict.error:
            self.show_unreadable(verdict.error)
            return
        mark = "✓ Right" if verdict.correct else "✗ Not right — the results will show why"
        feedback.update(plain_text(f"{mark} (question {self.session.index})", self.unicode))
        feedback.set_classes("right" if verdict.correct else "wrong")
        self.show_current()

    def show_unreadable(self, message: str) -> None:
        """Why the answer cannot be read — on the verdict line only (not twice on screen)."""
        if self.ended:
            return
        feedback = self.query_one("#feedback", Static)
        feedback.update(plain_text(f"? {message}", self.unicode))
        feedback.set_classes("unreadable")
        for box in self.query(AnswerBox):
            box.hide_preview()

    def action_skip(self) -> None:
        """Skip this question."""
        if self.session is not None and not self.ended:
            self.session.skip()
            self.query_one("#feedback", Static).update("Skipped.")
            self.query_one("#feedback").set_classes("")
            self.show_current()

    def action_finish(self) -> None:
        """End the quiz now and see the results."""
        if self.session is not None and not self.ended:
            self.session.finish()
            self.show_results()

    @property
    def running(self) -> bool:
        """Whether a quiz is under way (made, and not over)."""
        return self.session is not None and not self.ended

    def action_leave(self) -> None:
        """Esc: ask, then leave the quiz (recorded as abandoned) for the home screen."""
        if not self.running:
            self.app.pop_screen()
            return
        self.app.push_screen(LeaveQuizScreen(), self.left)

    def confirm_quit(self) -> bool:
        """ctrl+q during a quiz: ask first. False when there is nothing to lose."""
        if not self.running:
            return False
        self.app.push_screen(LeaveQuizScreen(quitting=True), self.left)
        return True

    def left(self, choice: str | None) -> None:
        """After the question: keep going, or record the quiz as abandoned and leave. When time
        ran out meanwhile, the quiz is over, not abandoned: it is scored, and its results shown
        (or just saved, when quitting the app)."""
        if not self.running:
            return
        if self.session.over:  # type: ignore[union-attr]
            if choice == "quit":
                self.ended = True
                self.score()
                self.app.exit()
                return
            if choice == "leave":
                self.app.notify("Time had run out: the quiz is scored, not abandoned.",
                                markup=False)
            self.show_results()
            return
        if choice is None:
            return
        self.ended = True
        self.session.abandon()  # type: ignore[union-attr]
        if choice == "quit":
            self.app.exit()
            return
        self.app.notify("Quiz left — recorded as abandoned.", markup=False)
        self.app.refresh_home()  # type: ignore[attr-defined]
        self.app.pop_screen()

    def action_one_line(self) -> None:
        """Matrix answers: grid or one line."""
        for box in self.query(AnswerBox):
            box.toggle_one_line()

    def show_results(self) -> None:
        """Replace the quiz with its results."""
        if self.ended or self.session is None:
            return
        self.ended = True
        from quizapp.tui.screens.results import ResultsScreen

        self.app.switch_screen(ResultsScreen(self.score(), self.session.spec, self.unicode))

    def score(self):
        """Grade what was typed when time ran out, save the quiz as finished: its results."""
        session = self.session
        assert session is not None
        boxes = self.query(AnswerBox)
        if boxes and self.shown == session.index:
            session.answer_at_deadline(typed_answer(boxes.first()))
        return session.results()

    def palette_commands(self) -> list[tuple[str, str, object]]:
        """Command-palette entries during a quiz: (title, help, callback)."""
        return [("Copy quiz code", "Copy this quiz's code, to share it",
                 lambda: self.app.copy_quiz_code(self.spec))]  # type: ignore[attr-defined]
