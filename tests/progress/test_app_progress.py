"""Progress in the app: mastery on the home screen, review of mistakes, stats, saving first."""

import asyncio
import sqlite3
from pathlib import Path

from textual.widgets import OptionList

from quizapp.bank import default_bank, make_problem
from quizapp.bank.catalog import read_topics
from quizapp.progress import Attempt, ProgressStore
from quizapp.tui.app import Launch, QuizApp

NOW = 1_800_000_000.0


async def settle(pilot, app, rounds: int = 4) -> None:
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)


async def wait_until(pilot, predicate, timeout: float = 120.0) -> None:
    """Wait for a state (generous: the machine may be busy; a state that never comes fails)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        assert loop.time() < deadline, "timed out waiting for the screen"
        await pilot.pause(0.05)


def seed_store(home: Path) -> str:
    """Three right power-rule answers, and one wrong matrix product; returns its problem id."""
    store = ProgressStore(home)
    for n in range(3):
        store.record(Attempt(NOW - 600 + n, f"power-one-term.{n}", "derivatives",
                             "derivative-power-rule", 1, "x", True, None, 3.0, 0, "practice"))
    problem = make_problem(default_bank(), "matmul-2x2", 77)
    store.record(Attempt(NOW - 60, problem.id, problem.topic, problem.skill, 1, "[[0, 0]]",
                         False, None, 9.0, 0, "practice"))
    store.close()
    return problem.id


def prompt(app: QuizApp, option_id: str) -> str:
    menu = app.screen.query_one(OptionList)
    return str(menu.get_option(option_id).prompt)


async def test_home_shows_mastery_and_review_counts(tmp_path: Path) -> None:
    seed_store(tmp_path)
    app = QuizApp(home=tmp_path, now=lambda: NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, lambda: "(1)" in prompt(app, "mistakes"))
        assert "familiar" in prompt(app, "skill:derivatives:derivative-power-rule")
        assert "attempted" in prompt(app, "skill:matrix-products:matrix-product")
        assert "not started" in prompt(app, "skill:eigenvalues:eigenvalues")
        assert "Matrix times matrix" in prompt(app, "weakest")


async def test_review_mistakes_serves_a_fresh_problem_of_the_family_until_right(
        tmp_path: Path) -> None:
    problem_id = seed_store(tmp_path)
    app = QuizApp(home=tmp_path, now=lambda: NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, lambda: "(1)" in prompt(app, "mistakes"))
        menu = app.screen.query_one(OptionList)
        menu.highlighted = menu.get_option_index("mistakes")
        await pilot.press("enter")
        await wait_until(pilot, lambda: getattr(app.screen, "session", None) is not None
                         and app.screen.session.problem is not None
                         and bool(app.screen.query("AnswerBox")))
        served = app.screen.session.problem
        assert served.family == "matmul-2x2" and served.id != problem_id  # fresh, same family
        assert served.skill == "matrix-product"
        await settle(pilot, app)
        app.screen.query_one("AnswerBox").toggle_one_line()
        await pilot.pause()
        await pilot.press(*served.answer)
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Correct" in str(
            app.screen.query_one("#feedback").render()))
        await pilot.press("enter")  # nothing left to review: back home
        await wait_until(pilot, lambda: "(0)" in prompt(app, "mistakes"))
    rows = sqlite3.connect(tmp_path / "progress.db").execute(
        "SELECT problem_id, correct, mode FROM attempts ORDER BY id DESC LIMIT 1").fetchall()
    assert rows == [(served.id, 1, "review")]


async def test_a_checked_answer_is_saved_before_its_verdict_shows(tmp_path: Path) -> None:
    app = QuizApp(Launch("practice", "derivatives", "derivative-power-rule", 1, 3),
                  home=tmp_path, now=lambda: NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: getattr(app.screen, "session", None) is not None
                         and bool(app.screen.query("AnswerBox")))
        await settle(pilot, app)
        await pilot.press("0", "enter")
        await wait_until(pilot, lambda: "✗" in str(app.screen.query_one("#feedback").render()))
        saved = sqlite3.connect(tmp_path / "progress.db").execute(
            "SELECT answer, correct, first, mode FROM attempts").fetchall()
        assert saved == [("0", 0, 1, "practice")]


async def test_stats_screen_shows_totals_and_skills(tmp_path: Path) -> None:
    seed_store(tmp_path)
    app = QuizApp(home=tmp_path, now=lambda: NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, app)
        app.open_stats()
        await wait_until(pilot, lambda: any("problems answered" in str(w.render())
                                            for w in app.screen.query("#totals")))
        assert "4 problems answered, 3 right" in str(app.screen.query_one("#totals").render())
        table = app.screen.query_one("#skills")
        topics = read_topics()
        assert table.row_count == sum(1 + len(t.skills) for t in topics)  # every skill, under
        assert str(table.get_row_at(0)[0]) == topics[0].name  # its topic
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen.query(OptionList)


async def test_unsaved_progress_is_said_on_screen(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    app = QuizApp(Launch("practice", "derivatives", None, 1, 1), home=blocker / "home")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "not saved" in str(
            app.screen.query_one("#status").render()))


async def test_review_skips_problems_the_bank_no_longer_has(tmp_path: Path) -> None:
    problem_id = seed_store(tmp_path)
    store = ProgressStore(tmp_path)
    store.record(Attempt(NOW - 30, "retired-family.12", "derivatives", "derivative-trig", 1,
                         "x", False, None, 3.0, 0, "practice"))
    store.close()
    app = QuizApp(home=tmp_path, now=lambda: NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, lambda: "(2)" in prompt(app, "mistakes"))
        app.home_choice("mistakes")  # the command-palette path
        await wait_until(pilot, lambda: getattr(app.screen, "session", None) is not None
                         and app.screen.session.problem is not None)
        assert app.screen.session.problem.family == problem_id.rsplit(".", 1)[0]
        assert app.screen.session.remaining == 1  # the retired family is left out


async def test_not_saved_clears_from_the_status_when_the_disk_has_room_again(
        tmp_path: Path) -> None:
    app = QuizApp(Launch("practice", "derivatives", None, 1, 1), home=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.store is not None and bool(
            app.screen.query("#status")) and "Streak" in str(
                app.screen.query_one("#status").render()))
        store = app.store
        pages = store.rows("PRAGMA page_count")[0][0]
        store.rows(f"PRAGMA max_page_count = {pages}")  # the disk is full
        big = Attempt(NOW, "power-one-term.1", "derivatives", "derivative-power-rule", 1,
                      "x" * 100_000, True, None, 3.0, 0, "practice")
        assert not store.record(big)
        app.screen.update_status()
        await wait_until(pilot, lambda: "not saved" in str(
            app.screen.query_one("#status").render()))
        store.rows("PRAGMA max_page_count = 1000000")  # room again
        assert store.record(big)
        app.screen.update_status()
        await wait_until(pilot, lambda: "not saved" not in str(
            app.screen.query_one("#status").render()))


async def test_stats_screen_lists_an_abandoned_quiz_as_abandoned(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path, clock=lambda: NOW)
    store.start_quiz("q1", "derivatives/3/1/7", 3)
    store.abandon_quiz("q1")
    store.set_level("derivative-power-rule", 3)
    store.close()
    app = QuizApp(home=tmp_path, now=lambda: NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, app)
        app.open_stats()
        await wait_until(pilot, lambda: any("abandoned" in str(w.render())
                                            for w in app.screen.query("#quizzes")))
        quizzes = str(app.screen.query_one("#quizzes").render())
        assert "abandoned, 0 of 3 answered" in quizzes and "0/3" not in quizzes
        table = app.screen.query_one("#skills")
        power = [table.get_row_at(i) for i in range(table.row_count)
                 if str(table.get_row_at(i)[0]).strip() == "Power rule"]
        assert power and power[0][2] == "3"  # the difficulty (level) it was left at
