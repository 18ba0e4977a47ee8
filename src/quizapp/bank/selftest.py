"""`quizapp bank check`: validate the bank and self-test every family over many seeds.

For each problem the key is verified independently of the generator (sympy's `diff` for
derivatives, numpy's `@` for products, numpy's `eigvals` for eigenvalues), the key must
round-trip through the answer engine, every misconception must differ from the key and from
the others and be recognised when typed, and nothing may be degenerate.
"""

import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy
import sympy

from quizapp.answers import check, read_answer
from quizapp.answers.model import Misconception
from quizapp.answers.words import UNDEFINED
from quizapp.bank.loading import Bank, load_bank
from quizapp.bank.problems import Problem, make_problem
from quizapp.bank.verify_linear_algebra import verify_linear_algebra
from quizapp.bank.verify_multivariable import verify_multivariable
from quizapp.bank.verify_probability import verify_notation, verify_probability
from quizapp.generators import GenerationFailed, last_draw_count

X = sympy.Symbol("x")


@dataclass
class FamilyReport:
    """How one family fared over its seeds."""

    family: str
    topic: str
    difficulty: int
    seeds: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    draws: int = 0  # draws taken by all its problems: more than seeds when Retry rejected some
    warnings: list[str] = field(default_factory=list)


MANY_DRAWS = 5.0  # mean draws per problem above which `bank check` warns (rejection runs often)


def _numbers(value: object) -> Iterator[int]:
    if isinstance(value, list):
        for item in value:
            yield from _numbers(item)
    elif isinstance(value, int):
        yield value


def _verify_derivative(problem: Problem) -> str | None:
    function = read_answer(problem.data["function"], "expression", ("x",)).values[0].expr
    derivative = sympy.diff(function, X)
    verdict = check(problem.answer, sympy.sstr(derivative), "expression", ("x",),
                    problem.domain or None)
    if not verdict.correct:
        return f"key {problem.answer} is not d/dx {problem.data['function']}"
    if derivative.is_number:
        return "the derivative is a constant"
    return None


def _verify_product(problem: Problem) -> str | None:
    if problem.data.get("shape_of"):
        return _verify_shape(problem)
    a, b = numpy.array(problem.data["A"]), numpy.array(problem.data["B"])
    key = json.loads(problem.answer)
    product = a @ b
    if problem.answer_kind == "vector":
        product = product.ravel()
    if not numpy.array_equal(product, numpy.array(key)):
        return f"key {problem.answer} is not A @ B = {product.tolist()}"
    for name, matrix in (("A", a), ("B", b), ("A·B", product)):
        if not matrix.any() or (matrix.ndim == 2 and matrix.shape[0] == matrix.shape[1]
                                and numpy.array_equal(matrix, numpy.eye(len(matrix)))):
            return f"{name} is degenerate (all zero or the identity)"
    return None


def _verify_shape(problem: Problem) -> str | None:
    """The shape of A·B or A·B·C from numpy's @ on the data's matrices, or undefined."""
    factors = [numpy.zeros(numpy.array(problem.data[n]).shape) for n in
               problem.data["shape_of"].split("·")]
    try:
        result = factors[0]
        for factor in factors[1:]:
            result = result @ factor
        want = list(result.shape)
    except ValueError:
        want = UNDEFINED
    key = problem.answer if problem.answer == UNDEFINED else json.loads(problem.answer)
    return None if key == want else f"shape {key} is not {want}"


def _verify_eigenvalues(problem: Problem) -> str | None:
    matrix = numpy.array(problem.data["matrix"], dtype=float)
    expected = sorted(numpy.linalg.eigvals(matrix), key=lambda z: (round(z.real, 4), z.imag))
    values = read_answer(problem.answer, "multiset", ()).values
    ours = sorted((complex(sympy.N(v.expr)) for v in values),
                  key=lambda z: (round(z.real, 4), z.imag))
    tolerance = 1e-4 if len(set(numpy.round(expected, 6))) == len(expected) else 1e-3
    if len(ours) != len(expected) or any(abs(p - q) > tolerance for p, q in
                                         zip(ours, expected, strict=True)):
        return f"key {problem.answer} is not eigvals = {[complex(z) for z in expected]}"
    return None


VERIFIERS: dict[str, Callable[[Problem], str | None]] = {
    "derivatives": _verify_derivative,
    "matrix-products": _verify_product,
    "eigenvalues": _verify_eigenvalues,
    "linear-algebra": verify_linear_algebra,
    "multivariable-calculus": verify_multivariable,
    "probability": verify_probability, "notation": verify_notation,
}


