"""Attempts and accuracy a day per topic over the last 30 local days (for the stats plots)."""

import time
from pathlib import Path

from quizapp.progress import Attempt, ProgressStore
from quizapp.progress.stats import days_by_topic

DAY = 86400.0


def attempt(at: float, topic: str, correct: bool, first: bool = True) -> Attempt:
    return Attempt(at=at, problem_id="p.1", topic=topic, skill="s", difficulty=1, answer="1",
                   correct=correct, misconception=None, seconds=3.0, hints=0, mode="practice",
                   first=first)


def local_noon(days_ago: int, now: float) -> float:
    midnight = time.mktime((*time.localtime(now)[:3], 0, 0, 0, 0, 0, -1))
    return midnight - days_ago * DAY + 12 * 3600


def test_each_topic_gets_thirty_days_with_counts_and_accuracy(tmp_path: Path) -> None:
    now = time.mktime((2026, 3, 20, 18, 0, 0, 0, 0, -1))
    store = ProgressStore(tmp_path, clock=lambda: now)
    store.record_many([
        attempt(local_noon(0, now), "derivatives", True),
        attempt(local_noon(0, now), "derivatives", False),
        attempt(local_noon(0, now), "derivatives", True, first=False),  # a retry: not counted
        attempt(local_noon(2, now), "derivatives", True),
        attempt(local_noon(29, now), "eigenvalues", False),
        attempt(local_noon(30, now), "eigenvalues", True),  # 31st day back: outside
    ])
    per_topic = days_by_topic(store, now)
    assert list(per_topic) == ["derivatives", "eigenvalues"]
    derivatives = per_topic["derivatives"]
    assert len(derivatives) == 30 and [d.ago for d in derivatives] == list(range(29, -1, -1))
    assert derivatives[-1].day == time.strftime("%Y-%m-%d", time.localtime(now))
    assert (derivatives[-1].attempts, derivatives[-1].correct) == (2, 1)
    assert derivatives[-1].accuracy == 0.5
    assert (derivatives[-3].attempts, derivatives[-3].accuracy) == (1, 1.0)
    assert derivatives[-2].attempts == 0 and derivatives[-2].accuracy is None
    eigen = per_topic["eigenvalues"]
    assert eigen[0].ago == 29 and (eigen[0].attempts, eigen[0].correct) == (1, 0)
    assert sum(d.attempts for d in eigen) == 1


def test_no_practice_gives_no_topics(tmp_path: Path) -> None:
    assert days_by_topic(ProgressStore(tmp_path), time.time()) == {}
