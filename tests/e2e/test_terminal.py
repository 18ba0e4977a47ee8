"""End to end in a real terminal: the installed `quizapp` under tmux, driven by keystrokes."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

QUIZAPP = Path(sys.executable).parent / "quizapp"
pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None,
                       reason="tmux is not installed: this test needs a real terminal"),
    pytest.mark.skipif(not QUIZAPP.exists(), reason="the quizapp command is not installed"),
]


class Terminal:
    """A tmux session on a private socket, with the app running in it."""

    def __init__(self, command: str, width: int = 100, height: int = 30) -> None:
        self.socket = f"quizapp-e2e-{os.getpid()}-{time.monotonic_ns()}"
        self.tmux("new-session", "-d", "-s", "app", "-x", str(width), "-y", str(height),
                  command)
        self.tmux("resize-window", "-t", "app", "-x", str(width), "-y", str(height))

    def tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, timeout=20)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app").stdout

    def alive(self) -> bool:
        return self.tmux("has-session", "-t", "app").returncode == 0

    def wait_for(self, text: str, timeout: float = 120) -> str:
        """Poll the screen until `text` shows. The bound is generous (a busy machine only makes
        the app slower); it matters only when the text never comes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "app", *keys)

    def type_answer(self, text: str, attempts: int = 5) -> None:
        """Type `text` into the answer box and wait until it shows. Keys that arrive in the
        instant between the box appearing and taking the focus are lost: then clear the line
        and type again, rather than guessing how long that instant lasts on a busy machine."""
        for _ in range(attempts):
            self.tmux("send-keys", "-t", "app", "-l", "--", text)
            try:
                self.wait_for(text[:12], timeout=10)
                return
            except AssertionError:
                self.keys("C-u")
        raise AssertionError(f"{text!r} typed {attempts} times never showed:\n{self.screen()}")

    def wait_closed(self, timeout: float = 120) -> bool:
        """Poll until the app has exited and tmux closed its session; False if it never did."""
        deadline = time.monotonic() + timeout
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        return not self.alive()

    def close(self) -> None:
        self.tmux("kill-server")


def test_wrong_answer_shows_the_resource_and_ctrl_q_quits() -> None:
    term = Terminal(f"{QUIZAPP} practice derivatives --skill derivative-power-rule --seed 1")
    try:
        term.wait_for("Differentiate")
        term.wait_for("Type your answer")
        term.keys("0")  # never right: no problem in the bank has a zero derivative
        term.wait_for("reads as")
        term.keys("Enter")
        shown = term.wait_for("https://")
        assert "✗" in shown
        assert "Study:" in shown
        term.keys("C-q")
        assert term.wait_closed(), "ctrl+q did not quit the app"
    finally:
        term.close()


def test_home_screen_lists_the_topics_and_quits() -> None:
    term = Terminal(str(QUIZAPP), width=80, height=24)
    try:
        shown = term.wait_for("Practise Derivatives")
        assert "Practise Matrix products" in shown and "Practise Eigenvalues" in shown
        term.keys("C-q")
        assert term.wait_closed()
    finally:
        term.close()
