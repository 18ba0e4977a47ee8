"""Bounds on every value a family's parameters may hold, checked before any generation.

Each generator kind's own model says what its parameters mean; these bounds keep any bank to
problems a learner can work by hand and a machine can make in bounded time and memory, whatever
the kind. They go by the parameter's name, so the parameters of a kind added later are bounded
too: a size-like name (size, shapes, dimensions, rows …) is a matrix dimension, a count-like name
(terms, count …) a count, an exponent-like name (exponents, powers, degree) an exponent, and any
other number (coefficients, entries, eigenvalues, max_entry …) a value. The bounds are far wider
than the shipped bank needs, so widening a family for variety stays within them.
"""

import math
import re
from dataclasses import dataclass

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError


@dataclass(frozen=True)
class Bound:
    """The closed range a kind of number must lie in, and how to name that kind."""

    low: int
    high: int
    what: str


SIZE = Bound(1, 20, "matrix sizes and dimensions")
COUNT = Bound(1, 20, "counts")
EXPONENT = Bound(-50, 50, "exponents and powers")
VALUE = Bound(-1000, 1000, "coefficients and entries")
RATE = Bound(0, 10, "learning rates and step sizes")
MAX_DENOMINATOR = 20  # of a fractional exponent such as 3/2
MAX_ITEMS = 64  # in one list
MAX_TEXT = 40  # characters of one string
MAX_DEPTH = 3  # lists in lists: shapes = [[2, 3, 2]] is 2

_KINDS = ((SIZE, ("size", "shape", "dimension", "rows", "cols", "columns")),
          (COUNT, ("terms", "count", "length", "depth", "steps")),
          (EXPONENT, ("exponent", "power", "degree")),
          (RATE, ("rate", "step_size")))
_NUMBER_TEXT = re.compile(r"^[+-]?\d{1,6}(\.\d{1,6})?(/\d{1,6})?$")


def bound_for(name: str) -> Bound:
    """The bound on the numbers of the parameter `name`."""
    lowered = name.lower()
    for bound, words in _KINDS:
        if any(word in lowered for word in words):
            return bound
    return VALUE


def _short(value: object) -> str:
    """A value for a message, never more than a few characters of a huge input."""
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 24 else f"{text[:12]}…{text[-6:]}"


def _number_text(text: str, bound: Bound) -> str | None:
    """What is wrong with a number written as text ('3', '-1/2', '1.5'), or None."""
    stripped = text.strip()
    if not _NUMBER_TEXT.match(stripped):
        return f"{_short(text)} is not written like 3, -2, 1/2 or 1.5"
    numerator, _, denominator = stripped.partition("/")
    if denominator and int(denominator) == 0:
        return None  # the generator's model says "not a number" for n/0
    value = float(numerator) / (int(denominator) if denominator else 1)
    if denominator and int(denominator) > MAX_DENOMINATOR:
        return f"{_short(text)} has a denominator over {MAX_DENOMINATOR}"
    if not bound.low <= value <= bound.high:
        return (f"{_short(text)} is out of bounds: {bound.what} lie within "
                f"{bound.low} … {bound.high}")
    return None


def _fault(name: str, value: object) -> str | None:
    """The first thing wrong with the parameter `name` = `value`, or None."""
    stack: list[tuple[object, int, Bound]] = [(value, 0, bound_for(name))]
    while stack:
        item, depth, bound = stack.pop()
        if isinstance(item, dict | list) and depth >= MAX_DEPTH:
            return f"lists and tables nest at most {MAX_DEPTH} deep here"
        if isinstance(item, dict):
            stack.extend((child, depth + 1, bound_for(str(key))) for key, child in item.items())
        elif isinstance(item, list):
            if not item:
                return "give at least one value (an empty list cannot be drawn from)"
            if len(item) > MAX_ITEMS:
                return f"{len(item)} values; at most {MAX_ITEMS}"
            stack.extend((child, depth + 1, bound) for child in reversed(item))
        elif isinstance(item, bool):
            continue
        elif isinstance(item, int | float):
            if isinstance(item, float) and not math.isfinite(item):
                return f"{item} is not a finite number"
            if not bound.low <= item <= bound.high:
                return (f"{_short(item)} is out of bounds: {bound.what} lie within "
                        f"{bound.low} … {bound.high}")
        elif isinstance(item, str):
            if len(item) > MAX_TEXT:
                return f"text of {len(item)} characters; at most {MAX_TEXT}"
            if item.strip()[:1] in tuple("+-.0123456789"):
                problem = _number_text(item, bound)
                if problem:
                    return problem
    return None


def check_bounds(params: dict) -> None:
    """Raise a pydantic ValidationError naming each parameter out of bounds (one error each)."""
    errors: list[InitErrorDetails] = []
    for name, value in params.items():
        problem = _fault(str(name), value)
        if problem is not None:
            errors.append(InitErrorDetails(
                type=PydanticCustomError("out_of_bounds", "{problem}", {"problem": problem}),
                loc=(str(name),), input=_short(value)))
    if errors:
        raise ValidationError.from_exception_data("params", errors)
