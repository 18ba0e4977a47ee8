"""`quizapp stats`, `export` and `reset` as a user runs them, with QUIZAPP_HOME."""

import csv
import io
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.progress import Attempt, ProgressStore

QUIZAPP = Path(sys.executable).parent / "quizapp"


def run(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZAPP_HOME": str(home)}
    return subprocess.run([str(QUIZAPP), *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=60)


def fill(home: Path, close: bool = True) -> None:
    store = ProgressStore(home)
    for n, correct in enumerate([True, True, False]):
        store.record(Attempt(1_800_000_000.0 + n, f"power-one-term.{n}", "derivatives",
                             "derivative-power-rule", 1, f"{n}x", correct, None, 2.0, 0,
                             "practice"))
    store.start_quiz("q1", "derivatives/3/1/7", 3)
    store.finish_quiz("q1", 2)
    if close:
        store.close()


def test_stats_json_has_the_documented_fields(tmp_path: Path) -> None:
    fill(tmp_path)
    result = run(tmp_path, "stats", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["attempts"] == 3 and data["correct"] == 2
    power = data["skills"]["derivative-power-rule"]
    assert power["attempts"] == 3 and power["correct"] == 2 and power["mastery"] == "familiar"
    assert data["skills"]["eigenvalues"]["mastery"] == "not started"
    assert data["quizzes"][0]["right"] == 2 and data["quizzes"][0]["questions"] == 3
    table = run(tmp_path, "stats")
    assert "3 problems answered, 2 right" in table.stdout and "familiar" in table.stdout


def test_export_csv_and_json(tmp_path: Path) -> None:
    fill(tmp_path)
    rows = list(csv.DictReader(io.StringIO(run(tmp_path, "export", "--format", "csv").stdout)))
    assert [r["answer"] for r in rows] == ["0x", "1x", "2x"]
    assert rows[2]["correct"] == "False"
    as_json = json.loads(run(tmp_path, "export", "--format", "json").stdout)
    assert len(as_json) == 3 and as_json[0]["skill_id"] == "derivative-power-rule"


def test_export_speaks_in_names_and_local_iso_times_with_a_header(tmp_path: Path) -> None:
    from datetime import datetime

    fill(tmp_path)
    text = run(tmp_path, "export").stdout
    assert text.splitlines()[0].startswith("at,topic,skill,")  # the header row
    row = next(csv.DictReader(io.StringIO(text)))
    assert (row["topic"], row["skill"]) == ("Derivatives", "Power rule")
    assert datetime.fromisoformat(row["at"]) == datetime.fromtimestamp(1_800_000_000.0).astimezone()
    [first, *_] = json.loads(run(tmp_path, "export", "--format", "json").stdout)
    assert first["skill"] == "Power rule" and first["at"] == row["at"]


def test_an_abandoned_quiz_is_exported_and_listed_as_abandoned(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path, clock=lambda: 1_800_000_000.0)
    store.start_quiz("q1", "derivatives/3/1/7", 3)
    store.record(Attempt(1_800_000_001.0, "power-one-term.1", "derivatives",
                         "derivative-power-rule", 1, "x", False, None, 2.0, 0, "quiz", "q1"))
    store.abandon_quiz("q1")
    store.close()
    quizzes = list(csv.DictReader(io.StringIO(run(tmp_path, "export", "--quizzes").stdout)))
    assert [(q["code"], q["status"], q["answered"]) for q in quizzes] == \
        [("derivatives/3/1/7", "abandoned", "1")]
    [attempt] = json.loads(run(tmp_path, "export", "--format", "json").stdout)
    assert attempt["quiz_status"] == "abandoned"
    table = run(tmp_path, "stats").stdout
    assert "abandoned, 1 of 3 answered" in table and "0/3" not in table
    assert json.loads(run(tmp_path, "stats", "--json").stdout)["quizzes"][0]["status"] == \
        "abandoned"


def test_stats_name_skills_and_keep_mastery_step_apart_from_difficulty(tmp_path: Path) -> None:
    from datetime import datetime

    fill(tmp_path)
    store = ProgressStore(tmp_path)
    store.set_level("derivative-power-rule", 2)
    store.close()
    data = json.loads(run(tmp_path, "stats", "--json").stdout)
    power = data["skills"]["derivative-power-rule"]
    assert (power["name"], power["topic"]) == ("Power rule", "Derivatives")
    assert power["mastery_step"] == 2 and power["difficulty"] == 2 and "level" not in power
    assert data["mastery_steps"][2] == "familiar"
    assert datetime.fromisoformat(data["quizzes"][0]["started"]).tzinfo is not None
    table = run(tmp_path, "stats").stdout
    assert "Power rule" in table and "derivative-power-rule" not in table


def test_reset_asks_first(tmp_path: Path) -> None:
    fill(tmp_path)
    kept = run(tmp_path, "reset", stdin="n\n")
    assert "Nothing deleted" in kept.stdout
    assert json.loads(run(tmp_path, "stats", "--json").stdout)["attempts"] == 3
    gone = run(tmp_path, "reset", stdin="y\n")
    assert "Deleted 3 attempts" in gone.stdout
    assert json.loads(run(tmp_path, "stats", "--json").stdout)["attempts"] == 0


def test_a_damaged_database_gets_one_line_and_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "progress.db").write_bytes(b"\x00garbage" * 300)
    result = run(tmp_path, "stats")
    assert result.returncode == 0
    assert "moved to progress.db.corrupt-" in result.stderr
    assert "Traceback" not in result.stderr
    assert "0 problems answered" in result.stdout


def test_a_database_another_program_wrote_is_set_aside_with_a_notice(tmp_path: Path) -> None:
    fill(tmp_path)
    db = sqlite3.connect(tmp_path / "progress.db")
    db.execute("UPDATE attempts SET at = 'last tuesday' WHERE id = 2")  # a row of the wrong type
    db.commit()
    db.close()
    for command in (["stats"], ["stats", "--json"], ["export"], ["export", "--format", "json"]):
        result = run(tmp_path, *command)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    first = run(tmp_path, "stats")  # (set aside by the first command above; this one is fresh)
    assert "0 problems answered" in first.stdout
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("progress.db.corrupt-")
             and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1
    kept = sqlite3.connect(aside[0]).execute("SELECT COUNT(*) FROM attempts").fetchone()[0]
    assert kept == 3


def test_the_notice_for_a_foreign_database_is_one_line(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "progress.db")
    db.executescript("CREATE TABLE photos (name TEXT); PRAGMA user_version = 2;")
    db.close()
    result = run(tmp_path, "stats")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "not written by quizapp" in result.stderr and "progress.db.corrupt-" in result.stderr


# ------------------------------------------------------------ a read-only progress folder
def read_only_folder(home: Path) -> list[str]:
    """Make `home` read-only to the quizapp command run after the returned prefix. Root is not
    stopped by permissions, so as root the command runs with `home` mounted read-only."""
    if os.geteuid() != 0:
        home.chmod(0o555)
        return []
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "-m", "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root without mount namespaces: cannot make a read-only folder")
    folder = shlex.quote(str(home))
    return ["unshare", "-m", "sh", "-c", f"mount --bind {folder} {folder} && "
            f"mount -o remount,ro,bind {folder} && exec \"$@\"", "sh"]


def run_as(home: Path, prefix: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZAPP_HOME": str(home)}
    return subprocess.run([*prefix, str(QUIZAPP), *args], capture_output=True, text=True,
                          env=env, timeout=60)


def kill_after_writing(home: Path) -> None:
    """Write progress and die with kill -9, leaving the -wal and -shm files behind."""
    script = (f"import os, signal; from tests.progress.test_cli_progress import fill; "
              f"fill(__import__('pathlib').Path({str(home)!r}), close=False); "
              "os.kill(os.getpid(), signal.SIGKILL)")
    subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[2], timeout=60)


@pytest.mark.parametrize("ending", ["closed", "killed"])
def test_a_read_only_folder_is_still_read_by_stats_and_export(tmp_path: Path,
                                                              ending: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    if ending == "closed":
        fill(home)
    else:
        kill_after_writing(home)
        assert (home / "progress.db-wal").exists()
    before = {p.name: p.read_bytes() for p in home.iterdir()}
    prefix = read_only_folder(home)
    try:
        stats = run_as(home, prefix, "stats")
        assert stats.returncode == 0 and "Traceback" not in stats.stderr, stats.stderr
        assert "3 problems answered, 2 right" in stats.stdout
        assert "read-only" in stats.stderr
        rows = list(csv.DictReader(io.StringIO(run_as(home, prefix, "export").stdout)))
        assert [r["answer"] for r in rows] == ["0x", "1x", "2x"]
        reset = run_as(home, prefix, "reset", "--yes")
        assert reset.returncode == 1 and "Nothing deleted" in reset.stderr
        assert "Traceback" not in reset.stderr
    finally:
        home.chmod(0o755)
    assert {p.name: p.read_bytes() for p in home.iterdir()} == before


# ------------------------------------------------------------------ a quiz cut short
def test_a_quiz_killed_midway_shows_the_answers_it_has(tmp_path: Path) -> None:
    script = f"""
import os, signal
from pathlib import Path
from quizapp.bank import default_bank
from quizapp.progress import ProgressStore
from quizapp.session.quiz import QuizSession
from quizapp.session.spec import QuizSpec

quiz = QuizSession(default_bank(), QuizSpec(("derivatives",), 3, 5, 11),
                   store=ProgressStore(Path({str(tmp_path)!r})))
quiz.submit(quiz.current.problem.answer)
quiz.submit("12345")
os.kill(os.getpid(), signal.SIGKILL)  # before the quiz is finished
"""
    subprocess.run([sys.executable, "-c", script], timeout=120)
    data = json.loads(run(tmp_path, "stats", "--json").stdout)
    [quiz] = data["quizzes"]
    assert (quiz["right"], quiz["answered"], quiz["questions"], quiz["finished"]) == \
        (1, 2, 3, None)
    assert data["attempts"] == 2
    table = run(tmp_path, "stats").stdout
    assert "1/3 right, 2 of 3 answered, not finished  derivatives/3/5/11" in table


def test_stats_text_lists_skills_under_their_topics_in_the_banks_order(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    for n, (topic, skill) in enumerate([("multivariable-calculus", "backpropagation"),
                                        ("linear-algebra", "change-of-basis"),
                                        ("derivatives", "derivative-chain-rule"),
                                        ("derivatives", "derivative-power-rule")]):
        store.record(Attempt(1_800_000_000.0 + n, f"x.{n}", topic, skill, 1, "x", True, None,
                             2.0, 0, "practice"))
    store.close()
    lines = run(tmp_path, "stats").stdout.splitlines()
    assert lines[0] == "4 problems answered, 4 right the first time (100%)"

    def at(name: str) -> int:
        return next(n for n, line in enumerate(lines) if line.strip().startswith(name))

    assert (at("Derivatives") < at("Power rule") < at("Chain rule") < at("Linear algebra")
            < at("Change of basis") < at("Multivariable calculus") < at("Backpropagation"))
    assert lines[at("Power rule")].startswith("  ")  # indented under its topic
    assert lines[at("Derivatives")] == "Derivatives"  # a topic line, by name
    assert all(len(line) <= 80 for line in lines)


def test_stats_text_says_one_problem_not_one_problems(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.record(Attempt(1_800_000_000.0, "x.1", "derivatives", "derivative-power-rule", 1, "x",
                         False, None, 2.0, 0, "practice"))
    store.close()
    assert run(tmp_path, "stats").stdout.startswith(
        "1 problem answered, 0 right the first time (0%)")
