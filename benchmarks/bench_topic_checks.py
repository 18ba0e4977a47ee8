"""Check latency per topic, on generated problems: the key and every misconception answer of each
problem graded as the app grades them (`quizapp.grading.grade`), warm, as a learner's Enter is
after the key was read while they thought. Goal: p99 ≤ 20 ms in every topic (matrices of
expressions included).

    python benchmarks/bench_topic_checks.py [--problems N]
"""

import argparse
import statistics
import time

from quizapp.bank import default_bank
from quizapp.bank.problems import choose_families, generate_problems
from quizapp.grading import grade, prepare


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(topic: str, count: int) -> list[float]:
    """Milliseconds per graded answer over `count` problems of `topic`."""
    bank = default_bank()
    problems = generate_problems(bank, choose_families(bank, topic), count, seed=5)
    times = []
    for problem in problems:
        prepare(problem)
        grade(problem, problem.answer)  # the key is read while the learner reads the problem
        for answer in [problem.answer, *(m.answer for m in problem.misconceptions)]:
            start = time.perf_counter()
            grade(problem, answer)
            times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    """Print p50, p99 and max per topic."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=150)
    args = parser.parse_args()
    print(f"== check latency per topic ({args.problems} problems each: key + misconceptions)")
    for topic in default_bank().topics:
        times = measure(topic, args.problems)
        print(f"{topic:24} p50 {statistics.median(times):6.2f} ms   p99 "
              f"{_percentile(times, 0.99):6.2f} ms   max {max(times):7.2f} ms   (n={len(times)})"
              "   (goal p99 ≤ 20 ms)")


if __name__ == "__main__":
    main()
