"""A timed quiz: a fixed set of problems from a shareable code, a deadline, then the results."""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from quizapp.answers import Verdict
from quizapp.bank import Bank, Problem, choose_families, make_problem
from quizapp.bank.problems import SEED_LIMIT, ResourceOut
from quizapp.grading import grade
from quizapp.progress.store import Attempt
from quizapp.session.spec import BadQuiz, QuizSpec


@dataclass
class QuizItem:
    """One question of the quiz and what became of it."""

    problem: Problem
    answer: str | None = None
    verdict: Verdict | None = None
    skipped: bool = False
    unread: str | None = None  # typed when time ran out, but could not be read

    @property
    def correct(self) -> bool:
        """Whether it was answered right."""
        return self.verdict is not None and self.verdict.correct


@dataclass(frozen=True)
class TopicScore:
    """Right answers out of questions for one topic."""

    topic: str
    right: int
    questions: int


@dataclass(frozen=True)
class StudyItem:
    """A resource to study next, with how many of the quiz's mistakes it covers."""

    resource: ResourceOut
    mistakes: int


@dataclass(frozen=True)
class QuizResults:
    """The results screen's content."""

    right: int
    questions: int
    seconds: float
    timed_out: bool
    topics: tuple[TopicScore, ...]
    mistakes: tuple[QuizItem, ...]
    study_next: tuple[StudyItem, ...] = field(default_factory=tuple)
    ended_early: bool = False


def make_quiz_problems(bank: Bank, spec: QuizSpec) -> list[Problem]:
    """The quiz's problems: spread over its topics and over difficulties 1–3, fixed by the seed."""
    unknown = [t for t in spec.topics if t not in bank.topics]
    if unknown or not spec.topics:
        raise BadQuiz(f"unknown topic {', '.join(unknown) or '(none)'}; choose from "
                      f"{', '.join(bank.topics)}")
    if not 1 <= spec.questions <= 100 or not 0 < spec.minutes <= 300:
        raise BadQuiz("a quiz has 1 to 100 questions and lasts up to 300 minutes")
    rng = random.Random(f"quiz:{spec.code}")
    problems = []
    for index in range(spec.questions):
        topic = spec.topics[index % len(spec.topics)]
        difficulty = 1 + (index * 3) // spec.questions  # easy first, harder later
        families = choose_families(bank, topic, None, difficulty) or choose_families(bank, topic)
        problems.append(make_problem(bank, rng.choice(families), rng.randrange(SEED_LIMIT)))
    return problems


