"""Where progress lives: SQLite (WAL, one short transaction per answer) with versioned schema.

Nothing shown as checked is lost: `record` commits before the caller shows the verdict. A file
that is not a valid database is moved aside and a fresh one made (the learner is told once); a
read-only or full disk never stops the app — it keeps working and says progress is not saved.
"""

import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

DB_NAME = "progress.db"
MIGRATIONS = [
    # 1: attempts and quizzes
    """
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        problem_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        skill TEXT NOT NULL,
        difficulty INTEGER NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER NOT NULL,
        misconception TEXT,
        seconds REAL NOT NULL,
        hints INTEGER NOT NULL DEFAULT 0,
        mode TEXT NOT NULL CHECK (mode IN ('practice', 'quiz', 'review')),
        quiz_id TEXT,
        first INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX attempts_skill_at ON attempts (skill, at);
    CREATE INDEX attempts_problem ON attempts (problem_id, at);
    CREATE TABLE quizzes (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        started REAL NOT NULL,
        finished REAL,
        right INTEGER NOT NULL DEFAULT 0,
        questions INTEGER NOT NULL
    );
    """,
    # 2: stats over a long history without scanning it: a covering index for per-skill counts
    # and a per-day summary of first attempts kept up to date by `record`
    """
    CREATE INDEX attempts_first_skill ON attempts (first, skill, correct);
    CREATE TABLE daily (
        day INTEGER PRIMARY KEY,
        attempts INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        seconds REAL NOT NULL
    );
    INSERT INTO daily (day, attempts, correct, seconds)
        SELECT CAST((at + :offset) / 86400 AS INTEGER), COUNT(*), SUM(correct), SUM(seconds)
        FROM attempts WHERE first = 1 GROUP BY 1;
    """,
]


@dataclass(frozen=True)
class Attempt:
    """One checked answer."""

    at: float
    problem_id: str
    topic: str
    skill: str
    difficulty: int
    answer: str
    correct: bool
    misconception: str | None
    seconds: float
    hints: int
    mode: str
    quiz_id: str | None = None
    first: bool = True


_COLUMNS = [f.name for f in fields(Attempt)]


