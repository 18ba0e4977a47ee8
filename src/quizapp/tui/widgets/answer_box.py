"""Where the learner types: a one-line answer, or a grid of cells for a matrix, with a live
preview of how the answer is read.

Text may arrive as a flood of keystrokes (a paste in a terminal without bracketed paste), so the
answer is capped in length and the preview is computed off the event loop by one worker at a
time, always for the newest text: a keystroke that arrives while a preview is being computed
makes that preview stale, and only the latest text is read and shown.
"""

import asyncio
import contextlib
import threading
import time

from textual import events, on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from quizapp.tui.ascii import plain_text
from quizapp.tui.widgets.indented_text import IndentedText
from quizapp.tui.widgets.ordered_input import OrderedInput

# The answer engine refuses longer text (quizapp.answers.limits.MAX_CHARS); the app caps the
# box at the same length without importing the engine (and sympy) before the first frame.
MAX_ANSWER_CHARS = 2_000
# How long the preview waits for the next keystroke before reading the text: a burst of keys
# is read once, while the gaps of ordinary typing are far longer.
PREVIEW_DEBOUNCE_S = 0.04


class AnswerInput(OrderedInput):
    """A line or cell of an answer: capped in length (what does not fit is left out and the box
    says why), editing keys in the order typed, no blinking cursor, and nothing left subscribed
    once it is removed."""

    class TooLong(Message):
        """Text was left out because the field is full."""

    def __init__(self, max_chars: int = MAX_ANSWER_CHARS, line_joiner: str = " ",
                 **kwargs: object) -> None:
        super().__init__(max_length=max_chars, select_on_focus=False, **kwargs)  # type: ignore[arg-type]
        self.line_joiner = line_joiner  # a paste of several lines becomes one line
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

    def _on_paste(self, event: events.Paste) -> None:
        """Several lines are joined (a matrix's rows by `; `), not cut to the first."""
        lines = [line.strip() for line in event.text.splitlines() if line.strip()]
        Input._on_paste(self, events.Paste(self.line_joiner.join(lines)))
        event.stop()
        event.prevent_default()  # Input's own handler would paste the first line again

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


class GridCell(AnswerInput):
    """One cell of a matrix answer. A paste holding several cells (`1 2; 3 4`, a numpy list, a
    spreadsheet copy) fills the grid from this cell instead of landing in it whole."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """`,` and `;` are the grid's (they end a cell or a row), not text of a cell."""
        return character not in (",", ";") and super().check_consume_key(key, character)

    def _on_paste(self, event: events.Paste) -> None:
        """A paste of several cells fills the grid from here; one cell's text lands here."""
        from quizapp.answers.cells import split_matrix

        rows = split_matrix(event.text)
        if len(rows) == 1 and len(rows[0]) == 1:
            Input._on_paste(self, events.Paste(rows[0][0]))
        elif isinstance(self.parent, MatrixGrid):
            self.parent.fill_from(self, rows)
        event.stop()
        event.prevent_default()


async def _handled(widget: Widget, wait_s: float = 10.0) -> None:
    """Wait until `widget` has handled the messages already sent to it (keys typed before)."""
    done = asyncio.Event()
    if widget.call_later(done.set):
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), wait_s)


