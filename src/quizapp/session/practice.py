"""Practice one topic or skill until it sticks: a problem at a time, streaks and levels.

Khan-style rules: the first attempt at a problem is the one that counts; 5 clean first-attempt
answers in a row raise the difficulty, 2 misses in a row lower it (a miss is a wrong first attempt
or a skipped problem); using a hint or the solution ends the streak and the problem does not count
toward the level. Levels are the difficulties the skill's families have (a skill may start at 2);
the learner may also choose one, and `on_level` hears of every change so it can be kept.
"""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from quizapp.answers import Verdict
from quizapp.bank import Bank, Problem, choose_families, make_problem
from quizapp.bank.problems import SEED_LIMIT, ResourceOut
from quizapp.grading import grade
from quizapp.progress.store import Attempt

LEVEL_UP = 5
LEVEL_DOWN = 2


class NoProblems(LookupError):
    """No family matches the requested topic / skill."""


@dataclass(frozen=True)
class Feedback:
    """What the learner sees after pressing Enter."""

    verdict: Verdict
    counted: bool  # the first readable attempt at this problem
    streak: int
    level: int
    level_change: int  # +1 raised, −1 lowered, 0 unchanged
    resource: ResourceOut | None  # what to study, after a mistake


class PracticeSession:
    """The state of one practice run; pure logic, no UI."""

    def __init__(self, bank: Bank, topic: str, skill: str | None = None,
                 difficulty: int | None = None, seed: int | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 record: Callable[[Attempt], object] | None = None,
                 now: Callable[[], float] = time.time, mode: str = "practice",
                 on_level: Callable[[int], object] | None = None) -> None:
        families = choose_families(bank, topic, skill)
        if not families:
            raise NoProblems(f"no problems for topic '{topic}'" +
                             (f", skill '{skill}'" if skill else ""))
        self.bank, self.topic, self.skill = bank, topic, skill
        self.levels = tuple(sorted({bank.families[f].difficulty for f in families}))
        self.level = self._nearest(self.levels[0] if difficulty is None else difficulty)
        self.rng = random.Random(f"practice:{topic}:{skill}:{seed}" if seed is not None
                                 else None)
        self.clock, self.now, self.record, self.mode = clock, now, record, mode
        self.on_level = on_level
        self.streak = 0
        self.best_streak = 0
        self.clean_in_a_row = 0
        self.wrong_in_a_row = 0
        self.answered = 0
        self.right_first_time = 0
        self.skipped = 0
        self.problem: Problem | None = None
        self.solved = False
        self.attempts = 0
        self.hints_shown = 0
        self.solution_shown = False
        self.started = clock()

    def _nearest(self, level: int) -> int:
        """The level the skill has that is nearest to `level` (the lower one on a tie)."""
        return min(self.levels, key=lambda have: (abs(have - level), have))

    def _families(self) -> list[str]:
        return choose_families(self.bank, self.topic, self.skill, self.level) or \
            choose_families(self.bank, self.topic, self.skill)

    def choose_level(self, level: int) -> bool:
        """Practise at `level` (the nearest one the skill has) from the next problem on; the
        streak toward the next level starts again. False if the level does not change."""
        chosen = self._nearest(level)
        if chosen == self.level:
            return False
        self._move_to(chosen)
        return True

    def step_level(self, step: int) -> bool:
        """One level harder (+1) or easier (−1) among the levels the skill has."""
        index = self.levels.index(self.level) + step
        if not 0 <= index < len(self.levels):
            return False
        self._move_to(self.levels[index])
        return True

    def _move_to(self, level: int) -> None:
        self.level = level
        self.clean_in_a_row = self.wrong_in_a_row = 0
        if self.on_level is not None:
            self.on_level(level)

    def skip(self) -> int:
        """Leave the current problem for a fresh one. An unanswered problem counts as a miss for
        the level (it is not saved as a wrong answer); returns the level change (−1 or 0)."""
        if self.problem is None or self.solved or self.attempts > 0:
            return 0
        self.skipped += 1
        self.streak = 0
        self.clean_in_a_row = 0
        return self._miss()

    def next_problem(self) -> Problem:
        """Move on to a fresh problem at the current level."""
        family = self.rng.choice(self._families())
        self.problem = make_problem(self.bank, family, self.rng.randrange(SEED_LIMIT))
        self.solved, self.attempts, self.hints_shown = False, 0, 0
        self.solution_shown = False
        self.started = self.clock()
        return self.problem

    @property
    def level_progress(self) -> tuple[int, int]:
        """(clean answers in a row at this level, how many raise it)."""
        return self.clean_in_a_row, LEVEL_UP

    def submit(self, text: str) -> Feedback:
        """Check an answer to the current problem."""
        assert self.problem is not None, "call next_problem() first"
        verdict = grade(self.problem, text)
        counted = verdict.error is None and self.attempts == 0 and not self.solved
        change = 0
        if verdict.error is None:
            self.attempts += 1
        if counted:
            self.answered += 1
            change = self._count(verdict.correct)
        if verdict.error is None and self.record is not None:
            # Committed before the verdict is shown: what the learner saw checked is saved.
            self.record(Attempt(
                at=self.now(), problem_id=self.problem.id, topic=self.problem.topic,
                skill=self.problem.skill, difficulty=self.problem.difficulty, answer=text,
                correct=verdict.correct, misconception=verdict.misconception,
                seconds=round(self.clock() - self.started, 3), hints=self.hints_shown,
                mode=self.mode, first=counted))
        if verdict.correct:
            self.solved = True
        resource = None if verdict.correct or verdict.error else self.recommended()
        return Feedback(verdict, counted, self.streak, self.level, change, resource)

    def _count(self, correct: bool) -> int:
        clean = correct and self.hints_shown == 0 and not self.solution_shown
        if correct:
            self.right_first_time += 1
        if clean:
            self.streak += 1
            self.best_streak = max(self.best_streak, self.streak)
            self.clean_in_a_row += 1
            self.wrong_in_a_row = 0
            if self.clean_in_a_row >= LEVEL_UP:
                self.clean_in_a_row = 0
                return 1 if self.step_level(1) else 0
            return 0
        self.streak = 0
        self.clean_in_a_row = 0
        return 0 if correct else self._miss()

    def _miss(self) -> int:
        self.wrong_in_a_row += 1
        if self.wrong_in_a_row >= LEVEL_DOWN:
            self.wrong_in_a_row = 0
            return -1 if self.step_level(-1) else 0
        return 0

    def hint(self) -> str | None:
        """The next hint, or None when all are shown. Using one ends the streak."""
        assert self.problem is not None
        if self.hints_shown >= len(self.problem.hints):
            return None
        self.hints_shown += 1
        self.streak = 0
        return self.problem.hints[self.hints_shown - 1]

    def solution(self) -> tuple[str, ...]:
        """The worked solution. Seeing it ends the streak."""
        assert self.problem is not None
        self.solution_shown = True
        self.streak = 0
        return self.problem.solution

    def recommended(self) -> ResourceOut | None:
        """The best resource for the current problem's skill."""
        if self.problem is None or not self.problem.resources:
            return None
        return self.problem.resources[0]


