"""The progress store: schema and migrations, concurrency, damage and read-only recovery."""

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from quizapp.progress import Attempt, ProgressStore
from quizapp.progress.schema import APPLICATION_ID, MIGRATIONS, UNMARKED_UP_TO


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
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # a newer quizapp marks its files
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
    # a.1 was put right only at a second try: it still waits for a fresh first-try answer
    assert store.pending_mistakes() == ["a.1", "b.2", "c.3"]
    store.record(attempt("a.7", correct=True, at=6))
    assert store.pending_mistakes() == ["b.2", "c.3"]


def test_a_mistake_stays_until_a_later_right_answer_in_its_family(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.record(attempt("chain-2.10", correct=False, at=1))
    store.record(attempt("chain-2.11", correct=False, at=2))  # a fresh one, wrong again
    store.record(attempt("power.5", correct=False, at=3))
    assert store.pending_mistakes() == ["chain-2.11", "power.5"]
    store.record(attempt("chain-2.99", correct=True, at=4, mode="review"))  # a fresh one, right
    assert store.pending_mistakes() == ["power.5"]
    store.record(attempt("power.6", answer="", correct=False, at=5, mode="quiz", first=False))
    assert store.pending_mistakes() == ["power.6"]  # a skipped quiz question is kept too


def test_the_level_of_each_skill_is_kept_between_runs(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    assert store.level("derivative-chain-rule") is None
    store.set_level("derivative-chain-rule", 2)
    store.set_level("derivative-chain-rule", 3)
    store.set_level("eigenvalues", 1)
    store.close()
    again = ProgressStore(tmp_path)
    assert again.levels() == {"derivative-chain-rule": 3, "eigenvalues": 1}
    assert again.reset() and again.levels() == {}


def test_an_abandoned_quiz_is_not_a_score(tmp_path: Path) -> None:
    from quizapp.progress.stats import quiz_line, recent_quizzes

    store = ProgressStore(tmp_path, clock=lambda: 1_800_000_000.0)
    store.start_quiz("q1", "derivatives/3/1/7", 3)
    store.record(attempt("a.1", mode="quiz", quiz_id="q1", correct=False))
    store.abandon_quiz("q1")
    [quiz] = recent_quizzes(store)
    assert quiz["status"] == "abandoned"
    assert quiz_line(quiz) == "abandoned, 1 of 3 answered  derivatives/3/1/7"


def test_a_version_3_file_gains_levels_and_abandoned_quizzes(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    _our_file(path, version=3, extra="INSERT INTO quizzes (id, code, started, questions) "
                                     "VALUES ('q', 'c', 5, 4);")
    store = ProgressStore(tmp_path)
    assert store.notice is None and store.saving
    assert store.rows("SELECT id, abandoned FROM quizzes") == [("q", 0)]
    assert store.set_level("eigenvalues", 2) and store.levels() == {"eigenvalues": 2}


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


# ------------------------------------------------------- databases quizapp did not write
def _our_file(path: Path, version: int = 2, extra: str = "", rows: bool = True) -> None:
    """A file as quizapp writes it at `version` (its application id from version 3), plus
    whatever SQL `extra` adds."""
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:version]:
        db.executescript(migration.replace(":offset", "0"))
    if rows:
        db.execute("INSERT INTO attempts (at, problem_id, topic, skill, difficulty, answer, "
                   "correct, seconds, hints, mode) VALUES (1000, 'p.1', 'derivatives', "
                   "'derivative-trig', 1, 'cos(x)', 1, 3.5, 0, 'practice')")
    db.execute(f"PRAGMA user_version = {version}")
    if version > UNMARKED_UP_TO:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.commit()
    if extra:
        db.executescript(extra)
    db.commit()
    db.close()


FOREIGN = {
    "another table": dict(extra="CREATE TABLE notes (body TEXT); "
                                "INSERT INTO notes VALUES ('keep me');"),
    "version 2, other tables only": dict(rows=False, version=0, extra=(
        "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me'); "
        "PRAGMA user_version = 2;")),
    "negative version": dict(version=0, rows=False, extra=(
        "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me'); "
        "PRAGMA user_version = -1;")),
    "a trigger": dict(extra="CREATE TRIGGER t AFTER INSERT ON attempts BEGIN "
                            "DELETE FROM attempts; END;"),
    "a column of another type": dict(version=0, rows=False, extra=(
        MIGRATIONS[0].replace("at REAL NOT NULL", "at TEXT NOT NULL")
        + "; PRAGMA user_version = 1;")),
    "a text time": dict(extra="UPDATE attempts SET at = 'yesterday';"),
    "a blob answer": dict(extra="UPDATE attempts SET answer = x'00ff';"),
    "a flag that is not 0 or 1": dict(extra="UPDATE attempts SET correct = 7;"),
    "a quiz started in year 30000": dict(extra=(
        "INSERT INTO quizzes (id, code, started, questions) VALUES ('q', 'c', 9e11, 3);")),
    "a day summary of the wrong type": dict(extra=(
        "INSERT INTO daily VALUES (20000, 'many', 1, 2.0);")),
    "a level of the wrong type": dict(version=4, extra=(
        "INSERT INTO levels VALUES ('eigenvalues', 'hard', 5);")),
    "a levels table with other columns": dict(version=4, extra=(
        "DROP TABLE levels; CREATE TABLE levels (skill TEXT, level TEXT, at REAL);")),
    "another program's application id": dict(extra="PRAGMA application_id = 1234;"),
    "schema 99 without quizapp's mark": dict(extra="PRAGMA user_version = 99;"),
}


@pytest.mark.parametrize("case", FOREIGN)
def test_a_database_quizapp_did_not_write_is_set_aside_whole(tmp_path: Path, case: str) -> None:
    path = tmp_path / "progress.db"
    _our_file(path, **FOREIGN[case])
    original = path.read_bytes()
    store = ProgressStore(tmp_path, clock=lambda: 1_800_000_000.0)
    assert store.notice and "not written by quizapp" in store.notice
    assert "moved to progress.db.corrupt-" in store.notice
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("progress.db.corrupt-")]
    assert [p.read_bytes() for p in aside] == [original]  # set aside untouched, not migrated
    assert store.saving and store.attempts() == []
    assert store.record(attempt()) and len(store.attempts()) == 1


def test_two_files_set_aside_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    for body in ("first", "second"):
        _our_file(tmp_path / "progress.db", extra=f"CREATE TABLE notes (b); "
                                                 f"INSERT INTO notes VALUES ('{body}');")
        ProgressStore(tmp_path, clock=lambda: 1_800_000_000.0).close()
        (tmp_path / "progress.db").unlink()
    aside = sorted(p for p in tmp_path.iterdir() if p.name.startswith("progress.db.corrupt-"))
    kept = {sqlite3.connect(p).execute("SELECT b FROM notes").fetchone()[0] for p in aside}
    assert kept == {"first", "second"}


@pytest.mark.parametrize("version", [0, 1, 2, 3])
def test_our_own_older_files_are_migrated_not_set_aside(tmp_path: Path, version: int) -> None:
    _our_file(tmp_path / "progress.db", version=version, rows=version > 0)
    store = ProgressStore(tmp_path)
    assert store.notice is None and store.saving
    assert store.rows("PRAGMA user_version")[0][0] == len(MIGRATIONS)
    assert store.rows("PRAGMA application_id")[0][0] == APPLICATION_ID
    assert len(store.attempts()) == (1 if version else 0)
    store.close()
    again = ProgressStore(tmp_path)
    assert again.notice is None and again.saving


def test_rows_of_the_wrong_type_written_meanwhile_are_skipped(tmp_path: Path) -> None:
    from quizapp.progress.stats import summary

    store = ProgressStore(tmp_path)
    store.record(attempt("good.1", at=1_800_000_000.0))
    other = sqlite3.connect(tmp_path / "progress.db")  # another program, after we opened it
    other.executescript("""
        INSERT INTO attempts (at, problem_id, topic, skill, difficulty, answer, correct,
            seconds, hints, mode) VALUES ('yesterday', 'bad.1', 'derivatives',
            'derivative-power-rule', 1, 'x', 'maybe', 1, 0, 'practice');
        INSERT INTO attempts (at, problem_id, topic, skill, difficulty, answer, correct,
            seconds, hints, mode) VALUES (5, x'ff', 'derivatives', x'00', 'hard', x'c3', 0,
            'slow', 0, 'practice');
        INSERT INTO daily VALUES (1, 'many', 'some', 'long');
        INSERT INTO quizzes (id, code, started, finished, questions) VALUES
            ('q', 'c', 'noon', 'never', 'three');
    """)
    other.commit()
    assert [a.problem_id for a in store.attempts()] == ["good.1"]
    assert store.unreadable_attempts() == 2
    assert [a.problem_id for a in store.recent_first_attempts()] == ["good.1"]
    assert store.pending_mistakes() == []
    data = summary(store, ["derivative-power-rule"], now=1_800_000_100.0)
    assert data["attempts"] == 1 and data["quizzes"] == []
    assert [d["attempts"] for d in data["days"]] == [1]


# ------------------------------------------------------------------------- a full disk
def _fill_disk(store: ProgressStore) -> None:
    """Let the database grow no further: writes fail with SQLITE_FULL, as on a full disk."""
    pages = store.rows("PRAGMA page_count")[0][0]
    store.rows(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_says_so_and_clears_when_saving_works_again(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    assert store.record(attempt("before.1"))
    _fill_disk(store)
    assert store.record(attempt("during.1", answer="x" * 100_000)) is False
    assert not store.saving
    assert store.reason == "disk full" and "disk full" in (store.problem or "")
    store.rows("PRAGMA max_page_count = 1000000")  # space was freed
    assert store.record(attempt("after.1"))
    assert store.saving and store.problem is None and store.reason is None
    on_disk = sqlite3.connect(tmp_path / "progress.db")
    assert [pid for (pid,) in on_disk.execute("SELECT problem_id FROM attempts ORDER BY id")] \
        == ["before.1", "during.1", "after.1"]  # the refused answer was kept and saved
    assert on_disk.execute("SELECT SUM(attempts) FROM daily").fetchone()[0] == 3


def test_a_constraint_error_is_not_reported_as_a_saving_problem(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    assert store.record(attempt(mode="exam")) is False
    assert store.saving and store.record(attempt())


def test_an_unfinished_quiz_counts_its_saved_answers(tmp_path: Path) -> None:
    from quizapp.progress.stats import recent_quizzes

    store = ProgressStore(tmp_path, clock=lambda: 1_800_000_000.0)
    store.start_quiz("q1", "derivatives/3/1/7", 3)
    store.record(attempt("a.1", mode="quiz", quiz_id="q1", correct=True))
    store.record(attempt("a.2", mode="quiz", quiz_id="q1", correct=False))
    [quiz] = recent_quizzes(store)
    assert (quiz["right"], quiz["answered"], quiz["questions"], quiz["finished"]) == \
        (1, 2, 3, None)
    store.finish_quiz("q1", 1)
    [quiz] = recent_quizzes(store)
    assert (quiz["right"], quiz["answered"], quiz["finished"]) == (1, 2, 1_800_000_000.0)


def test_quizzes_cut_short_before_version_3_are_counted_when_migrating(tmp_path: Path) -> None:
    from quizapp.progress.stats import recent_quizzes

    _our_file(tmp_path / "progress.db", rows=False, extra="""
        INSERT INTO quizzes (id, code, started, questions) VALUES ('cut', 'c', 5, 4);
        INSERT INTO quizzes (id, code, started, finished, right, questions)
            VALUES ('done', 'c', 1, 2, 1, 2);
        INSERT INTO attempts (at, problem_id, topic, skill, difficulty, answer, correct,
            seconds, hints, mode, quiz_id) VALUES
            (6, 'p.1', 't', 's', 1, 'x', 1, 1, 0, 'quiz', 'cut'),
            (7, 'p.2', 't', 's', 1, 'x', 1, 1, 0, 'quiz', 'cut'),
            (8, 'p.3', 't', 's', 1, 'x', 0, 1, 0, 'quiz', 'cut'),
            (1.5, 'p.4', 't', 's', 1, 'x', 1, 1, 0, 'quiz', 'done'),
            (1.6, 'p.5', 't', 's', 1, 'x', 0, 1, 0, 'quiz', 'done');
    """)
    quizzes = recent_quizzes(ProgressStore(tmp_path))
    assert [(q["id"], q["right"], q["answered"]) for q in quizzes] == \
        [("cut", 2, 3), ("done", 1, 2)]
