"""Pilot tests of every flow of the Textual app, asserting what the learner sees on screen."""

import ast

import pytest
from textual.widgets import DataTable, Input, OptionList

from quizapp.answers import read_answer
from quizapp.mathtext import write
from quizapp.tui.app import QuizApp
from quizapp.tui.rendering import answer_text, problem_text
from quizapp.tui.resource_text import resource_label
from quizapp.tui.screens.help import HelpScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.practice import PracticeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.widgets.answer_box import AnswerBox, MatrixGrid

from .conftest import (
    SIZE,
    clear_line,
    paste,
    practice_app,
    quiz_app,
    screen_text,
    settle,
    text_of,
    type_text,
    wait_until,
)

# --- home -------------------------------------------------------------------------------------


async def test_home_lists_topics_skills_and_actions():
    app = QuizApp()
    async with app.run_test(size=(100, 60)) as pilot:  # tall enough for every topic's skills
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        shown = screen_text(app)
        for topic in ("Derivatives", "Matrix products", "Eigenvalues"):
            assert f"Practise {topic}" in shown
        for skill in ("Power rule", "Chain rule", "Sigmoid, tanh and softplus",
                      "Matrix times matrix", "Matrix times vector"):
            assert skill in shown
        assert "Timed quiz — all topics, 10 questions, 10 minutes" in shown
        assert "Help — keys and answer syntax" in shown
        footer = shown.splitlines()[-1]
        assert "Quit" in footer and "Help" in footer


async def test_home_enter_on_first_item_opens_practice():
    app = QuizApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.topic == "derivatives"


async def test_home_arrows_and_enter_open_practice_of_topic_and_skill():
    app = QuizApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # the first item, "Practise Derivatives", is highlighted at once
        assert app.screen.query_one(OptionList).highlighted_option.prompt == \
            "Practise Derivatives"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        assert (app.screen.topic, app.screen.skill) == ("derivatives", None)
        assert text_of(app, "#status").startswith("Derivatives ›")
        assert problem_text(app.screen.session.problem).splitlines()[0][:30] in screen_text(app)

        await pilot.press("escape")  # back home, the menu keeps its place
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("down", "enter")  # "    Power rule"
        await settle(pilot)
        assert (app.screen.topic, app.screen.skill) == ("derivatives", "derivative-power-rule")
        assert text_of(app, "#status").startswith("Derivatives › Power rule")


async def test_home_timed_quiz_entry_starts_a_quiz():
    app = QuizApp(clock=lambda: 0.0)  # the countdown stands still, however busy the machine
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        index = app.screen.query_one(OptionList).get_option_index("quiz:derivatives")
        await pilot.press(*["down"] * index)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)
        status = text_of(app, "#status")
        assert status.startswith("Question 1 of 10")
        assert "⏱ 10:00" in status
        assert "Quiz code derivatives/10/10/" in status


async def test_command_palette_has_practise_entries():
    app = QuizApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Practise Eigen")
        await wait_until(pilot, lambda: "Practise Eigenvalues: Eigenvalues" in screen_text(app))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.topic == "eigenvalues"
        assert "Find the eigenvalues" in screen_text(app)


async def test_help_shows_keys_and_answer_syntax_and_esc_closes_it():
    app = practice_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, Input)  # F1 works while typing an answer
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = text_of(app, "#help-text")
        for example in ("Keys", "F2", "F7", "ctrl+q", "Typing answers", "3x^2", "sin x",
                        "[[1, 2], [3, 4]]", "[1, 2, 3]", "1/4", "2, 5"):
            assert example in shown
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        assert app.focused is app.screen.query_one("#answer", Input)


async def test_help_f1_closes_it_again():
    app = QuizApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.parametrize("where", ["home", "practice", "help"])
async def test_ctrl_q_quits(where):
    app = practice_app() if where == "practice" else QuizApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        if where == "practice":
            assert app.focused is app.screen.query_one("#answer", Input)
            await pilot.press("2")  # mid-answer
        if where == "help":
            await pilot.press("f1")
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


# --- practice ---------------------------------------------------------------------------------


