"""Issue 11 for derivatives: three levels per skill, variety, no known mistake that scores, hints
that name what the question shows, and resources that teach the skill.

Slips are computed here from the problem's data with sympy (diff, subs), not by the generator."""

import re

import pytest
import sympy

from quizapp import generators
from quizapp.answers import Misconception, check, read_answer
from quizapp.bank import Problem, choose_families, generate_problems, load_bank, make_problem

BANK = load_bank()
TOPIC = "derivatives"
FAMILIES = choose_families(BANK, topic=TOPIC)
SKILLS = [s.id for s in BANK.topics[TOPIC].skills]
SEEDS = range(40)


def _expr(text: str, variable: str = "x") -> sympy.Expr:
    return read_answer(text, "expression", (variable,)).values[0].expr


def _x(expr: sympy.Expr, name: str = "x") -> sympy.Symbol:
    return next((s for s in expr.free_symbols if s.name == name), sympy.Symbol(name))


def _grade(problem: Problem, answer: str):
    known = [Misconception(m.id, m.answer, m.feedback) for m in problem.misconceptions]
    return check(answer, problem.answer, problem.answer_kind, problem.variables,
                 problem.domain or None, known)


def _family_of(generator: str) -> list[str]:
    return [f for f in FAMILIES if BANK.families[f].generator == generator]


# ----------------------------------------------------------------------------- levels
@pytest.mark.parametrize("skill", SKILLS)
def test_every_derivative_skill_has_levels_1_2_and_3(skill: str) -> None:
    levels = {BANK.families[f].difficulty for f in choose_families(BANK, skill=skill)}
    assert {1, 2, 3} <= levels, f"{skill}: levels {sorted(levels)}"


def _composite(e: sympy.Expr, x: sympy.Symbol) -> bool:
    """Whether e holds a function (or power) of something other than x or k·x."""
    for node in sympy.preorder_traversal(e):
        if isinstance(node, sympy.Function) or (node.is_Pow and node.exp.free_symbols):
            inside = node.args[0] if isinstance(node, sympy.Function) else node.exp
            if not (inside / x).is_number:
                return True
        if node.is_Pow and not node.exp.free_symbols and node.base.is_Add:
            return True
    return False


@pytest.mark.parametrize("skill", ["derivative-product-rule", "derivative-quotient-rule"])
def test_product_and_quotient_rules_step_from_polynomials_to_composite_factors(
        skill: str) -> None:
    for family in choose_families(BANK, skill=skill):
        level = BANK.families[family].difficulty
        for seed in range(15):
            problem = make_problem(BANK, family, seed)
            u, v = _expr(problem.data["u"]), _expr(problem.data["v"])
            x = _x(u * v)
            if level == 1:
                assert u.is_polynomial(x) and v.is_polynomial(x), problem.id
            else:
                assert not (u.is_polynomial(x) and v.is_polynomial(x)), problem.id
            if level == 3 and skill == "derivative-product-rule":
                assert _composite(u, x) or _composite(v, x), (problem.id, problem.prompt)


@pytest.mark.parametrize("skill", ["derivative-trig", "derivative-exp-log"])
def test_trig_and_exp_log_step_up_to_compositions_inside_products(skill: str) -> None:
    for family in choose_families(BANK, skill=skill):
        level = BANK.families[family].difficulty
        for seed in range(15):
            problem = make_problem(BANK, family, seed)
            function = _expr(problem.data["function"])
            x = _x(function)
            if level == 1:
                assert not _composite(function, x), (problem.id, problem.prompt)
            else:
                assert _composite(function, x), (problem.id, problem.prompt)
            if level == 3:
                factors = [f for f in sympy.Mul.make_args(function) if f.free_symbols]
                assert len(factors) >= 2, (problem.id, problem.prompt)


# ----------------------------------------------------------------------------- variety
@pytest.mark.parametrize("level", [1, 2, 3])
def test_at_each_level_most_of_1000_problems_are_different(level: int) -> None:
    families = choose_families(BANK, topic=TOPIC, difficulty=level)
    prompts = {p.prompt for p in generate_problems(BANK, families, 1000, seed=11)}
    assert len(prompts) >= 800, f"level {level}: {len(prompts)} different of 1,000"


@pytest.mark.parametrize("family", FAMILIES)
def test_no_family_repeats_itself(family: str) -> None:
    prompts = {make_problem(BANK, family, seed).prompt for seed in range(300)}
    assert len(prompts) >= 120, f"{family}: {len(prompts)} different of 300"


