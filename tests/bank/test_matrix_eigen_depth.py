"""Issue 11 for matrix products and eigenvalues: three levels per skill, real variety, no classic
mistake that scores, solutions written as a person would, and `bank check` warning about
families that reject most draws. Keys and mistakes are computed here with numpy and sympy from
each problem's data, not with the generators' code."""

import itertools
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy
import pytest
import sympy

from quizapp.answers import Misconception, check, preview, read_answer
from quizapp.bank import (
    Problem,
    choose_families,
    generate_problems,
    load_bank,
    make_problem,
    selftest,
)
from quizapp.bank.selftest import MANY_DRAWS
from quizapp.generators import generate_draft, last_draw_count

ROOT = Path(__file__).resolve().parents[2]
BANK = load_bank(ROOT / "question_bank")
TOPICS = ("matrix-products", "eigenvalues")
MINE = [f.id for f in BANK.families.values() if f.topic in TOPICS]
EIGEN = [f for f in MINE if BANK.families[f].topic == "eigenvalues"]
SHAPES = [f for f in MINE if BANK.families[f].generator == "product-shape"]
PRODUCTS = [f for f in MINE if BANK.families[f].generator in ("matrix-product", "matrix-vector")]
SEEDS = range(150)


def _problems(family: str, seeds=SEEDS) -> list[Problem]:
    return [make_problem(BANK, family, seed) for seed in seeds]


def _grade(problem: Problem, answer: str):
    known = [Misconception(m.id, m.answer, m.feedback) for m in problem.misconceptions]
    return check(answer, problem.answer, problem.answer_kind, problem.variables,
                 problem.domain or None, known)


def _minus(value: int) -> str:
    return str(value).replace("-", "−")


# ----------------------------------------------------------------------------- levels
@pytest.mark.parametrize("topic", TOPICS)
def test_every_skill_has_levels_one_two_and_three(topic: str) -> None:
    skills = {s.id for t in BANK.topics.values() if t.id == topic for s in t.skills}
    assert skills
    for skill in skills:
        levels = {BANK.families[f].difficulty for f in choose_families(BANK, topic, skill)}
        assert levels == {1, 2, 3}, f"{skill}: levels {sorted(levels)}"


def test_matrix_vector_level_three_is_a_3x4_matrix_by_a_vector_of_4() -> None:
    for family in choose_families(BANK, skill="matrix-vector-product", difficulty=3):
        for problem in _problems(family, range(20)):
            a, v = numpy.array(problem.data["A"]), numpy.array(problem.data["B"])
            assert a.shape == (3, 4) and v.shape == (4, 1), problem.id
            assert read_answer(problem.answer, "vector", ()).shape == (3,)


def test_shapes_levels_two_and_three_have_chains_and_undefined_products() -> None:
    for level in (2, 3):
        problems = [p for f in choose_families(BANK, skill="matrix-shapes", difficulty=level)
                    for p in _problems(f, range(60))]
        chains = [p for p in problems if p.data["shape_of"] == "A·B·C"]
        undefined = [p for p in problems if p.answer == "undefined"]
        assert len(chains) >= 10 and len(undefined) >= 10, level
        assert len(undefined) < len(problems) - 10  # defined ones are asked too
        for problem in undefined:
            # answering a shape anyway is a named misconception: rows of the first factor ×
            # columns of the last
            first = numpy.array(problem.data["A"]).shape
            last = numpy.array(problem.data[problem.data["shape_of"][-1]]).shape
            verdict = _grade(problem, f"{first[0]}, {last[1]}")
            assert not verdict.correct and verdict.misconception, problem.id
            assert "not defined" in verdict.feedback and "undefined" in verdict.feedback
            for spelling in ("undefined", "not defined", "None", "Not defined.", "DNE"):
                assert _grade(problem, spelling).correct, (problem.id, spelling)
        for problem in problems:
            assert "undefined" in problem.prompt


def test_answering_undefined_to_a_defined_product_is_wrong_and_explained() -> None:
    problem = next(p for p in _problems("product-shapes-chains") if p.answer != "undefined")
    verdict = _grade(problem, "not defined")
    assert not verdict.correct and verdict.error is None
    assert verdict.misconception == "shape-said-undefined"
    assert "is defined" in verdict.feedback


