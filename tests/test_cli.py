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


def run_bytes(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([quizapp_command(), *args], input=stdin, capture_output=True,
                          timeout=120)


def test_batch_answers_every_line_around_undecodable_bytes_and_huge_numbers(
        tmp_path: Path) -> None:
    good = json.dumps({"kind": "number", "expected": "1/4", "answer": "0.25"}).encode()
    lines = [
        b"\xef\xbb\xbf" + good,
        b'{"kind": "number", "expected": "1", "answer": "\xff"}',
        good,
        b'{"kind": "number", "expected": "1", "answer": "1", "n": ' + b"7" * 5000 + b"}",
        json.dumps({"kind": "expression", "expected": "x", "answer": "x₂"}).encode(),
        json.dumps({"kind": "expression", "expected": "x", "answer": "x",
                    "variables": ["v"] * 27}).encode(),
        b"[" * 200_000,
        good,
    ]
    data = b"\n".join(lines) + b"\n"
    source = tmp_path / "answers.jsonl"
    source.write_bytes(data)
    for result in (run_bytes("check", "--batch", str(source), stdin=b""),
                   run_bytes("check", "--batch", "-", stdin=data)):
        assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
        out = [json.loads(row) for row in result.stdout.decode("utf-8").splitlines()]
        assert len(out) == len(lines)
        assert [row["correct"] for row in out] == [True, False, True, False, False, False,
                                                  False, True]
        assert "UTF-8" in out[1]["error"] and "digits" in out[3]["error"]
        assert "Subscript" in out[4]["error"] and "at most 26" in out[5]["error"]
        assert "too long" in out[6]["error"]


def test_check_reads_subscripts_and_never_prints_a_traceback() -> None:
    refused = run("check", "--kind", "expression", "--expected", "x", "--answer", "x₂")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stdout.startswith("?") and "Subscript" in refused.stdout
    indexed = run("check", "--kind", "expression", "--expected", "x1 + x2", "--answer",
                  "x₁ + x₂", "--var", "x1", "--var", "x2")
    assert indexed.returncode == 0 and "Correct" in indexed.stdout, indexed.stderr
    circled = run("check", "--kind", "number", "--expected", "1", "--answer", "①")
    assert circled.returncode == 1 and "digit 1" in circled.stdout


def test_check_messages_name_the_option_and_do_not_echo_huge_input() -> None:
    huge = "y" * 20_000
    bad_var = run("check", "--kind", "expression", "--expected", "x", "--answer", "x",
                  "--var", huge + "!")
    assert bad_var.returncode == 2 and "--var" in bad_var.stderr
    assert len(bad_var.stderr) < 1000 and "Traceback" not in bad_var.stderr
    bad_key = run("check", "--kind", "number", "--expected", "1+" + huge, "--answer", "1")
    assert bad_key.returncode == 2 and "--expected" in bad_key.stderr
    assert len(bad_key.stderr) < 1000
    long_answer = run("check", "--kind", "number", "--expected", "1", "--answer", huge)
    assert long_answer.returncode == 1 and len(long_answer.stdout) < 1000
    mixed = run("check", "--batch", "-", "--json", stdin="")
    assert mixed.returncode == 2 and "--json" in mixed.stderr
    assert "--kind" not in mixed.stderr


def test_check_shows_how_the_answer_reads_as_a_teacher_writes_it() -> None:
    result = run("check", "--kind", "expression", "--expected", "3*x**2*exp(x)",
                 "--answer", "3x^2 e^x + 1")
    assert "read as: 3x²·eˣ + 1" in result.stdout and "**" not in result.stdout
    plain = run("--ascii", "check", "--kind", "expression", "--expected", "3*x**2*exp(x)",
                "--answer", "3x^2 e^x + 1")
    assert "read as: 3x^2*e^x + 1" in plain.stdout and plain.stdout.isascii()
