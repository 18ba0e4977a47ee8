"""Check a learner's answer against the expected one and say what is wrong: the Verdict."""

from collections.abc import Sequence
from functools import lru_cache

from quizapp.answers.absent import compare_none
from quizapp.answers.direction import compare_directions
from quizapp.answers.equivalence import Comparison, Domain, functions_equal, values_equal
from quizapp.answers.errors import AnswerError
from quizapp.answers.model import Answer, AnswerKind, Misconception, Value, Verdict
from quizapp.answers.reading import read_answer
from quizapp.answers.rounding import rounded_exact
from quizapp.answers.words import UNDEFINED, is_undefined

RIGHT = "Correct!"
# Expected answers and misconceptions recur across checks (a problem, a class's batch): read once.
_read_trusted = lru_cache(maxsize=1024)(read_answer)
_RELATION_FEEDBACK = {
    "negated": "Check the sign: your answer is the negative of the right one.",
    "factor": "Close: your answer is off by a constant factor.",
    "offset": "Close: your answer is off by a constant.",
    "too-few-digits": "Give at least 3 significant digits, or the exact value.",
}


def check(answer: str, expected: str | Answer, kind: str | AnswerKind,
          variables: Sequence[str] = ("x",), domain: Domain | None = None,
          misconceptions: Sequence[Misconception] = ()) -> Verdict:
    """Check `answer` (learner text) against `expected` (text in plain sympy syntax, or read).

    Never raises for bad learner text: an unreadable answer gives a Verdict with `error` set.
    When the answer is wrong and equals one of `misconceptions`, the verdict names it.
    """
    kind = AnswerKind(kind)
    variables = tuple(variables)
    if kind == AnswerKind.VECTOR and isinstance(expected, str) and (
            is_undefined(expected) or is_undefined(answer)):
        return _check_undefined(answer, expected, misconceptions)
    try:
        want = expected if isinstance(expected, Answer) else _read_trusted(
            expected, kind, variables)
    except AnswerError as exc:
        return Verdict(False, f"The expected answer cannot be read: {exc.message}",
                       error=f"expected answer unreadable: {exc.message}")
    # Numbers, vectors, matrices and multisets are constants unless the key itself has variables.
    answer_variables = variables if kind == AnswerKind.EXPRESSION or any(
        v.expr.free_symbols for v in want.values) else ()
    try:
        got = read_answer(answer, kind, answer_variables)
    except AnswerError as exc:
        return Verdict(False, exc.message, error=exc.message)
    except RecursionError:
        return Verdict(False, "Too deeply nested — simplify the answer",
                       error="Too deeply nested — simplify the answer")
    try:
        verdict = compare(want, got, variables, domain)
        if not verdict.correct and verdict.error is None:
            verdict = _name_misconception(verdict, got, misconceptions, variables, domain)
    except (ArithmeticError, TypeError, ValueError, AttributeError, RecursionError):
        # sympy or mpmath failing on a value they cannot decide: not the learner's fault
        message = "This answer cannot be checked automatically — simplify it"
        return Verdict(False, message, got.line, error=message, notes=got.notes)
    return verdict


def _check_undefined(answer: str, expected: str,
                     misconceptions: Sequence[Misconception]) -> Verdict:
    """A vector answer where the key, or the learner, says `undefined` (e.g. a product's shape)."""
    if not is_undefined(expected):
        for misconception in misconceptions:
            if isinstance(misconception.answer, str) and is_undefined(misconception.answer):
                return Verdict(False, misconception.feedback, UNDEFINED,
                               misconception=misconception.id)
        return Verdict(False, "Not quite: this has an answer — it is not undefined.", UNDEFINED)
    if is_undefined(answer):
        return Verdict(True, RIGHT, UNDEFINED)
    try:
        got = read_answer(answer, AnswerKind.VECTOR, ())
    except AnswerError as exc:
        return Verdict(False, exc.message, error=exc.message)
    except RecursionError:
        return Verdict(False, "Too deeply nested — simplify the answer",
                       error="Too deeply nested — simplify the answer")
    verdict = Verdict(False, "Not quite: this one is not defined — type undefined.", got.line,
                      notes=got.notes)
    return _name_misconception(verdict, got, misconceptions, (), None)


def _name_misconception(verdict: Verdict, got: Answer, misconceptions: Sequence[Misconception],
                        variables: tuple[str, ...], domain: Domain | None) -> Verdict:
    for misconception in misconceptions:
        try:
            wrong = misconception.answer if isinstance(misconception.answer, Answer) else \
                _read_trusted(misconception.answer, got.kind, variables)
        except AnswerError:
            continue
        if compare(wrong, got, variables, domain).correct:
            return Verdict(False, misconception.feedback, verdict.interpreted,
                           misconception=misconception.id, details=verdict.details,
                           notes=verdict.notes)
    return verdict


def compare(want: Answer, got: Answer, variables: Sequence[str],
            domain: Domain | None = None) -> Verdict:
    """Compare two read answers of the same kind."""
    interpreted, notes = got.line, got.notes
    if AnswerKind.NONE in (want.kind, got.kind):
        return compare_none(want, got)
    if want.kind == AnswerKind.DIRECTION and not any(v.expr.free_symbols for v in want.values):
        return compare_directions(want, got)
    if want.kind == AnswerKind.EXPRESSION:  # decimals are exact here: 0.25x is x/4
        result = values_equal(want.values[0], got.values[0], variables, domain,
                              decimal_rule=False)
        if not result.equal and got.values[0].decimals:
            rounded = rounded_exact(want.values[0], got.values[0], variables, domain)
            if rounded is not None:  # a try-again: it does not cost the attempt
                return Verdict(False, rounded, interpreted, error=rounded, notes=notes)
        return Verdict(result.equal, _single_feedback(result), interpreted, notes=notes)
    if want.kind == AnswerKind.NUMBER:
        result = values_equal(want.values[0], got.values[0], variables, domain)
        return Verdict(result.equal, _single_feedback(result), interpreted, notes=notes)
    if want.kind == AnswerKind.MULTISET:
        return _compare_multisets(want, got, variables, domain)
    return _compare_arrays(want, got, variables, domain)