def test_the_answer_engine_reads_undefined_for_vector_answers_only() -> None:
    assert check("undefined", "undefined", "vector").correct
    assert check(" Not  Defined. ", "undefined", "vector").correct
    wrong = check("3, 4", "undefined", "vector",
                  misconceptions=[Misconception("anyway", "[3, 4]", "Not defined.")])
    assert not wrong.correct and wrong.misconception == "anyway" and wrong.error is None
    unreadable = check("3,, 4", "undefined", "vector")
    assert unreadable.error  # a typo is not a wrong answer
    defined = check("undefined", "[3, 4]", "vector")
    assert not defined.correct and defined.error is None
    assert check("none", "5", "number").error  # other kinds: still not an answer
    shown = preview("undefined", "vector")
    assert shown.ok and shown.text == "undefined"


# ----------------------------------------------------------------------------- variety
def _distinct_share(problems: list[Problem]) -> float:
    return len({p.prompt for p in problems}) / len(problems)


@pytest.mark.parametrize(("topic", "level"), list(itertools.product(TOPICS, (1, 2, 3))))
def test_at_least_80_percent_of_1000_questions_differ_per_topic_and_level(topic: str,
                                                                           level: int) -> None:
    families = choose_families(BANK, topic, difficulty=level)
    share = _distinct_share(generate_problems(BANK, families, 1000, seed=level + 11))
    assert share >= 0.8, f"{topic} level {level}: {share:.0%} distinct"


@pytest.mark.parametrize("family", [f for f in MINE if f not in SHAPES])
def test_no_family_repeats_itself(family: str) -> None:
    share = _distinct_share(_problems(family, range(300)))
    assert share >= 0.4, f"{family}: {share:.0%} of 300 distinct"


def test_shape_families_are_small_by_nature_but_not_tiny() -> None:
    for family in SHAPES:
        assert _distinct_share(_problems(family, range(300))) >= 0.3, family


# ----------------------------------------------------------------------------- no mistake scores
def _eigenvalues(matrix: numpy.ndarray) -> list[complex]:
    return [complex(z) for z in numpy.linalg.eigvals(matrix.astype(float))]


def _same_multiset(ours: list[complex], theirs: list[complex]) -> bool:
    left = list(theirs)
    for value in ours:
        nearest = min(range(len(left)), key=lambda i: abs(left[i] - value), default=None)
        if nearest is None or abs(left[nearest] - value) > 1e-6 * max(1.0, abs(value)):
            return False
        left.pop(nearest)
    return not left


def _triangular(matrix: numpy.ndarray) -> bool:
    return bool(numpy.allclose(matrix, numpy.triu(matrix)) or
                numpy.allclose(matrix, numpy.tril(matrix)))


@pytest.mark.parametrize("family", EIGEN)
def test_no_classic_eigenvalue_mistake_equals_the_key(family: str) -> None:
    for problem in _problems(family):
        matrix = numpy.array(problem.data["matrix"])
        key = _eigenvalues(matrix)
        trace = float(numpy.trace(matrix))
        det = float(round(numpy.linalg.det(matrix)))
        invariants = [trace, det] if len(matrix) == 2 else [
            trace, float(sympy.Matrix(matrix).charpoly().all_coeffs()[2]), det]
        mistakes = {"trace and det": invariants, "signs flipped": [-z for z in key]}
        if not _triangular(matrix):
            mistakes["diagonal"] = list(numpy.diag(matrix).astype(float))
        for name, wrong in mistakes.items():
            assert not _same_multiset([complex(w) for w in wrong], key), (problem.id, name)
        for m in problem.misconceptions:
            values = [complex(sympy.N(v.expr)) for v in read_answer(m.answer, "multiset",
                                                                    ()).values]
            assert not _same_multiset(values, key), (problem.id, m.id)


