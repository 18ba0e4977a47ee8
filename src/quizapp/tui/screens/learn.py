"""Learn (F8): a skill's rule in a few lines, a worked example step by step, and what to study.

The intro comes from the question bank (learn.toml); the example is a generated problem of the
skill's easiest family, so it always matches what the learner will be asked.
"""

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizapp.mathtext import prose
from quizapp.tui.resource_text import resource_label
from quizapp.tui.widgets.footer import KeysFooter
from quizapp.tui.widgets.header import QuizHeader
from quizapp.tui.widgets.indented_text import IndentedText


def lesson_text(lesson, skill_name: str, topic_name: str, unicode: bool = True) -> str:
    """The whole intro as plain text: rule, worked example (prompt, hints, solution, answer)
    and the resources, each URL on a line of its own so it can be copied over SSH."""
    from quizapp.tui.rendering import answer_text, problem_text

    example = lesson.example
    lines = [f"{skill_name} — {topic_name}", "", "The rule"]
    lines += [f"  {line}" for line in lesson.rule.splitlines()]
    lines += ["", "Worked example"]
    lines += [f"  {line}" for line in problem_text(example, True).splitlines()]
    lines.append("")
    lines += [f"  Think: {hint}" for hint in example.hints]
    lines += [f"  Step {n}. {step}" for n, step in enumerate(example.solution, 1)]
    lines += [f"  Answer: {answer_text(example, True)}", "", "Study"]
    for resource in lesson.resources:
        lines += [f"  • {resource_label(resource.title, resource.provider, resource.kind)}",
                  f"    {resource.url}"]
    return prose("\n".join(lines), unicode)


class LearnScreen(Screen):
    """The intro of one skill."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back"),
                Binding("enter", "app.pop_screen", "Start practising"),
                Binding("f8", "app.pop_screen", "Back", show=False)]
    DEFAULT_CSS = """
    LearnScreen #learn-text { height: auto; padding: 0; }
    """

    def __init__(self, skill: str, unicode: bool = True) -> None:
        super().__init__()
        self.skill = skill
        self.unicode = unicode

    def compose(self) -> ComposeResult:
        """A scrolling page of text."""
        yield QuizHeader()
        with VerticalScroll(id="body"):
            yield IndentedText(prose("Loading the intro…", self.unicode), id="learn-text")
        yield KeysFooter()

    def on_mount(self) -> None:
        """Remember the intro as seen, then build it off the event loop (it needs sympy)."""
        mark_seen(self.app, self.skill)
        self.query_one("#body").focus()
        self.build()

    @work(thread=True, exclusive=True)
    def build(self) -> None:
        """Load the intro and generate its worked example."""
        from quizapp.bank import BankError
        from quizapp.bank.learn import lesson, load_intros

        bank = self.app.wait_for_bank()  # type: ignore[attr-defined]
        names = self.app.names  # type: ignore[attr-defined]
        skill_name = names.get(self.skill, self.skill)
        if bank is None:
            return
        try:
            intro = load_intros(bank).get(self.skill)
            if intro is None:
                text = f"{skill_name}: there is no intro for this skill yet."
            else:
                topic = next((t.id for t in bank.topics.values()
                              if any(s.id == self.skill for s in t.skills)), "")
                text = lesson_text(lesson(bank, intro), skill_name, names.get(topic, topic),
                                   self.unicode)
        except (OSError, BankError) as exc:
            first = exc.problems[0] if isinstance(exc, BankError) else "learn.toml is missing"
            text = f"The intros cannot be read: {first} (run `quizapp bank check`)."
        except Exception as exc:  # a broken example must not take the session down
            text = f"The worked example could not be made ({type(exc).__name__})."
        self.app.call_from_thread(self.show, text)

    def show(self, text: str) -> None:
        """Put the intro on screen."""
        self.query_one("#learn-text", Static).update(prose(text, self.unicode))


def _seen(app):
    from quizapp.progress.intros_seen import SeenIntros

    return SeenIntros(getattr(app, "progress_home", None))


def mark_seen(app, skill: str) -> None:
    """Remember that the skill's intro was offered (never offered again)."""
    _seen(app).mark(skill)


def offer_intro(app, skill: str) -> bool:
    """The first time a skill is practised, offer its intro (F8); True when offered."""
    seen = _seen(app)
    if seen.seen(skill):
        return False
    seen.mark(skill)
    name = app.names.get(skill, skill)
    app.notify(prose(f"New skill: {name}. Press F8 to learn the rule with a worked example "
                     "first.", app.unicode), title="Learn", timeout=12, markup=False)
    return True


def withdraw_offer(app) -> None:
    """Take the offer to Learn off the screen (once the learner has answered, its toast would
    only cover the verdict's resource line). Other notifications stay."""
    for notification in [n for n in app._notifications if n.title == "Learn"]:
        app._unnotify(notification)  # Textual has no public way to dismiss one toast


def open_learn(app, skill: str | None) -> None:
    """Open the intro of `skill`, or say how to choose one."""
    if skill is None:
        app.notify(prose("Start practising a skill first, or pick “Learn: <skill>” in the "
                         "command palette (ctrl+p).", app.unicode), markup=False)
        return
    withdraw_offer(app)  # taken up: its toast would sit on the intro
    app.push_screen(LearnScreen(skill, app.unicode))
