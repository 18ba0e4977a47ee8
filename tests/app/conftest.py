"""Shared set-up for the Pilot and snapshot tests of the Textual app.

The app checks answers, previews them and generates problems in thread workers (sympy), and a
worker's `call_from_thread` schedules more UI work; `settle` waits for all of it.
"""

import asyncio
from collections.abc import Callable

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widget import Widget

from quizapp.session.spec import QuizSpec
from quizapp.tui.app import Launch, QuizApp

SIZE = (100, 30)
QUIZ = QuizSpec(("derivatives",), 3, 1, 32)  # 3 questions, 1 minute, seed 32


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """No theme, colour or bank overrides from the developer's shell, and a fresh, private
    progress store (never the learner's own)."""
    for name in ("TEXTUAL_THEME", "NO_COLOR", "QUIZAPP_BANK"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("QUIZAPP_HOME", str(tmp_path / "quizapp-home"))


@pytest.fixture()
def intros_offered() -> None:
    """Every skill's Learn intro counts as offered: no Learn toast over the screen."""
    from quizapp.bank.catalog import read_topics
    from quizapp.progress.intros_seen import SeenIntros

    seen = SeenIntros()
    for topic in read_topics():
        for skill in topic.skills:
            seen.mark(skill.id)


def practice_app(topic: str = "derivatives", skill: str | None = None, seed: int = 3,
                 unicode: bool = True, difficulty: int = 1) -> QuizApp:
    """The app opened on a practice run whose problems are fixed by the seed."""
    return QuizApp(Launch("practice", topic, skill, difficulty, seed), unicode=unicode)


def quiz_app(clock: list[float], spec: QuizSpec = QUIZ) -> QuizApp:
    """The app opened on a timed quiz whose clock the test moves by hand (clock[0])."""
    return QuizApp(Launch("quiz", quiz=spec), clock=lambda: clock[0])


async def settle(pilot: Pilot, rounds: int = 3) -> None:
    """Let workers finish and the UI they schedule (mounts, updates) be processed."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def wait_until(pilot: Pilot, condition: Callable[[], bool],
                     timeout: float = 120.0) -> None:
    """Pause until `condition()` holds (e.g. a timer has fired). The bound is generous, as a
    busy machine only makes a state slower to come; it matters only when the state never
    comes, and then the test fails after `timeout` s rather than hanging."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out waiting for the app"
        await pilot.pause(0.05)
    await settle(pilot)


async def type_text(pilot: Pilot, text: str) -> None:
    """Type plain ASCII as keystrokes, then let the live preview catch up."""
    await pilot.press(*text)
    await settle(pilot)


async def paste(pilot: Pilot, text: str) -> None:
    """Paste text, as a terminal delivers it (one event, one preview): quicker than typing."""
    pilot.app.post_message(events.Paste(text))
    await settle(pilot)


async def clear_line(pilot: Pilot) -> None:
    """Empty the focused answer line (ctrl+u deletes everything left of the cursor)."""
    await pilot.press("end", "ctrl+u")
    await settle(pilot)


def text_of(app: QuizApp, selector: str) -> str:
    """The text a Static (or similar) on the current screen shows."""
    widget: Widget = app.screen.query_one(selector)
    source = getattr(widget, "source", None)  # IndentedText: the text before it is wrapped
    return source if isinstance(source, str) else str(widget.render())


def screen_text(app: QuizApp) -> str:
    """Every line of the terminal as the user sees it (the screen's compositor output)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
