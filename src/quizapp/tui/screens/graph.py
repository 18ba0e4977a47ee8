"""Graph (ctrl+g): after a wrong derivative answer, the learner's derivative drawn against the
right one on an interval where both are defined, so where they part shows at a glance."""

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from quizapp.mathtext import prose
from quizapp.tui.widgets.footer import KeysFooter
from quizapp.tui.widgets.header import QuizHeader
from quizapp.tui.widgets.plot import Plot, legend_symbol, segments

RIGHT_COLOUR, LEARNER_COLOUR = "green", "red"


def curve_markers(unicode: bool) -> tuple[str, str]:
    """The plotext markers of the right curve and the learner's: told apart without colour."""
    return ("braille", "×") if unicode else (".", "+")


def caption(curves, right: str, learner: str, unicode: bool = True,
            coloured: bool = True) -> str:
    """What the plot shows (each curve named by its marker, and colour when shown), and where
    the two curves part, in words."""
    right_mark, learner_mark = (legend_symbol(m) for m in curve_markers(unicode))
    right_colour, learner_colour = ((f" in {RIGHT_COLOUR}", f" in {LEARNER_COLOUR}")
                                    if coloured else ("", ""))
    if curves.parts_at is None:
        where = "They agree on this interval: compare the written forms."
    elif curves.agree_at == 0:
        where = "They differ at every x shown."
    else:
        where = f"They agree in places and first part at x = {curves.parts_at:g}."
    return (f"Right: {right}   drawn {right_mark}{right_colour}\n"
            f"Yours: {learner}   drawn {learner_mark}{learner_colour}\n"
            f"x from {curves.low:g} to {curves.high:g}. {where}")


class GraphScreen(Screen):
    """The two derivatives, plotted."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back"),
                Binding("ctrl+g", "app.pop_screen", "Back", show=False)]
    DEFAULT_CSS = """
    GraphScreen #graph-caption { height: auto; padding: 0 1; }
    GraphScreen #graph-plot { height: 1fr; min-height: 8; }
    """

    def __init__(self, problem, answer: str, unicode: bool = True) -> None:
        super().__init__()
        self.problem, self.answer, self.unicode = problem, answer, unicode
        self.curves = None

    def compose(self) -> ComposeResult:
        """A caption over the plot."""
        yield QuizHeader()
        yield Static(prose("Drawing…", self.unicode), id="graph-caption", markup=False)
        yield Plot(self.unicode, id="graph-plot")
        yield KeysFooter()

    def on_mount(self) -> None:
        """Sample the curves off the event loop (sympy)."""
        self.sample()

    @work(thread=True, exclusive=True)
    def sample(self) -> None:
        """Sample both derivatives and hand them to the UI."""
        from quizapp.answers import read_answer
        from quizapp.mathtext import write
        from quizapp.plotting import SamplingError, derivative_curves

        variable = "x"
        domain = self.problem.domain.get(variable) if self.problem.domain else None
        try:
            curves = derivative_curves(self.problem.answer, self.answer, variable, domain)
            right, learner = (write(read_answer(text, "expression", (variable,)).values[0].expr,
                                    self.unicode)
                              for text in (self.problem.answer, self.answer))
        except SamplingError as exc:
            self.app.call_from_thread(self.show_text, f"No graph: {exc}.")
            return
        text = caption(curves, right, learner, self.unicode, not self.app.no_color)
        self.app.call_from_thread(self.show, curves, text)

    def show_text(self, text: str) -> None:
        """A one-line message instead of a plot."""
        self.query_one("#graph-caption", Static).update(prose(text, self.unicode))

    def show(self, curves, text: str) -> None:
        """Draw both curves."""
        self.curves = curves
        self.show_text(text)
        plot = self.query_one("#graph-plot", Plot)
        plt = plot.plt
        plt.clear_data()
        right_marker, learner_marker = curve_markers(self.unicode)
        for ys, colour, marker, label in ((curves.right, RIGHT_COLOUR, right_marker, "right"),
                                          (curves.learner, LEARNER_COLOUR, learner_marker,
                                           "yours")):
            for n, (xs, run) in enumerate(segments(curves.xs, ys)):
                plt.plot(xs, run, color=colour, marker=marker,
                         label=label if n == 0 else None)
        plt.xlabel("x")
        plot.refresh()


def remember_mistake(screen, verdict, answer: str) -> None:
    """Keep a wrong derivative answer (with its problem) so F9 can draw it."""
    session = getattr(screen, "session", None)
    problem = session.problem if session is not None else None
    if problem is None or verdict.correct or verdict.error or not answer.strip():
        return
    if problem.topic == "derivatives" and problem.answer_kind == "expression" \
            and tuple(problem.variables) in ((), ("x",)):
        screen.graph_mistake = (problem.id, answer)
        screen.refresh_bindings()


def has_mistake(screen) -> bool:
    """Whether a wrong derivative answer to the problem on screen can be drawn."""
    session = getattr(screen, "session", None)
    problem = session.problem if session is not None else None
    mistake = getattr(screen, "graph_mistake", None)
    return problem is not None and mistake is not None and mistake[0] == problem.id


def open_graph(screen) -> None:
    """Open the graph of the last wrong answer to the problem on screen, or say when it shows."""
    if not has_mistake(screen):
        screen.app.notify("The graph appears after a wrong answer to a derivative.",
                          markup=False)
        return
    screen.app.push_screen(GraphScreen(screen.session.problem, screen.graph_mistake[1],
                                       screen.app.unicode))
