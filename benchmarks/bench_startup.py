"""Start-up: time until the home screen is painted in a real pseudo-terminal, against a bare
Textual app (one Static, one Input, a Footer) measured in the same run, alternating.

Goal: ratio ≤ 1.5 (stretch 1.25). Also the verdict latency inside the app: from Enter to the
verdict on screen, for ordinary answers (goal ≤ 50 ms).
"""

import asyncio
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

RUNS = 7
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\x1b[=>]")
BARE_APP = '''
from textual.app import App
from textual.widgets import Footer, Input, Static

class Bare(App):
    def compose(self):
        yield Static("bare app ready")
        yield Input()
        yield Footer()

Bare().run()
'''


def time_to_text(command: list[str], marker: str, timeout: float = 30.0) -> float:
    """Seconds from spawn until `marker` shows in the terminal output (80×24 pty)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = ""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536).decode("utf-8", "replace")
                except OSError:
                    break
                seen += chunk
                if marker in ANSI.sub("", seen):
                    return time.perf_counter() - start
        raise RuntimeError(f"{marker!r} did not appear within {timeout} s")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


LOST: list[str] = []  # problems whose Enter, posted by the benchmark, brought no verdict


async def verdict_latency(samples: int = 20) -> list[float]:
    """Seconds from pressing Enter to the verdict showing, in a headless run of the app."""
    from quizapp.tui.app import Launch, QuizApp

    times: list[float] = []
    app = QuizApp(Launch("practice", "derivatives", None, 1, 5))
    async with app.run_test(size=(100, 30)) as pilot:
        while len(times) < samples:
            screen = app.screen
            # the new problem's answer line has the focus and no verdict is showing
            while getattr(screen, "session", None) is None or screen.session.problem is None \
                    or screen.busy or getattr(app.focused, "id", None) != "answer" \
                    or str(screen.query_one("#feedback").render()).strip():
                await pilot.pause(0.01)
            problem = screen.session.problem
            feedback = screen.query_one("#feedback")
            app.focused.value = problem.answer  # type: ignore[union-attr]
            await app.workers.wait_for_complete()
            await pilot.pause()
            # Post the key as the terminal driver would (pilot.press adds its own waits).
            start = time.perf_counter()
            app.simulate_key("enter")
            while not str(feedback.render()).strip() and time.perf_counter() - start < 10:
                await asyncio.sleep(0.001)
            elapsed = time.perf_counter() - start
            if not str(feedback.render()).strip():  # the Enter was not acted on: say so
                LOST.append(problem.id)
                await pilot.press("f7")
                await pilot.pause(0.05)
                continue
            if "Correct" in str(feedback.render()):
                times.append(elapsed)
                await pilot.press("enter")  # next problem
            else:  # not the answer key as typed (should not happen): a fresh problem instead
                await pilot.press("f7")
            await pilot.pause(0.05)
    return times


def main() -> None:
    os.environ["QUIZAPP_HOME"] = tempfile.mkdtemp(prefix="quizapp-bench-")  # not the user's
    quizapp = str(Path(sys.executable).parent / "quizapp")
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as bare:
        bare.write(BARE_APP)
    bare_times, app_times = [], []
    time_to_text([sys.executable, bare.name], "bare app ready")  # warm the disk cache
    time_to_text([quizapp], "Practise Derivatives")
    for _ in range(RUNS):
        bare_times.append(time_to_text([sys.executable, bare.name], "bare app ready"))
        app_times.append(time_to_text([quizapp], "Practise Derivatives"))
    os.unlink(bare.name)
    bare_median, app_median = statistics.median(bare_times), statistics.median(app_times)
    print("== start-up (80×24 pseudo-terminal, median of", RUNS, "alternating runs)")
    print(f"bare Textual app painted:    {bare_median * 1000:6.0f} ms")
    print(f"quizapp home screen painted: {app_median * 1000:6.0f} ms")
    print(f"ratio {app_median / bare_median:.2f} (goal ≤ 1.5, stretch 1.25)")
    latencies = asyncio.run(verdict_latency())
    ms = sorted(t * 1000 for t in latencies)
    print(f"verdict latency, Enter to verdict on screen: median {statistics.median(ms):.1f} ms,"
          f" max {ms[-1]:.1f} ms over {len(ms)} answers (goal ≤ 50 ms)")
    if LOST:
        print(f"  {len(LOST)} Enter(s) brought no verdict within 10 s: {', '.join(LOST)}")


if __name__ == "__main__":
    main()