def _single_feedback(result: Comparison) -> str:
    if result.equal:
        return RIGHT
    if not result.checkable:
        return "This answer cannot be checked automatically."
    if result.relation == "too-large":
        where = f" at {result.where}" if result.where else ""
        return (f"Not quite: your answer is far too large{where} to compare — more than "
                "10^6000 there, while the right answer is an ordinary number.")
    if result.relation == "undefined":
        where = f" at {result.where}" if result.where else ""
        return f"Not quite: your answer is undefined{where}, where the right answer is defined."
    if result.relation in _RELATION_FEEDBACK:
        return _RELATION_FEEDBACK[result.relation]
    return "Not quite — that is not equal to the right answer."


def _shape_name(answer: Answer) -> str:
    if answer.kind == AnswerKind.MATRIX:
        return f"a {answer.shape[0]}×{answer.shape[1]} matrix"
    count = len(answer.values)
    return f"a vector of {count} entr{'y' if count == 1 else 'ies'}"


def _flat_shape(answer: Answer) -> bool:
    return answer.kind == AnswerKind.VECTOR or 1 in answer.shape


def _compare_arrays(want: Answer, got: Answer, variables: Sequence[str],
                    domain: Domain | None) -> Verdict:
    same_shape = want.shape == got.shape and want.kind == got.kind
    # A column written as a row (or as a plain list) is the same vector.
    same_vector = _flat_shape(want) and _flat_shape(got) and len(want.values) == len(got.values)
    if want.kind == got.kind == AnswerKind.VECTOR and not same_shape:
        return Verdict(False, f"Wrong length: expected {len(want.values)} values, got "
                              f"{len(got.values)}.", got.line, notes=got.notes)
    if not (same_shape or same_vector):
        return Verdict(False, f"Wrong shape: expected {_shape_name(want)}, got "
                              f"{_shape_name(got)}.", got.line, notes=got.notes)
    cols = want.shape[1] if want.kind == AnswerKind.MATRIX else 1
    details: list[tuple[str, bool]] = []
    relations: set[str | None] = set()
    for index, (a, b) in enumerate(zip(want.values, got.values, strict=True)):
        result = values_equal(a, b, variables, domain)
        label = (f"({index // cols + 1},{index % cols + 1})" if want.kind == AnswerKind.MATRIX
                 and cols > 1 and want.shape[0] > 1 else str(index + 1))
        details.append((label, result.equal))
        if not result.equal:
            relations.add(result.relation)
    wrong = [label for label, ok in details if not ok]
    if not wrong:
        return Verdict(True, RIGHT, got.line, details=tuple(details), notes=got.notes)
    feedback = _entries_feedback(details)
    if relations == {"too-few-digits"}:
        feedback += " " + _RELATION_FEEDBACK["too-few-digits"]
    return Verdict(False, feedback, got.line, details=tuple(details), notes=got.notes)


def _entries_feedback(details: list[tuple[str, bool]]) -> str:
    """Which entries are wrong — or, when most are, which few are right."""
    wrong = [label for label, ok in details if not ok]
    right = [label for label, ok in details if ok]
    total = len(details)
    if not right:
        return f"Every entry is wrong (0 of {total} right)." if total > 1 else "Not quite."
    if len(wrong) > len(right):
        if len(right) == 1:
            return f"Only entry {right[0]} is right (1 of {total})."
        return f"Only entries {_join(right)} are right ({len(right)} of {total})."
    if len(wrong) == 1:
        return f"Entry {wrong[0]} is wrong ({len(right)} of {total} right)."
    return f"Entries {_join(wrong)} are wrong ({len(right)} of {total} right)."


def _join(labels: list[str]) -> str:
    shown = labels[:6] + (["…"] if len(labels) > 6 else [])
    return ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]


def _compare_multisets(want: Answer, got: Answer, variables: Sequence[str],
                       domain: Domain | None) -> Verdict:
    if len(got.values) != len(want.values):
        count = len(want.values)
        return Verdict(False, f"Expected {count} value{'s' if count != 1 else ''}, got "
                              f"{len(got.values)}.", got.line, notes=got.notes)
    unmatched = list(want.values)
    details: list[tuple[str, bool]] = []
    digits_short = False
    for value in got.values:
        match = _find_match(value, unmatched, variables, domain)
        if isinstance(match, Value):
            unmatched.remove(match)
            details.append((value.line, True))
        else:
            digits_short = digits_short or match == "too-few-digits"
            details.append((value.line, False))
    wrong = [label for label, ok in details if not ok]
    if not wrong:
        return Verdict(True, RIGHT, got.line, details=tuple(details), notes=got.notes)
    right = len(details) - len(wrong)
    feedback = f"{right} of {len(details)} values right; not right: {_join(wrong)}."
    if digits_short:
        feedback += " " + _RELATION_FEEDBACK["too-few-digits"]
    return Verdict(False, feedback, got.line, details=tuple(details), notes=got.notes)


def _find_match(value: Value, candidates: list[Value], variables: Sequence[str],
                domain: Domain | None) -> Value | str | None:
    relation = None
    for candidate in candidates:
        result = values_equal(candidate, value, variables, domain)
        if result.equal:
            return candidate
        relation = relation or result.relation
    return relation


__all__ = ["check", "compare", "functions_equal"]
