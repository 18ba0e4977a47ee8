"""An Input that takes its editing keys in turn with the typed characters.

Textual hands a printable key to the focused Input's own queue, but an editing key (backspace,
left, ctrl+u, Enter…) is one of Input's bindings, run only once the key has bubbled up to the app
— after characters typed later may already have been inserted. Keys that arrive together (fast
typing, a paste without bracketed paste, tmux) then come out of order: `12x^2`, backspace, `3`
could give `12x^2` with the 3 lost. Here the Input runs its own
bindings as it reads each key, so the order is the order typed.
"""

from textual import events
from textual.widgets import Input


class OrderedInput(Input):
    """Input whose editing keys are done in the order they were typed."""

    async def _on_key(self, event: events.Key) -> None:
        """Run this Input's binding for a non-printable key now, in turn with typed text."""
        if event.is_printable:
            return  # Input inserts it
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            event.stop()
            event.prevent_default()
            await self.run_action(binding.action)
            return
