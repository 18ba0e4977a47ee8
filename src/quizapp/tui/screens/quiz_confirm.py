"""Asked when the learner leaves a running quiz: leaving records it as abandoned, not scored."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from quizapp.tui.ascii import plain_text


class LeaveQuizScreen(ModalScreen[str | None]):
    """'Leave this quiz?' Dismissed with "leave", "quit" (ctrl+q again) or None (keep going)."""

    DEFAULT_CSS = """
    LeaveQuizScreen { align: center middle; }
    LeaveQuizScreen > Vertical {
        width: 60; max-width: 100%; height: auto; border: thick $warning; padding: 0 1;
        background: $surface;
    }
    LeaveQuizScreen Horizontal { height: auto; align-horizontal: center; }
    LeaveQuizScreen Button { margin: 0 1; }
    """
    BINDINGS = [
        Binding("escape,n", "stay", "Keep going"),
        Binding("y", "leave", "Leave quiz"),
    ]

    def __init__(self, quitting: bool = False) -> None:
        super().__init__()
        self.quitting = quitting

    def compose(self) -> ComposeResult:
        """The question and two buttons."""
        with Vertical():
            yield Static(plain_text("Leave this quiz? It will be recorded as abandoned — not as "
                                    "a score.", getattr(self.app, "unicode", True)),
                         id="question", markup=False)
            with Horizontal():
                yield Button("Leave (y)", id="leave", variant="warning")
                yield Button("Keep going (n)", id="stay", variant="primary")

    def on_mount(self) -> None:
        """Keep going is the safe default."""
        self.query_one("#stay", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Leave or stay."""
        if event.button.id == "leave":
            self.action_leave()
        else:
            self.action_stay()

    def action_leave(self) -> None:
        """Leave the quiz (and the app, when ctrl+q asked)."""
        self.dismiss("quit" if self.quitting else "leave")

    def action_stay(self) -> None:
        """Back to the quiz."""
        self.dismiss(None)

    def confirm_quit(self) -> bool:
        """ctrl+q while asked: leave the quiz and the app."""
        self.dismiss("quit")
        return True
