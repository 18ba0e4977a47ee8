"""The command palette in ASCII, for --ascii."""

from textual.command import CommandInput, CommandPalette, SearchIcon


class AsciiCommandPalette(CommandPalette):
    """Textual's command palette with `>` for its magnifying glass and `...` for `…`."""

    def on_mount(self) -> None:
        """Swap the two Unicode characters Textual draws itself."""
        self.query_one(SearchIcon).icon = ">"
        for box in self.query(CommandInput):
            box.placeholder = box.placeholder.replace("…", "...")
