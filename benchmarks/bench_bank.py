"""Question bank speed: generation throughput per topic on one core (self-checks excluded),
bank load time, and `quizapp bank check` over many seeds per family with its run time.

Goals: ≥ 500 problems/s per topic; bank load ≤ 50 ms. Pass --seeds N for the bank check
(default 1000; 0 skips it).
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from quizapp.bank import choose_families, generate_problems, load_bank

COUNT = 400


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=1000)
    args = parser.parse_args()
    print("== question bank")
    loads = []
    for _ in range(7):
        start = time.perf_counter()
        bank = load_bank()
        loads.append(time.perf_counter() - start)
    print(f"bank load (validate {len(bank.families)} families, imports excluded): "
          f"median {statistics.median(loads) * 1000:.1f} ms (goal ≤ 50 ms)")
    for topic in bank.topics:
        families = choose_families(bank, topic)
        generate_problems(bank, families, 50, 99)  # warm sympy's caches for this topic
        start = time.perf_counter()
        generate_problems(bank, families, COUNT, 1)
        rate = COUNT / (time.perf_counter() - start)
        print(f"generate {topic:<16} {rate:7.0f} problems/s on one core (goal ≥ 500)")
    if args.seeds:
        command = [str(Path(sys.executable).parent / "quizapp"), "bank", "check",
                   "--seeds", str(args.seeds)]
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        print(result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr)
        print(f"quizapp bank check --seeds {args.seeds}: exit {result.returncode}, "
              f"{elapsed:.0f} s wall on this machine's cores")


if __name__ == "__main__":
    main()
