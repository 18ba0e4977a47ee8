"""Practice one topic or skill until it sticks: a problem at a time, streaks and levels.

Khan-style rules: the first attempt at a problem is the one that counts; 5 clean first-attempt
answers in a row raise the difficulty, 2 misses in a row lower it (a miss is a wrong first attempt
or a skipped problem); using a hint or the solution ends the streak and the problem does not count
toward the level. Levels are the difficulties the skill's families have (a skill may start at 2);
the learner may also choose one, and `on_level` hears of every change so it can be kept.

Each skill has its own level, also when a whole topic is practised: a problem comes from one of
the topic's skills at that skill's level, and what the answer earns (or a chosen level) goes to
that skill.
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


@dataclass
class SkillLevel:
    """Where one skill stands in this run: the levels it has, the one practised, and the clean
    answers / misses in a row that move it."""

    levels: tuple[int, ...]
    level: int
    clean_in_a_row: int = 0
    wrong_in_a_row: int = 0

    def nearest(self, level: int) -> int:
        """The level the skill has that is nearest to `level` (the lower one on a tie)."""
        return min(self.levels, key=lambda have: (abs(have - level), have))


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
                 on_level: Callable[[str, int], object] | None = None,
                 saved_level: Callable[[str], int | None] | None = None) -> None:
        families = choose_families(bank, topic, skill)
        if not families:
            raise NoProblems(f"no problems for topic '{topic}'" +
                             (f", skill '{skill}'" if skill else ""))
        self.bank, self.topic, self.skill = bank, topic, skill
        self.difficulty, self.saved_level = difficulty, saved_level
        self.skills: dict[str, SkillLevel] = {}
        for family in families:
            self._skill_level(bank.families[family].skill)
        self.focus = skill or bank.families[families[0]].skill  # the skill on screen
        self.rng = random.Random(f"practice:{topic}:{skill}:{seed}" if seed is not None
                                 else None)
        self.clock, self.now, self.record, self.mode = clock, now, record, mode
        self.on_level = on_level
        self.streak = 0
        self.best_streak = 0
        self.answered = 0
        self.right_first_time = 0
        self.skipped = 0
        self.problem: Problem | None = None
        self.solved = False
        self.first_right = False  # the first readable attempt at the problem was right
        self.attempts = 0
        self.hints_shown = 0
        self.solution_shown = False
        self.started = clock()

    def _skill_level(self, skill: str) -> SkillLevel:
        """The level state of `skill`, made on first use: the difficulty asked for, else the
        saved level, else the skill's easiest (always one of the levels the skill has)."""
        state = self.skills.get(skill)
        if state is None:
            levels = tuple(sorted({f.difficulty for f in self.bank.families.values()
                                   if f.skill == skill})) or (1,)
            start = self.difficulty
            if start is None and self.saved_level is not None:
                start = self.saved_level(skill)
            state = SkillLevel(levels, levels[0])
            state.level = state.nearest(levels[0] if start is None else start)
            self.skills[skill] = state
        return state

    @property
    def current(self) -> SkillLevel:
        """The level state of the skill on screen."""
        return self._skill_level(self.problem.skill if self.problem is not None else self.focus)

    @property
    def levels(self) -> tuple[int, ...]:
        """The levels the skill on screen has."""
        return self.current.levels

    @property
    def level(self) -> int:
        """The level the skill on screen is practised at."""
        return self.current.level

    @property
    def clean_in_a_row(self) -> int:
        """Clean first-attempt answers in a row at the skill's level."""
        return self.current.clean_in_a_row

    @property
    def wrong_in_a_row(self) -> int:
        """Misses in a row at the skill's level."""
        return self.current.wrong_in_a_row

    def _families(self, skill: str | None = None) -> list[str]:
        """Families to draw from: each skill's own at its level (or all of its, if it has none
        at that level); only `skill`'s when one is named."""
        chosen: list[str] = []
        for name in ([skill] if skill else [self.skill] if self.skill else list(self.skills)):
            level = self._skill_level(name).level
            chosen += choose_families(self.bank, self.topic, name, level) or \
                choose_families(self.bank, self.topic, name)
        return sorted(chosen, key=list(self.bank.families).index)

    def choose_level(self, level: int) -> bool:
        """Practise at `level` (the nearest one the skill has) from the next problem on; the
        streak toward the next level starts again. False if the level does not change."""
        chosen = self.current.nearest(level)
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
        state = self.current
        state.level = level
        state.clean_in_a_row = state.wrong_in_a_row = 0
        if self.on_level is not None:
            self.on_level(self.problem.skill if self.problem is not None else self.focus, level)

    def skip(self) -> int:
        """Leave the current problem for a fresh one. An unanswered problem counts as a miss for
        the level (it is not saved as a wrong answer); returns the level change (−1 or 0)."""
        if self.problem is None or self.solved or self.attempts > 0:
            return 0
        self.skipped += 1
        self.streak = 0
        self.current.clean_in_a_row = 0
        return self._miss()

    def next_problem(self, skill: str | None = None) -> Problem:
        """Move on to a fresh problem, each skill at its level; of `skill` when one is named
        (e.g. right after its level was chosen, so that the learner sees the change)."""
        if skill is not None and skill not in self.skills:
            skill = None
        family = self.rng.choice(self._families(skill))
        self.problem = make_problem(self.bank, family, self.rng.randrange(SEED_LIMIT))
        self.solved, self.attempts, self.hints_shown = False, 0, 0
        self.solution_shown, self.first_right = False, False
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
            self.first_right = verdict.correct
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
        state = self.current
        if clean:
            self.streak += 1
            self.best_streak = max(self.best_streak, self.streak)
            state.clean_in_a_row += 1
            state.wrong_in_a_row = 0
            if state.clean_in_a_row >= LEVEL_UP:
                state.clean_in_a_row = 0
                return 1 if self.step_level(1) else 0
            return 0
        self.streak = 0
        state.clean_in_a_row = 0
        return 0 if correct else self._miss()

    def _miss(self) -> int:
        state = self.current
        state.wrong_in_a_row += 1
        if state.wrong_in_a_row >= LEVEL_DOWN:
            state.wrong_in_a_row = 0
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
    one is answered right at the first attempt; one missed again (even if then put right, or
    copied from the solution) comes back later as yet another fresh one."""

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
        done = self.problem is None or (self.solved and self.first_right)
        return len(self.queue) + (0 if done else 1)

    def next_problem(self, skill: str | None = None) -> Problem:
        """A fresh problem for the next mistake; one answered wrong again goes to the back
        (`skill` is not used: the mistakes decide what comes)."""
        from quizapp.generators import GenerationFailed

        if self.problem is not None and not (self.solved and self.first_right):
            self.queue.append(self.problem.family)  # right only after a miss: it comes back
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
            self.solution_shown, self.first_right = False, False
            self.started = self.clock()
            return problem
        raise NoProblems("all reviewed — every mistake is now answered right")
