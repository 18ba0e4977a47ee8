"""The header of every screen: Textual's, with an ASCII icon under --ascii."""

from textual.widgets import Header


class QuizHeader(Header):
    """Textual's Header without a clock; its icon is `*` where the app draws only ASCII."""

    def __init__(self) -> None:
        super().__init__(show_clock=False)

    def on_mount(self) -> None:
        """Pick the icon for the app's character set."""
        if not getattr(self.app, "unicode", True):
            self.icon = "*"
