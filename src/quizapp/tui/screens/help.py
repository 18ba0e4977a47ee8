"""Help (F1): the keys, and how to type each kind of answer."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from quizapp.tui.ascii import plain_text

HELP = """\
Keys
  Enter        check the answer; after a right answer, the next problem
  F2           a hint (one step at a time; using one ends your streak)
  F3           show the worked solution
  F4 / F5      open / copy the link to the recommended resource
  F6           matrix answers: switch between the grid of cells and one line
  F7           quiz: skip this question
  Tab, arrows  move between matrix cells
  Esc          back to the home screen
  F1           this help        ctrl+p  commands and themes        ctrl+q  quit

Typing answers
  expression   3x^2   3*x**2   2(x+1)   x(x+1)   e^x   exp(x)   ln x   sqrt(x)   √x
               |x|   sin x   sin^2 x   sigmoid(x)   σ(x)   pi   x²   2·x   3×x
               1/2x reads as x/2 and e^2x as e²·x — use brackets for 1/(2x), e^(2x)
  number       1/4   0.25   sqrt(2)/2   1.414  (decimals: 3 significant digits)
  vector       [1, 2, 3]   (1, 2, 3)   1, 2, 3   [1; 2; 3]
  matrix       [[1, 2], [3, 4]]   [1, 2; 3, 4]   1 2; 3 4   or one row per cell row
  values       2, 5   {2, 5}   (5±√33)/2   1 +- 2i   (order is free; repeats count)

The line under the answer box shows how your answer is read, as you type.
Press Esc or F1 to close."""


class HelpScreen(ModalScreen):
    """Keys and answer syntax."""

    BINDINGS = [Binding("escape", "dismiss", "Close"), Binding("f1", "dismiss", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 96%; max-width: 100; height: 90%;
                                  border: round $accent; padding: 0 1; background: $surface; }
    """

    def __init__(self, unicode: bool = True) -> None:
        super().__init__()
        self.unicode = unicode

    def compose(self) -> ComposeResult:
        """The help text."""
        with VerticalScroll():
            yield Static(plain_text(HELP, self.unicode), markup=False, id="help-text")
