"""Grading an answer against a generated Problem: the key, the problem's own misconceptions, and
for derivatives the slips found from the function itself. Pure; used by the session layer, the
app and `check --batch`."""

from functools import lru_cache

from quizapp.answers import (
    Answer,
    AnswerError,
    AnswerKind,
    Misconception,
    Value,
    Verdict,
    check,
    read_answer,
)
from quizapp.bank import Problem


def grade(problem: Problem, answer: str) -> Verdict:
    """Check `answer` against `problem`; a wrong answer is named by the problem's misconceptions
    or, failing those, by the slip it shows (for a derivative)."""
    known = [Misconception(m.id, m.answer, m.feedback) for m in problem.misconceptions]
    verdict = check(answer, problem.answer, problem.answer_kind, problem.variables,
                    problem.domain or None, known)
    if verdict.correct or verdict.error or verdict.misconception:
        return verdict
    found = slip_misconceptions(problem)
    if not found:
        return verdict
    named = check(answer, problem.answer, problem.answer_kind, problem.variables,
                  problem.domain or None, found)
    return named if named.misconception else verdict


def prepare(problem: Problem) -> None:
    """Work out what grading `problem` needs ahead of the learner's Enter (the app calls this
    while the learner reads)."""
    slip_misconceptions(problem)


@lru_cache(maxsize=128)
def _slips_of(function_text: str, variable: str) -> tuple[Misconception, ...]:
    from quizapp.grading.derivative_slips import slips

    try:
        read = read_answer(function_text, AnswerKind.EXPRESSION, (variable,))
    except AnswerError:
        return ()
    symbol = next((s for s in read.values[0].expr.free_symbols if s.name == variable), None)
    if symbol is None:
        return ()
    return tuple(
        Misconception(slip.id, Answer(AnswerKind.EXPRESSION, (Value(slip.derivative),)),
                      slip.feedback)
        for slip in slips(read.values[0].expr, symbol))


def slip_misconceptions(problem: Problem) -> tuple[Misconception, ...]:
    """The derivative slips of a differentiation problem (none for other problems)."""
    function, variable = problem.data.get("function"), problem.data.get("variable")
    if (problem.answer_kind != "expression" or not isinstance(function, str)
            or not isinstance(variable, str) or problem.data.get("respect_to") is not None):
        return ()
    return _slips_of(function, variable)


__all__ = ["grade", "prepare", "slip_misconceptions"]
