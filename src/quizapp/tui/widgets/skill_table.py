"""The stats screen's table of skills under their topics, fitted to the width it is given:
the skill names give way (shortened with an ellipsis) so that every column stays on screen."""

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import events
from textual.widgets import DataTable

COLUMNS = ("Skill", "Mastery", "Level", "Right", "Due")
SHORTEST_NAME = 10  # below this the table scrolls sideways instead (focus it, then ←/→)


@dataclass(frozen=True)
class SkillRow:
    """One line of the table: a topic heading (only `name`), or a skill and its numbers."""

    name: str
    mastery: str = ""
    level: str = ""
    right: str = ""
    due: str = ""
    topic: bool = False

    @property
    def label(self) -> str:
        """The first cell: a topic's name, or a skill's indented under it."""
        return self.name if self.topic else "  " + self.name

    @property
    def cells(self) -> tuple[str, str, str, str]:
        """The cells after the name."""
        return self.mastery, self.level, self.right, self.due


def name_width(rows: list[SkillRow], width: int, padding: int = 1) -> int:
    """How wide the name column may be so that all columns fit in `width` cells."""
    longest = max([cell_len(COLUMNS[0]), *(cell_len(r.label) for r in rows)])
    if width <= 0:
        return longest
    others = sum(max([cell_len(head), *(cell_len(r.cells[n]) for r in rows)]) + 2 * padding
                 for n, head in enumerate(COLUMNS[1:]))
    return max(min(longest, SHORTEST_NAME), min(longest, width - others - 2 * padding))


def shorten(text: str, width: int, mark: str = "…") -> str:
    """`text`, or as much of it as fits in `width` cells with `mark` at the end."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - cell_len(mark))).rstrip() + mark


class SkillTable(DataTable):
    """Skills and their mastery, level, right answers and whether they are due for review."""

    # Every row in the page, so that the screen scrolls them all: a table with a scroll of its
    # own (DataTable's max-height: 100%) hides rows from a keyboard that never focuses it.
    DEFAULT_CSS = "SkillTable { max-height: initial; }"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="none", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.skill_rows: list[SkillRow] = []
        self._fitted: int | None = None

    def on_mount(self) -> None:
        """The headings show before the numbers are read."""
        self.add_columns(*COLUMNS)

    def show(self, rows: list[SkillRow]) -> None:
        """Fill the table (again) with `rows`."""
        self.skill_rows = rows
        self._fitted = None
        self.fit()

    def on_resize(self, event: events.Resize) -> None:
        """A new width may give the names more, or less, room."""
        self.fit()

    def fit(self) -> None:
        """Lay the rows out with names shortened to the width the table now has."""
        if not self.skill_rows:
            return
        width = name_width(self.skill_rows, self.size.width, self.cell_padding)
        if width == self._fitted:
            return
        self._fitted = width
        self.clear(columns=True)
        self.add_columns(*COLUMNS)
        mark = "…" if getattr(self.app, "unicode", True) else "..."
        for row in self.skill_rows:
            self.add_row(Text(shorten(row.label, width, mark), style="bold" if row.topic else ""),
                         *row.cells)