def shown_function(problem) -> str:
    """The start of the function line as the app writes it (maths as a teacher writes it)."""
    function = read_answer(problem.data["function"], "expression", ("x",)).values[0].expr
    return ("f(x) = " + write(function))[:20]


async def test_practice_right_answer_then_next_problem():
    app = practice_app(seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        status = text_of(app, "#status")
        assert "Difficulty 1 of 1–3 ▱▱▱▱▱" in status and "Streak 0" in status
        first = screen.session.problem
        assert shown_function(first) in screen_text(app)

        await type_text(pilot, first.answer)
        await pilot.press("enter")
        await settle(pilot)
        feedback = text_of(app, "#feedback")
        assert feedback.startswith("✓")
        assert "Enter for the next problem" in feedback
        assert screen.query_one("#feedback").has_class("right")
        status = text_of(app, "#status")
        assert "Streak 1" in status
        assert "Difficulty 1 of 1–3 ▰▱▱▱▱" in status  # 1 of the 5 that raise the level
        assert "First try 1/1" in status
        assert not screen.query_one("#resource").display  # nothing to study after a right one

        await pilot.press("enter")
        await settle(pilot)
        second = screen.session.problem
        assert second.id != first.id
        assert shown_function(first) not in screen_text(app)
        assert text_of(app, "#feedback") == ""
        box = screen.query_one("#answer", Input)
        assert box.value == "" and app.focused is box
        assert "Streak 1" in text_of(app, "#status")


async def test_practice_wrong_answer_shows_misconception_and_resource(monkeypatch):
    app = practice_app(seed=3)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        problem = app.screen.session.problem
        wrong = problem.misconceptions[0]
        resource = problem.resources[0]

        await type_text(pilot, wrong.answer)
        await pilot.press("enter")
        await settle(pilot)
        feedback = text_of(app, "#feedback")
        assert feedback.startswith("✗")
        assert wrong.feedback in feedback
        assert "Try again" in feedback
        assert app.screen.query_one("#feedback").has_class("wrong")
        shown = screen_text(app)
        flowing = " ".join(shown.replace("█", " ").split())  # a long title wraps
        label = resource_label(resource.title, resource.provider, resource.kind)
        assert f"Study: {label}" in flowing
        joined = "".join(line.strip(" █▏▕") for line in shown.splitlines())
        assert resource.url in joined  # the plain URL is the fallback over SSH (it may wrap)
        link = app.screen.query_one("#resource-link").render()
        assert any(resource.url in str(span.style) for span in link.spans)  # OSC 8 link
        assert "Streak 0" in text_of(app, "#status")
        assert "First try 0/1" in text_of(app, "#status")

        opened = []
        monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
        await pilot.press("f4")
        await pilot.press("f5")
        await settle(pilot)
        assert opened == [resource.url]
        assert app.clipboard == resource.url
        assert "Copied" in screen_text(app)

        await clear_line(pilot)  # try again: accepted, but it does not count
        await type_text(pilot, problem.answer)
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✓")
        status = text_of(app, "#status")
        assert "Streak 0" in status
        assert "First try 0/1" in status


async def test_practice_unreadable_answer_is_explained_and_not_counted():
    app = practice_app(seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "(x+1")
        assert "'(' is never closed" in text_of(app, "#preview")
        await pilot.press("enter")
        await settle(pilot)
        feedback = text_of(app, "#feedback")
        assert feedback.startswith("?") and "never closed" in feedback
        assert app.screen.query_one("#feedback").has_class("unreadable")
        assert screen_text(app).count("never closed") == 1  # said once, not also as preview
        await pilot.press("end", "right_parenthesis")  # an edit: the live preview is back
        await settle(pilot)
        assert text_of(app, "#feedback") == "" and text_of(app, "#preview").startswith("reads")

        await clear_line(pilot)
        await type_text(pilot, "sinx")
        await pilot.press("enter")
        await settle(pilot)
        feedback = text_of(app, "#feedback")
        assert feedback.startswith("?") and "sin(x)" in feedback  # "did you mean sin(x)?"
        assert "First try 0/0" in text_of(app, "#status")
        assert app.screen.session.attempts == 0
        assert not app.screen.query_one("#resource").display


async def test_practice_live_preview_follows_every_keystroke():
    app = practice_app(seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert text_of(app, "#preview") == ""
        await type_text(pilot, "3x")
        first = text_of(app, "#preview")
        assert first.startswith("reads as") and "3x" in first
        await type_text(pilot, "^2")
        second = text_of(app, "#preview")
        assert second.startswith("reads as") and second != first and "²" in second
        await type_text(pilot, "+")
        assert text_of(app, "#preview").startswith("…")  # incomplete: says why
        await clear_line(pilot)
        assert text_of(app, "#preview") == ""


async def test_practice_hints_one_at_a_time_end_the_streak_and_solution_shows_steps():
    app = practice_app(seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await paste(pilot, app.screen.session.problem.answer)
        await pilot.press("enter")
        await settle(pilot)
        assert "Streak 1" in text_of(app, "#status")
        await pilot.press("enter")
        await settle(pilot)
        problem = app.screen.session.problem
        assert len(problem.hints) >= 2

        await pilot.press("f2")
        await settle(pilot)
        hints = text_of(app, "#hints")
        assert f"Hint 1: {problem.hints[0]}" in hints
        assert "Hint 2" not in hints
        assert "Streak 0" in text_of(app, "#status")
        await pilot.press("f2")
        await settle(pilot)
        assert f"Hint 2: {problem.hints[1]}" in text_of(app, "#hints")

        await pilot.press("f3")
        await settle(pilot)
        solution = text_of(app, "#solution")
        assert solution.startswith("Solution")
        for step in problem.solution:
            assert step in solution
        assert f"Answer: {answer_text(problem)}" in solution

        await paste(pilot, problem.answer)  # right after help: accepted, no streak
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✓")
        assert "Streak 0" in text_of(app, "#status")


async def test_practice_five_right_raise_the_level_two_wrong_lower_it():
    app = practice_app(skill="derivative-quotient-rule", seed=3, difficulty=1)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert "Difficulty 1 of 1–3 ▱▱▱▱▱" in text_of(app, "#status")
        for done in range(1, 6):
            await paste(pilot, app.screen.session.problem.answer)
            await pilot.press("enter")
            await settle(pilot)
            assert text_of(app, "#feedback").startswith("✓")
            assert f"Streak {done}" in text_of(app, "#status")
            if done < 5:
                assert "Difficulty 1 of 1–3 " + "▰" * done in text_of(app, "#status")
            await pilot.press("enter")
            await settle(pilot)
        assert "Difficulty 2 of 1–3 ▱▱▱▱▱" in text_of(app, "#status")
        assert "Level up! Quotient rule: now at difficulty 2." in screen_text(app)

        for attempt in range(2):  # two wrong first attempts in a row
            await paste(pilot, "0")
            await pilot.press("enter")
            await settle(pilot)
            assert text_of(app, "#feedback").startswith("✗")
            await clear_line(pilot)
            await paste(pilot, app.screen.session.problem.answer)  # then right: does not count
            await pilot.press("enter")
            await settle(pilot)
            assert text_of(app, "#feedback").startswith("✓")
            await pilot.press("enter")
            await settle(pilot)
            if attempt == 0:
                assert "Difficulty 2" in text_of(app, "#status")
        assert "Difficulty 1" in text_of(app, "#status")
        assert ": back to difficulty 1" in screen_text(app)


async def test_practice_ascii_mode_has_no_unicode_marks():
    app = practice_app(seed=3, unicode=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await paste(pilot, app.screen.session.problem.answer)
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("OK")
        assert "Difficulty 1 of 1-3 #----" in text_of(app, "#status")
        assert screen_text(app).splitlines()[1].isascii()  # the status line


async def test_multiset_preview_lists_the_values():
    app = practice_app("eigenvalues", seed=1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        problem = app.screen.session.problem
        assert problem.answer_kind == "multiset"
        await type_text(pilot, problem.answer)  # e.g. "1, -5"
        preview = text_of(app, "#preview")
        assert preview.startswith("reads as")
        key = read_answer(problem.answer, "multiset", ())
        assert all(write(value.expr) in preview for value in key.values)
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✓")


# --- matrix answers ---------------------------------------------------------------------------


def matrix_key(app: QuizApp) -> list[list[int]]:
    """The key of the current matrix problem, e.g. [[5, 6], [1, 3]]."""
    return ast.literal_eval(app.screen.session.problem.answer)


async def fill_grid(pilot, key: list[list[int]]) -> None:
    """Type each entry in its cell, Tab between cells."""
    entries = [str(v) for row in key for v in row]
    for i, entry in enumerate(entries):
        await pilot.press(*entry)
        if i < len(entries) - 1:
            await pilot.press("tab")
    await settle(pilot)


async def test_matrix_grid_entry():
    app = practice_app("matrix-products", "matrix-product", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        key = matrix_key(app)
        grid = app.screen.query_one(MatrixGrid)
        assert (grid.rows, grid.cols) == (len(key), len(key[0]))
        assert len(grid.query(Input)) == grid.rows * grid.cols
        assert app.focused is grid.cell(0, 0)
        assert "Tab or arrows: next cell" in screen_text(app)

        await fill_grid(pilot, key)
        assert app.focused is grid.cell(grid.rows - 1, grid.cols - 1)
        for r, row in enumerate(key):
            for c, value in enumerate(row):
                assert grid.cell(r, c).value == str(value)
        assert text_of(app, "#preview").startswith("reads as")
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✓")
        assert "Streak 1" in text_of(app, "#status")


async def test_matrix_grid_cells_are_visible():
    app = practice_app("matrix-products", "matrix-product", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        key = matrix_key(app)
        await fill_grid(pilot, key)
        grid = app.screen.query_one(MatrixGrid)
        lines = screen_text(app).splitlines()
        for r, row in enumerate(key):
            for c, value in enumerate(row):
                region = grid.cell(r, c).region
                assert region.width >= 5 and region.height == 1  # one line a cell
                inside = lines[region.y][region.x:region.right]
                assert str(value) in inside


async def test_matrix_f6_switches_between_grid_and_one_line():
    app = practice_app("matrix-products", "matrix-product", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        key = matrix_key(app)
        grid = app.screen.query_one(MatrixGrid)
        line = app.screen.query_one("#answer", Input)
        assert grid.display and not line.display

        await pilot.press("f6")
        await settle(pilot)
        assert not grid.display and line.display
        assert app.focused is line
        assert "Type your answer" in screen_text(app)
        assert "Tab or arrows" not in screen_text(app)
        await paste(pilot, str(key))  # "[[5, 6], [1, 3]]"
        assert text_of(app, "#preview").startswith("reads as")
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✓")

        await pilot.press("enter")  # next problem: the grid again
        await settle(pilot)
        grid = app.screen.query_one(MatrixGrid)
        assert grid.display and app.focused is grid.cell(0, 0)
        key = matrix_key(app)
        await fill_grid(pilot, key)
        await pilot.press("f6")  # what was typed in the cells carries over to the line
        await settle(pilot)
        line = app.screen.query_one("#answer", Input)
        assert line.value == "; ".join(", ".join(str(v) for v in row) for row in key)
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✓")


async def test_practice_at_80x24_shows_problem_answer_box_and_footer():
    app = practice_app(seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        assert len(lines) == 24
        shown = "\n".join(lines)
        problem = app.screen.session.problem
        assert "Differentiate with respect to x" in shown and shown_function(problem) in shown
        box = app.screen.query_one(AnswerBox).query_one("#answer", Input)
        assert box.region.height == 3 and box.region.bottom <= 23
        assert "Type your answer; Enter checks it" in shown
        assert "Hint" in lines[-1] and "Solution" in lines[-1] and "f1 Help" in lines[-1]
        assert "Streak 0" in lines[1]

        # after a mistake, the resource fits too
        await paste(pilot, problem.misconceptions[0].answer)
        await pilot.press("enter")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        assert any(line.lstrip().startswith("✗") for line in lines)
        joined = "".join(line.strip(" █▏▕") for line in lines)
        assert problem.resources[0].url in joined
        assert shown_function(problem) in "\n".join(lines)


# --- timed quiz -------------------------------------------------------------------------------


async def test_quiz_until_time_runs_out_then_results_and_home():
    clock = [0.0]
    app = quiz_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        status = text_of(app, "#status")
        assert status.startswith("Question 1 of 3")
        assert "⏱ 01:00" in status and "Quiz code derivatives/3/1/32" in status
        items = screen.session.items

        await type_text(pilot, items[0].problem.answer)
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✓ Right")
        assert text_of(app, "#status").startswith("Question 2 of 3")

        await pilot.press("f2")  # no hints in a quiz
        await settle(pilot)
        assert "Hint" not in screen_text(app)

        await pilot.press("f7")
        await settle(pilot)
        assert text_of(app, "#feedback") == "Skipped."
        assert text_of(app, "#status").startswith("Question 3 of 3")

        clock[0] = 30.0
        await wait_until(pilot, lambda: "⏱ 00:30" in text_of(app, "#status"))
        clock[0] = 61.0
        await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen))

        score = text_of(app, "#score")
        assert "Score 1/3" in score and "Time 1:00" in score and "time ran out" in score
        assert "Quiz code derivatives/3/1/32" in score
        table = app.screen.query_one("#topics", DataTable)
        assert [str(cell) for cell in table.get_row_at(0)] == ["Derivatives", "1", "3"]
        assert "Topic" in screen_text(app) and "Right" in screen_text(app)
        mistakes = [w.source for w in app.screen.query(".mistake")]
        assert len(mistakes) == 2
        assert "your answer: (skipped)" in mistakes[0]
        assert f"right answer: {answer_text(items[1].problem)}" in mistakes[0]
        assert items[1].problem.solution[-1] in mistakes[0]
        assert "your answer: (not answered)" in mistakes[1]
        assert f"right answer: {answer_text(items[2].problem)}" in mistakes[1]
        headings = [str(w.render()) for w in app.screen.query(".heading")]
        assert headings == ["Mistakes", "Study next"]
        study = [str(w.render()) for w in app.screen.query(".study")]
        shared = {r.id for r in items[1].problem.resources} & {
            r.id for r in items[2].problem.resources}
        covers = "covers 2 mistakes" if shared else "covers 1 mistake"
        assert study and covers in study[0]
        assert "https://" in study[0]
        assert items[1].problem.resources[0].url in "\n".join(study)
        assert "Score 1/3" in screen_text(app)

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_quiz_finished_by_answering_every_question():
    clock = [0.0]
    app = quiz_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        items = app.screen.session.items

        await type_text(pilot, "(x+1")  # unreadable: said why, the question stays
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("?")
        assert text_of(app, "#status").startswith("Question 1 of 3")
        await clear_line(pilot)

        await paste(pilot, items[0].problem.answer)
        await pilot.press("enter")
        await settle(pilot)
        clock[0] = 12.0
        wrong = items[1].problem.misconceptions[0]
        await paste(pilot, wrong.answer)
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✗")
        assert text_of(app, "#status").startswith("Question 3 of 3")
        clock[0] = 25.0
        await paste(pilot, items[2].problem.answer)
        await pilot.press("enter")
        await settle(pilot)

        assert isinstance(app.screen, ResultsScreen)
        score = text_of(app, "#score")
        assert "Score 2/3" in score and "Time 0:25" in score and "finished" in score
        mistakes = [w.source for w in app.screen.query(".mistake")]
        assert len(mistakes) == 1
        assert f"your answer: {wrong.answer}" in mistakes[0]
        assert f"right answer: {answer_text(items[1].problem)}" in mistakes[0]
        assert wrong.feedback in mistakes[0]
        assert app.screen.query(".study")

        clock[0] = 25.0 + ResultsScreen.ENTER_GRACE_S  # not an Enter typed for the answer
        await pilot.press("enter")  # Enter also goes home
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
