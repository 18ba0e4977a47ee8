"""Every test runs with a private progress folder: the learner's own is never touched."""

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_progress(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QUIZAPP_HOME", str(tmp_path / "quizapp-home"))