def check_problem(problem: Problem) -> list[str]:
    """Everything wrong with one generated problem (empty when it is sound)."""
    faults = []
    variables = problem.variables
    domain = problem.domain or None
    verifier = verify_multivariable if "logits" in problem.data else VERIFIERS.get(problem.topic)
    fault = verifier(problem) if verifier else f"no verifier for topic {problem.topic}"
    if fault:
        faults.append(fault)
    round_trip = check(problem.answer, problem.answer, problem.answer_kind, variables, domain)
    if not round_trip.correct:
        faults.append(f"key {problem.answer!r} does not round-trip: {round_trip.feedback}")
    if len(problem.hints) < 2 or len(problem.solution) < 2:
        faults.append("fewer than 2 hints or solution steps")
    if not problem.resources:
        faults.append("no resources")
    if len(problem.misconceptions) < 2:
        faults.append("fewer than 2 misconceptions")
    known = [Misconception(m.id, m.answer, m.feedback) for m in problem.misconceptions]
    # Each misconception, typed, must be wrong and recognised as itself: this also proves the
    # misconceptions pairwise distinct (a twin would be recognised as the earlier one).
    for m in problem.misconceptions:
        verdict = check(m.answer, problem.answer, problem.answer_kind, variables, domain, known)
        if verdict.correct or verdict.error:
            faults.append(f"misconception {m.id} ({m.answer}) is not a readable wrong answer")
        elif verdict.misconception != m.id:
            faults.append(f"misconception {m.id} coincides with {verdict.misconception}")
    if problem.difficulty == 1:
        numbers = list(_numbers(problem.data.get("A"))) + list(_numbers(problem.data.get("B"))) \
            + list(_numbers(problem.data.get("matrix")))
        if any(abs(n) >= 100 for n in numbers):
            faults.append("3-digit entries at difficulty 1")
    return faults


def test_family(bank: Bank, family_id: str, seeds: int) -> FamilyReport:
    """Generate and check the problems of one family for seeds 0 … seeds − 1."""
    family = bank.families[family_id]
    report = FamilyReport(family_id, family.topic, family.difficulty)
    start = time.perf_counter()
    for seed in range(seeds):
        try:
            problem = make_problem(bank, family_id, seed)
        except GenerationFailed as exc:
            report.failures.append(f"seed {seed}: {exc}")
            break  # one message is enough; the next seeds would fail the same, slowly
        report.draws += last_draw_count()
        try:
            faults = check_problem(problem)
        except Exception as exc:  # a verifier tripping on an odd problem is a fault, not a crash
            faults = [f"could not be checked ({type(exc).__name__}: {str(exc)[:120]})"]
        report.failures += [f"{problem.id}: {fault}" for fault in faults]
        report.seeds += 1
    report.seconds = time.perf_counter() - start
    if report.seeds and report.draws / report.seeds > MANY_DRAWS:
        report.warnings.append(f"{family_id}: {report.draws / report.seeds:.1f} draws per problem"
                               " — its generator rejects most of what it draws")
    return report


def _intro_report(bank: Bank) -> FamilyReport:
    """learn.toml as a line of the report: every skill has an intro, each example generates."""
    from quizapp.bank.learn import FILE, check_intros

    start = time.perf_counter()
    faults, warnings = check_intros(bank)
    skills = sum(len(t.skills) for t in bank.topics.values())
    return FamilyReport(FILE, "intros", 0, skills, faults,
                        time.perf_counter() - start, warnings=warnings)


_worker_bank: Bank | None = None


def _start_worker(path: str) -> None:
    global _worker_bank
    _worker_bank = load_bank(Path(path))


def _worker(job: tuple[str, int]) -> FamilyReport:
    assert _worker_bank is not None
    return test_family(_worker_bank, *job)


def self_test(bank: Bank, seeds: int, families: list[str] | None = None,
              progress: Callable[[FamilyReport], None] | None = None,
              workers: int | None = None) -> list[FamilyReport]:
    """Generate and check `seeds` problems of every family (or of `families`), using every core.

    Reports come back in bank order; when every family is tested, the intros of learn.toml
    come first (as a report named learn.toml).
    """
    jobs = [(family_id, seeds) for family_id in families or list(bank.families)]
    workers = workers or os.cpu_count() or 1
    reports = [] if families else [_intro_report(bank)]
    if reports and progress:
        progress(reports[0])
    if workers == 1 or len(jobs) == 1:
        results = (test_family(bank, *job) for job in jobs)
        for report in results:
            reports.append(report)
            if progress:
                progress(report)
        return reports
    context = multiprocessing.get_context("spawn")  # no fork: sympy's caches are not fork-safe
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(str(bank.path),)) as pool:
        for report in pool.map(_worker, jobs):
            reports.append(report)
            if progress:
                progress(report)
    return reports
