"""Intros for "learn before you try" (question_bank/learn.toml): for each skill, the rule in a
few lines; the worked example is a generated problem of the skill's easiest family, and the
resources are the skill's own. Pure: pydantic and the bank's safe TOML reader, no UI."""

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, ValidationError, field_validator

from quizapp.bank.files import BankFileError, read_toml
from quizapp.bank.loading import Bank, BankError
from quizapp.bank.problems import SEED_LIMIT, Problem, make_problem
from quizapp.bank.schema import Identifier, Paragraph, Resource, Strict

FILE = "learn.toml"
MIN_LINES, MAX_LINES, MAX_WIDTH = 3, 6, 72


class Intro(Strict):
    """One skill's intro as written in learn.toml."""

    skill: str = Identifier
    rule: Paragraph
    family: str | None = None
    seed: int = Field(default=1, ge=0, lt=SEED_LIMIT)

    @field_validator("rule")
    @classmethod
    def _short_rule(cls, value: str) -> str:
        lines = value.strip().splitlines()
        if not MIN_LINES <= len(lines) <= MAX_LINES:
            raise ValueError(f"has {len(lines)} lines; the rule is said in {MIN_LINES} to "
                             f"{MAX_LINES} lines")
        long = next((n for n, line in enumerate(lines, 1) if len(line) > MAX_WIDTH), None)
        if long is not None:
            raise ValueError(f"line {long} is longer than {MAX_WIDTH} characters (it must fit "
                             "an 80-column terminal)")
        return value.strip()


class LearnFile(Strict):
    """learn.toml."""

    intro: tuple[Intro, ...] = ()


@dataclass(frozen=True)
class Lesson:
    """What the Learn screen shows for a skill."""

    skill: str
    rule: str
    example: Problem
    resources: tuple[Resource, ...]


def read_intros(path: Path) -> dict[str, Intro]:
    """The intros of the learn file at `path`, by skill; raise BankError (one line per
    problem) for a file that cannot be read, a bad field or a skill given two intros. A missing
    file raises FileNotFoundError."""
    try:
        raw = read_toml(path)
    except BankFileError as exc:
        raise BankError([f"{path.name}: {exc}"]) from exc
    try:
        parsed = LearnFile.model_validate(raw)
    except ValidationError as exc:
        raise BankError([_describe(error, raw, path.name) for error in exc.errors()]) from exc
    intros: dict[str, Intro] = {}
    problems = []
    for intro in parsed.intro:
        if intro.skill in intros:
            problems.append(f"{path.name}: intro '{intro.skill}': the skill has two intros")
        intros[intro.skill] = intro
    if problems:
        raise BankError(problems)
    return intros


def _describe(error: dict, raw: dict, name: str) -> str:
    location = list(error["loc"])
    where = ""
    listed = raw.get("intro")
    if len(location) >= 2 and location[0] == "intro" and isinstance(location[1], int) \
            and isinstance(listed, list) and location[1] < len(listed):
        item = listed[location[1]]
        skill = item.get("skill") if isinstance(item, dict) else None
        label = skill if isinstance(skill, str) and 0 < len(skill) <= 60 else \
            f"#{location[1] + 1}"
        where = f"intro '{label}': "
        location = location[2:]
    field = ".".join(str(p) for p in location) or "(whole entry)"
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown field (check the spelling)"
    elif error["type"] == "missing":
        message = "required field is missing"
    return f"{name}: {where}field '{field}': {message}"


def load_intros(bank: Bank) -> dict[str, Intro]:
    """The bank's intros (learn.toml beside its topics.toml); see `read_intros`."""
    return read_intros(bank.path / FILE)


def easiest_family(bank: Bank, skill: str) -> str | None:
    """The first family of the skill's lowest difficulty, or None when it has no family."""
    families = [f for f in bank.families.values() if f.skill == skill]
    return min(families, key=lambda f: f.difficulty).id if families else None


def cross_check(bank: Bank, intros: dict[str, Intro]) -> list[str]:
    """What is wrong between the intros and the bank: a skill without an intro, an intro for
    a skill the bank does not have, an example family that is not the skill's."""
    skills = [s.id for t in bank.topics.values() for s in t.skills]
    problems = [f"{FILE}: skill '{s}' has no intro; add an [[intro]] with skill = \"{s}\""
                for s in skills if s not in intros]
    for intro in intros.values():
        where = f"{FILE}: intro '{intro.skill}'"
        if intro.skill not in skills:
            problems.append(f"{where}: '{intro.skill}' is not a skill in topics.toml")
        elif intro.family is not None:
            family = bank.families.get(intro.family)
            if family is None or family.skill != intro.skill:
                problems.append(f"{where}: field 'family': '{intro.family}' is not a family "
                                f"of skill '{intro.skill}'")
        elif easiest_family(bank, intro.skill) is None:
            problems.append(f"{where}: the skill has no family to give a worked example")
    return problems


def lesson(bank: Bank, intro: Intro) -> Lesson:
    """The intro with its worked example generated and the skill's resources; raise
    GenerationFailed when the example cannot be generated."""
    family = intro.family or easiest_family(bank, intro.skill)
    if family is None:
        raise KeyError(intro.skill)
    return Lesson(intro.skill, intro.rule, make_problem(bank, family, intro.seed),
                  tuple(bank.skill_resources(intro.skill)))


def check_intros(bank: Bank) -> tuple[list[str], list[str]]:
    """(faults, warnings) for `bank check`: the file's problems, the cross-check, and every
    worked example generated once. A bank without learn.toml only gets a warning (the app then
    offers no intros)."""
    try:
        intros = load_intros(bank)
    except FileNotFoundError:
        return [], [f"{FILE} is missing: no skill has an intro"]
    except BankError as exc:
        return exc.problems, []
    faults = cross_check(bank, intros)
    if faults:
        return faults, []
    for intro in intros.values():
        try:
            lesson(bank, intro)
        except Exception as exc:  # a broken example is a fault to report, not a crash
            faults.append(f"{FILE}: intro '{intro.skill}': its worked example cannot be "
                          f"generated ({type(exc).__name__})")
    return faults, []
