"""Statistics over all attempts: totals, per skill, accuracy and speed by day, quizzes."""

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from quizapp.progress.mastery import LEVELS, all_mastery
from quizapp.progress.schema import valid_row
from quizapp.progress.store import ProgressStore, local_day
from quizapp.session.spec import display_code


@dataclass(frozen=True)
class DayStats:
    """One day of practice."""

    day: str
    attempts: int
    accuracy: float
    mean_seconds: float


def by_day(store: ProgressStore, days: int = 30) -> list[DayStats]:
    """First-attempt accuracy and mean time per day, over the last `days` days with practice."""
    rows = store.rows(f"SELECT day, attempts, correct, seconds FROM daily WHERE {_VALID_DAY} "
                      "ORDER BY day DESC LIMIT ?", (days,))
    return [DayStats(time.strftime("%Y-%m-%d", time.gmtime(day * 86400)), n, right / n,
                     seconds / n) for day, n, right, seconds in reversed(rows) if n > 0]


def local_time(at: float | None) -> str | None:
    """A time as ISO 8601 in the local zone, with its offset: '2027-01-15T08:00:00+01:00'."""
    if at is None:
        return None
    return datetime.fromtimestamp(at).astimezone().isoformat(timespec="seconds")


def quiz_status(finished: float | None, abandoned: int) -> str:
    """'finished', 'abandoned' (left early: no score) or 'not finished' (the app was killed)."""
    if abandoned:
        return "abandoned"
    return "not finished" if finished is None else "finished"


def recent_quizzes(store: ProgressStore, count: int = 20) -> list[dict]:
    """The latest quizzes, newest first. `answered` counts the answers saved for a quiz, so one
    cut short (the app killed before its end) shows what it has; `finished` is None for it. A
    quiz left early has status 'abandoned': it is not a score."""
    return [{"id": qid, "code": code, "started": started, "finished": finished,
             "right": right, "answered": answered, "questions": questions,
             "status": quiz_status(finished, abandoned)}
            for qid, code, started, finished, right, answered, questions, abandoned
            in store.rows(
                'SELECT id, code, started, finished, "right", answered, questions, abandoned '
                f"FROM quizzes WHERE {_VALID_QUIZ} ORDER BY started DESC LIMIT ?", (count,))]


def quiz_line(quiz: dict, bank_topics: Sequence[str] = ()) -> str:
    """One quiz for a list: '2/4  code'; for one left early 'abandoned, 1 of 4 answered  code';
    for one never finished '1/4 right, 2 of 4 answered, not finished  code'. Given the bank's
    topic ids (in its order), the code is in its short form (`all/3/2/5`), as the quiz showed it."""
    code = display_code(quiz["code"], bank_topics) if bank_topics else quiz["code"]
    if quiz.get("status") == "abandoned":
        return f"abandoned, {quiz['answered']} of {quiz['questions']} answered  {code}"
    if quiz["finished"] is None:
        return (f"{quiz['right']}/{quiz['questions']} right, {quiz['answered']} of "
                f"{quiz['questions']} answered, not finished  {code}")
    return f"{quiz['right']}/{quiz['questions']}  {code}"


def summary(store: ProgressStore, skills: list[str], now: float | None = None,
            ceilings: dict[str, int] | None = None,
            names: dict[str, str] | None = None,
            topic_of: dict[str, str] | None = None,
            floors: dict[str, int] | None = None) -> dict:
    """The `stats --json` document. Per skill: its `name` and `topic` (names; ids are the keys),
    the `mastery` name and `mastery_step` (0–4), the `difficulty` practice starts at (the level
    it was left at, else its easiest in `floors`; None for a skill the bank no longer has),
    whether it is `due` for review and `due_at` (when it is or will be; None if never
    practised). Quiz times are ISO 8601 local times."""
    now = time.time() if now is None else now
    names, topic_of, floors = names or {}, topic_of or {}, floors or {}
    per_skill: dict[str, tuple[int, int]] = {}
    for skill, correct, n in store.rows(  # all in one index; rows of other types are left out
            "SELECT skill, correct, COUNT(*) FROM attempts WHERE first = 1 "
            "GROUP BY skill, correct"):
        if isinstance(skill, str) and type(correct) is int and correct in (0, 1):
            seen, right = per_skill.get(skill, (0, 0))
            per_skill[skill] = (seen + n, right + n * correct)
    total = sum(n for n, _ in per_skill.values())
    right = sum(c or 0 for _, c in per_skill.values())
    mastery = all_mastery(sorted({*skills, *per_skill}), store.recent_first_attempts(), now,
                          ceilings)
    levels = store.levels()
    quizzes = [{**q, "started": local_time(q["started"]), "finished": local_time(q["finished"])}
               for q in recent_quizzes(store)]
    return {
        "attempts": total,
        "correct": right,
        "skills": {skill: {"name": names.get(skill, skill),
                           "topic": names.get(topic_of.get(skill, ""), topic_of.get(skill)),
                           "attempts": per_skill.get(skill, (0, 0))[0],
                           "correct": per_skill.get(skill, (0, 0))[1] or 0,
                           "mastery": m.name, "mastery_step": m.level,
                           "difficulty": levels.get(skill, floors.get(skill)),
                           "due": m.due(now), "due_at": local_time(m.due_at)}
                   for skill, m in mastery.items()},
        "days": [vars(d) for d in by_day(store)],
        "quizzes": quizzes,
        "mastery_steps": list(LEVELS),
    }


_VALID_DAY = valid_row("daily")
_VALID_QUIZ = valid_row("quizzes")


@dataclass(frozen=True)
class TopicDay:
    """First attempts at one topic on one local day."""

    day: str  # YYYY-MM-DD, local
    ago: int  # 0 for today, 1 for yesterday, …
    attempts: int
    correct: int

    @property
    def accuracy(self) -> float | None:
        """The share right the first time, or None on a day without practice."""
        return self.correct / self.attempts if self.attempts else None


def days_by_topic(store: ProgressStore, now: float | None = None,
                  days: int = 30) -> dict[str, list[TopicDay]]:
    """For each topic practised in the last `days` local days (today included): one TopicDay
    per day, oldest first, days without practice counted as 0 attempts."""
    now = time.time() if now is None else now
    today = local_day(now)
    first_day = today - days + 1
    since = first_day * 86400 - 14 * 3600  # a little early: local days start at any UTC hour
    counts: dict[str, dict[int, list[int]]] = {}
    for at, topic, correct in store.rows(
            f"SELECT at, topic, correct FROM attempts WHERE first = 1 AND at >= ? AND {_VALID}",
            (since,)):
        day = local_day(at)
        if first_day <= day <= today:
            tally = counts.setdefault(topic, {}).setdefault(day, [0, 0])
            tally[0] += 1
            tally[1] += correct
    return {topic: [TopicDay(time.strftime("%Y-%m-%d", time.gmtime(day * 86400)), today - day,
                             *per_day.get(day, (0, 0)))
                    for day in range(first_day, today + 1)]
            for topic, per_day in sorted(counts.items())}


_VALID = valid_row("attempts")
