"""Load and validate the question bank; every problem found is reported with file, family, field."""

import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from quizapp.bank.catalog import BANK_DIR, MAX_FAMILY_FILES, bank_path
from quizapp.bank.files import BankFileError, read_toml
from quizapp.bank.schema import Family, FamilyFile, Resource, ResourceFile, Skill, Topic, TopicFile
from quizapp.generators.common import Params

MAX_FAMILIES_BYTES = 20_000_000


class BankError(Exception):
    """The bank has problems; `problems` lists them, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Bank:
    """The loaded bank, indexed by id."""

    resources: dict[str, Resource]
    topics: dict[str, Topic]
    families: dict[str, Family]
    params: dict[str, Params] = field(default_factory=dict)
    path: Path = BANK_DIR
    usable: set[str] = field(default_factory=set)  # families known to give problems

    def skill(self, skill_id: str) -> Skill:
        """The skill with this id."""
        for topic in self.topics.values():
            for skill in topic.skills:
                if skill.id == skill_id:
                    return skill
        raise KeyError(skill_id)

    def skill_resources(self, skill_id: str) -> list[Resource]:
        """The resources of a skill, best first."""
        return [self.resources[r] for r in self.skill(skill_id).resources]


def _describe(error: dict, kind: str, items: list | None) -> str:
    location = list(error["loc"])
    where = ""
    if len(location) >= 2 and isinstance(location[1], int) and items is not None:
        index = location[1]
        item = items[index] if index < len(items) and isinstance(items[index], dict) else {}
        ident = item.get("id")
        if not isinstance(ident, str) or not 0 < len(ident) <= 60:
            ident = f"#{index + 1}"
        where = f"{kind} '{ident}': "
        location = location[2:]
    path = ".".join(str(p) for p in location) or "(whole entry)"
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown field (check the spelling)"
    elif error["type"] == "missing":
        message = "required field is missing"
    elif error["type"] == "literal_error":
        message = f"not allowed; {message}"
    return f"{where}field '{path}': {message}"


def _read(path: Path, model: type[BaseModel], kind: str, problems: list[str],
          name: str | None = None) -> BaseModel | None:
    name = name or path.name
    try:
        raw = read_toml(path)
    except FileNotFoundError:
        problems.append(f"{name}: file is missing")
        return None
    except BankFileError as exc:
        problems.append(f"{name}: {exc}")
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        items = raw.get(kind) if isinstance(raw.get(kind), list) else None
        for error in exc.errors():
            problems.append(f"{name}: {_describe(error, kind, items)}")
        return None


def _folder_problem(root: Path, from_environment: bool) -> str | None:
    """Why `root` cannot hold a bank (missing, a file), or None."""
    shown = str(root) if len(str(root)) <= 200 else f"{str(root)[:200]}…"
    named = f"QUIZAPP_BANK is {shown}, which" if from_environment else f"The bank folder {shown}"
    fix = ("point QUIZAPP_BANK at a folder with resources.toml, topics.toml and families/, or "
           "unset it" if from_environment else
           "give a folder with resources.toml, topics.toml and families/")
    if not root.exists():
        return f"{named} does not exist; {fix}"
    if not root.is_dir():
        return f"{named} is a file, not a folder; {fix}"
    return None


def _family_files(root: Path, problems: list[str]) -> list[Path]:
    try:
        found = sorted((root / "families").glob("*.toml"))
    except OSError as exc:
        problems.append(f"families/: cannot be read ({exc.strerror or type(exc).__name__})")
        return []
    if not found:
        problems.append("families/: no *.toml files")
    if len(found) > MAX_FAMILY_FILES:
        problems.append(f"families/: {len(found)} files; at most {MAX_FAMILY_FILES} — merge some")
        return []
    size = sum(p.stat().st_size for p in found if p.is_file())
    if size > MAX_FAMILIES_BYTES:
        problems.append(f"families/: {size // 1_000_000} MB of files; at most "
                        f"{MAX_FAMILIES_BYTES // 1_000_000} MB in all")
        return []
    return found


def load_bank(path: Path | None = None) -> Bank:
    """Load the bank at `path` (default: `bank_path()`); raise BankError listing its problems."""
    root = path or bank_path()
    unfit = _folder_problem(root, path is None and bool(os.environ.get("QUIZAPP_BANK")))
    if unfit:
        raise BankError([unfit])
    problems: list[str] = []
    resource_file = _read(root / "resources.toml", ResourceFile, "resource", problems)
    topic_file = _read(root / "topics.toml", TopicFile, "topic", problems)
    family_files = _family_files(root, problems)
    families: dict[str, Family] = {}
    params: dict[str, Params] = {}
    sources: dict[str, str] = {}
    for family_path in family_files:
        parsed = _read(family_path, FamilyFile, "family", problems,
                       f"families/{family_path.name}")
        if parsed is None:
            continue
        for family in parsed.family:  # type: ignore[attr-defined]
            where = f"families/{family_path.name}: family '{family.id}'"
            if family.id in families:
                problems.append(f"{where}: id is used twice")
                continue
            try:
                params[family.id] = family.parsed_params()
            except ValidationError as exc:
                for error in exc.errors():
                    detail = _describe({**error, "loc": ("params", *error["loc"])}, "", None)
                    problems.append(f"{where}: {detail}")
                continue
            families[family.id] = family
            sources[family.id] = family_path.name
    if resource_file is None or topic_file is None:
        raise BankError(problems)
    resources = {r.id: r for r in resource_file.resource}  # type: ignore[attr-defined]
    topics = {t.id: t for t in topic_file.topic}  # type: ignore[attr-defined]
    problems += _cross_check(resources, topics, families, sources)
    if problems:
        raise BankError(problems)
    return Bank(resources, topics, families, params, root)


def _cross_check(resources: dict[str, Resource], topics: dict[str, Topic],
                 families: dict[str, Family], sources: dict[str, str]) -> list[str]:
    problems = []
    skills = {s.id: t.id for t in topics.values() for s in t.skills}
    for topic in topics.values():
        for skill in topic.skills:
            for resource_id in skill.resources:
                if resource_id not in resources:
                    problems.append(f"topics.toml: skill '{skill.id}': field 'resources': "
                                    f"'{resource_id}' is not in resources.toml")
    for resource in resources.values():
        for skill_id in resource.skills:
            if skill_id not in skills:
                problems.append(f"resources.toml: resource '{resource.id}': field 'skills': "
                                f"'{skill_id}' is not a skill in topics.toml")
    for family in families.values():
        where = f"families/{sources.get(family.id, '?')}: family '{family.id}'"
        if family.topic not in topics:
            problems.append(f"{where}: field 'topic': '{family.topic}' is not a topic; allowed: "
                            f"{', '.join(topics)}")
        elif skills.get(family.skill) != family.topic:
            allowed = ", ".join(s.id for s in topics[family.topic].skills)
            problems.append(f"{where}: field 'skill': '{family.skill}' is not a skill of "
                            f"'{family.topic}'; allowed: {allowed}")
    return problems
