"""Where progress lives: SQLite (WAL, one short transaction per answer) with versioned schema.

Nothing shown as checked is lost: `record` commits before the caller shows the verdict. A file
that is not a valid database, or one quizapp did not write (`schema.recognise`), is moved aside
whole and a fresh one made (the learner is told once). A read-only folder is still read (into
memory); a full disk never stops the app — it says so, keeps the answers the disk refused and
saves them with the first write that succeeds, and then says nothing more.
"""

import errno
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

from quizapp.progress.schema import (
    ForeignDatabase,
    NewerDatabase,
    migrate,
    recognise,
    valid_row,
)

DB_NAME = "progress.db"


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
    """The progress database. Thread-safe: the app checks answers in worker threads.

    State for the UI: `saving` (answers reach the disk), `problem` (a sentence saying why not,
    e.g. "Progress is not being saved (disk full)."), `reason` (the short why: "disk full",
    "the progress folder is read-only") and `notice` (said once: a file was set aside). A
    write that fails for want of space or permission is kept and retried with the next one,
    and `problem` clears as soon as saving works again.
    """

    def __init__(self, home: Path | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.home = home or default_home()
        self.path = self.home / DB_NAME
        self.clock = clock
        self.notice: str | None = None  # said once: a damaged or foreign file moved aside
        self.reason: str | None = None  # why progress is not being saved, if it is not
        self._on_disk = False  # False: a database in memory, kept for this session only
        self._unsaved: list[list[tuple[str, list]]] = []  # writes the disk refused, in order
        self._lock = threading.Lock()
        self.db = self._open()

    # ----------------------------------------------------------------- opening
    def _open(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = None
        try:
            self.home.mkdir(parents=True, exist_ok=True)
            db = _connect(self.path)
            _adopt(db)
        except ForeignDatabase as exc:
            _close(db)
            return self._set_aside(f"Your progress file was not written by quizapp ({exc})")
        except sqlite3.DatabaseError as exc:
            _close(db)
            if self.path.exists() and _looks_damaged(exc):
                return self._set_aside("Your progress file was damaged")
            if self.path.is_file() and _cannot_write(exc) and not isinstance(exc, NewerDatabase):
                return self._read_only_copy(exc)
            return self._in_memory(exc)
        except OSError as exc:
            _close(db)
            return self._in_memory(exc)
        self._on_disk = True
        return db

    def _set_aside(self, why: str) -> sqlite3.Connection:
        """Move the file (and its WAL) aside, keeping every byte, and start a fresh one."""
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self.clock()))
        aside = self.path.with_name(f"{DB_NAME}.corrupt-{stamp}")
        number = 1
        while any(Path(str(aside) + s).exists() for s in ("", "-wal", "-shm")):
            number += 1
            aside = self.path.with_name(f"{DB_NAME}.corrupt-{stamp}-{number}")
        try:
            for suffix in ("", "-wal", "-shm"):
                source = Path(str(self.path) + suffix)
                if source.exists():
                    source.rename(Path(str(aside) + suffix))
        except OSError as exc:
            return self._in_memory(exc)
        self.notice = f"{why}; it was moved to {aside.name} and a fresh one started."
        db: sqlite3.Connection | None = None
        try:
            db = _connect(self.path)
            _adopt(db)
        except (sqlite3.DatabaseError, OSError) as exc:
            _close(db)
            return self._in_memory(exc)
        self._on_disk = True
        return db

    def _read_only_copy(self, exc: Exception) -> sqlite3.Connection:
        """Read a database that cannot be written (read-only folder or file) into memory, so
        stats, export and the app show it; new answers are kept for this session only."""
        source: sqlite3.Connection | None = None
        try:
            source = _connect_read_only(self.path)
            _check(source)
            recognise(source)
            memory = _connect(":memory:")
            source.backup(memory)
            migrate(memory)
        except ForeignDatabase as foreign:
            _close(source)
            return self._set_aside(f"Your progress file was not written by quizapp ({foreign})")
        except (sqlite3.DatabaseError, OSError) as error:
            _close(source)
            return self._in_memory(error)
        _close(source)
        read_only = _reason(exc).endswith("read-only") or not os.access(self.home, os.W_OK)
        self.reason = "the progress folder is read-only" if read_only else _reason(exc)
        return memory

    def _in_memory(self, exc: Exception) -> sqlite3.Connection:
        self.reason = _reason(exc)
        db = _connect(":memory:")
        migrate(db)
        return db

    @property
    def saving(self) -> bool:
        """Whether answers are being saved to disk."""
        return self.reason is None

    @property
    def problem(self) -> str | None:
        """Why progress is not being saved, as a sentence for the learner; None while it is."""
        return None if self.reason is None else f"Progress is not being saved ({self.reason})."

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
                           "VALUES (?, ?, ?, ?)",
                           [str(quiz_id), str(code), float(self.clock()), int(questions)])

    def finish_quiz(self, quiz_id: str, right: int) -> bool:
        """Note a quiz's score."""
        return self._write('UPDATE quizzes SET finished = ?, "right" = ? WHERE id = ?',
                           [float(self.clock()), int(right), str(quiz_id)])

    def abandon_quiz(self, quiz_id: str) -> bool:
        """Note that a quiz was left before its end: recorded as abandoned, not as a score."""
        return self._write("UPDATE quizzes SET finished = ?, abandoned = 1 WHERE id = ?",
                           [float(self.clock()), str(quiz_id)])

    def set_level(self, skill: str, level: int) -> bool:
        """Remember the level (difficulty) a skill — or a whole topic, by its id — is at."""
        return self._write("INSERT INTO levels (skill, level, at) VALUES (?, ?, ?) "
                           "ON CONFLICT (skill) DO UPDATE SET level = excluded.level, "
                           "at = excluded.at",
                           [str(skill), max(1, min(9, int(level))), float(self.clock())])

    def levels(self) -> dict[str, int]:
        """The level each skill (or topic) was left at."""
        return dict(self.rows(f"SELECT skill, level FROM levels WHERE {_VALID_LEVEL}"))

    def level(self, skill: str) -> int | None:
        """The level `skill` (or a topic) was left at, None if never set."""
        return self.levels().get(skill)

    def reset(self) -> bool:
        """Delete all progress (answers not yet saved too). False if it could not be done."""
        with self._lock:
            self._unsaved.clear()
        return self._write_all([("DELETE FROM attempts", []), ("DELETE FROM quizzes", []),
                                ("DELETE FROM daily", []), ("DELETE FROM levels", [])])

    def _write(self, sql: str, values: list) -> bool:
        return self._write_all([(sql, values)])

    def _write_all(self, statements: list[tuple[str, list]]) -> bool:
        """Run the statements, after any the disk refused before, in one short transaction."""
        with self._lock:
            try:
                self._transaction([s for batch in self._unsaved for s in batch] + statements)
            except sqlite3.IntegrityError:  # these values break a constraint: not the disk's fault
                return False
            except sqlite3.DatabaseError as exc:  # full, read-only, locked, damaged mid-session
                if self._on_disk:
                    self._unsaved.append(statements)
                self.reason = _reason(exc)
                return False
            self._unsaved.clear()
            if self._on_disk:
                self.reason = None
            return True

    def _transaction(self, statements: list[tuple[str, list]]) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for sql, values in statements:
                self.db.execute(sql, values)
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    # ----------------------------------------------------------------- reading
    def attempts(self, skill: str | None = None, since: float | None = None) -> list[Attempt]:
        """Attempts, oldest first, optionally for one skill or since a time. Rows holding
        values of the wrong type (written by another program meanwhile) are left out."""
        sql = f"SELECT {', '.join(_COLUMNS)} FROM attempts WHERE {_VALID}"
        values: list = []
        if skill is not None:
            sql += " AND skill = ?"
            values.append(skill)
        if since is not None:
            sql += " AND at >= ?"
            values.append(since)
        with self._lock:
            rows = self.db.execute(sql + " ORDER BY at, id", values).fetchall()
        return [_attempt(row) for row in rows]

    def unreadable_attempts(self) -> int:
        """How many attempt rows hold values of the wrong type (and are left out)."""
        return self.rows(f"SELECT COUNT(*) FROM attempts WHERE NOT ({_VALID})")[0][0]

    def rows(self, sql: str, values: list | tuple = ()) -> list[tuple]:
        """Run a read-only query (for stats)."""
        with self._lock:
            return self.db.execute(sql, values).fetchall()

    def recent_first_attempts(self, per_skill: int = 10) -> list[Attempt]:
        """The last `per_skill` first attempts of every skill (what mastery is computed from);
        one indexed query per skill, so it stays fast however long the history."""
        columns = ", ".join(_COLUMNS)
        skills = [skill for (skill,) in self.rows("SELECT DISTINCT skill FROM attempts")
                  if isinstance(skill, str)]
        found: list[Attempt] = []
        for skill in skills:
            rows = self.rows(f"SELECT {columns} FROM attempts WHERE skill = ? AND first = 1 "
                             f"AND {_VALID} ORDER BY at DESC, id DESC LIMIT ?",
                             (skill, per_skill))
            found += [_attempt(row) for row in rows]
        return sorted(found, key=lambda a: a.at)

    def pending_mistakes(self) -> list[str]:
        """Mistakes to review, oldest first: for every family whose latest attempt was wrong
        (a skipped or timed-out quiz question too), the problem id of that attempt. A mistake
        stays until a later problem of the same family is answered right at the first attempt
        (a right answer after a wrong one, or copied from the solution, does not clear it)."""
        family = "rtrim(rtrim(problem_id, '0123456789'), '.')"
        return [pid for (pid,) in self.rows(
            f"SELECT a.problem_id FROM attempts a JOIN (SELECT MAX(id) AS last FROM attempts "
            f"WHERE typeof(problem_id) = 'text' AND (first = 1 OR correct = 0) "
            f"GROUP BY {family}) l ON a.id = l.last "
            f"WHERE a.correct = 0 AND {valid_row('attempts', alias='a')} ORDER BY a.at, a.id")]

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self.db.close()


