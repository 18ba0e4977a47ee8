"""Sparklines with ASCII bars in an app that draws only ASCII."""

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from textual.app import RenderResult as WidgetRender
from textual.widgets import Sparkline

# Textual's bars, low to high, and the ASCII drawn instead.
BARS_TO_ASCII = str.maketrans("▁▂▃▄▅▆▇█", "_.-=+*%#")


class AsciiBars:
    """A Rich renderable drawn with Textual's block bars turned into ASCII."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The wrapped renderable's segments, with ASCII text."""
        for segment in console.render(self.renderable, options):
            yield Segment(segment.text.translate(BARS_TO_ASCII), segment.style, segment.control)


class QuizSparkline(Sparkline):
    """Textual's Sparkline; under --ascii its bars are ASCII characters."""

    def render(self) -> WidgetRender:
        """Textual's sparkline, in the app's character set."""
        sparkline = super().render()
        return sparkline if getattr(self.app, "unicode", True) else AsciiBars(sparkline)
