"""Help (F1): the keys, and how to type each kind of answer."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from quizapp.tui.ascii import plain_text
from quizapp.tui.widgets.indented_text import IndentedText

HELP = """\
Keys
  Enter      check the answer; after a right one, the next problem
  F2 / F3    a hint (one step at a time; ends a streak) / the solution
  F4 / F5    open / copy the link to the recommended resource
  F6         matrix answers: the grid of cells or one line
  F7         skip (practice: a miss for the level; quiz: the question)
  F8         Learn: the rule, a worked example and the resources
  F9 / F10   practice: an easier / a harder level (kept per skill)
  ctrl+g     Graph: your derivative against the right one
  ctrl+n     Notation: every symbol, read aloud and explained
  Tab        next matrix cell (arrows too; `,` ends a cell, `;` a row)
  Esc        back home (a running quiz asks first)
  F1 help    ctrl+p commands and themes    ctrl+q quit

Typing answers
  expression  3x^2  3*x**2  2(x+1)  e^x  exp(x)  ln x  sqrt(x)  √x
              cbrt(x)  |x|  sin x  sin^2 x  σ(x)  pi  x²  ½x  x1 or x₁
              1/2x reads as x/2; e^2x is refused: type e^(2x) or e^2 x
  number      1/4  ½  0.25  sqrt(2)/2  1.414  cbrt(-8)  2+3i  2+3j
  vector      [1, 2, 3]  (1, 2, 3)  1, 2, 3  a shape: 2×3, 2 by 3
  matrix      [[1, 2], [3, 4]]  [1, 2; 3, 4]  1 2; 3 4
              pasted into a cell, a matrix fills the grid from there
  values      2, 5  {2, 5}  λ = 2, 5  2 and 5  (5±√33)/2  1 +- 2i
  direction   any non-zero multiple: [1, -2] or (-2, 4)
  none        none / singular (no inverse); undefined (no product)

Decimals
  In numbers, vectors, matrices and values a decimal needs at least 3
  significant digits and must be within one unit of its last digit
  typed (1/3: 0.333 or 0.334), at any size (3.33e-41 as 0.333); zero
  equals only zero. In expressions decimals are exact (0.25x is x/4):
  a rounded one such as 0.3333 for 1/3 is not right, and you are asked
  for the exact value without losing the attempt. Expressions are
  compared on the real line, negative values too: sqrt(x^2) is |x|.

Quiz codes
  topics/questions/minutes/seed: all/10/10/1234, der+eig/10/5/77.
  all is every topic; a topic is its id or its first letters (der).
  The code is on the quiz's top line and its results; ctrl+p
  "Copy quiz code" copies it. Home > Enter a quiz code takes one.

The line under the answer box shows how your answer is read.
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
            yield IndentedText(plain_text(HELP, self.unicode), id="help-text")