@pytest.mark.parametrize("family", FAMILIES)
def test_rejected_draws_stay_rare(family: str, monkeypatch: pytest.MonkeyPatch) -> None:
    kind = generators.GENERATORS[BANK.families[family].generator]
    calls = 0

    def counting(params, rng):
        nonlocal calls
        calls += 1
        return kind.build(params, rng)

    monkeypatch.setitem(generators.GENERATORS, BANK.families[family].generator,
                        generators.GeneratorKind(kind.params, counting))
    for seed in range(60):
        make_problem(BANK, family, seed)
    assert calls / 60 < 3, f"{family}: {calls / 60:.1f} draws a problem"


# ----------------------------------------------------------------------------- mistakes
def _slips(problem: Problem) -> dict[str, sympy.Expr]:
    """Classic mistakes computed from the problem's data, by name."""
    function = _expr(problem.data["function"])
    x = _x(function)
    key = sympy.diff(function, x)
    generator = BANK.families[problem.family].generator
    slips: dict[str, sympy.Expr] = {}
    if generator == "power":
        slips["exponent not reduced"] = sympy.expand(x * key)
    if generator == "chain":
        outer, inner = _expr(problem.data["outer"], "u"), _expr(problem.data["inner"])
        u = _x(outer, "u")
        inner = inner.subs(_x(inner), x)
        if inner != x:
            slips["dropped inner derivative"] = sympy.diff(outer, u).subs(u, inner)
        if outer.has(sympy.sin) or outer.has(sympy.cos):
            slips["trig sign"] = -key
    if generator in ("product", "quotient"):
        u, v = _expr(problem.data["u"]), _expr(problem.data["v"])
        u, v = u.subs(_x(u), x), v.subs(_x(v), x)
        du, dv = sympy.diff(u, x), sympy.diff(v, x)
        if generator == "product":
            slips |= {"u′v′": du * dv, "u′v only": du * v, "uv′ only": u * dv,
                      "u′v − uv′": du * v - u * dv, "uv′ − u′v": u * dv - du * v}
        else:
            slips |= {"u′/v′": du / dv, "swapped": (u * dv - du * v) / v**2,
                      "v not squared": (du * v - u * dv) / v, "plus": (du * v + u * dv) / v**2}
    return slips


# the softmax families of the skill have vectors for answers: tests/bank/test_multivariable.py
DIFFERENTIATION = [f for f in FAMILIES if BANK.families[f].generator != "softmax"]


@pytest.mark.parametrize("family", DIFFERENTIATION)
def test_no_classic_mistake_and_no_listed_misconception_scores(family: str) -> None:
    for seed in SEEDS:
        problem = make_problem(BANK, family, seed)
        for name, slip in _slips(problem).items():
            verdict = _grade(problem, sympy.sstr(slip))
            assert not verdict.correct, f"{problem.id}: the slip {name} = {slip} scores"
            assert verdict.misconception, f"{problem.id}: the slip {name} = {slip} not named"
        for m in problem.misconceptions:
            assert not _grade(problem, m.answer).correct, (problem.id, m.id)


def test_the_dropped_inner_derivative_of_cos_x_squared_is_named() -> None:
    found = 0
    for family in _family_of("chain"):
        for seed in range(80):
            problem = make_problem(BANK, family, seed)
            if not problem.data["outer"].startswith("cos") or problem.data["inner"] == "x":
                continue
            inner = problem.data["inner"]
            verdict = _grade(problem, f"-sin({inner})")
            assert verdict.misconception == "chain-inner-derivative-forgotten", problem.id
            found += 1
    assert found >= 10


# ----------------------------------------------------------------------------- shown as asked
@pytest.mark.parametrize("family", _family_of("chain"))
def test_the_inside_named_in_the_hints_is_the_one_in_the_question(family: str) -> None:
    for seed in SEEDS:
        problem = make_problem(BANK, family, seed)
        named = re.search(r"inner u = (.+)\.$", problem.hints[0])
        assert named, problem.hints
        assert named.group(1) in problem.prompt, (problem.id, named.group(1), problem.prompt)
        composed = _expr(problem.data["outer"], "u")
        u = _x(composed, "u")
        inner = _expr(problem.data["inner"])
        assert check(sympy.sstr(composed.subs(u, inner)), problem.data["function"],
                     "expression", ("x",), problem.domain or None).correct, problem.id


