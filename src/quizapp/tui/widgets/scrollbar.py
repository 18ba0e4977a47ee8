"""Scrollbars with no block characters in an app that draws only ASCII."""

from typing import ClassVar

# The app whose widgets are being drawn: how Textual itself finds it while rendering.
from textual._context import active_app
from textual.scrollbar import ScrollBar, ScrollBarRender


class AsciiScrollBarRender(ScrollBarRender):
    """Whole cells only: the thumb is blanks in reverse video, without ▁▂▃ or ▏▎▍ ends."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8


class CharsetScrollBarRender(ScrollBarRender):
    """Textual's scrollbar, drawn as `AsciiScrollBarRender` in an app with `unicode` False."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        app = active_app.get(None)
        if app is not None and getattr(app, "unicode", True) is False:
            self.render_bar = AsciiScrollBarRender.render_bar  # type: ignore[method-assign]


def use_charset_scrollbars() -> None:
    """Draw every scrollbar with `CharsetScrollBarRender` (Textual's documented hook; apps
    that draw Unicode see no difference)."""
    ScrollBar.renderer = CharsetScrollBarRender
