"""Progress as the review of issue 12 found it wanting: quiz codes are shown short wherever
people read them (the saved code and `export` keep them in full), a skill practised at its
default level shows the level practice starts at, and the due column says when."""

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from quizapp.bank.catalog import read_topics
from quizapp.progress import Attempt, ProgressStore
from quizapp.progress.stats import quiz_line, recent_quizzes
from quizapp.tui.app import QuizApp

QUIZAPP = Path(sys.executable).parent / "quizapp"
TOPICS = tuple(t.id for t in read_topics())
LONG_CODE = "+".join(TOPICS) + "/3/2/5"  # as `quiz --code all/3/2/5` saves it
NOW = 1_800_000_000.0
DAY = 86_400.0


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZAPP_HOME": str(home)}
    return subprocess.run([str(QUIZAPP), *args], capture_output=True, text=True, env=env,
                          timeout=60)


def fill(home: Path, at: float = NOW) -> None:
    """A finished quiz of every topic, and one right power-rule answer at `at` (default level:
    no level saved)."""
    store = ProgressStore(home, clock=lambda: at)
    store.record(Attempt(at, "power-one-term.1", "derivatives", "derivative-power-rule", 1,
                         "x", True, None, 2.0, 0, "practice"))
    store.start_quiz("q1", LONG_CODE, 3)
    store.finish_quiz("q1", 1)
    store.close()


def test_a_saved_code_reads_short_and_an_unknown_one_as_saved(tmp_path: Path) -> None:
    fill(tmp_path)
    [quiz] = recent_quizzes(ProgressStore(tmp_path))
    assert quiz["code"] == LONG_CODE  # what is saved is unchanged
    assert quiz_line(quiz, TOPICS) == "1/3  all/3/2/5"
    assert quiz_line({**quiz, "code": "algebra/3/2/5"}, TOPICS) == "1/3  algebra/3/2/5"


def test_stats_text_shows_short_codes_and_export_keeps_them_in_full(tmp_path: Path) -> None:
    fill(tmp_path)
    text = run(tmp_path, "stats").stdout
    [line] = [line for line in text.splitlines() if "1/3" in line]
    assert line.endswith("  1/3  all/3/2/5") and len(line) < 80
    assert LONG_CODE not in text
    exported = list(csv.DictReader(io.StringIO(run(tmp_path, "export", "--quizzes").stdout)))
    assert exported[0]["code"] == LONG_CODE
    as_json = json.loads(run(tmp_path, "export", "--quizzes", "--format", "json").stdout)
    assert as_json[0]["code"] == LONG_CODE


def test_a_skill_at_its_default_level_shows_where_practice_starts(tmp_path: Path) -> None:
    fill(tmp_path)
    store = ProgressStore(tmp_path)
    store.set_level("derivative-chain-rule", 2)
    store.close()
    data = json.loads(run(tmp_path, "stats", "--json").stdout)["skills"]
    assert data["derivative-power-rule"]["difficulty"] == 1
    assert data["derivative-chain-rule"]["difficulty"] == 2  # a chosen level stays
    text = run(tmp_path, "stats").stdout
    power = next(line for line in text.splitlines() if "Power rule" in line)
    assert power.split()[:4] == ["Power", "rule", "attempted", "1"]


def test_the_due_column_says_yes_when_due_and_otherwise_when(tmp_path: Path) -> None:
    practised = tmp_path / "today"
    fill(practised, at=time.time())  # just practised: due in a day, not now
    line = next(line for line in run(practised, "stats").stdout.splitlines()
                if "Power rule" in line)
    data = json.loads(run(practised, "stats", "--json").stdout)["skills"]
    power = data["derivative-power-rule"]
    assert power["due"] is False and power["due_at"] is not None
    assert line.split()[-1] in ("23h", "24h", "1d")  # due in a day (an attempted skill)
    assert len(line) <= 80
    assert data["eigenvalues"]["due_at"] is None
    earlier = tmp_path / "earlier"
    fill(earlier, at=time.time() - 5 * DAY)
    line = next(line for line in run(earlier, "stats").stdout.splitlines()
                if "Power rule" in line)
    assert line.split()[-1] == "yes"


async def test_home_and_stats_screen_show_the_short_code(tmp_path: Path) -> None:
    from tests.app.conftest import wait_until

    fill(tmp_path)
    app = QuizApp(home=tmp_path, now=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        last = app.screen.query_one("#last-quiz")
        await wait_until(pilot, lambda: last.display and "Last quiz" in str(last.render()),
                         timeout=120)
        assert str(last.render()) == "Last quiz: 1/3  all/3/2/5"
        app.open_stats()
        await wait_until(pilot, lambda: any("1/3" in str(w.render())
                                            for w in app.screen.query("#quizzes")), timeout=120)
        quizzes = str(app.screen.query_one("#quizzes").render())
        assert quizzes.endswith("1/3  all/3/2/5") and LONG_CODE not in quizzes
        table = app.screen.query_one("#skills")
        power = [table.get_row_at(i) for i in range(table.row_count)
                 if str(table.get_row_at(i)[0]).strip() == "Power rule"]
        assert power and power[0][2] == "1"
