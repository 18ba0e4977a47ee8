"""Learn before you try: the first practice of a skill offers its intro once; F8 and the
palette's "Learn" open it at any time; it shows the rule, a worked example from the skill's
easiest family and the skill's resources, in ASCII too, at 80×24."""

from quizapp.bank import default_bank, make_problem
from quizapp.bank.learn import easiest_family, load_intros
from quizapp.tui.app import QuizApp
from quizapp.tui.rendering import problem_text
from quizapp.tui.resource_text import resource_label
from quizapp.tui.screens.learn import LearnScreen
from quizapp.tui.screens.practice import PracticeScreen

from .conftest import paste, practice_app, screen_text, settle, text_of


def _flowing(app) -> str:
    """The screen's words joined, so wrapped lines read as one."""
    return " ".join(screen_text(app).replace("▁", " ").replace("▃", " ").split())


def _offers(app) -> list[str]:
    return [n.message for n in app._notifications if n.title == "Learn"]


async def test_the_first_practice_of_a_skill_offers_its_intro_once():
    app = practice_app(seed=3)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        skill = app.screen.session.problem.skill
        name = app.names[skill]
        assert _offers(app) == [f"New skill: {name}. Press F8 to learn the rule with a worked "
                                "example first."]
        assert "F8" in screen_text(app)  # the toast is on screen
    again = practice_app(seed=3)  # the next run (same progress folder): not offered again
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert again.screen.session.problem.skill == skill
        assert _offers(again) == []


async def test_f8_shows_the_rule_a_worked_example_and_the_resources_then_esc_returns():
    app = practice_app(seed=3)
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        skill = app.screen.session.problem.skill
        await pilot.press("f8")
        await settle(pilot)
        assert isinstance(app.screen, LearnScreen)
        bank = default_bank()
        intro = load_intros(bank)[skill]
        example = make_problem(bank, easiest_family(bank, skill), intro.seed)
        assert bank.families[example.family].difficulty == 1
        shown = text_of(app, "#learn-text")  # all of it, also what is below the fold
        assert app.names[skill] in shown
        for line in intro.rule.splitlines():
            assert f"  {line}\n" in shown
        assert "Worked example" in shown
        for line in filter(None, problem_text(example).splitlines()):  # as practice shows it
            assert line in shown
        for step in (*example.hints, *example.solution):
            assert step in shown
        for resource in bank.skill_resources(skill):
            label = resource_label(resource.title, resource.provider, resource.kind)
            assert label in shown and resource.url in shown
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        assert "f(x)" in screen_text(app)


async def test_the_palette_has_learn_graph_and_notation_and_learn_opens_the_skill_on_screen():
    app = practice_app(seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert {"Learn", "Graph", "Notation"} <= set(commands)
        assert "Learn: Chain rule" in commands
        commands["Learn"].callback()
        await settle(pilot)
        assert isinstance(app.screen, LearnScreen)
        assert app.screen.skill == app.screen_stack[-2].session.problem.skill


async def test_learn_for_any_skill_from_the_palette_on_the_home_screen():
    app = QuizApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Learn: Eigenvalues"].callback()
        await settle(pilot)
        assert isinstance(app.screen, LearnScreen)
        assert "det(A − λI) = 0" in _flowing(app)


async def test_learn_in_ascii_has_no_unicode():
    app = practice_app(seed=3, unicode=False, skill="derivative-power-rule")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        text = text_of(app, "#learn-text")
        assert "The rule" in text and "Worked example" in text
        assert text.isascii(), [c for c in text if not c.isascii()]
        assert "x^(n-1)" in text


async def test_learn_fits_80_columns_and_the_rule_is_on_the_first_screen():
    app = practice_app(seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        skill = app.screen.session.problem.skill
        await pilot.press("f8")
        await settle(pilot)
        first_screen = screen_text(app).splitlines()
        rule = load_intros(default_bank())[skill].rule.splitlines()
        for line in rule:  # each rule line whole, unwrapped, without scrolling
            assert any(line in row for row in first_screen), line
        assert "Worked example" in "\n".join(first_screen)


async def test_enter_on_the_intro_goes_back_to_practice():
    app = practice_app(seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        assert isinstance(app.screen, LearnScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)


async def test_the_offer_to_learn_is_withdrawn_once_the_learner_has_answered():
    app = practice_app(seed=3)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert len(_offers(app)) == 1
        await paste(pilot, "0")
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✗")
        assert _offers(app) == []  # its toast would cover the resource line
        assert "Study:" in screen_text(app) and app.screen.resource_url[:40] in screen_text(app)
