"""A SelectionList whose tick boxes are `[X]` in an app that draws only ASCII."""

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList

TICK_BOX_TO_ASCII = str.maketrans("▐▌", "[]")


class Checklist(SelectionList[str]):
    """Textual's SelectionList; under --ascii its `▐X▌` boxes are `[X]`."""

    def render_line(self, y: int) -> Strip:
        """Textual's line, in the app's character set."""
        strip = super().render_line(y)
        if getattr(self.app, "unicode", True):
            return strip
        return Strip([Segment(s.text.translate(TICK_BOX_TO_ASCII), s.style, s.control)
                      for s in strip], strip.cell_length)
