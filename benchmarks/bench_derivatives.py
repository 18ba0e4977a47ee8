"""Derivative problems: variety per level and per family, rejection draws, generation rate.

Goals (issue 11): at each level ≥ 80% of 1,000 generated questions distinct; every family ≥ 40%
distinct over 300 of its own problems; ≥ 500 problems/s on one core over the whole topic.
Run: .venv/bin/python benchmarks/bench_derivatives.py
"""

import time

from quizapp import generators
from quizapp.bank import choose_families, generate_problems, load_bank, make_problem

TOPIC = "derivatives"


def _draws_per_problem(bank: object, family: str, count: int) -> float:
    """Mean number of draws (1 + Retry rejections) a problem of `family` takes."""
    kind = generators.GENERATORS[bank.families[family].generator]  # type: ignore[attr-defined]
    calls = 0

    def counting(params: object, rng: object) -> object:
        nonlocal calls
        calls += 1
        return original(params, rng)

    original = kind.build
    generators.GENERATORS[bank.families[family].generator] = generators.GeneratorKind(  # type: ignore[attr-defined]
        kind.params, counting)
    try:
        for seed in range(count):
            make_problem(bank, family, seed)  # type: ignore[arg-type]
    finally:
        generators.GENERATORS[bank.families[family].generator] = kind  # type: ignore[attr-defined]
    return calls / count


def main() -> None:
    """Print the distinct shares, the draws per problem and the generation rate."""
    bank = load_bank()
    print(f"== {TOPIC}: variety (goal ≥ 80% per level over 1,000; ≥ 40% per family over 300)")
    for level in (1, 2, 3):
        families = choose_families(bank, topic=TOPIC, difficulty=level)
        prompts = {p.prompt for p in generate_problems(bank, families, 1000, 1)}
        print(f"level {level}: {len(prompts) / 10:5.1f}% distinct of 1,000 "
              f"({len(families)} families)")
    for family in choose_families(bank, topic=TOPIC):
        prompts = {make_problem(bank, family, seed).prompt for seed in range(300)}
        draws = _draws_per_problem(bank, family, 200)
        print(f"  {family:<32} level {bank.families[family].difficulty}: "
              f"{len(prompts) / 3:5.1f}% distinct of 300, {draws:4.2f} draws a problem")
    families = choose_families(bank, topic=TOPIC)
    generate_problems(bank, families, 100, 99)  # warm sympy's caches
    start = time.perf_counter()
    generate_problems(bank, families, 1000, 2)
    rate = 1000 / (time.perf_counter() - start)
    print(f"generate {TOPIC}: {rate:.0f} problems/s on one core (goal ≥ 500)")


if __name__ == "__main__":
    main()
