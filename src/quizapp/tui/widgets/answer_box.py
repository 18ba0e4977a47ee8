"""Where the learner types: a one-line answer, or a grid of cells for a matrix, with a live
preview of how the answer is read, computed off the event loop on every keystroke."""

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from quizapp.tui.ascii import plain_text


class MatrixGrid(Grid):
    """rows × cols answer cells; Tab and the arrow keys move between them."""

    DEFAULT_CSS = """
    MatrixGrid { height: auto; grid-gutter: 0 1; grid-rows: 3; }
    MatrixGrid > Input { width: 100%; }
    """
    CELL_WIDTH = 14
    BINDINGS = [("up", "move(-1, 0)"), ("down", "move(1, 0)")]

    def __init__(self, rows: int, cols: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rows, self.cols = rows, cols
        self.styles.grid_size_columns = cols
        self.styles.width = cols * self.CELL_WIDTH + (cols - 1)

    def compose(self) -> ComposeResult:
        """One Input per cell."""
        for r in range(self.rows):
            for c in range(self.cols):
                cell = Input(id=f"cell-{r}-{c}", placeholder=f"{r + 1},{c + 1}",
                             select_on_focus=False)
                cell.cursor_blink = False
                yield cell

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

    def __init__(self, kind: str, variables: tuple[str, ...], shape: tuple[int, int] | None,
                 unicode: bool = True, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.kind, self.variables, self.shape, self.unicode = kind, variables, shape, unicode
        self.grid_mode = shape is not None

    def compose(self) -> ComposeResult:
        """A grid of cells for matrices (with the one-line form as an alternative), else a line."""
        if self.shape is not None:
            yield MatrixGrid(*self.shape, id="grid")
            yield Static("Tab/arrows: move between cells · F6: type it on one line instead",
                         classes="help", markup=False)
        line = Input(id="answer", placeholder="Type your answer; Enter checks it",
                     select_on_focus=False)
        line.cursor_blink = False
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
        self.refresh_preview(self.text)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(self.text))

    @work(thread=True, exclusive=True, group="preview")
    def refresh_preview(self, text: str) -> None:
        """Read the answer in a thread and show how it reads."""
        from quizapp.answers import preview

        shown = preview(text, self.kind, self.variables, self.unicode)
        if get_current_worker().is_cancelled:
            return
        if not text.strip().strip(";, "):
            body = ""
        elif self.grid_mode and any(not cell.strip() for row in text.split(";")
                                    for cell in row.split(",")):
            body = "… fill in every cell"
        elif shown.ok:
            lines = shown.text.split("\n")
            pretty = "\n".join(("reads as " if i == 0 else " " * 9) + line
                               for i, line in enumerate(lines))
            body = pretty + "".join(f"\nnote: {n}" for n in shown.notes)
        else:
            body = f"… {shown.message}"
        self.app.call_from_thread(self._show_preview, body)

    def _show_preview(self, body: str) -> None:
        self.query_one("#preview", Static).update(plain_text(body, self.unicode))


async def replace_answer_box(slot: Widget, kind: str, variables: tuple[str, ...],
                             shape: tuple[int, int] | None, unicode: bool) -> AnswerBox:
    """Put a fresh answer box for a new problem into `slot` and return it."""
    await slot.remove_children()
    box = AnswerBox(kind, variables, shape, unicode)
    await slot.mount(box)
    return box
