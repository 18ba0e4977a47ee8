"""Maths on screen: never parsed as markup, never wrapped, scrolls sideways when wide."""

from textual.containers import HorizontalScroll
from textual.widgets import Static


class MathView(HorizontalScroll):
    """A block of pretty-printed maths."""

    DEFAULT_CSS = """
    MathView { height: auto; max-height: 14; }
    MathView > Static { width: auto; text-wrap: nowrap; }
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