class ReviewSession(PracticeSession):
    """Review mistakes: for each, a fresh problem of the same family (so of the same skill), until
    one is answered right; one answered wrong again comes back later as yet another fresh one."""

    def __init__(self, bank: Bank, problem_ids: list[str], **kwargs: object) -> None:
        families = []
        for pid in problem_ids:
            family, _, seed = pid.strip().rpartition(".")
            if family in bank.families and seed.isdigit() and family not in families:
                families.append(family)  # else saved by another version of the bank
        if not families:
            raise NoProblems("no mistakes to review — well done")
        first = bank.families[families[0]]
        super().__init__(bank, first.topic, mode="review", **kwargs)  # type: ignore[arg-type]
        self.queue = families
        self.reviewed = set(problem_ids)

    @property
    def remaining(self) -> int:
        """Mistakes still to get right."""
        return len(self.queue) + (0 if self.solved or self.problem is None else 1)

    def next_problem(self) -> Problem:
        """A fresh problem for the next mistake; one answered wrong again goes to the back."""
        from quizapp.generators import GenerationFailed

        if self.problem is not None and not self.solved:
            self.queue.append(self.problem.family)
        while self.queue:
            family = self.queue.pop(0)
            for _ in range(5):  # a fresh seed: never the problem that was answered wrong
                try:
                    problem = make_problem(self.bank, family, self.rng.randrange(SEED_LIMIT))
                except GenerationFailed:
                    continue
                if problem.id not in self.reviewed:
                    break
            else:
                continue
            self.problem, self.topic = problem, problem.topic
            self.solved, self.attempts, self.hints_shown = False, 0, 0
            self.solution_shown = False
            self.started = self.clock()
            return problem
        raise NoProblems("all reviewed — every mistake is now answered right")
