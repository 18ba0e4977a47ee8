"""A quiz left early is abandoned (no score); skipped and timed-out questions are kept for
review; a half-typed answer at the deadline is graded if it reads."""

from pathlib import Path

from quizapp.bank import default_bank
from quizapp.progress import ProgressStore
from quizapp.progress.stats import recent_quizzes
from quizapp.session import QuizSession, QuizSpec

SPEC = QuizSpec(("derivatives",), 3, 1, 32)


def quiz(tmp_path: Path, clock: list[float]) -> tuple[QuizSession, ProgressStore]:
    store = ProgressStore(tmp_path, clock=lambda: 1_800_000_000.0)
    return QuizSession(default_bank(), SPEC, clock=lambda: clock[0], store=store,
                       now=lambda: 1_800_000_000.0), store


def test_an_abandoned_quiz_is_recorded_as_abandoned_not_scored(tmp_path: Path) -> None:
    clock = [0.0]
    session, store = quiz(tmp_path, clock)
    session.submit(session.current.problem.answer)
    session.abandon()
    [saved] = recent_quizzes(store)
    assert saved["status"] == "abandoned" and saved["answered"] == 1
    session.finish()  # nothing later turns it into a score
    assert recent_quizzes(store)[0]["status"] == "abandoned"


def test_skipped_and_timed_out_questions_are_kept_for_review(tmp_path: Path) -> None:
    clock = [0.0]
    session, store = quiz(tmp_path, clock)
    skipped = session.current.problem
    session.skip()
    on_screen = session.current.problem
    clock[0] = 61.0
    results = session.results()
    assert results.timed_out
    assert set(store.pending_mistakes()) == {skipped.id, on_screen.id}
    assert recent_quizzes(store)[0]["answered"] == 0  # neither is an answer


def test_a_readable_answer_typed_when_time_ran_out_is_graded(tmp_path: Path) -> None:
    clock = [0.0]
    session, store = quiz(tmp_path, clock)
    answer = session.current.problem.answer
    clock[0] = 61.0
    assert session.over
    verdict = session.answer_at_deadline(answer)
    assert verdict is not None and verdict.correct
    results = session.results()
    assert results.right == 1 and results.timed_out
    assert recent_quizzes(store)[0]["right"] == 1


def test_an_unreadable_answer_at_the_deadline_is_listed_as_unanswered(tmp_path: Path) -> None:
    clock = [0.0]
    session, store = quiz(tmp_path, clock)
    problem = session.current.problem
    clock[0] = 61.0
    assert session.answer_at_deadline("3*x^(") is None
    results = session.results()
    assert results.right == 0
    assert results.mistakes[0].problem.id == problem.id
    assert results.mistakes[0].unread == "3*x^(" and results.mistakes[0].verdict is None
    assert store.pending_mistakes() == [problem.id]


def test_results_leave_out_topics_that_had_no_question() -> None:
    topics = ("derivatives", "eigenvalues", "probability")
    session = QuizSession(default_bank(), QuizSpec(topics, 2, 1, 5), clock=lambda: 0.0)
    assert [(s.topic, s.questions) for s in session.results().topics] == \
        [("derivatives", 1), ("eigenvalues", 1)]
