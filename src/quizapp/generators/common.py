"""Helpers shared by the generator kinds: parameter types, random draws, misconception pruning."""

import random
from collections.abc import Callable, Sequence
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

from quizapp.generators.model import Retry


def _ordered(pair: tuple[int, int]) -> tuple[int, int]:
    if pair[0] > pair[1]:
        raise ValueError(f"a range is [low, high] with low ≤ high, got {list(pair)}")
    return pair


IntRange = Annotated[tuple[int, int], AfterValidator(_ordered)]


class Params(BaseModel):
    """Base of every generator kind's parameters: unknown fields are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def within(values: tuple[int, ...], low: int, high: int, what: str) -> tuple[int, ...]:
    """`values` when there is at least one and each lies in [low, high]; else a ValueError
    saying what to give (for a Params field validator)."""
    if not values or any(not low <= v <= high for v in values):
        raise ValueError(f"give {what} from {low} to {high}")
    return values


def nonzero(rng: random.Random, bounds: tuple[int, int], exclude: Sequence[int] = ()) -> int:
    """A random integer in [low, high] that is not 0 and not in `exclude`."""
    choices = [n for n in range(bounds[0], bounds[1] + 1) if n != 0 and n not in exclude]
    if not choices:
        raise Retry
    return rng.choice(choices)


Candidate = tuple[str, object, str]  # (misconception id, wrong answer, feedback)


def prune(key: object, candidates: Sequence[Candidate], same: Callable[[object, object], bool],
          minimum: int = 2) -> list[Candidate]:
    """Drop misconceptions equal to the key, merge those that coincide, keep at least `minimum`.

    Two that coincide are merged into the first, whose message then also names the second.
    """
    kept: list[tuple[str, object, str]] = []
    for ident, wrong, message in candidates:
        if wrong is None or same(key, wrong):
            continue
        twin = next((i for i, (_, other, _) in enumerate(kept) if same(other, wrong)), None)
        if twin is None:
            kept.append((ident, wrong, message))
        else:
            first_id, first_wrong, first_message = kept[twin]
            kept[twin] = (first_id, first_wrong, f"{first_message} (Or: {message})")
    if len(kept) < minimum:
        raise Retry
    return kept
