"""The progress database's schema: its migrations, and how to tell a database quizapp wrote.

A database is ours when its schema version is one quizapp has had, its tables, views and
triggers are exactly the ones that version's migrations make (same columns, same types), it
carries quizapp's application id (files from before the id existed, versions 0 to
`UNMARKED_UP_TO`, may lack it) and every row holds values of the types quizapp writes. Anything
else is set aside like a damaged file, never migrated into or deleted.
"""

import sqlite3
import time
from functools import cache

APPLICATION_ID = 0x515A4150  # "QZAP" in the file header (PRAGMA application_id)
UNMARKED_UP_TO = 2  # the last schema version written before the application id was set

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
    # 3: a quiz's row counts its answers as they are saved (`record`), so a quiz cut short
    # (the app killed) still shows the answers it has; older quizzes are counted once here
    """
    ALTER TABLE quizzes ADD COLUMN answered INTEGER NOT NULL DEFAULT 0;
    UPDATE quizzes SET answered = counted.n,
        "right" = CASE WHEN quizzes.finished IS NULL THEN counted.r ELSE quizzes."right" END
        FROM (SELECT quiz_id, COUNT(*) AS n, SUM(correct) AS r FROM attempts
              WHERE quiz_id IS NOT NULL AND first = 1 GROUP BY quiz_id) AS counted
        WHERE counted.quiz_id = quizzes.id;
    """,
    # 4: the level (difficulty) each skill was left at, chosen or reached, kept between runs;
    # and a quiz left early is marked abandoned (no score), not counted as finished
    """
    CREATE TABLE levels (
        skill TEXT PRIMARY KEY,
        level INTEGER NOT NULL,
        at REAL NOT NULL
    );
    ALTER TABLE quizzes ADD COLUMN abandoned INTEGER NOT NULL DEFAULT 0;
    """,
]

# What each column may hold, as SQL over `{c}` (the column). Times are seconds since 1970 before
# the year 10000, so every date function can show them.
_LAST_TIME = 253_402_300_799
_TIME = f"(typeof({{c}}) IN ('integer', 'real') AND {{c}} BETWEEN 0 AND {_LAST_TIME})"
_NUMBER = "(typeof({c}) IN ('integer', 'real') AND {c} BETWEEN -1e12 AND 1e12)"
_INTEGER = "(typeof({c}) = 'integer')"
_TEXT = "(typeof({c}) = 'text')"
_FLAG = "(typeof({c}) = 'integer' AND {c} IN (0, 1))"
ROW_RULES = {
    "attempts": {
        "id": _INTEGER, "at": _TIME, "problem_id": _TEXT, "topic": _TEXT, "skill": _TEXT,
        "difficulty": _INTEGER, "answer": _TEXT, "correct": _FLAG,
        "misconception": f"({{c}} IS NULL OR {_TEXT})", "seconds": _NUMBER,
        "hints": _INTEGER, "mode": "({c} IN ('practice', 'quiz', 'review'))",
        "quiz_id": f"({{c}} IS NULL OR {_TEXT})", "first": _FLAG,
    },
    "quizzes": {
        "id": _TEXT, "code": _TEXT, "started": _TIME, "finished": f"({{c}} IS NULL OR {_TIME})",
        "right": _INTEGER, "questions": _INTEGER, "answered": _INTEGER, "abandoned": _FLAG,
    },
    "levels": {"skill": _TEXT, "level": f"({_INTEGER} AND {{c}} BETWEEN 1 AND 9)", "at": _TIME},
    "daily": {
        "day": f"({_INTEGER} AND {{c}} BETWEEN 0 AND {_LAST_TIME // 86400})",
        "attempts": _INTEGER, "correct": _INTEGER, "seconds": _NUMBER,
    },
}


class ForeignDatabase(sqlite3.DatabaseError):
    """The file is a database quizapp did not write; the message says why."""


class NewerDatabase(sqlite3.DatabaseError):
    """The file was written by a newer quizapp: left alone, not saved to."""


