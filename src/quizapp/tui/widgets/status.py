"""The one-row status line of the practice and quiz screens, rewritten to fit its width."""

from collections.abc import Callable

from textual.app import RenderResult
from textual.content import Content
from textual.widgets import Static


class StatusLine(Static):
    """A Static whose text is made for the width it has, again after every resize."""

    def __init__(self, text: str, id: str | None = None) -> None:
        super().__init__(text, id=id, markup=False)
        self._fitted: Callable[[int], str] | None = None

    def show(self, fitted: Callable[[int], str]) -> None:
        """Show `fitted(width)`: the text for a given width in cells."""
        self._fitted = fitted
        self.refresh()

    def render(self) -> RenderResult:
        """The text for the current width (nothing is cut by the terminal's edge)."""
        if self._fitted is None:
            return super().render()
        width = self.content_size.width
        return Content(self._fitted(width if width > 0 else 1000))
