"""A killed app loses nothing it showed as checked: kill -9 mid-quiz, then read the database."""

import contextlib
import os
import signal
import sqlite3
from pathlib import Path

from quizapp.bank import default_bank
from quizapp.session.quiz import make_quiz_problems
from quizapp.session.spec import QuizSpec
from tests.e2e.test_terminal import QUIZAPP, Terminal, pytestmark  # noqa: F401 — same skips


def test_attempts_shown_as_checked_survive_kill_9(tmp_path: Path) -> None:
    spec = QuizSpec(("derivatives",), 4, 5, 11)
    answers = [p.answer for p in make_quiz_problems(default_bank(), spec)]
    term = Terminal(f"env QUIZAPP_HOME={tmp_path} {QUIZAPP} quiz --code {spec.code}")
    try:
        term.wait_for("Question 1 of 4")
        term.wait_for("Type your answer")
        for number, answer in enumerate(answers[:2], start=1):
            term.wait_for("Type your answer")  # the new question's answer box is up
            term.type_answer(answer)
            term.keys("Enter")
            term.wait_for(f"(question {number})")  # the verdict is on screen
        pid = int(term.tmux("list-panes", "-t", "app", "-F", "#{pane_pid}").stdout.split()[0])
        app_pids = [int(p) for p in os.popen(f"pgrep -P {pid}").read().split()] or [pid]
        for target in [*app_pids, pid]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(target, signal.SIGKILL)
        assert term.wait_closed(), "the killed app's pane is still open"  # it is really gone
    finally:
        term.close()
    db = sqlite3.connect(tmp_path / "progress.db")
    rows = db.execute("SELECT answer, correct, mode FROM attempts ORDER BY id").fetchall()
    assert rows == [(answers[0], 1, "quiz"), (answers[1], 1, "quiz")]
    quizzes = db.execute("SELECT code, questions FROM quizzes").fetchall()
    assert quizzes == [(spec.code, 4)]
