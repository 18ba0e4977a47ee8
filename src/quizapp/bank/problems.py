"""Problems as the app, the CLI and other tools see them: a Draft with an id and its resources."""

import random
import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from quizapp.bank.loading import Bank, load_bank
from quizapp.generators import GENERATORS, Draft, GenerationFailed, Retry, generate_draft

_ID = re.compile(r"^([a-z0-9][a-z0-9-]*)\.(\d{1,9})$")
SEED_LIMIT = 1_000_000
PROBE_DRAWS = 300


class MisconceptionOut(BaseModel):
    """A misconception as it applies to one problem."""

    model_config = ConfigDict(frozen=True)
    id: str
    answer: str
    feedback: str


class ResourceOut(BaseModel):
    """A resource to study, as shown after a mistake."""

    model_config = ConfigDict(frozen=True)
    id: str
    title: str
    url: str
    provider: str
    kind: str


class Problem(BaseModel):
    """One generated problem; its `id` regenerates it exactly."""

    model_config = ConfigDict(frozen=True)
    id: str
    topic: str
    skill: str
    family: str
    difficulty: int
    prompt: str
    answer_kind: str
    data: dict
    answer: str
    hints: tuple[str, ...]
    solution: tuple[str, ...]
    misconceptions: tuple[MisconceptionOut, ...]
    resources: tuple[ResourceOut, ...]
    variables: tuple[str, ...] = ()
    domain: dict[str, tuple[float, float]] = {}


class UnknownProblem(KeyError):
    """A problem id that does not name a family of the bank, or is malformed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@lru_cache(maxsize=1)
def default_bank() -> Bank:
    """The bank shipped with quizapp, loaded once."""
    return load_bank()


def problem_id(family_id: str, seed: int) -> str:
    """The printable id of a family's problem for a seed."""
    return f"{family_id}.{seed}"


def _ensure_usable(bank: Bank, family_id: str) -> None:
    """Raise GenerationFailed, after at most PROBE_DRAWS draws, if the family seems unable to
    give any problem; a family that gave one is remembered and not probed again."""
    if family_id in bank.usable:
        return
    family = bank.families[family_id]
    rng = random.Random(f"probe:{family_id}")  # its own stream: the problems stay the same
    build = GENERATORS[family.generator].build
    for _ in range(PROBE_DRAWS):
        try:
            build(bank.params[family_id], rng)
        except Retry:
            continue
        bank.usable.add(family_id)
        return
    raise GenerationFailed(f"family '{family_id}' gave no usable problem in {PROBE_DRAWS} "
                           "draws; widen its ranges or change its parameters")


def _draft(bank: Bank, family_id: str, seed: int) -> Draft:
    """The family's draft for `seed`; any failure of the generator is a GenerationFailed."""
    family = bank.families[family_id]
    try:
        _ensure_usable(bank, family_id)
        return generate_draft(family.generator, bank.params[family_id], f"{family_id}:{seed}")
    except GenerationFailed:
        raise
    except Exception as exc:  # a bank's parameters must never crash the app or the CLI
        detail = str(exc).splitlines()[0][:120] if str(exc) else ""
        raise GenerationFailed(f"family '{family_id}' failed to generate a problem "
                               f"({type(exc).__name__}{': ' + detail if detail else ''})") from exc


def make_problem(bank: Bank, family_id: str, seed: int) -> Problem:
    """Generate the problem of `family_id` for `seed` (the same on every machine); raise
    GenerationFailed with a one-line message when the family cannot give one."""
    family = bank.families[family_id]
    draft = _draft(bank, family_id, seed)
    resources = tuple(ResourceOut(id=r.id, title=r.title, url=r.url, provider=r.provider,
                                  kind=r.kind) for r in bank.skill_resources(family.skill))
    return Problem(
        id=problem_id(family_id, seed), topic=family.topic, skill=family.skill,
        family=family_id, difficulty=family.difficulty, prompt=draft.prompt,
        answer_kind=draft.answer_kind, data=draft.data, answer=draft.answer,
        hints=draft.hints, solution=draft.solution,
        misconceptions=tuple(MisconceptionOut(id=m.id, answer=m.answer, feedback=m.feedback)
                             for m in draft.misconceptions),
        resources=resources, variables=draft.variables, domain=draft.domain,
    )


def problem_by_id(bank: Bank, text: str) -> Problem:
    """Regenerate a problem from its id; raise UnknownProblem with a message if it is not one."""
    match = _ID.match(text.strip())
    if match is None:
        raise UnknownProblem(f"'{text}' is not a problem id (they look like chain-basic.4821)")
    family_id, seed = match.group(1), int(match.group(2))
    if family_id not in bank.families:
        raise UnknownProblem(f"no family '{family_id}' in the question bank")
    return make_problem(bank, family_id, seed)


def choose_families(bank: Bank, topic: str | None = None, skill: str | None = None,
                    difficulty: int | None = None) -> list[str]:
    """Ids of the families matching the filters, in bank order."""
    return [f.id for f in bank.families.values()
            if (topic is None or f.topic == topic) and (skill is None or f.skill == skill)
            and (difficulty is None or f.difficulty == difficulty)]


def generate_problems(bank: Bank, families: list[str], count: int, seed: int) -> list[Problem]:
    """`count` problems drawn from `families`; the same arguments give the same problems."""
    rng = random.Random(f"generate:{seed}:{','.join(families)}")
    order = list(families)
    problems = []
    for index in range(count):
        if index % len(order) == 0:
            rng.shuffle(order)  # every family once before any family twice
        problems.append(make_problem(bank, order[index % len(order)], rng.randrange(SEED_LIMIT)))
    return problems
