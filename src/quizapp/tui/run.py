"""Start the app in the terminal: Unicode or ASCII maths, and the chosen theme."""

import sys

THEMES = {"dark": "textual-dark", "light": "textual-light"}


def unicode_ok(ascii_only: bool) -> bool:
    """Whether to draw maths in Unicode: not when asked for ASCII or stdout cannot encode it."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    return not ascii_only and encoding in ("utf8", "utf16", "utf32")


def run_app(launch: object, ascii_only: bool = False, theme: str | None = None) -> None:
    """Run the app until the learner quits."""
    from quizapp.tui.app import QuizApp

    QuizApp(launch, unicode=unicode_ok(ascii_only),  # type: ignore[arg-type]
            theme=THEMES.get(theme or "")).run()