_VALID = valid_row("attempts")
_VALID_LEVEL = valid_row("levels")


def _statements(attempt: Attempt) -> list[tuple[str, list]]:
    """The insert of an attempt, for a first attempt its day's summary update, and for a quiz
    answer its quiz's count. Values are cast to the types `recognise` expects."""
    a = attempt
    values = [float(a.at), str(a.problem_id), str(a.topic), str(a.skill), int(a.difficulty),
              str(a.answer), int(bool(a.correct)),
              None if a.misconception is None else str(a.misconception), float(a.seconds),
              int(a.hints), str(a.mode), None if a.quiz_id is None else str(a.quiz_id),
              int(bool(a.first))]
    placeholders = ", ".join("?" for _ in _COLUMNS)
    statements = [(f"INSERT INTO attempts ({', '.join(_COLUMNS)}) VALUES ({placeholders})",
                   values)]
    if a.first:
        statements.append((
            "INSERT INTO daily (day, attempts, correct, seconds) VALUES (?, 1, ?, ?) "
            "ON CONFLICT (day) DO UPDATE SET attempts = attempts + 1, "
            "correct = correct + excluded.correct, seconds = seconds + excluded.seconds",
            [local_day(a.at), int(bool(a.correct)), float(a.seconds)]))
        if a.quiz_id is not None:
            statements.append(('UPDATE quizzes SET answered = answered + 1, "right" = "right" + ? '
                               "WHERE id = ? AND finished IS NULL",
                               [int(bool(a.correct)), str(a.quiz_id)]))
    return statements


