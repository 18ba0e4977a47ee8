"""Levels in the app: the header shows the difficulty of the problem on screen among the levels
the skill has; F9/F10 and the palette choose it; it is kept between runs; F7 skips."""

import asyncio
import dataclasses
import sqlite3
from pathlib import Path

import pytest

import quizapp.bank
from quizapp.bank import default_bank
from quizapp.tui.app import Launch, QuizApp

LONG = 120.0  # waits are for states; a busy machine only makes them slower


async def wait_until(pilot, predicate, timeout: float = LONG) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        assert loop.time() < deadline, "timed out waiting for the screen"
        await pilot.pause(0.05)
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def status(app: QuizApp) -> str:
    found = app.screen.query("#status")  # none yet on a screen still being composed
    return str(found.first().render()) if found else ""


def shown_problem(app: QuizApp):
    return getattr(app.screen, "session", None) and app.screen.session.problem


async def problem_on_screen(pilot, old=None) -> None:
    app = pilot.app
    await wait_until(pilot, lambda: shown_problem(app) is not None
                     and shown_problem(app) is not old and not app.screen.busy
                     and bool(app.screen.query("AnswerBox"))
                     and "Difficulty" in status(app))


def practice(home: Path, skill: str = "derivative-chain-rule", topic: str = "derivatives",
             seed: int = 3) -> QuizApp:
    return QuizApp(Launch("practice", topic, skill, None, seed), home=home)


async def test_the_level_chosen_with_f10_is_kept_for_the_next_run(tmp_path: Path) -> None:
    app = practice(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await problem_on_screen(pilot)
        assert "Difficulty 1 of 1–3" in status(app)
        first = shown_problem(app)
        await pilot.press("f10")
        await problem_on_screen(pilot, first)
        assert "Difficulty 2 of 1–3" in status(app)
        assert shown_problem(app).difficulty == 2
    again = practice(tmp_path, seed=4)
    async with again.run_test(size=(80, 24)) as pilot:
        await problem_on_screen(pilot)
        assert "Difficulty 2 of 1–3" in status(again)
        second = shown_problem(again)
        await pilot.press("ctrl+down")
        await problem_on_screen(pilot, second)
        assert "Difficulty 1 of 1–3" in status(again)
    saved = sqlite3.connect(tmp_path / "progress.db").execute("SELECT * FROM levels")
    assert [(skill, level) for skill, level, _ in saved] == [("derivative-chain-rule", 1)]


async def test_the_header_shows_only_the_levels_the_skill_has(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = default_bank()
    from_2 = {fid: f for fid, f in bank.families.items()
              if not (f.skill == "derivative-trig" and f.difficulty == 1)}
    monkeypatch.setattr(quizapp.bank, "default_bank",
                        lambda: dataclasses.replace(bank, families=from_2, usable=set()))
    app = practice(tmp_path, "derivative-trig")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await problem_on_screen(pilot)
        assert "Difficulty 2 of 2–3" in status(app)  # not "Level 1"
        assert shown_problem(app).difficulty == 2
        await pilot.press("f9")
        await pilot.pause()
        assert "no easier level" in "\n".join(n.message for n in app._notifications)


async def test_the_palette_chooses_a_harder_level(tmp_path: Path) -> None:
    app = practice(tmp_path, "gradient-descent", "multivariable-calculus")
    async with app.run_test(size=(80, 24)) as pilot:
        await problem_on_screen(pilot)
        assert "Difficulty 1 of 1–2" in status(app)
        first = shown_problem(app)
        await pilot.press("ctrl+p")
        await pilot.press(*"Level: harder")
        await wait_until(pilot, lambda: "Level: harder" in "\n".join(
            s.text for s in app.screen._compositor.render_strips()))
        await pilot.press("enter")
        await problem_on_screen(pilot, first)
        assert "Difficulty 2 of 1–2" in status(app)


async def test_f7_skips_to_a_fresh_problem_and_two_skips_lower_the_level(
        tmp_path: Path) -> None:
    app = QuizApp(Launch("practice", "derivatives", "derivative-power-rule", 2, 5),
                  home=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await problem_on_screen(pilot)
        assert "Difficulty 2 of 1–3" in status(app)
        for _ in range(2):
            before = shown_problem(app)
            await pilot.press("f7")
            await problem_on_screen(pilot, before)
        assert "Difficulty 1 of 1–3" in status(app) and "First try 0/0" in status(app)
    saved = sqlite3.connect(tmp_path / "progress.db").execute(
        "SELECT COUNT(*) FROM attempts").fetchone()[0]
    assert saved == 0  # a skip is not a wrong answer


async def test_in_topic_practice_f10_raises_the_level_of_the_skill_on_screen(
        tmp_path: Path) -> None:
    app = practice(tmp_path, skill=None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await problem_on_screen(pilot)
        first = shown_problem(app)
        await pilot.press("f10")
        await problem_on_screen(pilot, first)
        second = shown_problem(app)
        assert second.skill == first.skill and second.difficulty == 2  # seen at once
        name = app.names[first.skill]
        assert f"{name}: difficulty 2 from now on." in [n.message for n in app._notifications]
    saved = sqlite3.connect(tmp_path / "progress.db").execute("SELECT skill, level FROM levels")
    assert list(saved) == [(first.skill, 2)]  # the skill's level, not the topic's
    again = practice(tmp_path, skill=first.skill, seed=8)  # the skill alone starts there too
    async with again.run_test(size=(80, 24)) as pilot:
        await problem_on_screen(pilot)
        assert shown_problem(again).difficulty == 2 and "Difficulty 2 of 1–3" in status(again)


async def test_a_review_of_mistakes_offers_no_level_or_skip_keys(tmp_path: Path) -> None:
    from textual.widgets._footer import FooterKey

    app = QuizApp(Launch("practice", "derivatives", None, None, 3), home=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await problem_on_screen(pilot)
        keys = {key.description for key in app.screen.query(FooterKey)}
        assert {"Skip", "Level -/+"} <= keys
        mistake = shown_problem(app).id
        app.pop_screen()
        app.open_practice("derivatives", review=(mistake,))
        await wait_until(pilot, lambda: "Review mistakes" in status(app)
                         and bool(app.screen.query("AnswerBox")))
        keys = {key.description for key in app.screen.query(FooterKey)}
        assert "Skip" not in keys and "Level -/+" not in keys and "Hint" in keys


async def test_a_message_already_on_screen_is_not_stacked_again(tmp_path: Path) -> None:
    app = practice(tmp_path, "derivative-power-rule")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await problem_on_screen(pilot)
        await pilot.press("f9", "f9", "f9")  # already at the easiest level
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert said.count("This skill has no easier level.") == 1