class MatrixGrid(Grid):
    """rows × cols answer cells; Tab, the arrows, `,` and `;` move between them.

    Keys reach a cell through its own queue, after the app has decided where each key goes. A key
    that moves between cells is therefore a priority binding here, which first waits for the
    focused cell to take in the keys typed before it: keys that arrive together (a paste without
    bracketed paste, fast typing, tmux) land in the cells they were typed for.
    """

    DEFAULT_CSS = """
    MatrixGrid { height: auto; grid-gutter: 0 1; grid-rows: 1; margin: 0 0 0 1; }
    MatrixGrid > Input { width: 100%; height: 1; border: none; padding: 0 1;
                         background: $boost; }
    MatrixGrid > Input:focus { border: none; background: $accent 30%; text-style: bold; }
    """
    CELL_WIDTH = 14
    BINDINGS = [
        Binding("tab", "step(1)", show=False, priority=True),
        Binding("shift+tab", "step(-1)", show=False, priority=True),
        Binding("comma", "next_cell", show=False, priority=True),
        Binding("semicolon", "next_row", show=False, priority=True),
        Binding("up", "move(-1, 0)", show=False, priority=True),
        Binding("down", "move(1, 0)", show=False, priority=True),
        Binding("left", "edge(-1)", show=False, priority=True),
        Binding("right", "edge(1)", show=False, priority=True),
        Binding("enter", "enter", show=False, priority=True),
    ]

    class Incomplete(Message):
        """Enter was pressed with cells left empty (the cursor went to the first of them)."""

        def __init__(self, empty: int) -> None:
            super().__init__()
            self.empty = empty

    class DoesNotFit(Message):
        """A paste had more rows or columns than the grid has room for."""

        def __init__(self, rows: int, cols: int, at: tuple[int, int]) -> None:
            super().__init__()
            self.rows, self.cols, self.at = rows, cols, at

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
                yield GridCell(self.cell_chars, id=f"cell-{r}-{c}",
                               placeholder=f"{r + 1},{c + 1}")

    def cell(self, r: int, c: int) -> Input:
        """The cell at row r, column c."""
        return self.query_one(f"#cell-{r}-{c}", Input)

    @property
    def cells(self) -> list[list[str]]:
        """The text of every cell, row by row."""
        return [[self.cell(r, c).value.strip() for c in range(self.cols)]
                for r in range(self.rows)]

    @property
    def text(self) -> str:
        """The cells as one answer: `a, b; c, d`."""
        return "; ".join(", ".join(row) for row in self.cells)

    def _focused(self) -> tuple[int, int]:
        focused = self.screen.focused
        if isinstance(focused, Input) and focused.id and focused.id.startswith("cell-"):
            _, r, c = focused.id.split("-")
            return int(r), int(c)
        return 0, 0

    def _go(self, r: int, c: int) -> None:
        """Focus a cell at once (Widget.focus waits behind the keys already queued for the app,
        which would still go to the old cell), the cursor after its text."""
        cell = self.cell(r, c)
        self.screen.set_focus(cell)
        cell.cursor_position = len(cell.value)

    async def _settled(self) -> tuple[int, int]:
        """The focused cell, once it has taken in every key typed before."""
        focused = self.screen.focused
        if focused is not None:
            await _handled(focused)
        return self._focused()

    def fill_from(self, start: Input, rows: list[list[str]]) -> None:
        """Put pasted cells into the grid, `start` holding the first; a block that does not fit
        changes nothing and says so."""
        r0, c0 = (int(n) for n in (start.id or "cell-0-0").split("-")[1:])
        width = max(len(row) for row in rows)
        if r0 + len(rows) > self.rows or c0 + width > self.cols:
            self.post_message(self.DoesNotFit(len(rows), width, (r0, c0)))
            return
        for dr, row in enumerate(rows):
            for dc, text in enumerate(row):
                self.cell(r0 + dr, c0 + dc).value = text[:self.cell_chars]
        last_r, last_c = r0 + len(rows) - 1, c0 + len(rows[-1]) - 1
        self._go(last_r, last_c)

    def _spread(self, r: int, c: int) -> tuple[int, int]:
        """`1 2` typed into one cell (keys of a paste without bracketed paste) fills that cell and
        the empty ones after it in the row, when there are exactly enough; returns the last cell
        filled."""
        from quizapp.answers.cells import split_row

        cell = self.cell(r, c)
        pieces = split_row(cell.value)
        if len(pieces) < 2 or c + len(pieces) > self.cols or \
                any(self.cell(r, c + i).value.strip() for i in range(1, len(pieces))):
            return r, c
        for i, text in enumerate(pieces):
            self.cell(r, c + i).value = text
        return r, c + len(pieces) - 1

    async def action_step(self, step: int) -> None:
        """Tab / shift+Tab: the next or previous cell, round the grid (Enter checks from any)."""
        r, c = await self._settled()
        if step > 0:
            r, c = self._spread(r, c)
        index = (r * self.cols + c + step) % (self.rows * self.cols)
        self._go(*divmod(index, self.cols))

    async def action_next_cell(self) -> None:
        """`,` ends a cell: on to the next one (a comma is never part of an entry)."""
        r, c = self._spread(*await self._settled())
        if r * self.cols + c + 1 < self.rows * self.cols:
            self._go(*divmod(r * self.cols + c + 1, self.cols))

    async def action_next_row(self) -> None:
        """`;` ends a row: on to the first cell of the next one."""
        r, _ = self._spread(*await self._settled())
        if r + 1 < self.rows:
            self._go(r + 1, 0)

    async def action_move(self, dr: int, dc: int) -> None:
        """Focus the neighbouring cell."""
        r, c = await self._settled()
        self._go(max(0, min(self.rows - 1, r + dr)), max(0, min(self.cols - 1, c + dc)))

    async def action_edge(self, step: int) -> None:
        """Left/right move the cursor; from the edge of a cell's text, to the neighbouring cell."""
        r, c = await self._settled()
        cell = self.cell(r, c)
        if step > 0 and cell.cursor_position >= len(cell.value) and c < self.cols - 1:
            self._go(r, c + 1)
        elif step < 0 and cell.cursor_position == 0 and c > 0:
            self._go(r, c - 1)
        else:
            raise SkipAction()

    async def action_enter(self) -> None:
        """Enter checks the grid once every cell is filled (or the answer is a word such as
        `none` in one cell); otherwise the cursor goes to the first empty cell."""
        r, c = await self._settled()
        self._spread(r, c)
        cells = self.cells
        if is_word_answer(cells):
            raise SkipAction()  # `none`: the engine reads it, or says what it needs
        empty = [(i, j) for i, row in enumerate(cells) for j, text in enumerate(row) if not text]
        if not empty:
            raise SkipAction()
        self._go(*empty[0])
        self.post_message(self.Incomplete(len(empty)))


