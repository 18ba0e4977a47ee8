"""Text that wraps at the screen's edge with hanging indents (Textual's own wrapping starts
every continuation line at the left edge, losing the shape of indented steps and lists)."""

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from quizapp.tui.wrap import hanging_wrap


class IndentedText(Static):
    """Plain text (never markup), wrapped for the width it has, indents kept."""

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__("", markup=False, **kwargs)  # type: ignore[arg-type]
        self._source = text

    @property
    def source(self) -> str:
        """The text as given, before wrapping."""
        return self._source

    def update(self, content: object = "", *, layout: bool = True) -> None:
        """Show new text."""
        self._source = str(content)
        self.refresh(layout=layout)

    def render(self) -> Content:
        """The text wrapped to the widget's width."""
        return Content(hanging_wrap(self._source, self.content_size.width or 80))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as the longest line (wrapping narrows it where the screen is narrower)."""
        return max((len(line) for line in self._source.splitlines()), default=0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The number of lines once wrapped to `width` (one for no text, as Static has: a line
        that fills in as the learner types does not move what is below it)."""
        return hanging_wrap(self._source, width).count("\n") + 1
