"""The command line as a user or a script runs it: the installed `quizapp` executable."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT.parent / "shared" / "contract" / "check_contract.py"


def quizapp_command() -> str:
    found = Path(sys.executable).parent / "quizapp"
    if found.exists():
        return str(found)
    which = shutil.which("quizapp")
    if which is None:
        pytest.skip("the quizapp command is not installed (run `make test`)")
    return which


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([quizapp_command(), *args], input=stdin, capture_output=True,
                          text=True, timeout=120)


def test_help_and_version() -> None:
    helped = run("--help")
    assert helped.returncode == 0 and "check" in helped.stdout
    version = run("--version")
    assert version.returncode == 0 and "quizapp" in version.stdout


def test_check_one_answer_prints_the_verdict_and_sets_the_exit_status() -> None:
    right = run("check", "--kind", "expression", "--expected", "3*x**2", "--answer", "3x^2")
    assert right.returncode == 0 and "Correct" in right.stdout
    wrong = run("check", "--kind", "expression", "--expected", "3*x**2", "--answer", "x^3")
    assert wrong.returncode == 1 and "✗" in wrong.stdout
    several = run("check", "--kind", "expression", "--expected", "x*y", "--answer", "yx",
                  "--var", "x", "--var", "y", "--json")
    assert json.loads(several.stdout)["correct"] is True


def test_check_without_answer_is_a_usage_error_not_a_traceback() -> None:
    result = run("check", "--kind", "number")
    assert result.returncode == 2
    assert "missing" in result.stderr and "Traceback" not in result.stderr
    bad_kind = run("check", "--kind", "banana", "--expected", "1", "--answer", "1")
    assert bad_kind.returncode == 2 and "Traceback" not in bad_kind.stderr


def test_batch_gives_one_line_per_input_line_in_order(tmp_path: Path) -> None:
    lines = [
        {"kind": "expression", "expected": "3*x**2", "answer": "3x^2"},
        "this is not json",
        {"kind": "matrix", "expected": "[[1,2],[3,4]]", "answer": "1 2; 3 5"},
        [1, 2],
        {"kind": "seven", "expected": "1", "answer": "1"},
        {"kind": "expression", "expected": "x*y", "answer": "xy", "variables": ["x", "y"]},
        {"kind": "expression", "expected": "sqrt(x**2)", "answer": "x",
         "domain": {"x": [0, 5]}},
        {"kind": "expression", "expected": "x", "answer": "x", "domain": {"x": [5, 0]}},
        {"kind": "number", "expected": "1/3", "answer": "0.33"},
        "",
    ]
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n"
                   for line in lines)
    source = tmp_path / "answers.jsonl"
    source.write_text(text, encoding="utf-8")
    result = run("check", "--batch", str(source))
    assert result.returncode == 0, result.stderr
    out = [json.loads(row) for row in result.stdout.splitlines()]
    assert len(out) == len(lines)
    for row in out:
        assert set(row) >= {"correct", "error", "feedback", "misconception", "interpreted"}
    assert [row["correct"] for row in out] == [True, False, False, False, False, True, True,
                                              False, False, False]
    assert out[1]["error"] and "JSON" in out[1]["error"]
    assert out[2]["error"] is None and "(2,2)" in out[2]["feedback"]
    assert out[4]["error"] and "kind" in out[4]["error"]
    assert out[7]["error"] and "low < high" in out[7]["error"]
    assert out[8]["error"] is None and "significant" in out[8]["feedback"]
    from_stdin = run("check", "--batch", "-", stdin=text)
    assert from_stdin.stdout == result.stdout


def test_missing_batch_file_is_a_clear_message(tmp_path: Path) -> None:
    result = run("check", "--batch", str(tmp_path / "nope.jsonl"))
    assert result.returncode == 2 and "nope.jsonl" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not CONTRACT.exists(), reason="../shared/contract is not beside the repo")
def test_shared_contract_smoke_test_passes() -> None:
    result = subprocess.run([sys.executable, str(CONTRACT), quizapp_command()], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 contract faults" in result.stdout
