"""Grade `check --batch` input lines; a bad line yields an error line and the run goes on."""

import json
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from quizapp.answers import AnswerKind, Verdict, check
from quizapp.batch.lines import Unreadable, input_lines

# A letter name, optionally indexed: x, theta, x1, x2 (the variables of multivariable problems).
_NAME = re.compile(r"[A-Za-z\u0370-\u03ff]{1,12}[0-9]{0,2}")
_KINDS = ", ".join(k.value for k in AnswerKind)
MAX_VARIABLES = 26
MAX_INT_DIGITS = 100  # no field needs more; Python refuses int() beyond 4,300 digits anyway
MAX_PROBLEM_ID = 200
_SHOWN = 40  # characters of the input echoed in a message


class BadLine(ValueError):
    """An input line that is not a valid grading request."""


def _shown(value: object) -> str:
    """Part of the input, quoted for a message: short, on one line."""
    text = repr(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise BadLine(f"a number in this line has more than {MAX_INT_DIGITS} digits")
    return int(digits)


def _error(message: str) -> dict[str, object]:
    return Verdict(False, message, error=message).to_json()


def _variables(raw: object) -> tuple[str, ...]:
    if raw is None:
        return ("x",)
    if not isinstance(raw, list):
        raise BadLine("'variables' must be a list of letter names such as [\"x\", \"y\"]")
    if len(raw) > MAX_VARIABLES:
        raise BadLine(f"'variables' has {len(raw)} names; at most {MAX_VARIABLES}")
    for name in raw:
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise BadLine(f"'variables' must be letter names such as \"x\", \"y\" or \"x1\"; "
                          f"not {_shown(name)}")
    if len(set(raw)) != len(raw):
        raise BadLine("'variables' names a variable twice")
    return tuple(raw)


def _domain(raw: object, variables: tuple[str, ...]) -> dict[str, tuple[float, float]] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise BadLine("'domain' must map a variable to [low, high]")
    domain: dict[str, tuple[float, float]] = {}
    for name, bounds in raw.items():
        if name not in variables:
            raise BadLine(f"'domain' names {_shown(name)}, which is not one of the variables")
        if (not isinstance(bounds, list) or len(bounds) != 2
                or not all(isinstance(b, int | float) and not isinstance(b, bool)
                           and abs(b) < 1e6 for b in bounds) or not bounds[0] < bounds[1]):
            raise BadLine(f"'domain' of {name} must be [low, high] with low < high")
        domain[name] = (float(bounds[0]), float(bounds[1]))
    return domain


def _text(request: dict, key: str) -> str:
    value = request.get(key)
    if not isinstance(value, str):
        raise BadLine(f"'{key}' must be a string")
    return value


def grade_request(request: object) -> dict[str, object]:
    """Grade one decoded request: by kind and expected answer, or by problem id."""
    if not isinstance(request, dict):
        raise BadLine("each line must be a JSON object")
    answer = _text(request, "answer")
    if "problem" in request:
        from quizapp.batch.problems import grade_problem

        problem = _text(request, "problem")
        if len(problem) > MAX_PROBLEM_ID:
            raise BadLine(f"'problem' is too long to be a problem id (at most {MAX_PROBLEM_ID} "
                          "characters)")
        return grade_problem(problem, answer).to_json()
    kind = request.get("kind")
    if kind not in {k.value for k in AnswerKind}:
        raise BadLine(f"'kind' must be one of {_KINDS}")
    variables = _variables(request.get("variables"))  # meaningful for expressions only
    domain = _domain(request.get("domain"), variables)
    return check(answer, _text(request, "expected"), kind, variables, domain).to_json()


def grade_line(line: str | Unreadable) -> dict[str, object]:
    """Grade one JSON line (or report why it could not be read); never raises."""
    if isinstance(line, Unreadable):
        return _error(line.message)
    if not line.strip():
        return _error("empty line: expected a JSON object")
    try:
        request = json.loads(line, parse_int=_integer)
    except BadLine as exc:
        return _error(str(exc))
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return _error("not valid JSON: expected an object such as "
                      '{"kind": "number", "expected": "1/4", "answer": "0.25"}')
    try:
        return grade_request(request)
    except BadLine as exc:
        return _error(str(exc))
    except Exception as exc:  # a bug of ours must not stop a class's grading run
        return _error(f"internal error while grading this line ({type(exc).__name__})")


def _dumps(verdict: dict[str, object]) -> str:
    text = json.dumps(verdict, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a \ud800 escape in the input
        return json.dumps(verdict)
    return text


def grade_lines(lines: Iterable[str | Unreadable]) -> Iterator[str]:
    """Grade JSON Lines, yielding one JSON output line per input line, in order."""
    for line in lines:
        if isinstance(line, str):
            line = line.rstrip("\n")
        yield _dumps(grade_line(line))


def grade_stream(stream: BinaryIO) -> Iterator[str]:
    """Grade the JSON Lines of a byte stream (a file or stdin), one output line per line."""
    return grade_lines(input_lines(stream))
