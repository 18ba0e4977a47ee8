"""The quiz and practice commands refuse malformed topic lists and show a sane seed range."""

import os
import subprocess
import sys
from pathlib import Path

QUIZAPP = Path(sys.executable).parent / "quizapp"


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZAPP_HOME": str(home)}
    return subprocess.run([str(QUIZAPP), *args], capture_output=True, text=True, env=env,
                          timeout=60)


def test_an_empty_topic_name_is_refused_with_a_clear_line(tmp_path: Path) -> None:
    for topics in ("derivatives,,eigenvalues", "derivatives,", ""):
        result = run(tmp_path, "quiz", "--topics", topics)
        assert result.returncode == 2, topics
        assert "empty topic name" in result.stderr and "--topics" in result.stderr
        assert "Traceback" not in result.stderr


def test_help_shows_a_sane_seed_range(tmp_path: Path) -> None:
    for command in ("quiz", "practice"):
        text = run(tmp_path, command, "--help").stdout
        assert "0 to 99999" in text and "2147483648" not in text
    assert run(tmp_path, "quiz", "--seed", "100000").returncode == 2


def test_a_quiz_code_takes_the_seeds_the_quiz_command_takes(tmp_path: Path) -> None:
    result = run(tmp_path, "quiz", "--code", "derivatives/2/1/999999")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "a quiz seed is a whole number from 0 to 99999" in result.stderr


def test_generate_help_names_its_seed_range_plainly(tmp_path: Path) -> None:
    text = run(tmp_path, "generate", "--help").stdout
    assert "--seed N" in text and "0 to 2147483647" in text and "2147483648" not in text
    assert run(tmp_path, "generate", "--topic", "derivatives", "--seed",
               "2147483647").returncode == 0