def local_day(at: float) -> int:
    """The local calendar day of a time, as days since 1970-01-01."""
    return int((at + time.localtime(at).tm_gmtoff) // 86400)


def _attempt(row: tuple) -> Attempt:
    values = dict(zip(_COLUMNS, row, strict=True))
    values["correct"], values["first"] = bool(values["correct"]), bool(values["first"])
    return Attempt(**values)


def _connect(path: Path | str) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=5.0, check_same_thread=False, isolation_level=None)
    db.text_factory = _text
    db.execute("PRAGMA busy_timeout = 5000")
    return db


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Open for reading only. A WAL database in a folder we cannot write opens read-only as
    long as its -wal and -shm files are there; without them (closed cleanly, so the main file
    holds everything) it opens as immutable."""
    uri = path.resolve().as_uri() + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=5.0, check_same_thread=False,
                         isolation_level=None)
    try:
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        db.close()
        db = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False,
                             isolation_level=None)
    db.text_factory = _text
    return db


def _adopt(db: sqlite3.Connection) -> None:
    """Check a database on disk is sound and ours, then migrate it (WAL, one commit per step)."""
    _check(db)
    recognise(db)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")  # a killed process loses nothing
    migrate(db)
    _probe_write(db)


def _probe_write(db: sqlite3.Connection) -> None:
    """Raise SQLITE_READONLY if the file cannot be written: SQLite opens a file it may not
    write (read-only folder or mount) for reading without a word, and says so only on a write.
    Nothing is written: the transaction is rolled back."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(f"PRAGMA user_version = {int(version)}")
    finally:
        db.execute("ROLLBACK")


def _check(db: sqlite3.Connection) -> None:
    result = db.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise sqlite3.DatabaseError(f"database disk image is malformed ({result})")


def _close(db: sqlite3.Connection | None) -> None:
    if db is not None:
        db.close()


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _looks_damaged(exc: Exception) -> bool:
    text = str(exc).lower()
    return any(word in text for word in ("not a database", "malformed", "corrupt", "encrypted"))


def _cannot_write(exc: Exception) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")) or \
        "readonly" in str(exc).lower()


def _reason(exc: Exception) -> str:
    """A few words on why saving failed, for the learner."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name == "SQLITE_FULL" or getattr(exc, "errno", None) == errno.ENOSPC or "full" in text:
        return "disk full"
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text \
            or isinstance(exc, PermissionError):
        return "the progress folder is read-only"
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return first if len(first) <= 120 else first[:120] + "…"