@pytest.mark.parametrize("family", PRODUCTS + SHAPES)
def test_no_classic_product_mistake_equals_the_key(family: str) -> None:
    for problem in _problems(family):
        if problem.data.get("shape_of") is None:
            a, b = numpy.array(problem.data["A"]), numpy.array(problem.data["B"])
            key = a @ b
            if b.shape[1] == a.shape[0] and (b @ a).shape == key.shape:
                assert not numpy.array_equal(b @ a, key), f"{problem.id}: B·A = A·B"
            if key.shape[0] == key.shape[1] and key.shape[0] > 1:
                assert not numpy.array_equal(key.T, key), f"{problem.id}: symmetric result"
            if a.shape == b.shape:
                assert not numpy.array_equal(a * b, key), f"{problem.id}: element-wise"
        for m in problem.misconceptions:
            verdict = check(m.answer, problem.answer, problem.answer_kind)
            assert not verdict.correct and verdict.error is None, (problem.id, m.id)


def test_rejection_is_not_so_frequent_that_a_family_mostly_redraws() -> None:
    for family in MINE:
        draws = []
        for seed in range(200):
            generate_draft(BANK.families[family].generator, BANK.params[family],
                           f"{family}:{seed}")
            draws.append(last_draw_count())
        assert min(draws) >= 1
        assert sum(draws) / len(draws) < MANY_DRAWS, family


# ----------------------------------------------------------------------------- bank check warns
def _bank_with(tmp_path: Path, family: str) -> Path:
    root = tmp_path / "bank"
    shutil.copytree(ROOT / "question_bank", root)
    with (root / "families" / "matrix-products.toml").open("a", encoding="utf-8") as out:
        out.write(family)
    return root


PICKY = '''
[[family]]
id = "shapes-picky"
title = "Four different sizes from 1 to 4"
topic = "matrix-products"
skill = "matrix-shapes"
difficulty = 2
generator = "product-shape"
params = { dimensions = [1, 4], factors = [3] }
'''


