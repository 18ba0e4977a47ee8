"""Notation (ctrl+n): every symbol the app uses — how it is read aloud, what it means, a tiny
example, and where the books' notation pages define it.

Entries come from the bank's notation reference (question_bank/notation.toml, loaded by
`quizapp.bank.notation`); the screen needs only entries with the fields symbol, ascii,
spoken (or read), meaning, example and resources (resource ids of the catalog).
"""

from collections.abc import Sequence

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizapp.mathtext import prose
from quizapp.tui.widgets.footer import KeysFooter
from quizapp.tui.widgets.header import QuizHeader
from quizapp.tui.widgets.indented_text import IndentedText


def spoken(entry) -> str:
    """How the symbol is read aloud (the loader calls the field `read`)."""
    return str(getattr(entry, "spoken", None) or getattr(entry, "read", ""))


def notation_text(entries: Sequence, resources: dict, unicode: bool = True) -> str:
    """The reference as text: one block per symbol, then the sources with their links.

    `resources` maps a resource id to an object with `title` and `url` (unknown ids are
    shown as they are)."""
    lines: list[str] = []
    cited: list[str] = []
    for entry in entries:
        symbol = entry.symbol if unicode else entry.ascii
        lines.append(f"{symbol}    read “{spoken(entry)}”")
        lines.append(f"  {entry.meaning}")
        lines.append(f"  e.g. {entry.example}")
        titles = []
        for ident in entry.resources:
            resource = resources.get(ident)
            titles.append(resource.title if resource is not None else ident)
            if ident not in cited:
                cited.append(ident)
        lines += [f"  See: {' · '.join(titles)}", ""]
    if cited:
        lines.append("Sources")
        for ident in cited:
            resource = resources.get(ident)
            if resource is not None:
                lines += [f"  • {resource.title}", f"    {resource.url}"]
    return prose("\n".join(lines).rstrip(), unicode)


def load_entries(bank) -> Sequence:
    """The bank's notation entries; raise LookupError with a message when there are none."""
    try:
        from quizapp.bank.notation import load_notation  # type: ignore[import-not-found]
    except ImportError as exc:
        raise LookupError("The notation reference is not in this version of the bank.") from exc
    return load_notation(bank.path)


class NotationScreen(Screen):
    """The reference of symbols."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back"),
                Binding("ctrl+n", "app.pop_screen", "Back", show=False)]
    DEFAULT_CSS = """
    NotationScreen #notation-text { height: auto; padding: 0 1; }
    """

    def __init__(self, unicode: bool = True, entries: Sequence | None = None) -> None:
        super().__init__()
        self.unicode = unicode
        self.entries = entries

    def compose(self) -> ComposeResult:
        """A heading and a scrolling list."""
        yield QuizHeader()
        with VerticalScroll(id="body"):
            yield Static(prose("Notation: the symbols of the books and of quizapp",
                               self.unicode), classes="heading", markup=False)
            yield IndentedText(prose("Loading…", self.unicode), id="notation-text")
        yield KeysFooter()

    def on_mount(self) -> None:
        """Read the entries off the event loop."""
        self.query_one("#body").focus()
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        """Read the entries and the catalog's resources."""
        from quizapp.bank import BankError

        bank = self.app.wait_for_bank()  # type: ignore[attr-defined]
        if bank is None and self.entries is None:
            return  # the app has said the bank is broken
        resources = bank.resources if bank is not None else {}
        try:
            entries = self.entries if self.entries is not None else load_entries(bank)
            text = notation_text(entries, resources, self.unicode)
        except LookupError as exc:
            text = str(exc)
        except BankError as exc:
            text = f"The notation reference cannot be read: {exc.problems[0]}"
        self.app.call_from_thread(self.show, text)

    def show(self, text: str) -> None:
        """Put the reference on screen."""
        self.query_one("#notation-text", Static).update(prose(text, self.unicode))
