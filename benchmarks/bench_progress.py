"""Progress store speed: answer-to-committed latency, `stats` over 100,000 attempts, the
database size per 10,000 attempts, and opening 100,000 attempts (integrity check plus making
sure quizapp wrote every row) against a bare SQLite integrity check of the same file measured
in the same run. Goals: commit p99 ≤ 5 ms; stats ≤ 100 ms; opening ≤ 3 × the bare check."""

import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from _common import summary as latency_summary
from quizapp.bank.catalog import read_topics
from quizapp.progress import Attempt, ProgressStore
from quizapp.progress.stats import summary

SKILLS = [(t.id, s.id) for t in read_topics() for s in t.skills]


def fake_attempt(rng: random.Random, at: float) -> Attempt:
    topic, skill = rng.choice(SKILLS)
    return Attempt(at, f"family-{rng.randrange(30)}.{rng.randrange(10**6)}", topic, skill,
                   rng.randint(1, 3), "3*x**2 + 2*x", rng.random() < 0.7, None,
                   round(rng.uniform(2, 90), 2), rng.randint(0, 1), "practice")


def main() -> None:
    rng = random.Random(1)
    print("== progress store")
    with tempfile.TemporaryDirectory() as tmp:
        store = ProgressStore(Path(tmp))
        samples = []
        for n in range(2000):
            attempt = fake_attempt(rng, 1.7e9 + n)
            start = time.perf_counter()
            store.record(attempt)
            samples.append(time.perf_counter() - start)
        print(f"answer → committed (WAL, one transaction): {latency_summary(samples)}"
              " (goal p99 ≤ 5 ms)")
        store.close()
    with tempfile.TemporaryDirectory() as tmp:
        store = ProgressStore(Path(tmp))
        store.record_many([fake_attempt(rng, 1.7e9 + n * 40) for n in range(100_000)])
        store.rows("PRAGMA wal_checkpoint(TRUNCATE)")
        size = (Path(tmp) / "progress.db").stat().st_size
        print(f"database size: {size / 10:,.0f} bytes per 10,000 attempts "
              f"({size / 2**20:.1f} MiB for 100,000)")
        skills = [s for _, s in SKILLS]
        times = []
        for _ in range(5):
            start = time.perf_counter()
            summary(store, skills, 1.7e9 + 4e6)
            times.append(time.perf_counter() - start)
        print(f"stats over 100,000 attempts: median {statistics.median(times) * 1000:.0f} ms "
              f"(goal ≤ 100 ms)")
        store.close()
        bare, opening = [], []
        for _ in range(5):
            start = time.perf_counter()
            db = sqlite3.connect(Path(tmp) / "progress.db")
            db.execute("PRAGMA quick_check").fetchone()
            db.close()
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            ProgressStore(Path(tmp)).close()
            opening.append(time.perf_counter() - start)
        ratio = statistics.median(opening) / statistics.median(bare)
        print(f"opening 100,000 attempts: median {statistics.median(opening) * 1000:.0f} ms, "
              f"bare SQLite quick_check {statistics.median(bare) * 1000:.0f} ms "
              f"({ratio:.1f}×, goal ≤ 3×)")


if __name__ == "__main__":
    main()