def default_home() -> Path:
    """$QUIZAPP_HOME, or the user data directory."""
    override = os.environ.get("QUIZAPP_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("quizapp", appauthor=False))


class ProgressStore:
    """The progress database. Thread-safe: the app checks answers in worker threads."""

    def __init__(self, home: Path | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.home = home or default_home()
        self.path = self.home / DB_NAME
        self.clock = clock
        self.notice: str | None = None  # said once: a damaged file moved aside
        self.problem: str | None = None  # why progress is not being saved, if it is not
        self._lock = threading.Lock()
        self.db = self._open()

    # ----------------------------------------------------------------- opening
    def _open(self) -> sqlite3.Connection:
        try:
            self.home.mkdir(parents=True, exist_ok=True)
            db = self._connect(self.path)
            self._check(db)
        except sqlite3.DatabaseError as exc:
            if self.path.exists() and _looks_damaged(exc):
                return self._recover()
            return self._in_memory(exc)
        except OSError as exc:
            return self._in_memory(exc)
        return db

    def _connect(self, path: Path | str) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=5.0, check_same_thread=False,
                             isolation_level=None)
        db.execute("PRAGMA busy_timeout = 5000")
        if path != ":memory:":
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")  # a killed process loses nothing
        self._migrate(db)
        return db

    def _check(self, db: sqlite3.Connection) -> None:
        result = db.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed ({result})")

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise sqlite3.DatabaseError(f"progress.db is from a newer quizapp (schema {version})")
        for number in range(version, len(MIGRATIONS)):
            db.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement, {"offset": _utc_offset()} if ":offset" in
                                   statement else ())
                db.execute(f"PRAGMA user_version = {number + 1}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def _recover(self) -> sqlite3.Connection:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self.clock()))
        aside = self.path.with_name(f"{DB_NAME}.corrupt-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(self.path) + suffix)
            if source.exists():
                source.rename(Path(str(aside) + suffix))
        self.notice = (f"Your progress file was damaged; it was moved to {aside.name} and a "
                       "fresh one started.")
        try:
            return self._connect(self.path)
        except (sqlite3.DatabaseError, OSError) as exc:
            return self._in_memory(exc)

    def _in_memory(self, exc: Exception) -> sqlite3.Connection:
        self.problem = f"Progress is not being saved ({_reason(exc)})."
        return self._connect(":memory:")

    @property
    def saving(self) -> bool:
        """Whether answers are being saved to disk."""
        return self.problem is None

    # ----------------------------------------------------------------- writing
    def record(self, attempt: Attempt) -> bool:
        """Commit one attempt (before its feedback is shown). False if it could not be saved."""
        return self._write_all(_statements(attempt))

    def record_many(self, attempts: list[Attempt]) -> bool:
        """Commit many attempts in one transaction (imports, benchmarks)."""
        return self._write_all([s for a in attempts for s in _statements(a)])

    def start_quiz(self, quiz_id: str, code: str, questions: int) -> bool:
        """Note that a quiz has begun."""
        return self._write("INSERT OR REPLACE INTO quizzes (id, code, started, questions) "
                           "VALUES (?, ?, ?, ?)", [quiz_id, code, self.clock(), questions])

    def finish_quiz(self, quiz_id: str, right: int) -> bool:
        """Note a quiz's score."""
        return self._write("UPDATE quizzes SET finished = ?, right = ? WHERE id = ?",
                           [self.clock(), right, quiz_id])

    def reset(self) -> None:
        """Delete all progress."""
        self._write_all([("DELETE FROM attempts", []), ("DELETE FROM quizzes", []),
                         ("DELETE FROM daily", [])])

    def _write(self, sql: str, values: list) -> bool:
        return self._write_all([(sql, values)])

    def _write_all(self, statements: list[tuple[str, list]]) -> bool:
        """Run the statements in one short transaction."""
        with self._lock:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                try:
                    for sql, values in statements:
                        self.db.execute(sql, values)
                    self.db.execute("COMMIT")
                except BaseException:
                    self.db.execute("ROLLBACK")
                    raise
                return True
            except sqlite3.DatabaseError as exc:  # read-only, full, or damaged mid-session
                self.problem = f"Progress is not being saved ({_reason(exc)})."
                return False

    # ----------------------------------------------------------------- reading
    def attempts(self, skill: str | None = None, since: float | None = None) -> list[Attempt]:
        """Attempts, oldest first, optionally for one skill or since a time."""
        sql = f"SELECT {', '.join(_COLUMNS)} FROM attempts"
        where, values = [], []
        if skill is not None:
            where.append("skill = ?")
            values.append(skill)
        if since is not None:
            where.append("at >= ?")
            values.append(since)
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._lock:
            rows = self.db.execute(sql + " ORDER BY at, id", values).fetchall()
        return [_attempt(row) for row in rows]

    def rows(self, sql: str, values: list | tuple = ()) -> list[tuple]:
        """Run a read-only query (for stats)."""
        with self._lock:
            return self.db.execute(sql, values).fetchall()

    def recent_first_attempts(self, per_skill: int = 10) -> list[Attempt]:
        """The last `per_skill` first attempts of every skill (what mastery is computed from);
        one indexed query per skill, so it stays fast however long the history."""
        columns = ", ".join(_COLUMNS)
        skills = [skill for (skill,) in self.rows("SELECT DISTINCT skill FROM attempts")]
        found: list[Attempt] = []
        for skill in skills:
            rows = self.rows(f"SELECT {columns} FROM attempts WHERE skill = ? AND first = 1 "
                             "ORDER BY at DESC, id DESC LIMIT ?", (skill, per_skill))
            found += [_attempt(row) for row in rows]
        return sorted(found, key=lambda a: a.at)

    def pending_mistakes(self) -> list[str]:
        """Problem ids whose latest attempt was wrong, oldest first: the ones to review."""
        return [pid for (pid,) in self.rows(
            "SELECT a.problem_id FROM attempts a JOIN (SELECT problem_id, MAX(id) AS last "
            "FROM attempts GROUP BY problem_id) l ON a.id = l.last WHERE a.correct = 0 "
            "ORDER BY a.at, a.id")]

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self.db.close()


def _statements(attempt: Attempt) -> list[tuple[str, list]]:
    """The insert of an attempt and, for a first attempt, its day's summary update."""
    values = [getattr(attempt, c) for c in _COLUMNS]
    placeholders = ", ".join("?" for _ in _COLUMNS)
    statements = [(f"INSERT INTO attempts ({', '.join(_COLUMNS)}) VALUES ({placeholders})",
                   values)]
    if attempt.first:
        statements.append((
            "INSERT INTO daily (day, attempts, correct, seconds) VALUES (?, 1, ?, ?) "
            "ON CONFLICT (day) DO UPDATE SET attempts = attempts + 1, "
            "correct = correct + excluded.correct, seconds = seconds + excluded.seconds",
            [local_day(attempt.at), int(attempt.correct), attempt.seconds]))
    return statements


def _utc_offset() -> int:
    return time.localtime().tm_gmtoff


def local_day(at: float) -> int:
    """The local calendar day of a time, as days since 1970-01-01."""
    return int((at + time.localtime(at).tm_gmtoff) // 86400)


def _attempt(row: tuple) -> Attempt:
    values = dict(zip(_COLUMNS, row, strict=True))
    values["correct"], values["first"] = bool(values["correct"]), bool(values["first"])
    return Attempt(**values)


def _looks_damaged(exc: Exception) -> bool:
    text = str(exc).lower()
    return any(word in text for word in ("not a database", "malformed", "corrupt", "encrypted"))


def _reason(exc: Exception) -> str:
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        return "the progress folder is read-only"
    if "full" in text:
        return "the disk is full"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
