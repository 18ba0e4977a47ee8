"""The progress store: schema and migrations, concurrency, damage and read-only recovery."""

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from quizapp.progress import Attempt, ProgressStore
from quizapp.progress.store import MIGRATIONS


def attempt(problem: str = "power-one-term.1", correct: bool = True, at: float = 1000.0,
            skill: str = "derivative-power-rule", first: bool = True, **extra) -> Attempt:
    values = dict(at=at, problem_id=problem, topic="derivatives", skill=skill, difficulty=1,
                  answer="3x^2", correct=correct, misconception=None, seconds=4.2, hints=0,
                  mode="practice", first=first)
    values.update(extra)
    return Attempt(**values)


def test_attempts_round_trip_with_every_field(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    saved = attempt(misconception="power-exponent-not-reduced", hints=2, mode="quiz",
                    quiz_id="derivatives/3/1/7@1.0", correct=False)
    assert store.record(saved)
    store.close()
    assert ProgressStore(tmp_path).attempts() == [saved]


def test_schema_is_versioned_and_an_old_file_is_migrated(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    version = store.rows("PRAGMA user_version")[0][0]
    assert version == len(MIGRATIONS)
    assert store.rows("PRAGMA journal_mode")[0][0] == "wal"
    store.close()
    empty = tmp_path / "old"
    empty.mkdir()
    sqlite3.connect(empty / "progress.db").close()  # a version-0 file
    assert ProgressStore(empty).rows("PRAGMA user_version")[0][0] == len(MIGRATIONS)


def test_a_file_from_a_newer_version_is_not_destroyed(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "progress.db")
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    store = ProgressStore(tmp_path)
    assert not store.saving and (tmp_path / "progress.db").exists()
    assert sqlite3.connect(tmp_path / "progress.db").execute(
        "PRAGMA user_version").fetchone()[0] == 99


def test_two_connections_at_once_lose_nothing(tmp_path: Path) -> None:
    first, second = ProgressStore(tmp_path), ProgressStore(tmp_path)

    def write(store: ProgressStore, tag: str) -> None:
        for n in range(150):
            assert store.record(attempt(problem=f"{tag}.{n}", at=float(n)))

    threads = [threading.Thread(target=write, args=(first, "a")),
               threading.Thread(target=write, args=(second, "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(ProgressStore(tmp_path).attempts()) == 300
    assert first.rows("PRAGMA integrity_check")[0][0] == "ok"


def test_a_damaged_file_is_moved_aside_and_a_fresh_one_made(tmp_path: Path) -> None:
    (tmp_path / "progress.db").write_bytes(b"this is not a database " * 200)
    store = ProgressStore(tmp_path, clock=lambda: 1_800_000_000.0)
    assert store.saving
    assert store.notice and "moved to progress.db.corrupt-" in store.notice
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("progress.db.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    assert store.record(attempt()) and len(store.attempts()) == 1


def test_a_truncated_database_is_recovered_too(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    for n in range(200):
        store.record(attempt(problem=f"p.{n}"))
    store.close()
    path = tmp_path / "progress.db"
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00" * 50 + data[150:])  # damage the header
    again = ProgressStore(tmp_path)
    assert again.notice is not None and again.saving


def test_an_unwritable_location_keeps_the_app_working(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    store = ProgressStore(blocker / "home")
    assert not store.saving
    assert store.problem and "not being saved" in store.problem
    assert store.record(attempt())  # kept in memory for this session
    assert len(store.attempts()) == 1


def test_a_write_failure_is_reported_not_raised(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.db.execute("PRAGMA query_only = ON")  # as if the disk turned read-only
    assert store.record(attempt()) is False
    assert not store.saving and "not being saved" in (store.problem or "")


def test_pending_mistakes_are_the_problems_whose_last_attempt_was_wrong(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.record(attempt("a.1", correct=False, at=1))
    store.record(attempt("a.1", correct=True, at=2, first=False))
    store.record(attempt("b.2", correct=False, at=3))
    store.record(attempt("c.3", correct=True, at=4))
    store.record(attempt("c.3", correct=False, at=5))
    assert store.pending_mistakes() == ["b.2", "c.3"]


def test_record_commits_at_once(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.record(attempt())
    other = sqlite3.connect(tmp_path / "progress.db")
    assert other.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == 1


@pytest.mark.parametrize("count", [1, 25])
def test_recent_first_attempts_keeps_the_latest_per_skill(tmp_path: Path, count: int) -> None:
    store = ProgressStore(tmp_path)
    for n in range(count):
        store.record(attempt(f"p.{n}", at=float(n)))
        store.record(attempt(f"q.{n}", at=float(n), skill="eigenvalues"))
        store.record(attempt(f"p.{n}", at=float(n) + 0.5, first=False))
    recent = store.recent_first_attempts(10)
    assert len(recent) == 2 * min(count, 10)
    assert all(a.first for a in recent)
    assert max(a.at for a in recent) == count - 1


def test_time_is_taken_from_the_injected_clock(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path, clock=lambda: 42.0)
    store.start_quiz("q1", "derivatives/3/1/7", 3)
    store.finish_quiz("q1", 2)
    assert store.rows("SELECT started, finished, right FROM quizzes") == [(42.0, 42.0, 2)]
    assert time.time() > 42


def test_version_1_file_is_migrated_with_its_history_kept(tmp_path: Path) -> None:
    from quizapp.progress.stats import by_day

    db = sqlite3.connect(tmp_path / "progress.db")
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.executemany(
        "INSERT INTO attempts (at, problem_id, topic, skill, difficulty, answer, correct, "
        "seconds, hints, mode, first) VALUES (?, 'p.1', 'derivatives', 'derivative-trig', 1, "
        "'x', ?, 10, 0, 'practice', 1)", [(1_800_000_000.0, 1), (1_800_000_100.0, 0)])
    db.commit()
    db.close()
    store = ProgressStore(tmp_path)
    assert store.rows("PRAGMA user_version")[0][0] == len(MIGRATIONS)
    assert len(store.attempts()) == 2
    days = by_day(store)
    assert [(d.attempts, d.accuracy, d.mean_seconds) for d in days] == [(2, 0.5, 10.0)]