def valid_row(table: str, columns: list[str] | None = None, alias: str = "") -> str:
    """SQL that is true for a row of `table` holding values of the types quizapp writes."""
    rules = ROW_RULES[table]
    prefix = f"{alias}." if alias else ""
    chosen = rules if columns is None else {c: rules[c] for c in columns if c in rules}
    return " AND ".join(rule.format(c=f'{prefix}"{c}"') for c, rule in chosen.items())


def migrate(db: sqlite3.Connection) -> None:
    """Bring a database of ours up to the current schema and mark it as quizapp's."""
    if _version(db) == len(MIGRATIONS) and _application_id(db) == APPLICATION_ID:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        version = _version(db)  # again: another process may have migrated meanwhile
        if version > len(MIGRATIONS):
            raise NewerDatabase(f"progress.db is from a newer quizapp (schema {version})")
        for number in range(version, len(MIGRATIONS)):
            _run(db, MIGRATIONS[number])
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def recognise(db: sqlite3.Connection) -> None:
    """Raise ForeignDatabase unless quizapp wrote this database (NewerDatabase if a newer
    quizapp did). Reads one consistent snapshot; writes nothing."""
    db.execute("BEGIN")
    try:
        version, application_id = _version(db), _application_id(db)
        if application_id not in (0, APPLICATION_ID):
            raise ForeignDatabase(f"it belongs to another program, application id "
                                  f"{application_id}")
        if version < 0 or (version > UNMARKED_UP_TO and application_id != APPLICATION_ID):
            raise ForeignDatabase(f"schema version {version} is not one quizapp writes")
        if version > len(MIGRATIONS):
            raise NewerDatabase(f"progress.db is from a newer quizapp (schema {version})")
        expected, found = expected_schema(version), schema_of(db)
        if found != expected:
            raise ForeignDatabase(_difference(expected, found))
        for key, columns in expected.items():
            kind, table = key.split(":", 1)
            if kind != "table":
                continue
            bad = db.execute(f"SELECT rowid FROM {table} WHERE NOT ("
                             f"{valid_row(table, [c[0] for c in columns])}) LIMIT 1").fetchone()
            if bad is not None:
                raise ForeignDatabase(f"row {bad[0]} of {table} holds a value of the wrong type")
    finally:
        db.execute("COMMIT")


def schema_of(db: sqlite3.Connection) -> dict[str, tuple]:
    """Every table, view and trigger (not SQLite's own), each table with its columns."""
    found: dict[str, tuple] = {}
    for kind, name in db.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger') "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").fetchall():
        columns: tuple = ()
        if kind == "table":
            columns = tuple(db.execute(
                'SELECT name, upper(type), "notnull", dflt_value, pk FROM pragma_table_info(?) '
                "ORDER BY cid", (name,)).fetchall())
        found[f"{kind}:{name}"] = columns
    return found


@cache
def expected_schema(version: int) -> dict[str, tuple]:
    """The schema quizapp's migrations make at `version`."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for migration in MIGRATIONS[:version]:
            _run(db, migration)
        return schema_of(db)
    finally:
        db.close()


def _difference(expected: dict[str, tuple], found: dict[str, tuple]) -> str:
    for key in found:
        if key not in expected:
            kind, name = key.split(":", 1)
            return f"it has a {kind} {_short(name)} quizapp does not make"
    for key in expected:
        kind, name = key.split(":", 1)
        if key not in found:
            return f"its {kind} {name} is missing"
        if found[key] != expected[key]:
            return f"its {kind} {name} has other columns than quizapp's"
    return "its schema differs from quizapp's"


def _short(name: str) -> str:
    return repr(name if len(name) <= 40 else name[:40] + "…")


def _run(db: sqlite3.Connection, migration: str) -> None:
    for statement in migration.split(";"):
        if statement.strip():
            db.execute(statement, {"offset": _utc_offset()} if ":offset" in statement else ())


def _version(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def _application_id(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA application_id").fetchone()[0]


def _utc_offset() -> int:
    return time.localtime().tm_gmtoff
