"""The `quizapp` command. Bare `quizapp` starts the app straight away, without loading click:
the home screen should be up about as fast as an empty Textual app."""

import sys


def main() -> None:
    """Start the app, or hand the arguments to the click command line."""
    if len(sys.argv) == 1:
        from quizapp.tui.app import Launch
        from quizapp.tui.run import run_app

        run_app(Launch())
        return
    from quizapp.cli import main as command_line

    command_line()
