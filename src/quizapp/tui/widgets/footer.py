"""The footer of every screen, without the slow leak of Textual's own."""

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer, minus a leak: it rebuilds its keys whenever the focus moves (each new
    problem focuses a new answer box) and binds every key to its `compact` setting; the binding
    of a replaced key is only dropped when `compact` changes, so replaced keys would pile up,
    about thirty per problem.

    `leave_out` names actions whose keys a crowded screen does not show (F1 help lists them)."""

    def __init__(self, leave_out: Iterable[str] = ()) -> None:
        super().__init__()
        self.leave_out = frozenset(leave_out)

    def compose(self) -> ComposeResult:
        """Textual's keys, less those left out."""
        for widget in super().compose():
            if getattr(widget, "action", None) not in self.leave_out:  # a FooterKey's action
                yield widget

    async def recompose(self) -> None:
        """Rebuild the keys, then let go of the replaced ones."""
        await super().recompose()
        # Re-announcing `compact` makes Textual drop the watchers of removed keys (and tells
        # the live keys the value they already have).
        self.mutate_reactive(Footer.compact)
