"""`quizapp stats`, `export` and `reset` as a user runs them, with QUIZAPP_HOME."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from quizapp.progress import Attempt, ProgressStore

QUIZAPP = Path(sys.executable).parent / "quizapp"


def run(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZAPP_HOME": str(home)}
    return subprocess.run([str(QUIZAPP), *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=60)


def fill(home: Path) -> None:
    store = ProgressStore(home)
    for n, correct in enumerate([True, True, False]):
        store.record(Attempt(1_800_000_000.0 + n, f"power-one-term.{n}", "derivatives",
                             "derivative-power-rule", 1, f"{n}x", correct, None, 2.0, 0,
                             "practice"))
    store.start_quiz("q1", "derivatives/3/1/7", 3)
    store.finish_quiz("q1", 2)
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
    assert len(as_json) == 3 and as_json[0]["skill"] == "derivative-power-rule"


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