class AnswerBox(Vertical):
    """The answer input(s) and the live preview."""

    DEFAULT_CSS = """
    AnswerBox { height: auto; }
    AnswerBox #preview { height: auto; max-height: 8; color: $text-muted; padding: 0 1; }
    AnswerBox .help { color: $text-muted; padding: 0 1; }
    """

    class Submitted(Message):
        """The learner pressed Enter on an answer."""

        def __init__(self, text: str, cells: list[list[str]] | None = None) -> None:
            super().__init__()
            self.text = text
            self.cells = cells  # a grid's cells, for messages that name the cell

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
        self._wanted_cells: list[list[str]] | None = None  # and its cells, from the grid
        self._previewing = False  # a preview worker is running and will pick up newer text
        self._preview_body = ""
        self._said: str | None = None  # what `say` put on the preview line, until an edit

    def compose(self) -> ComposeResult:
        """A grid of cells for matrices (with the one-line form as an alternative), else a line."""
        if self.shape is not None:
            yield MatrixGrid(*self.shape, id="grid")
            yield Static(plain_text("Tab or arrows: next cell (also , and ;) · paste a matrix "
                                    "· F6: one line", self.unicode),
                         classes="help", markup=False)
        line = AnswerInput(id="answer", placeholder="Type your answer; Enter checks it",
                           line_joiner="; " if self.kind == "matrix" else " ")
        line.display = self.shape is None
        yield line
        yield IndentedText("", id="preview")

    @property
    def text(self) -> str:
        """The current answer text."""
        if self.grid_mode:
            return self.query_one(MatrixGrid).text
        return self.query_one("#answer", Input).value

    @property
    def cells(self) -> list[list[str]] | None:
        """The grid's cells, row by row; None when the answer is typed on one line."""
        return self.query_one(MatrixGrid).cells if self.grid_mode else None

    def focus_answer(self) -> None:
        """Put the cursor where the learner types — at once, not after the messages already
        queued (among them the removal of the old answer box, which moves the focus on)."""
        if not self.is_attached:
            return
        target = self.query_one(MatrixGrid).cell(0, 0) if self.grid_mode \
            else self.query_one("#answer", Input)
        self.screen.set_focus(target)

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
        self._said = None
        self.post_message(self.Edited())
        self.request_preview(self.text, self.cells)

    @on(AnswerInput.TooLong)
    def _too_long(self, event: AnswerInput.TooLong) -> None:
        event.stop()
        self._show_preview(self._preview_body, self._version)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(self.text, self.cells))

    @on(MatrixGrid.Incomplete)
    def _incomplete(self, event: MatrixGrid.Incomplete) -> None:
        event.stop()
        cells = "1 cell is" if event.empty == 1 else f"{event.empty} cells are"
        self.say(f"… {cells} still empty: fill in every cell, then press Enter")

    @on(MatrixGrid.DoesNotFit)
    def _does_not_fit(self, event: MatrixGrid.DoesNotFit) -> None:
        event.stop()
        grid = self.query_one(MatrixGrid)
        r, c = event.at
        self.say(f"… the pasted matrix is {event.rows}×{event.cols}: it does not fit this "
                 f"{grid.rows}×{grid.cols} grid from row {r + 1}, column {c + 1}")

    def hide_preview(self) -> None:
        """Blank the preview line (the verdict line says the same) until the answer changes."""
        self.say("")

    def say(self, message: str) -> None:
        """Show `message` on the preview line until the answer changes (a preview of the same
        text still on its way does not replace it)."""
        self._said = message
        self.query_one("#preview", Static).update(plain_text(message, self.unicode))

    def request_preview(self, text: str, cells: list[list[str]] | None = None) -> None:
        """Ask for `text` (with the grid's `cells`) to be previewed; a preview under way for
        older text becomes stale."""
        with self._lock:
            self._version += 1
            self._wanted, self._wanted_cells = text, cells
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
                version, text, cells = self._version, self._wanted, self._wanted_cells
            body = self.preview_body(text, cells)
            with self._lock:
                if version == self._version:
                    self._previewing = False
                    break
        with contextlib.suppress(RuntimeError):  # the app is closing
            self.app.call_from_thread(self._show_preview, body, version)

    def preview_body(self, text: str, cells: list[list[str]] | None = None) -> str:
        """What the preview line says about `text` (in a thread: this needs sympy)."""
        from quizapp.answers import preview

        if not text.strip().strip(";, "):
            return ""
        problem = cell_problem(cells, self.variables)
        if problem:
            return f"… {problem}"
        if cells is not None and not is_word_answer(cells):
            empty = sum(not cell for row in cells for cell in row)
            if empty:
                return f"… fill in every cell ({empty} empty)"
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
        if self._said is not None:
            body = self._said
        full = [field for field in self.query(AnswerInput) if field.too_long]
        if full:
            where = "a cell" if full[0].id != "answer" else "an answer"
            body = (f"… {where} holds at most {full[0].max_length:,} characters: "
                    "the rest was left out")
        self.query_one("#preview", Static).update(plain_text(body, self.unicode))


