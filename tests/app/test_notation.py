"""Notation (ctrl+n, palette "Notation"): each symbol with how it is read, what it means, a tiny
example and the resources that define it; ASCII spellings with --ascii; fits 80 columns.

The reference's data (question_bank/notation.toml) comes with issue 15's loader; until it is in
the bank these tests use a small placeholder list with the same fields."""

from dataclasses import dataclass

import pytest

from quizapp.bank import default_bank
from quizapp.tui.app import QuizApp
from quizapp.tui.screens import notation
from quizapp.tui.screens.notation import NotationScreen

from .conftest import practice_app, screen_text, settle, text_of


@dataclass(frozen=True)
class Entry:
    symbol: str
    ascii: str
    spoken: str
    meaning: str
    example: str
    resources: tuple[str, ...]


def _placeholder() -> list[Entry]:
    first, second = list(default_bank().resources)[:2]
    return [Entry("Σᵢ₌₁ⁿ xᵢ", "sum_{i=1}^{n} x_i", "the sum of x i for i from 1 to n",
                  "Add the terms x₁ to xₙ.", "Σᵢ₌₁³ i = 1 + 2 + 3 = 6", (first,)),
            Entry("A ⊙ B", "A (.) B", "A Hadamard B", "The entrywise product.",
                  "[1, 2] ⊙ [3, 4] = [3, 8]", (first, second))]


@pytest.fixture
def entries(monkeypatch: pytest.MonkeyPatch) -> list[Entry]:
    listed = _placeholder()
    monkeypatch.setattr(notation, "load_entries", lambda bank: listed)
    return listed


async def test_ctrl_n_shows_every_symbol_with_reading_meaning_example_and_sources(entries):
    app = practice_app(seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, NotationScreen)
        text = text_of(app, "#notation-text")
        resources = default_bank().resources
        for entry in entries:
            assert entry.symbol in text and f"“{entry.spoken}”" in text
            assert entry.meaning in text and entry.example in text
            for ident in entry.resources:
                assert resources[ident].title in text and resources[ident].url in text
        assert max(len(line) for line in screen_text(app).splitlines()) <= 80
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, NotationScreen)


async def test_the_palette_entry_opens_it_from_the_home_screen(entries):
    app = QuizApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        {c.title: c for c in app.get_system_commands(app.screen)}["Notation"].callback()
        await settle(pilot)
        assert isinstance(app.screen, NotationScreen)
        assert entries[0].symbol in screen_text(app)


async def test_ascii_shows_the_ascii_spelling_of_each_symbol(entries):
    app = QuizApp(unicode=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        text = text_of(app, "#notation-text")
        assert text.isascii(), sorted({c for c in text if not c.isascii()})
        assert "sum_{i=1}^{n} x_i" in text and "A (.) B" in text


async def test_without_the_reference_in_the_bank_it_says_so():
    app = QuizApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        text = text_of(app, "#notation-text")
        try:
            import quizapp.bank.notation  # noqa: F401
        except ImportError:
            assert text == "The notation reference is not in this version of the bank."
        else:
            assert "read “" in text  # the reference of issue 15 is in the bank


async def test_the_feedback_of_a_notation_problem_points_to_the_reference() -> None:
    from tests.app.conftest import paste, practice_app, settle, text_of

    app = practice_app(topic="notation", seed=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        problem = app.screen.session.problem
        await paste(pilot, problem.misconceptions[0].answer)
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✗")
        assert "ctrl+n: the notation reference" in text_of(app, "#resource-title")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert type(app.screen).__name__ == "NotationScreen"
