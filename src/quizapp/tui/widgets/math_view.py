"""Maths on screen: never parsed as markup. Maths is written on lines that fit 76 columns
(matrices side by side only when they fit), so long prose lines of a prompt wrap at the screen's
edge instead of running off it."""

from textual.containers import HorizontalScroll
from textual.widgets import Static


class MathView(HorizontalScroll):
    """A problem's text: prose and maths written as a teacher writes them."""

    DEFAULT_CSS = """
    MathView { height: auto; max-height: 14; }
    MathView > Static { width: 100%; text-wrap: wrap; }
    """

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._text = text

    def compose(self):
        """One static holding the text."""
        yield Static(self._text, markup=False)

    def update(self, text: str) -> None:
        """Show new maths."""
        self._text = text
        self.query_one(Static).update(text)
