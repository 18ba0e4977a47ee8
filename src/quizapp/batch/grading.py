"""Grade `check --batch` input lines; a bad line yields an error line and the run goes on."""

import json
import re
from collections.abc import Iterable, Iterator

from quizapp.answers import AnswerKind, Verdict, check

_NAME = re.compile(r"^[A-Za-z\u0370-\u03ff]{1,12}$")
_KINDS = ", ".join(k.value for k in AnswerKind)


class BadLine(ValueError):
    """An input line that is not a valid grading request."""


def _error(message: str) -> dict[str, object]:
    return Verdict(False, message, error=message).to_json()


def _variables(raw: object) -> tuple[str, ...]:
    if raw is None:
        return ("x",)
    if not isinstance(raw, list) or not all(isinstance(v, str) and _NAME.match(v) for v in raw):
        raise BadLine("'variables' must be a list of letter names such as [\"x\", \"y\"]")
    return tuple(raw)


def _domain(raw: object, variables: tuple[str, ...]) -> dict[str, tuple[float, float]] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise BadLine("'domain' must map a variable to [low, high]")
    domain: dict[str, tuple[float, float]] = {}
    for name, bounds in raw.items():
        if name not in variables:
            raise BadLine(f"'domain' names {name!r}, which is not one of the variables")
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

        return grade_problem(_text(request, "problem"), answer).to_json()
    kind = request.get("kind")
    if kind not in {k.value for k in AnswerKind}:
        raise BadLine(f"'kind' must be one of {_KINDS}")
    variables = _variables(request.get("variables"))  # meaningful for expressions only
    domain = _domain(request.get("domain"), variables)
    return check(answer, _text(request, "expected"), kind, variables, domain).to_json()


def grade_line(line: str) -> dict[str, object]:
    """Grade one JSON line; never raises."""
    if not line.strip():
        return _error("empty line: expected a JSON object")
    try:
        request = json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return _error("not valid JSON: expected an object such as "
                      '{"kind": "number", "expected": "1/4", "answer": "0.25"}')
    try:
        return grade_request(request)
    except BadLine as exc:
        return _error(str(exc))
    except Exception as exc:  # a bug of ours must not stop a class's grading run
        return _error(f"internal error while grading this line ({type(exc).__name__})")


def grade_lines(lines: Iterable[str]) -> Iterator[str]:
    """Grade JSON Lines, yielding one JSON output line per input line, in order."""
    for line in lines:
        yield json.dumps(grade_line(line.rstrip("\n")), ensure_ascii=False)
