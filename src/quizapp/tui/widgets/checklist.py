"""A SelectionList whose tick boxes show their state without colour: `▐X▌` ticked, `▐ ▌` not
(`[X]` and `[ ]` where the app draws only ASCII)."""

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList

TICK_BOX_TO_ASCII = str.maketrans("▐▌", "[]")
TICKED, UNTICKED = "X", " "
BOX_INNER = 1  # Textual draws a box as three segments before the prompt: left, inner, right


class Checklist(SelectionList[str]):
    """Textual's SelectionList, whose boxes all show `X` (only the colour tells ticked from not):
    here an unticked box is empty, so NO_COLOR and monochrome terminals show the state too."""

    def render_line(self, y: int) -> Strip:
        """Textual's line, its box marked by state, in the app's character set."""
        strip = super().render_line(y)
        segments = list(strip)
        index = self.scroll_offset.y + y
        if len(segments) <= BOX_INNER or not 0 <= index < self.option_count:
            return strip
        ticked = self.get_option_at_index(index).value in self.selected
        unicode = getattr(self.app, "unicode", True)
        marked = []
        for at, s in enumerate(segments):
            text = (TICKED if ticked else UNTICKED) if at == BOX_INNER else s.text
            marked.append(Segment(text if unicode else text.translate(TICK_BOX_TO_ASCII),
                                  s.style, s.control))
        return Strip(marked, strip.cell_length)