def test_bank_check_warns_about_a_family_that_rejects_most_draws(tmp_path: Path) -> None:
    root = _bank_with(tmp_path, PICKY)
    bank = load_bank(root)
    report = selftest.test_family(bank, "shapes-picky", 20)
    assert report.failures == [] and report.draws > MANY_DRAWS * report.seeds
    assert len(report.warnings) == 1 and "shapes-picky" in report.warnings[0]
    assert selftest.test_family(bank, "product-shapes", 20).warnings == []
    result = subprocess.run(
        [str(Path(sys.executable).parent / "quizapp"), "bank", "check", "--seeds", "10",
         "--family", "shapes-picky", "--family", "product-shapes"],
        capture_output=True, text=True, env={"QUIZAPP_BANK": str(root), "PATH": "/usr/bin"},
        timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = [line for line in result.stdout.splitlines() if "WARNING" in line]
    assert len(warnings) == 1 and "shapes-picky" in warnings[0]


# ----------------------------------------------------------------------------- solutions
def _eigen_steps(problem: Problem) -> str:
    return "\n".join(problem.solution)


@pytest.mark.parametrize("family", EIGEN)
def test_the_sign_flip_message_quotes_this_matrix_eigenvalue(family: str) -> None:
    for problem in _problems(family, range(40)):
        flip = next(m for m in problem.misconceptions if m.id == "eigen-signs-flipped")
        key = _eigenvalues(numpy.array(problem.data["matrix"]))
        quoted = re.search(r"gives λ = (\S+(?: [+−] \S+)?), not", flip.feedback)
        assert quoted, flip.feedback
        value = read_answer(quoted.group(1).replace("−", "-"), "number", ()).values[0].expr
        assert any(abs(complex(sympy.N(value)) - z) < 1e-6 for z in key), (problem.id,
                                                                           flip.feedback)


@pytest.mark.parametrize("family", EIGEN)
def test_eigen_solutions_check_trace_and_determinant(family: str) -> None:
    for problem in _problems(family, range(40)):
        matrix = numpy.array(problem.data["matrix"])
        trace, det = int(numpy.trace(matrix)), round(float(numpy.linalg.det(matrix)))
        check_step = next((s for s in problem.solution if s.startswith("Check:")), "")
        assert f"= {_minus(trace)} = trace" in check_step, (problem.id, problem.solution)
        assert f"= {_minus(det)} = det" in check_step, (problem.id, problem.solution)


def _factor_text(root: int) -> str:
    return "λ" if root == 0 else f"(λ − {root})" if root > 0 else f"(λ + {-root})"


@pytest.mark.parametrize("family", EIGEN)
def test_eigen_solutions_factor_the_characteristic_polynomial(family: str) -> None:
    for problem in _problems(family, range(40)):
        matrix = numpy.array(problem.data["matrix"])
        key = _eigenvalues(matrix)
        text = _eigen_steps(problem)
        if all(abs(z.imag) < 1e-5 and abs(z.real - round(z.real)) < 1e-5 for z in key):
            counts = Counter(round(z.real) for z in key)
            for root, power in counts.items():
                factor = _factor_text(root) + {1: "", 2: "²", 3: "³"}[power]
                assert factor in text, (problem.id, factor, problem.solution)
        else:
            assert "Factored: det(λI − A) = (λ − (" in text, problem.solution


@pytest.mark.parametrize("family", EIGEN)
def test_eigen_solutions_use_real_minus_signs_and_complex_numbers_as_a_plus_bi(
        family: str) -> None:
    for problem in _problems(family, range(40)):
        for step in problem.solution:
            assert "-" not in step and "+ −" not in step and "·√" not in step, step
        values = next(s for s in problem.solution if s.startswith("Eigenvalues:"))
        for value in values.removeprefix("Eigenvalues: ").rstrip(".").split(", "):
            if "i" in value:  # the real part first, then ± the imaginary part: −2 + i
                assert re.fullmatch(r"−?[\d/]+ [+−] (\d*i|i√\d+|\(√\d+/\d+\)i)", value), value


def _square_free(n: int) -> bool:
    return all(n % (k * k) for k in range(2, int(n ** 0.5) + 1))


@pytest.mark.parametrize("family", choose_families(BANK, "eigenvalues", difficulty=3))
def test_surds_are_simplified(family: str) -> None:
    seen = 0
    for problem in _problems(family, range(60)):
        matrix = numpy.array(problem.data["matrix"])
        trace, det = int(numpy.trace(matrix)), round(float(numpy.linalg.det(matrix)))
        discriminant = abs(trace * trace - 4 * det)
        text = _eigen_steps(problem)
        final = [s for s in problem.solution if s.startswith(("Eigenvalues", "Factored", "Check"))]
        for n in re.findall(r"√(\d+)", "\n".join(final)):
            assert _square_free(int(n)), (problem.id, n, final)
        if len(matrix) == 2 and not _square_free(discriminant):
            seen += 1
            root = sympy.sqrt(discriminant)
            outside = int(root.as_coeff_Mul()[0])
            assert f"± {outside}√" in text or f"± {outside}i" in text or \
                f"± {int(root)}" in text, (problem.id, discriminant, problem.solution)
    if family in ("eigen-irrational", "eigen-complex"):
        assert seen >= 5, family


def _read_polynomial(text: str) -> sympy.Expr:
    ascii_text = (text.replace("λ", "x").replace("[", "(").replace("]", ")")
                  .replace("−", "-").replace("·", "*"))
    return read_answer(ascii_text, "expression", ("x",)).values[0].expr


@pytest.mark.parametrize("family", [f for f in EIGEN if BANK.params[f].model_dump().get("size")
                                    == 3 and BANK.families[f].generator == "eigen-conjugated"])
def test_a_3x3_solution_shows_the_row_expansion(family: str) -> None:
    for problem in _problems(family, range(30)):
        step = next((s for s in problem.solution if s.startswith("Expand det(λI − A)")), None)
        assert step, problem.solution
        expression = _read_polynomial(step.split(":", 1)[1].strip().rstrip("."))
        x = next(iter(expression.free_symbols))
        lam = sympy.Symbol("lam")
        want = sympy.Matrix(problem.data["matrix"]).charpoly(lam).as_expr().subs(lam, x)
        assert sympy.expand(expression - want) == 0, (problem.id, step)
        row = problem.data["matrix"][0]
        assert f"(λ {'−' if row[0] > 0 else '+'} {abs(row[0])})·[" in step or row[0] == 0


# ----------------------------------------------------------------------------- resources
@pytest.mark.parametrize("skill", ["matrix-product", "matrix-vector-product", "matrix-shapes",
                                   "eigenvalues"])
def test_the_first_resource_teaches_the_skill(skill: str) -> None:
    first = BANK.skill_resources(skill)[0]
    assert skill in first.skills, (skill, first.id, first.skills)
