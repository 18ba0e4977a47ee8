"""A plotext plot that can draw in ASCII (for --ascii): box lines become - | +."""

from collections.abc import Sequence

from rich.text import Text
from textual.app import RenderResult
from textual_plotext import PlotextPlot


def ascii_char(char: str) -> str:
    """The ASCII stand-in for one character of a plot."""
    if char.isascii():
        return char
    if char in "─━┄┈╌═":
        return "-"
    if char in "│┃┆┊╎║":
        return "|"
    if "\u2500" <= char <= "\u257f":
        return "+"
    return "*"


class Plot(PlotextPlot):
    """PlotextPlot, with `unicode=False` drawing only ASCII characters (colours are kept)."""

    def __init__(self, unicode: bool = True, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.unicode = unicode

    @property
    def marker(self) -> str:
        """The point marker to draw lines with: braille dots, or '*' in ASCII."""
        return "braille" if self.unicode else "*"

    @property
    def point_marker(self) -> str:
        """The marker for a point with no line through it: braille would be one tiny dot."""
        return "dot" if self.unicode else "*"

    def render(self) -> RenderResult:
        """The plot; in ASCII mode every character outside ASCII is replaced, spans kept."""
        rendered = super().render()
        if self.unicode or not isinstance(rendered, Text):
            return rendered
        plain = rendered.plain
        if plain.isascii():
            return rendered
        text = rendered.copy()
        text.plain = "".join(ascii_char(c) for c in plain)
        return text


def segments(xs: Sequence[float], ys: Sequence[float | None]
             ) -> list[tuple[list[float], list[float]]]:
    """Runs of defined points (plotext draws no gaps itself)."""
    runs: list[tuple[list[float], list[float]]] = []
    current: tuple[list[float], list[float]] = ([], [])
    for x, y in zip(xs, ys, strict=True):
        if y is None:
            if current[0]:
                runs.append(current)
            current = ([], [])
        else:
            current[0].append(x)
            current[1].append(y)
    if current[0]:
        runs.append(current)
    return runs
