"""Practice: one problem at a time, instant feedback, hints, the solution, and what to study."""

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizapp.tui.ascii import plain_text
from quizapp.tui.rendering_links import linked
from quizapp.tui.resource_text import resource_label
from quizapp.tui.status_line import PracticeStatus, practice_status
from quizapp.tui.widgets.answer_box import AnswerBox, replace_answer_box
from quizapp.tui.widgets.footer import KeysFooter
from quizapp.tui.widgets.header import QuizHeader
from quizapp.tui.widgets.indented_text import IndentedText
from quizapp.tui.widgets.math_view import MathView
from quizapp.tui.widgets.status import StatusLine


class PracticeScreen(Screen):
    """Practise a topic or one skill."""

    BINDINGS = [
        Binding("f2", "hint", "Hint"),
        Binding("f3", "solution", "Solution"),
        # F4/F5 are said beside the link itself; the footer keeps room for the level keys
        Binding("f4", "open_resource", "Open link", show=False),
        Binding("f5", "copy_resource", "Copy link", show=False),
        Binding("f6", "one_line", "Grid/line", show=False),
        Binding("f7", "skip", "Skip"),
        Binding("f9", "level(-1)", "Level -/+", key_display="f9/f10"),  # easier / harder
        Binding("f10", "level(1)", "Harder", show=False),
        Binding("ctrl+down", "level(-1)", "Easier", show=False),
        Binding("ctrl+up", "level(1)", "Harder", show=False),
        Binding("f8", "learn", "Learn"),
        Binding("ctrl+g", "graph", "Graph"),
        Binding("escape", "home", "Home"),
    ]

    def __init__(self, topic: str, skill: str | None = None, difficulty: int | None = None,
                 seed: int | None = None, unicode: bool = True,
                 review: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.topic, self.skill, self.difficulty, self.seed = topic, skill, difficulty, seed
        self.review = review
        self.unicode = unicode
        self.session = None
        self.resource_url: str | None = None
        self.busy = False

    def compose(self) -> ComposeResult:
        """Status line, the problem, the answer, the feedback."""
        yield QuizHeader()
        yield StatusLine(self.text("Loading…"), id="status")
        with VerticalScroll(id="body"):
            yield MathView("", id="problem")
            yield Vertical(id="answer-slot")
            yield IndentedText("", id="feedback")
            yield IndentedText("", id="hints")
            yield IndentedText("", id="solution")
            with Vertical(id="resource"):
                yield Static("", id="resource-title", markup=False)
                yield Static("", id="resource-link")
        yield KeysFooter(leave_out=("quit", "notation"))  # room at 80 columns; F1 lists them

    def on_mount(self) -> None:
        """Start the session off the event loop (it needs sympy)."""
        footer = self.query_one(KeysFooter)  # room for every key at 80 columns (F1 lists ctrl+p)
        footer.compact, footer.show_command_palette = True, False
        for name in ("#resource", "#hints", "#solution"):
            self.query_one(name).display = False
        self.start_session()

    def text(self, value: str) -> str:
        """Unicode or ASCII, as the terminal allows."""
        return plain_text(value, self.unicode)

    @work(thread=True, exclusive=True, group="session")
    def start_session(self) -> None:
        """Load the bank, make the session, show the first problem."""
        from quizapp.session import NoProblems, PracticeSession, ReviewSession

        bank = self.app.wait_for_bank()  # type: ignore[attr-defined]
        if bank is None:
            return
        record = self.app.record  # type: ignore[attr-defined]
        try:
            if self.review:
                self.session = ReviewSession(bank, list(self.review), record=record,
                                             now=self.app.now)  # type: ignore[attr-defined]
            else:
                store = self.app.store  # type: ignore[attr-defined]
                # every skill keeps its own level, also when the whole topic is practised
                self.session = PracticeSession(
                    bank, self.topic, self.skill, self.difficulty, self.seed, record=record,
                    now=self.app.now,  # type: ignore[attr-defined]
                    saved_level=None if store is None else store.level,
                    on_level=None if store is None else store.set_level)
        except NoProblems as exc:
            self.app.call_from_thread(self.app.notify, str(exc), severity="error", markup=False)
            return
        self._next()

    def _next(self, skill: str | None = None) -> None:
        from quizapp.session import NoProblems
        from quizapp.tui.rendering import answer_shape, problem_text

        assert self.session is not None
        try:
            problem = self.session.next_problem(skill)
        except NoProblems as exc:  # a review queue done
            self.app.call_from_thread(self.finished_review, str(exc))
            return
        view = problem_text(problem, self.unicode)
        self.app.call_from_thread(self.show_problem, problem, view, answer_shape(problem))
        # Read the key and its misconceptions now, while the learner reads the problem, so that
        # Enter costs only the learner's own answer.
        from quizapp.grading import grade, prepare

        grade(problem, problem.answer)
        prepare(problem)

    @work(thread=True, exclusive=True, group="session")
    def next_problem(self, skill: str | None = None) -> None:
        """Generate the next problem in a thread (of `skill`, when one is named)."""
        self._next(skill)

    def finished_review(self, message: str) -> None:
        """Every reviewed mistake is now right: say so and go home."""
        self.app.notify(message, markup=False)
        self.app.refresh_home()  # type: ignore[attr-defined]
        self.app.pop_screen()

    async def show_problem(self, problem, view: str, shape) -> None:
        """Put a fresh problem on screen (unless the learner has left this screen meanwhile)."""
        self.busy = False
        if not self.is_attached:
            return
        self.query_one("#problem", MathView).update(view)
        box = await replace_answer_box(self.query_one("#answer-slot"), problem.answer_kind,
                                       tuple(problem.variables), shape, self.unicode,
                                       problem.domain)
        if not self.is_attached:  # left (Esc) while the answer box was being made
            return
        for name in ("#feedback", "#hints", "#solution"):
            self.query_one(name, Static).update("")
        self.query_one("#hints").display = False
        self.query_one("#solution").display = False
        self.query_one("#feedback").set_classes("")
        self.query_one("#resource").display = False
        self.resource_url = None
        self.update_status()
        box.focus_answer()
        self.call_after_refresh(box.focus_answer)  # again, after the old box is gone
        from quizapp.tui.screens.learn import offer_intro

        offer_intro(self.app, problem.skill)

    def update_status(self) -> None:
        """Skill, difficulty and level progress, streak, first-try score: as fits the width."""
        session = self.session
        if session is None or session.problem is None:
            return
        names = self.app.names  # type: ignore[attr-defined]
        problem = session.problem
        store = self.app.store  # type: ignore[attr-defined]
        unsaved = store is not None and not store.saving
        topic = names.get(problem.topic, problem.topic)
        skill = names.get(problem.skill, problem.skill)
        if self.review:
            status = PracticeStatus(topic, skill, session.right_first_time, session.answered,
                                    unsaved, to_go=session.remaining)
        else:
            done, total = session.level_progress
            status = PracticeStatus(topic, skill, session.right_first_time, session.answered,
                                    unsaved, difficulty=problem.difficulty, levels=session.levels,
                                    level_done=done, level_total=total, streak=session.streak)
        self.query_one("#status", StatusLine).show(
            lambda width: practice_status(status, width, self.unicode))

    @on(AnswerBox.Edited)
    def _edited(self) -> None:
        """A verdict is about the text it checked: editing clears it."""
        feedback = self.query_one("#feedback", Static)
        feedback.update("")
        feedback.set_classes("")

    @on(AnswerBox.Submitted)
    def _submitted(self, event: AnswerBox.Submitted) -> None:
        if self.session is None or self.busy:
            return
        if self.session.solved:
            self.busy = True
            self.next_problem()
        else:
            self.last_answer = event.text
            self.check(event.text, event.cells)

    @work(thread=True, exclusive=True, group="check")
    def check(self, text: str, cells: list[list[str]] | None = None) -> None:
        """Check the answer in a thread; show the verdict. A grid cell that cannot be read is
        named (and costs no attempt)."""
        from quizapp.tui.widgets.answer_box import cell_problem

        assert self.session is not None and self.session.problem is not None
        unreadable = cell_problem(cells, tuple(self.session.problem.variables))
        if unreadable:
            self.app.call_from_thread(self.show_unreadable, unreadable[0].upper() + unreadable[1:])
            return
        try:
            feedback = self.session.submit(text)
        except Exception as exc:  # a bug of ours must not take the learner's session down
            self.app.call_from_thread(self.app.notify, "That answer could not be checked "
                                      f"(internal error: {type(exc).__name__}).",
                                      severity="error", markup=False)
            return
        self.app.call_from_thread(self.show_feedback, feedback)

    def show_feedback(self, feedback) -> None:
        """✓ or ✗, the message, and after a mistake the resource to study."""
        from quizapp.tui.ascii import plain_text as t

        verdict = feedback.verdict
        box = self.query_one("#feedback", Static)
        if verdict.error:
            self.show_unreadable(verdict.error)
            return
        from quizapp.tui.screens.learn import withdraw_offer

        withdraw_offer(self.app)
        if verdict.correct:
            lines = [f"✓ {verdict.feedback}  Press Enter for the next problem."]
            box.set_classes("right")
        else:
            lines = [f"✗ {verdict.feedback}",
                     "  Try again (only the first attempt counts) · F2 hint · F3 solution"]
            box.set_classes("wrong")
        box.update(t("\n".join(lines), self.unicode))
        if feedback.level_change > 0:
            self.app.notify(f"Level up! {self.skill_name()}: now at difficulty {feedback.level}.",
                            markup=False)
        elif feedback.level_change < 0:
            self.app.notify(f"{self.skill_name()}: back to difficulty {feedback.level} — keep "
                            "going.", markup=False)
        if feedback.resource is not None:
            self.show_resource(feedback.resource)
        from quizapp.tui.screens.graph import remember_mistake

        remember_mistake(self, feedback.verdict, getattr(self, "last_answer", ""))
        self.update_status()
        self.call_after_refresh(self.scroll_to_verdict)

    def scroll_to_verdict(self) -> None:
        """Where the screen is short, scroll so that the verdict and the resource after it are
        in view (the verdict first, if both cannot be)."""
        body = self.query_one("#body", VerticalScroll)
        resource = self.query_one("#resource")
        if resource.display:
            body.scroll_to_widget(resource, animate=False, immediate=True)
        body.scroll_to_widget(self.query_one("#feedback"), animate=False, immediate=True)

    def show_unreadable(self, message: str) -> None:
        """Why the answer cannot be read — on the verdict line only (not twice on screen)."""
        box = self.query_one("#feedback", Static)
        box.update(self.text(f"? {message}"))
        box.set_classes("unreadable")
        for answer in self.query(AnswerBox):
            answer.hide_preview()

    def show_resource(self, resource) -> None:
        """Title, provider and a clickable URL (also plain text, for SSH)."""
        self.resource_url = resource.url
        problem = self.session.problem if self.session is not None else None
        reference = " · ctrl+n: the notation reference" if problem is not None and \
            problem.topic == "notation" else ""
        self.query_one("#resource-title", Static).update(self.text(
            f"Study: {resource_label(resource.title, resource.provider, resource.kind)}"
            f"{reference}"))
        self.query_one("#resource-link", Static).update(
            linked(resource.url, after=self.text("  (F4 open · F5 copy)")))
        self.query_one("#resource").display = True

    def action_hint(self) -> None:
        """Reveal the next hint."""
        if self.session is None or self.session.problem is None:
            return
        hint = self.session.hint()
        hints = self.session.problem.hints[:self.session.hints_shown]
        note = "" if hint is not None else "\n(no more hints — F3 shows the solution)"
        self.query_one("#hints", Static).update(self.text(
            "\n".join(f"Hint {i + 1}: {h}" for i, h in enumerate(hints)) + note))
        self.query_one("#hints").display = True
        self.update_status()

    def action_solution(self) -> None:
        """Show the worked solution."""
        if self.session is None or self.session.problem is None:
            return
        from quizapp.tui.rendering import answer_text

        steps = self.session.solution()
        self.query_one("#solution", Static).update(self.text(
            "Solution:\n" + "\n".join(f"  {i + 1}. {s}" for i, s in enumerate(steps))
            + "\nAnswer: " + answer_text(self.session.problem, True)))
        self.query_one("#solution").display = True
        self.update_status()

    def _link(self) -> str | None:
        """The resource shown after a mistake, or before any the skill's first resource."""
        if self.resource_url:
            return self.resource_url
        best = self.session.recommended() if self.session is not None else None
        return best.url if best is not None else None

    def action_open_resource(self) -> None:
        """Open the recommended resource in the browser."""
        url = self._link()
        if url:
            self.app.open_url(url)
            self.app.notify(f"Opening {url}", markup=False)

    def action_copy_resource(self) -> None:
        """Copy the recommended resource's URL."""
        url = self._link()
        if url:
            self.app.copy_to_clipboard(url)
            self.app.notify(f"Copied {url}", markup=False)

    def action_skip(self) -> None:
        """A fresh problem; an unanswered one counts as a miss for the level."""
        if self.session is None or self.session.problem is None or self.busy or self.review:
            return
        change = self.session.skip()
        if change < 0:
            self.app.notify(f"{self.skill_name()}: back to difficulty {self.session.level} — "
                            "keep going.", markup=False)
        self.busy = True
        self.next_problem()

    def action_level(self, step: int) -> None:
        """Choose an easier (−1) or harder (+1) level; a problem at it comes at once."""
        if self.session is None or self.session.problem is None or self.busy or self.review:
            return
        if not self.session.step_level(step):
            self.app.notify(f"This skill has no {'harder' if step > 0 else 'easier'} level.",
                            markup=False)
            return
        self.app.notify(f"{self.skill_name()}: difficulty {self.session.level} from now on.",
                        markup=False)
        self.busy = True
        self.next_problem(self.session.problem.skill)  # the chosen level, seen at once

    def skill_name(self) -> str:
        """The name of the skill on screen (each skill has its own level)."""
        problem = self.session.problem if self.session is not None else None
        skill = problem.skill if problem is not None else self.skill or ""
        return self.app.names.get(skill, skill)  # type: ignore[attr-defined]

    def palette_commands(self) -> list[tuple[str, str, object]]:
        """Command-palette entries while practising: (title, help, callback)."""
        if self.review:
            return []
        return [("Level: harder", "Practise at the next difficulty (F10)",
                 lambda: self.action_level(1)),
                ("Level: easier", "Practise at the previous difficulty (F9)",
                 lambda: self.action_level(-1)),
                ("Skip this problem", "A fresh problem; counts as a miss for the level (F7)",
                 self.action_skip)]

    def action_one_line(self) -> None:
        """Matrix answers: grid or one line."""
        for box in self.query(AnswerBox):
            box.toggle_one_line()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+g Graph is in the footer only while there is a wrong derivative to draw."""
        if action == "graph":
            from quizapp.tui.screens.graph import has_mistake

            return has_mistake(self)
        # a review serves the mistakes themselves, at their own levels: no level or skip keys
        return not (action in ("level", "skip") and self.review)

    def action_learn(self) -> None:
        """The intro of the skill on screen (F8)."""
        from quizapp.tui.screens.learn import open_learn

        problem = self.session.problem if self.session is not None else None
        open_learn(self.app, problem.skill if problem is not None else self.skill)

    def action_graph(self) -> None:
        """After a wrong derivative: the learner's derivative against the right one (ctrl+g)."""
        from quizapp.tui.screens.graph import open_graph

        open_graph(self)

    def action_home(self) -> None:
        """Back to the home screen."""
        self.app.refresh_home()  # type: ignore[attr-defined]
        self.app.pop_screen()
