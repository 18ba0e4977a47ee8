"""A plotext plot that can draw in ASCII (for --ascii): box lines become - | +. Each series
has its own marker as well as its own colour, so plots read without colour (NO_COLOR)."""

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


SERIES_MARKERS = ("•", "×", "+", "o", "◆", "■", "#")
ASCII_SERIES_MARKERS = ("+", "o", "x", "#", "@", "%", "=")


def legend_symbol(marker: str) -> str:
    """The character plotext shows for `marker` in a legend (braille is drawn as '⢕')."""
    return {"braille": "⢕", "hd": "▞", "dot": "•"}.get(marker, marker)


class Plot(PlotextPlot):
    """PlotextPlot, with `unicode=False` drawing only ASCII characters (colours are kept)."""

    def __init__(self, unicode: bool = True, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.unicode = unicode

    def series_marker(self, n: int) -> str:
        """The marker of the n-th series (cycling): a character that tells it from the others
        without colour; ASCII with `unicode=False`."""
        markers = SERIES_MARKERS if self.unicode else ASCII_SERIES_MARKERS
        return markers[n % len(markers)]

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
