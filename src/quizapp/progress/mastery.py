"""Khan-style mastery per skill from recent first attempts, decaying so skills come due again.

Levels: not started → attempted → familiar → proficient → mastered. A level is earned from the
last first attempts (recent ones weigh more) and the difficulty reached; each level has a review
interval (spaced repetition): once it has passed since the skill was last practised the skill is
due, and after twice the interval its level drops one step until practised again.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from quizapp.progress.store import Attempt

LEVELS = ("not started", "attempted", "familiar", "proficient", "mastered")
DAY = 86_400.0
REVIEW_AFTER = {1: 1 * DAY, 2: 3 * DAY, 3: 7 * DAY, 4: 21 * DAY}  # by level index
RECENT = 10


@dataclass(frozen=True)
class Mastery:
    """Where a learner stands on one skill."""

    skill: str
    level: int  # index into LEVELS
    attempts: int
    correct: int
    score: float  # recency-weighted accuracy of recent first attempts, 0..1
    last_practised: float | None
    due_at: float | None

    @property
    def name(self) -> str:
        """The level's name."""
        return LEVELS[self.level]

    def due(self, now: float) -> bool:
        """Whether the skill should be reviewed now."""
        return self.due_at is not None and now >= self.due_at


def _earned(recent: list[Attempt], ceiling: int = 3) -> tuple[int, float]:
    """Level and score from recent first attempts; `ceiling` is the skill's top difficulty."""
    if not recent:
        return 0, 0.0
    weights = [0.85 ** (len(recent) - 1 - i) for i in range(len(recent))]
    score = sum(w for w, a in zip(weights, recent, strict=True) if a.correct) / sum(weights)
    hard_right = sum(1 for a in recent if a.correct and a.difficulty >= min(2, ceiling))
    hardest_right = sum(1 for a in recent if a.correct and a.difficulty >= ceiling)
    if len(recent) >= 8 and score >= 0.9 and hardest_right >= 2:
        return 4, score
    if len(recent) >= 5 and score >= 0.8 and hard_right >= 2:
        return 3, score
    if len(recent) >= 3 and score >= 0.6:
        return 2, score
    return 1, score


def skill_mastery(skill: str, attempts: Iterable[Attempt], now: float,
                  ceiling: int = 3) -> Mastery:
    """Mastery of `skill` at time `now`, from its attempts (any order); `ceiling` is the highest
    difficulty the skill's problems have (a skill without difficulty 3 can still be mastered)."""
    firsts = sorted((a for a in attempts if a.skill == skill and a.first), key=lambda a: a.at)
    if not firsts:
        return Mastery(skill, 0, 0, 0, 0.0, None, None)
    level, score = _earned(firsts[-RECENT:], ceiling)
    last = firsts[-1].at
    interval = REVIEW_AFTER[level]
    elapsed = now - last
    while level > 1 and elapsed >= 2 * REVIEW_AFTER[level]:  # forgotten a little: decay
        elapsed -= REVIEW_AFTER[level]
        level -= 1
    return Mastery(skill, level, len(firsts), sum(a.correct for a in firsts), score, last,
                   last + interval)


def all_mastery(skills: Iterable[str], attempts: list[Attempt], now: float,
                ceilings: dict[str, int] | None = None) -> dict[str, Mastery]:
    """Mastery of every skill (`ceilings`: each skill's highest difficulty, default 3)."""
    by_skill: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        by_skill.setdefault(attempt.skill, []).append(attempt)
    return {s: skill_mastery(s, by_skill.get(s, []), now, (ceilings or {}).get(s, 3))
            for s in skills}


def weakest(mastery: dict[str, Mastery]) -> str | None:
    """The skill to practise next: the lowest level, then the lowest score, started ones first."""
    if not mastery:
        return None
    return min(mastery.values(), key=lambda m: (m.level == 0, m.level, m.score)).skill


def due(mastery: dict[str, Mastery], now: float) -> list[str]:
    """Skills due for review, the most overdue first."""
    return [m.skill for m in sorted(mastery.values(), key=lambda m: m.due_at or 0)
            if m.due(now)]


def mistakes_to_review(attempts: list[Attempt]) -> list[str]:
    """Mistakes to review, oldest first (as the store computes): per family whose latest attempt
    was wrong (right retries left out), that attempt's problem id."""
    latest: dict[str, Attempt] = {}
    for attempt in sorted(attempts, key=lambda a: a.at):
        if attempt.first or not attempt.correct:  # a right retry does not clear a mistake
            latest[attempt.problem_id.rstrip("0123456789").rstrip(".")] = attempt
    return [a.problem_id for a in sorted(latest.values(), key=lambda a: a.at) if not a.correct]
