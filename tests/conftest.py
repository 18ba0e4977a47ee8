"""Every test runs with a private progress folder: the learner's own is never touched. Toasts
stay up for the whole test, however busy the machine."""

from pathlib import Path

import pytest

TOAST_SECONDS = 3600.0


@pytest.fixture(autouse=True)
def _private_progress(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QUIZAPP_HOME", str(tmp_path / "quizapp-home"))


@pytest.fixture(autouse=True)
def _lasting_toasts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual expires a toast on the wall clock (there is no clock to inject), so on a busy
    machine one could vanish before the test reads it: in tests every toast lasts an hour."""
    from quizapp.tui.app import QuizApp

    notify = QuizApp.notify

    def lasting_notify(app: QuizApp, message: str, *, timeout: float | None = None,
                       **options: object) -> None:
        notify(app, message, timeout=TOAST_SECONDS, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(QuizApp, "notify", lasting_notify)
