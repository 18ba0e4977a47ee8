"""Bars for values by day on a fixed scale: a day at 0% is a low bar, not a full one, and a
single day is one narrow bar, not a band across the screen. ASCII bars under --ascii."""

from collections.abc import Sequence

from rich.text import Text
from textual.app import RenderResult
from textual.reactive import reactive
from textual.widget import Widget

BARS = "▁▂▃▄▅▆▇█"
ASCII_BARS = "_.-=+*%#"
WIDEST_BAR = 3  # cells for one day when there are few days


def bar_index(value: float, top: float) -> int:
    """Which of the eight bars draws `value` on a scale from 0 to `top`."""
    if top <= 0:
        return 0
    share = min(max(value / top, 0.0), 1.0)
    return round(share * (len(BARS) - 1))


def day_bars(values: Sequence[float], top: float, width: int, unicode: bool = True) -> str:
    """One bar per value, each as wide as the room allows up to WIDEST_BAR cells, left aligned;
    heights on the scale 0 … `top` (the tallest bar is `top`, never just the largest value)."""
    if not values or width <= 0:
        return ""
    bars = BARS if unicode else ASCII_BARS
    cell = max(1, min(WIDEST_BAR, width // len(values)))
    shown = values[-(width // cell):]  # the latest days when even one cell each is too many
    return "".join(bars[bar_index(v, top)] * cell for v in shown)


class DayBars(Widget):
    """A line of bars, one per day, on the scale 0 … `top`."""

    DEFAULT_CSS = "DayBars { height: 1; color: $primary; }"

    values: reactive[tuple[float, ...]] = reactive(tuple)
    top: reactive[float] = reactive(1.0)

    def __init__(self, top: float = 1.0, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.top = top

    def render(self) -> RenderResult:
        """The bars, in the app's character set."""
        unicode = getattr(self.app, "unicode", True)
        return Text(day_bars(self.values, self.top, self.size.width, unicode), no_wrap=True)