def is_word_answer(cells: list[list[str]]) -> bool:
    """One cell holds a word or words and the rest are empty: `none` typed into a grid."""
    filled = [cell for row in cells for cell in row if cell]
    return len(filled) == 1 and len(filled[0]) > 1 and \
        all(ch.isalpha() or ch in " '’/" for ch in filled[0])


def cell_problem(cells: list[list[str]] | None, variables: tuple[str, ...]) -> str | None:
    """Why the first unreadable cell of a grid cannot be read, naming the cell; None when every
    filled cell reads (or the answer is on one line, or a word such as `none`). In a thread:
    this needs sympy."""
    from quizapp.answers import preview

    if cells is None or is_word_answer(cells):
        return None
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if text:
                shown = preview(text, "expression", variables, True)
                if not shown.ok:
                    return f"row {r + 1}, column {c + 1}: {shown.message}"
    return None


async def replace_answer_box(slot: Widget, kind: str, variables: tuple[str, ...],
                             shape: tuple[int, int] | None, unicode: bool,
                             domain: dict[str, tuple[float, float]] | None = None) -> AnswerBox:
    """Put a fresh answer box for a new problem into `slot` and return it."""
    await slot.remove_children()
    box = AnswerBox(kind, variables, shape, unicode, domain)
    await slot.mount(box)
    return box