@pytest.mark.parametrize("family", _family_of("product") + _family_of("quotient"))
def test_u_and_v_are_written_as_in_the_question(family: str) -> None:
    for seed in range(20):
        problem = make_problem(BANK, family, seed)
        named = re.search(r"with u = (.+) and v = (.+)\.$", problem.hints[0])
        assert named, problem.hints
        assert named.group(1) in problem.prompt and named.group(2) in problem.prompt, (
            problem.id, problem.hints[0], problem.prompt)


def test_the_negative_exponent_slip_raises_only_the_negative_exponents() -> None:
    seen = 0
    for family in _family_of("power"):
        for seed in range(40):
            problem = make_problem(BANK, family, seed)
            listed = {m.id: m for m in problem.misconceptions}
            if "power-negative-exponent-raised" not in listed:
                continue
            function = _expr(problem.data["function"])
            x = _x(function)
            slip = 0
            for term in sympy.Add.make_args(function):
                a, n = term.as_coeff_exponent(x)
                if n != 0:
                    slip += a * n * x ** (n + 1 if n < 0 else n - 1)
            answer = _expr(listed["power-negative-exponent-raised"].answer)
            assert check(sympy.sstr(slip), sympy.sstr(answer.subs(_x(answer), x)), "expression",
                         ("x",), problem.domain or None).correct, problem.id
            seen += 1
    assert seen >= 10


def test_both_orders_of_the_product_rule_with_a_minus_are_named() -> None:
    for family in _family_of("product"):
        for seed in range(10):
            problem = make_problem(BANK, family, seed)
            ids = {m.id for m in problem.misconceptions}
            assert "product-minus-sign-reversed" in ids or "product-minus-sign" in ids
            u, v = _expr(problem.data["u"]), _expr(problem.data["v"])
            x = _x(u * v)
            u, v = u.subs(_x(u), x), v.subs(_x(v), x)
            for slip in (sympy.diff(u, x) * v - u * sympy.diff(v, x),
                         u * sympy.diff(v, x) - sympy.diff(u, x) * v):
                verdict = _grade(problem, sympy.sstr(slip))
                assert "u′v + uv′" in verdict.feedback, (problem.id, slip, verdict.feedback)


@pytest.mark.parametrize("family", FAMILIES)
def test_no_negative_factor_is_written_after_a_dot(family: str) -> None:
    for seed in range(20):
        problem = make_problem(BANK, family, seed)
        texts = [*problem.hints, *problem.solution, *(m.feedback for m in problem.misconceptions)]
        assert not any("·-" in t or "·−" in t for t in texts), (problem.id, texts)


_SUPERSCRIPTS = str.maketrans("²³⁴⁵⁶⁷⁸⁹", "23456789")


def _degrees(polynomial: str) -> list[int]:
    terms = re.split(r" [+-] ", polynomial.strip().lstrip("-"))
    degrees = []
    for term in terms:
        power = re.search(r"x([²³⁴⁵⁶⁷⁸⁹])", term)
        degrees.append(int(power.group(1).translate(_SUPERSCRIPTS)) if power else
                       int("x" in term))
    return degrees


@pytest.mark.parametrize("family", ["product-polynomials", "power-polynomial"])
def test_polynomial_answers_are_written_in_descending_degree(family: str) -> None:
    for seed in range(20):
        problem = make_problem(BANK, family, seed)
        final = problem.solution[-1].rsplit("=", 1)[1].strip().rstrip(".")
        degrees = _degrees(final)
        assert degrees == sorted(degrees, reverse=True), (problem.id, final)


# ----------------------------------------------------------------------------- resources
def test_the_first_resource_of_each_derivative_skill_teaches_it() -> None:
    quotient = BANK.skill_resources("derivative-quotient-rule")
    assert "quotient-rule" in quotient[0].url and "product" not in quotient[0].url
    sigmoid = [r.id for r in BANK.skill_resources("sigmoid-softmax-derivatives")]
    assert sigmoid[0] == "dlbook-3-10-sigmoid-softplus"
    assert sigmoid.index("dlbook-3-10-sigmoid-softplus") < sigmoid.index(
        "3b1b-nn-04-backpropagation-calculus")
    for skill in SKILLS:
        first = BANK.skill_resources(skill)[0]
        assert skill in first.skills, (skill, first.id)
