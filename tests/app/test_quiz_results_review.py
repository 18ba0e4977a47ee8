"""Quiz results as the review of issue 12 found them: a matrix grid left untouched when time
ran out is simply not answered, and only topics that had questions are listed."""

from pathlib import Path

from textual.widgets import DataTable

from quizapp.bank.catalog import read_topics
from quizapp.session.spec import QuizSpec
from quizapp.tui.app import Launch, QuizApp
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.widgets.answer_box import MatrixGrid
from tests.app.conftest import settle, wait_until

LONG = 120  # seconds: waits are for states; a busy machine only makes them slower
GRID_QUIZ = QuizSpec(("notation",), 1, 1, 5)  # its one question is answered in a 3×3 grid


def quiz_app(clock: list[float], home: Path, spec: QuizSpec) -> QuizApp:
    return QuizApp(Launch("quiz", quiz=spec), clock=lambda: clock[0], home=home,
                   now=lambda: 1_800_000_000.0)


async def test_a_grid_left_empty_when_time_ran_out_is_not_answered(tmp_path: Path) -> None:
    clock = [0.0]
    app = quiz_app(clock, tmp_path, GRID_QUIZ)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, QuizScreen)
                         and bool(app.screen.query(MatrixGrid)), timeout=LONG)
        clock[0] = 61.0
        await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen), timeout=LONG)
        [mistake] = [w.source for w in app.screen.query(".mistake")]
        assert "your answer: (not answered)" in mistake
        assert "could not be read" not in mistake


async def test_results_list_only_the_topics_that_had_questions(tmp_path: Path) -> None:
    every = tuple(t.id for t in read_topics())
    app = quiz_app([0.0], tmp_path, QuizSpec(every, 3, 2, 5))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, QuizScreen)
                         and app.screen.session is not None, timeout=LONG)
        app.screen.action_finish()
        await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen), timeout=LONG)
        await settle(pilot)
        table = app.screen.query_one("#topics", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert len(rows) == 3
        assert all(row[2] == "1" for row in rows)
