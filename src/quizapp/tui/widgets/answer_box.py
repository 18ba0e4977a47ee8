"""Where the learner types: a one-line answer, or a grid of cells for a matrix, with a live
preview of how the answer is read.

Text may arrive as a flood of keystrokes (a paste in a terminal without bracketed paste), so the
answer is capped in length and the preview is computed off the event loop by one worker at a
time, always for the newest text: a keystroke that arrives while a preview is being computed
makes that preview stale, and only the latest text is read and shown.
"""

import contextlib
import threading
import time

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from quizapp.tui.ascii import plain_text

# The answer engine refuses longer text (quizapp.answers.limits.MAX_CHARS); the app caps the
# box at the same length without importing the engine (and sympy) before the first frame.
MAX_ANSWER_CHARS = 2_000
# How long the preview waits for the next keystroke before reading the text: a burst of keys
# is read once, while the gaps of ordinary typing are far longer.
PREVIEW_DEBOUNCE_S = 0.04


class AnswerInput(Input):
    """A line or cell of an answer: capped in length (what does not fit is left out and the box
    says why), no blinking cursor, and nothing left subscribed once it is removed."""

    class TooLong(Message):
        """Text was left out because the field is full."""

    def __init__(self, max_chars: int = MAX_ANSWER_CHARS, **kwargs: object) -> None:
        super().__init__(max_length=max_chars, select_on_focus=False, **kwargs)  # type: ignore[arg-type]
        self.cursor_blink = False
        self.too_long = False
        self._screen: Screen | None = None

    def on_mount(self) -> None:
        """Remember the screen whose selection signal Input subscribes to."""
        self._screen = self.screen

    def on_unmount(self) -> None:
        """Unsubscribe from the screen's selection signal: its callback holds this widget, and
        the signal only drops removed widgets when a text selection starts — which in a
        keyboard-driven session may never happen, keeping every old answer box alive."""
        if self._screen is not None:
            self._screen.text_selection_started_signal.unsubscribe(self)
            self._screen = None

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace text as Input does, but keep what fits instead of refusing all of it."""
        start, end = sorted((max(0, start), min(len(self.value), end)))
        room = self.max_length - (len(self.value) - (end - start))
        if len(text) > room:
            text = text[:max(0, room)]
            self.restricted()
            if not text and start == end:
                return
        super().replace(text, start, end)

    def restricted(self) -> None:
        """Say once (not one bell per refused keystroke) that the field is full."""
        if not self.too_long:
            self.too_long = True
            self.post_message(self.TooLong())

    def watch_value(self, value: str) -> None:
        """Room again: a later overflow is reported again."""
        if len(value) < self.max_length:
            self.too_long = False


class MatrixGrid(Grid):
    """rows × cols answer cells; Tab and the arrow keys move between them."""

    DEFAULT_CSS = """
    MatrixGrid { height: auto; grid-gutter: 0 1; grid-rows: 1; margin: 0 0 0 1; }
    MatrixGrid > Input { width: 100%; height: 1; border: none; padding: 0 1;
                         background: $boost; }
    MatrixGrid > Input:focus { border: none; background: $accent 30%; text-style: bold; }
    """
    CELL_WIDTH = 14
    BINDINGS = [("up", "move(-1, 0)"), ("down", "move(1, 0)")]

    def __init__(self, rows: int, cols: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rows, self.cols = rows, cols
        # The cells together stay within the engine's cap (with room for the separators).
        self.cell_chars = max(10, (MAX_ANSWER_CHARS - 2 * rows * cols) // (rows * cols))
        self.styles.grid_size_columns = cols
        self.styles.width = cols * self.CELL_WIDTH + (cols - 1)

    def compose(self) -> ComposeResult:
        """One Input per cell."""
        for r in range(self.rows):
            for c in range(self.cols):
                yield AnswerInput(self.cell_chars, id=f"cell-{r}-{c}",
                                  placeholder=f"{r + 1},{c + 1}")

    def cell(self, r: int, c: int) -> Input:
        """The cell at row r, column c."""
        return self.query_one(f"#cell-{r}-{c}", Input)

    @property
    def text(self) -> str:
        """The cells as one answer: `a, b; c, d`."""
        return "; ".join(", ".join(self.cell(r, c).value.strip() for c in range(self.cols))
                         for r in range(self.rows))

    def _focused(self) -> tuple[int, int]:
        focused = self.screen.focused
        if isinstance(focused, Input) and focused.id and focused.id.startswith("cell-"):
            _, r, c = focused.id.split("-")
            return int(r), int(c)
        return 0, 0

    def action_move(self, dr: int, dc: int) -> None:
        """Focus the neighbouring cell."""
        r, c = self._focused()
        self.cell(max(0, min(self.rows - 1, r + dr)), max(0, min(self.cols - 1, c + dc))).focus()

    def on_key(self, event) -> None:
        """Left/right at the edge of a cell's text move to the neighbouring cell."""
        focused = self.screen.focused
        if not isinstance(focused, Input):
            return
        r, c = self._focused()
        if event.key == "tab" and (r, c) == (self.rows - 1, self.cols - 1):
            self.cell(0, 0).focus()  # stay in the grid: Enter checks from any cell
            event.stop()
            event.prevent_default()
        elif event.key == "shift+tab" and (r, c) == (0, 0):
            self.cell(self.rows - 1, self.cols - 1).focus()
            event.stop()
            event.prevent_default()
        elif event.key == "right" and focused.cursor_position >= len(focused.value) \
                and c < self.cols - 1:
            self.cell(r, c + 1).focus()
            event.stop()
        elif event.key == "left" and focused.cursor_position == 0 and c > 0:
            self.cell(r, c - 1).focus()
            event.stop()


