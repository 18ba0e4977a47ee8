"""Variety and speed of the matrix-products and eigenvalues topics (issue 11).

Prints, per topic and level, the share of different prompts among 1,000 generated problems
(goal ≥ 80%); per family, the share of different prompts among 300 seeds (goal ≥ 40% unless the
family is small by nature) and the mean number of draws a problem takes (Retry rejections + 1);
and the generation rate per topic on one core (goal ≥ 500 problems/s).

    .venv/bin/python benchmarks/bench_matrix_variety.py [--topic T ...]
"""

import argparse
import time

from quizapp.bank import choose_families, generate_problems, load_bank, make_problem
from quizapp.generators import last_draw_count

TOPICS = ("matrix-products", "eigenvalues")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--topic", action="append", help="a topic id (repeatable)")
    args = parser.parse_args()
    bank = load_bank()
    print("== variety (distinct prompts) and generation rate")
    for topic in args.topic or TOPICS:
        for level in (1, 2, 3):
            families = choose_families(bank, topic, difficulty=level)
            if not families:
                print(f"{topic:<16} level {level}: NO FAMILIES")
                continue
            prompts = {p.prompt for p in generate_problems(bank, families, 1000, level)}
            print(f"{topic:<16} level {level}: {len(prompts) / 10:5.1f}% distinct of 1,000 "
                  "(goal ≥ 80%)")
        for family in choose_families(bank, topic):
            prompts, draws = set(), 0
            for seed in range(300):
                prompts.add(make_problem(bank, family, seed).prompt)
                draws += last_draw_count()
            print(f"  {family:<30} L{bank.families[family].difficulty} "
                  f"{len(prompts) / 3:5.1f}% distinct of 300, {draws / 300:4.1f} draws/problem")
        families = choose_families(bank, topic)
        generate_problems(bank, families, 50, 99)  # warm caches
        start = time.perf_counter()
        generate_problems(bank, families, 1000, 1)
        rate = 1000 / (time.perf_counter() - start)
        print(f"generate {topic:<16} {rate:7.0f} problems/s on one core (goal ≥ 500)")


if __name__ == "__main__":
    main()
