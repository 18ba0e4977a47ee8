"""Grading against a generated problem by its id, naming the misconception an answer matches."""

from functools import lru_cache

from quizapp.answers import Verdict
from quizapp.bank import Problem, UnknownProblem, default_bank, problem_by_id
from quizapp.grading import grade


@lru_cache(maxsize=256)
def _problem(problem_id: str) -> Problem:
    return problem_by_id(default_bank(), problem_id)


def grade_problem(problem_id: str, answer: str) -> Verdict:
    """Grade `answer` against the problem `problem_id`; an unknown id gives an error verdict."""
    from quizapp.generators import GenerationFailed

    try:
        problem = _problem(problem_id)
    except UnknownProblem as exc:
        return Verdict(False, exc.message, error=exc.message)
    except GenerationFailed as exc:
        message = f"problem {problem_id} cannot be generated: {exc}"
        return Verdict(False, message, error=message)
    return grade(problem, answer)
