"""What a generator produces: a Draft of a problem, before the bank gives it an id and resources."""

from dataclasses import dataclass, field


class Retry(Exception):
    """The random draw gave a degenerate problem; draw again from the same generator."""


@dataclass(frozen=True)
class WrongAnswer:
    """A misconception as it applies to one problem: the wrong answer it leads to, and why."""

    id: str
    answer: str  # plain sympy syntax, readable by the answer engine
    feedback: str


@dataclass(frozen=True)
class Draft:
    """A generated problem, in plain data: everything but its id and resources."""

    prompt: str
    answer_kind: str
    answer: str
    data: dict
    hints: tuple[str, ...]
    solution: tuple[str, ...]
    misconceptions: tuple[WrongAnswer, ...]
    variables: tuple[str, ...] = ()
    domain: dict[str, tuple[float, float]] = field(default_factory=dict)
