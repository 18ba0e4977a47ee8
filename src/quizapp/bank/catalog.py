"""A light read of topics.toml for the home screen: no pydantic, no sympy, so it starts fast.

The full validation is `load_bank`; this only lists topic and skill names to show at once.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from quizapp.bank.files import BankFileError, read_toml

BANK_DIR = Path(__file__).resolve().parent.parent / "question_bank"
MAX_FAMILY_FILES = 200


def _entries(table: dict, key: str) -> list[dict]:
    """The tables listed under `key` (anything else there is skipped: this is a light read)."""
    listed = table.get(key, [])
    return [entry for entry in listed if isinstance(entry, dict)] if isinstance(listed, list) \
        else []


def bank_path() -> Path:
    """Where the bank is: $QUIZAPP_BANK when set (to try out new families), else the shipped one."""
    override = os.environ.get("QUIZAPP_BANK")
    return Path(override) if override else BANK_DIR


@dataclass(frozen=True)
class SkillName:
    """A skill's id and display name."""

    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class TopicName:
    """A topic's id, display name and skills."""

    id: str
    name: str
    description: str
    skills: tuple[SkillName, ...]


def read_topics(path: Path | None = None) -> list[TopicName]:
    """Topics and skills as listed in topics.toml (empty if the file cannot be read)."""
    try:
        raw = read_toml((path or bank_path()) / "topics.toml")
    except (OSError, BankFileError):
        return []
    topics = []
    for topic in _entries(raw, "topic"):
        if "id" not in topic:
            continue
        skills = tuple(SkillName(str(s.get("id")), str(s.get("name", s.get("id"))),
                                 str(s.get("description", "")))
                       for s in _entries(topic, "skill"))
        topics.append(TopicName(str(topic["id"]), str(topic.get("name", topic["id"])),
                                str(topic.get("description", "")), skills))
    return topics


def skill_difficulties(path: Path | None = None) -> dict[str, set[int]]:
    """The difficulties each skill's families have, read without loading the whole bank."""
    found: dict[str, set[int]] = {}
    try:
        family_files = sorted(((path or bank_path()) / "families").glob("*.toml"))
    except OSError:
        return found
    for family_file in family_files[:MAX_FAMILY_FILES]:
        try:
            raw = read_toml(family_file)
        except (OSError, BankFileError):
            continue
        for family in _entries(raw, "family"):
            if isinstance(family.get("difficulty"), int):
                found.setdefault(str(family.get("skill")), set()).add(family["difficulty"])
    return found


def skill_ceilings(path: Path | None = None) -> dict[str, int]:
    """The highest difficulty each skill's families reach (mastery asks for it)."""
    return {skill: max(1, *levels) for skill, levels in skill_difficulties(path).items()}


def skill_floors(path: Path | None = None) -> dict[str, int]:
    """The easiest difficulty each skill's families have: where its practice starts."""
    return {skill: min(levels) for skill, levels in skill_difficulties(path).items()}
