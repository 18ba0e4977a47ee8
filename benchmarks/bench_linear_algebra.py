"""Linear-algebra topic speed: generation throughput on one core (goal ≥ 500 problems/s) and the
latency of checking its answers — keys, every misconception, scaled and decimal eigenvectors,
`none` — with the problem's misconceptions passed as the app does (goal p99 ≤ 20 ms)."""

import time

from _common import summary
from quizapp.answers import Misconception, check
from quizapp.bank import choose_families, generate_problems, load_bank

COUNT = 1000


def _scaled(answer: str) -> str:
    """A direction key times −3, written as a learner might."""
    values = answer.strip("[]").split(", ")
    return "[" + ", ".join(f"-3*({v})" for v in values) + "]"


def main() -> None:
    print("== linear algebra")
    bank = load_bank()
    families = choose_families(bank, "linear-algebra")
    generate_problems(bank, families, 100, 99)  # warm caches
    start = time.perf_counter()
    problems = generate_problems(bank, families, COUNT, 1)
    rate = COUNT / (time.perf_counter() - start)
    print(f"generate linear-algebra {rate:7.0f} problems/s on one core (goal ≥ 500)")
    cases = []
    for problem in problems[:300]:
        known = [Misconception(m.id, m.answer, m.feedback) for m in problem.misconceptions]
        answers = [problem.answer] + [m.answer for m in problem.misconceptions]
        if problem.answer_kind == "direction":
            answers += [_scaled(problem.answer), "0, 0" if problem.answer.count(",") == 1
                        else "0, 0, 0"]
        if problem.answer_kind == "matrix":
            answers.append("none")
        cases += [(a, problem, known) for a in answers]
    samples = []
    for answer, problem, known in cases:
        start = time.perf_counter()
        check(answer, problem.answer, problem.answer_kind, problem.variables,
              problem.domain or None, known)
        samples.append(time.perf_counter() - start)
    print(f"check linear-algebra answers (goal p99 ≤ 20 ms): {summary(samples)}")


if __name__ == "__main__":
    main()