class QuizSession:
    """The state of one timed quiz; the clock is injected so tests can run it instantly."""

    def __init__(self, bank: Bank, spec: QuizSpec,
                 clock: Callable[[], float] = time.monotonic, store: object | None = None,
                 now: Callable[[], float] = time.time) -> None:
        self.bank, self.spec, self.clock, self.store, self.now = bank, spec, clock, store, now
        self.items = [QuizItem(p) for p in make_quiz_problems(bank, spec)]
        self.index = 0
        self.started = clock()
        self.deadline = self.started + spec.minutes * 60
        self.finished_at: float | None = None
        self.ended_early = False
        self.time_ran_out = False
        self.abandoned = False
        self._saved = False  # the quiz's end (score or abandoned) is written
        self._deadline_seen = False  # the question on screen when time ran out is dealt with
        self.asked_at = self.started
        self.id = f"{spec.code}@{self.now():.3f}"
        if self.store is not None:
            self.store.start_quiz(self.id, spec.code, len(self.items))  # type: ignore[attr-defined]

    @property
    def current(self) -> QuizItem | None:
        """The question being answered, or None when the quiz is over."""
        return None if self.over else self.items[self.index]

    def remaining(self) -> float:
        """Seconds left (never negative)."""
        return max(0.0, self.deadline - self.clock())

    @property
    def over(self) -> bool:
        """Whether time is up or every question has been answered or skipped."""
        if self.finished_at is None and (self.index >= len(self.items) or self.remaining() <= 0):
            self.finished_at = min(self.clock(), self.deadline)
            self.time_ran_out = self.index < len(self.items)
        return self.finished_at is not None

    def submit(self, text: str) -> Verdict:
        """Answer the current question; a readable answer moves on, an unreadable one does not."""
        item = self.current
        if item is None:
            raise RuntimeError("the quiz is over")
        verdict = grade(item.problem, text)
        if verdict.error is None:
            self._answered(item, text, verdict)
        return verdict

    def _answered(self, item: QuizItem, text: str, verdict: Verdict) -> None:
        item.answer, item.verdict = text, verdict
        if self.store is not None:  # committed before the verdict is shown
            p = item.problem
            self.store.record(Attempt(  # type: ignore[attr-defined]
                at=self.now(), problem_id=p.id, topic=p.topic, skill=p.skill,
                difficulty=p.difficulty, answer=text, correct=verdict.correct,
                misconception=verdict.misconception,
                seconds=round(min(self.clock(), self.deadline) - self.asked_at, 3), hints=0,
                mode="quiz", quiz_id=self.id))
        self.index += 1
        self.asked_at = self.clock()

    def _missed(self, item: QuizItem, why: str, text: str = "") -> None:
        """Save a question left unanswered (skipped, or on screen when time ran out) so that
        "Review mistakes" brings it back. Not a first attempt: not in the score or mastery."""
        if self.store is not None:
            p = item.problem
            self.store.record(Attempt(  # type: ignore[attr-defined]
                at=self.now(), problem_id=p.id, topic=p.topic, skill=p.skill,
                difficulty=p.difficulty, answer=text, correct=False, misconception=why,
                seconds=round(min(self.clock(), self.deadline) - self.asked_at, 3), hints=0,
                mode="quiz", quiz_id=self.id, first=False))

    def skip(self) -> None:
        """Leave the current question unanswered and move on."""
        item = self.current
        if item is not None:
            item.skipped = True
            self._missed(item, "skipped")
            self.index += 1
            self.asked_at = self.clock()

    def answer_at_deadline(self, text: str) -> Verdict | None:
        """Time ran out with `text` in the answer box: graded if it reads, otherwise the
        question is listed as unanswered (and kept for review). Call before `results`."""
        if not self.over or not self.time_ran_out or self.index >= len(self.items) \
                or self._saved or self._deadline_seen:
            return None
        self._deadline_seen = True
        item = self.items[self.index]
        if text.strip():
            verdict = grade(item.problem, text)
            if verdict.error is None:
                self._answered(item, text, verdict)
                return verdict
            item.unread = text
        self._missed(item, "timed-out", text)
        self.index += 1
        return None

    def abandon(self) -> None:
        """Leave the quiz before its end: it is recorded as abandoned, not as a score."""
        if self._saved:
            return
        self._saved = self.abandoned = True
        if self.finished_at is None:
            self.finished_at = min(self.clock(), self.deadline)
            self.ended_early = True
        if self.store is not None:
            self.store.abandon_quiz(self.id)  # type: ignore[attr-defined]

    def finish(self) -> None:
        """End the quiz now."""
        if self.finished_at is None:
            self.finished_at = min(self.clock(), self.deadline)
            self.ended_early = self.index < len(self.items) and self.finished_at < self.deadline
        if self.store is not None and not self._saved:
            self._saved = True
            self.store.finish_quiz(self.id, sum(i.correct for i in self.items))  # type: ignore[attr-defined]

    def results(self) -> QuizResults:
        """Score, time, per-topic table, mistakes, and what to study next."""
        self.answer_at_deadline("")  # the question on screen when time ran out, if not yet
        self.finish()
        assert self.finished_at is not None
        scores = []
        for topic in self.spec.topics:
            mine = [i for i in self.items if i.problem.topic == topic]
            if mine:  # a quiz with fewer questions than topics leaves some out
                scores.append(TopicScore(topic, sum(i.correct for i in mine), len(mine)))
        mistakes = tuple(i for i in self.items if not i.correct)
        return QuizResults(
            right=sum(i.correct for i in self.items), questions=len(self.items),
            seconds=self.finished_at - self.started,
            timed_out=self.time_ran_out or (self.finished_at >= self.deadline
                                            and self.index < len(self.items)),
            topics=tuple(scores), mistakes=mistakes, study_next=study_next(mistakes),
            ended_early=self.ended_early,
        )


def study_next(mistakes: tuple[QuizItem, ...]) -> tuple[StudyItem, ...]:
    """Resources ranked by how many mistakes they cover (a mistake is covered by its skill's
    resources); ties keep the skill's best-first order."""
    counts: dict[str, int] = {}
    first_seen: dict[str, tuple[int, ResourceOut]] = {}
    for item in mistakes:
        for rank, resource in enumerate(item.problem.resources):
            counts[resource.id] = counts.get(resource.id, 0) + 1
            if resource.id not in first_seen or rank < first_seen[resource.id][0]:
                first_seen[resource.id] = (rank, resource)
    ordered = sorted(counts, key=lambda rid: (-counts[rid], first_seen[rid][0]))
    items, urls = [], set()
    for rid in ordered:
        resource = first_seen[rid][1]
        if resource.url not in urls:  # two weeks of one course share a link: list it once
            urls.add(resource.url)
            items.append(StudyItem(resource, counts[rid]))
    return tuple(items[:5])
