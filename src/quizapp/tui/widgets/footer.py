"""The footer of every screen, without the slow leak of Textual's own."""

from collections.abc import Iterable

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer

# On a narrow screen, keys give way in this order (F1 help, which lists them all, never does).
GIVE_WAY = ("quit", "notation", "command_palette", "level", "learn", "home", "skip", "graph",
            "leave", "solution", "hint")
PALETTE_WIDTH = 12  # "^p palette" docked at the right, with its separator


class KeysFooter(Footer):
    """Textual's Footer, minus a leak: it rebuilds its keys whenever the focus moves (each new
    problem focuses a new answer box) and binds every key to its `compact` setting; the binding
    of a replaced key is only dropped when `compact` changes, so replaced keys would pile up,
    about thirty per problem.

    `leave_out` names actions whose keys a crowded screen does not show (F1 help lists them);
    where the screen is too narrow for the rest, keys give way in the order of GIVE_WAY."""

    def __init__(self, leave_out: Iterable[str] = ()) -> None:
        super().__init__()
        self.leave_out = frozenset(leave_out)
        self._laid_out_for = 0

    def compose(self) -> ComposeResult:
        """Textual's keys, less those left out and those the width has no room for."""
        widgets = [w for w in super().compose() if _action(w) not in self.leave_out]
        width = self.size.width or self.app.size.width
        self._laid_out_for = width
        room = width - (PALETTE_WIDTH if self.show_command_palette else 0)
        for name in GIVE_WAY:
            if _needed(widgets, self.compact) <= room:
                break
            widgets = [w for w in widgets if _action(w) != name]
        yield from widgets

    def on_resize(self, event: events.Resize) -> None:
        """A new width may have room for more keys, or for fewer."""
        if event.size.width != self._laid_out_for:
            self.refresh(recompose=True)

    async def recompose(self) -> None:
        """Rebuild the keys, then let go of the replaced ones."""
        await super().recompose()
        # Re-announcing `compact` makes Textual drop the watchers of removed keys (and tells
        # the live keys the value they already have).
        self.mutate_reactive(Footer.compact)


def _action(widget: object) -> str | None:
    """`level` for a FooterKey bound to `app.level(-1)`; None for other widgets."""
    action = getattr(widget, "action", None)
    if not isinstance(action, str):
        return None
    return action.split("(")[0].rsplit(".", 1)[-1]


def _needed(widgets: list, compact: bool) -> int:
    """Columns the keys take: `key description` and a space each (compact), or with the
    padding around the key and after the description."""
    extra = 2 if compact else 3
    return sum(len(w.key_display) + len(w.description) + extra for w in widgets
               if hasattr(w, "key_display"))
