"""Statistics over all attempts: totals, per skill, accuracy and speed by day, quizzes."""

import time
from dataclasses import dataclass

from quizapp.progress.mastery import LEVELS, all_mastery
from quizapp.progress.store import ProgressStore


@dataclass(frozen=True)
class DayStats:
    """One day of practice."""

    day: str
    attempts: int
    accuracy: float
    median_seconds: float


def by_day(store: ProgressStore, days: int = 30) -> list[DayStats]:
    """First-attempt accuracy and typical time per day, over the last `days` days with practice."""
    rows = store.rows(
        "SELECT date(at, 'unixepoch', 'localtime') AS day, COUNT(*), AVG(correct), AVG(seconds) "
        "FROM attempts WHERE first = 1 GROUP BY day ORDER BY day DESC LIMIT ?", (days,))
    return [DayStats(day, n, accuracy or 0.0, seconds or 0.0)
            for day, n, accuracy, seconds in reversed(rows)]


def summary(store: ProgressStore, skills: list[str], now: float | None = None) -> dict:
    """The `stats --json` document."""
    now = time.time() if now is None else now
    total, right = store.rows("SELECT COUNT(*), COALESCE(SUM(correct), 0) FROM attempts "
                              "WHERE first = 1")[0]
    per_skill = {skill: (n, c) for skill, n, c in store.rows(
        "SELECT skill, COUNT(*), SUM(correct) FROM attempts WHERE first = 1 GROUP BY skill")}
    mastery = all_mastery(sorted({*skills, *per_skill}), store.recent_first_attempts(), now)
    quizzes = [{"id": qid, "code": code, "started": started, "finished": finished,
                "right": right_answers, "questions": questions}
               for qid, code, started, finished, right_answers, questions in store.rows(
                   "SELECT id, code, started, finished, right, questions FROM quizzes "
                   "ORDER BY started DESC LIMIT 20")]
    return {
        "attempts": total,
        "correct": right,
        "skills": {skill: {"attempts": per_skill.get(skill, (0, 0))[0],
                           "correct": per_skill.get(skill, (0, 0))[1] or 0,
                           "mastery": m.name, "level": m.level,
                           "due": m.due(now)}
                   for skill, m in mastery.items()},
        "days": [vars(d) for d in by_day(store)],
        "quizzes": quizzes,
        "levels": list(LEVELS),
    }