class AnswerBox(Vertical):
    """The answer input(s) and the live preview."""

    DEFAULT_CSS = """
    AnswerBox { height: auto; }
    AnswerBox #preview { height: auto; max-height: 8; color: $text-muted; text-wrap: nowrap;
                         padding: 0 1; }
    AnswerBox .help { color: $text-muted; padding: 0 1; }
    """

    class Submitted(Message):
        """The learner pressed Enter on an answer."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Edited(Message):
        """The learner changed the answer (a verdict on the old text no longer applies)."""

    def __init__(self, kind: str, variables: tuple[str, ...], shape: tuple[int, int] | None,
                 unicode: bool = True, domain: dict[str, tuple[float, float]] | None = None,
                 **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.kind, self.variables, self.shape, self.unicode = kind, variables, shape, unicode
        self.domain = domain or None  # a note about where an answer holds is kept for open ranges
        self.grid_mode = shape is not None
        self._lock = threading.Lock()
        self._version = 0  # one more for every change of the text
        self._wanted = ""  # the newest text, to be previewed
        self._previewing = False  # a preview worker is running and will pick up newer text
        self._preview_body = ""

    def compose(self) -> ComposeResult:
        """A grid of cells for matrices (with the one-line form as an alternative), else a line."""
        if self.shape is not None:
            yield MatrixGrid(*self.shape, id="grid")
            yield Static(plain_text("Tab/arrows: move between cells · F6: type it on one line "
                                    "instead", self.unicode),
                         classes="help", markup=False)
        line = AnswerInput(id="answer", placeholder="Type your answer; Enter checks it")
        line.display = self.shape is None
        yield line
        yield Static("", id="preview", markup=False)

    @property
    def text(self) -> str:
        """The current answer text."""
        if self.grid_mode:
            return self.query_one(MatrixGrid).text
        return self.query_one("#answer", Input).value

    def focus_answer(self) -> None:
        """Put the cursor where the learner types."""
        if self.grid_mode:
            self.query_one(MatrixGrid).cell(0, 0).focus()
        else:
            self.query_one("#answer", Input).focus()

    def toggle_one_line(self) -> None:
        """Switch a matrix answer between the grid and the one-line form."""
        if self.shape is None:
            return
        grid, line = self.query_one(MatrixGrid), self.query_one("#answer", Input)
        if self.grid_mode:
            line.value = grid.text if any(c.value for c in grid.query(Input)) else ""
        self.grid_mode = not self.grid_mode
        grid.display = self.grid_mode
        self.query_one(".help").display = self.grid_mode
        line.display = not self.grid_mode
        self.focus_answer()

    def clear(self) -> None:
        """Empty every input and the preview."""
        for field in self.query(Input):
            field.value = ""
        self.query_one("#preview", Static).update("")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Edited())
        self.request_preview(self.text)

    @on(AnswerInput.TooLong)
    def _too_long(self, event: AnswerInput.TooLong) -> None:
        event.stop()
        self._show_preview(self._preview_body, self._version)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(self.text))

    def request_preview(self, text: str) -> None:
        """Ask for `text` to be previewed; a preview under way for older text becomes stale."""
        with self._lock:
            self._version += 1
            self._wanted = text
            start = not self._previewing
            self._previewing = True
        if start:
            self._preview_newest()

    @work(thread=True, group="preview")
    def _preview_newest(self) -> None:
        """Read the newest text in a thread until no newer text arrived meanwhile; show it."""
        worker = get_current_worker()
        while True:
            time.sleep(PREVIEW_DEBOUNCE_S)
            if worker.is_cancelled:  # the box was removed
                return
            with self._lock:
                version, text = self._version, self._wanted
            body = self.preview_body(text)
            with self._lock:
                if version == self._version:
                    self._previewing = False
                    break
        with contextlib.suppress(RuntimeError):  # the app is closing
            self.app.call_from_thread(self._show_preview, body, version)

    def preview_body(self, text: str) -> str:
        """What the preview line says about `text` (in a thread: this needs sympy)."""
        from quizapp.answers import preview

        if not text.strip().strip(";, "):
            return ""
        if self.grid_mode and any(not cell.strip() for row in text.split(";")
                                  for cell in row.split(",")):
            return "… fill in every cell"
        shown = preview(text, self.kind, self.variables, self.unicode, self.domain)
        if shown.ok:
            lines = shown.text.split("\n")
            pretty = "\n".join(("reads as " if i == 0 else " " * 9) + line
                               for i, line in enumerate(lines))
            return pretty + "".join(f"\nnote: {n}" for n in shown.notes)
        return f"… {shown.message}"

    def _show_preview(self, body: str, version: int) -> None:
        if version != self._version or not self.is_attached:
            return  # a newer keystroke has its own preview on the way
        self._preview_body = body
        full = [field for field in self.query(AnswerInput) if field.too_long]
        if full:
            where = "a cell" if full[0].id != "answer" else "an answer"
            body = (f"… {where} holds at most {full[0].max_length:,} characters: "
                    "the rest was left out")
        self.query_one("#preview", Static).update(plain_text(body, self.unicode))


async def replace_answer_box(slot: Widget, kind: str, variables: tuple[str, ...],
                             shape: tuple[int, int] | None, unicode: bool,
                             domain: dict[str, tuple[float, float]] | None = None) -> AnswerBox:
    """Put a fresh answer box for a new problem into `slot` and return it."""
    await slot.remove_children()
    box = AnswerBox(kind, variables, shape, unicode, domain)
    await slot.mount(box)
    return box
