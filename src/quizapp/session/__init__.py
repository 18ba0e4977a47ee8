"""Practice and timed-quiz logic: plain state machines over the bank and the answer engine.

Exports load lazily, so that the app can name a quiz (QuizSpec) before sympy has loaded.
"""

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Feedback": "practice", "NoProblems": "practice", "PracticeSession": "practice",
    "ReviewSession": "practice",
    "QuizResults": "quiz", "QuizSession": "quiz", "BadQuiz": "spec", "QuizSpec": "spec",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f"quizapp.session.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'quizapp.session' has no attribute {name!r}")
