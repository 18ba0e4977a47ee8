"""A long session and a keystroke flood, headless (Textual Pilot).

Memory: 200 practice problems answered one after another; RSS when the first problem is shown,
after 200, and the growth per problem over the last 180 (after warm-up: sympy's and Textual's
caches fill during the first problems). Goals: ≤ 150 MB after 200, ≤ 0.1 MB per problem.

Flood: 100 KB of keystrokes posted at once into the answer box (a paste in a terminal without
bracketed paste), then ctrl+q: seconds until every key is absorbed and the app has quit (the
keys are handled in order, so this is the time a learner waits for ctrl+q to take effect).
"""

import asyncio
import gc
import os
import sys
import tempfile
import time

PROBLEMS = int(os.environ.get("BENCH_PROBLEMS", "200"))
WARM_UP = 20
FLOOD_CHARS = 100_000


def rss_mb() -> float:
    """Resident set size of this process, in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


async def until(pilot, condition, timeout: float = 120.0) -> None:
    """Pause until `condition()` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            screen = pilot.app.screen
            raise RuntimeError("the app did not reach the expected state; it shows:\n"
                               + "\n".join(s.text for s in screen._compositor.render_strips()))
        await pilot.pause(0.01)


def feedback(app) -> str:
    return str(app.screen.query_one("#feedback").render())


def ready(app) -> bool:
    """A fresh problem is on screen, its answer line mounted and focused."""
    screen = app.screen
    session = getattr(screen, "session", None)
    return (session is not None and session.problem is not None and not screen.busy
            and not feedback(app).strip() and app.focused is not None
            and app.focused.id == "answer")


async def long_session() -> tuple[float, float, float]:
    """RSS when the first problem shows, after WARM_UP problems, and after PROBLEMS."""
    from textual.widgets import Input

    from quizapp.tui.app import Launch, QuizApp

    app = QuizApp(Launch("practice", "derivatives", None, 1, 5))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: ready(app))
        gc.collect()
        start = warm = rss_mb()
        for number in range(1, PROBLEMS + 1):
            screen = app.screen
            line = screen.query("AnswerBox").first().query_one("#answer", Input)
            line.value = screen.session.problem.answer
            await pilot.press("enter")
            await until(pilot, lambda: feedback(app).startswith("✓"))
            await pilot.press("enter")
            await until(pilot, lambda: ready(app))
            if number == WARM_UP:
                gc.collect()
                warm = rss_mb()
            if number % 50 == 0:
                print(f"  {number} problems: {rss_mb():.1f} MB", flush=True)
        gc.collect()
        return start, warm, rss_mb()


async def keystroke_flood() -> float:
    """Seconds until FLOOD_CHARS keystrokes and then ctrl+q have been handled."""
    from textual import events
    from textual.widgets import Input

    from quizapp.tui.app import Launch, QuizApp
    from quizapp.tui.widgets.answer_box import MAX_ANSWER_CHARS

    app = QuizApp(Launch("practice", "derivatives", None, 1, 5))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: ready(app))
        await app.workers.wait_for_complete()
        line = app.screen.query_one("#answer", Input)
        keys = "x+1-" * (FLOOD_CHARS // 4)
        start = time.perf_counter()
        for char in keys:
            app.post_message(events.Key(char, char))
        app.post_message(events.Key("ctrl+q", None))
        await until(pilot, lambda: not app.is_running, timeout=600)
        if len(line.value) != MAX_ANSWER_CHARS:
            raise RuntimeError(f"the answer line holds {len(line.value)} characters")
        return time.perf_counter() - start


def main() -> None:
    os.environ["QUIZAPP_HOME"] = tempfile.mkdtemp(prefix="quizapp-bench-")  # not the user's
    print(f"== memory over a session of {PROBLEMS} practice problems (headless, 100×30)")
    start, warm, end = asyncio.run(long_session())
    per_problem = (end - warm) / (PROBLEMS - WARM_UP)
    print(f"RSS with the first problem shown: {start:6.1f} MB")
    print(f"RSS after {WARM_UP} problems:           {warm:6.1f} MB")
    print(f"RSS after {PROBLEMS} problems:          {end:6.1f} MB (goal ≤ 150 MB)")
    print(f"growth per problem after warm-up: {per_problem:6.3f} MB (goal ≤ 0.1 MB); "
          f"over the whole session {(end - start) / PROBLEMS:.3f} MB")
    print(f"== {FLOOD_CHARS // 1000} KB of keystrokes into the answer box, then ctrl+q")
    seconds = asyncio.run(keystroke_flood())
    print(f"all keys absorbed (line capped at 2,000 characters) and quit after {seconds:.1f} s "
          "(goal: seconds; before: never)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
