"""A light read of topics.toml for the home screen: no pydantic, no sympy, so it starts fast.

The full validation is `load_bank`; this only lists topic and skill names to show at once.
"""

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

BANK_DIR = Path(__file__).resolve().parent.parent / "question_bank"


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
        raw = tomllib.loads(((path or bank_path()) / "topics.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return []
    topics = []
    for topic in raw.get("topic", []):
        if not isinstance(topic, dict) or "id" not in topic:
            continue
        skills = tuple(SkillName(str(s.get("id")), str(s.get("name", s.get("id"))),
                                 str(s.get("description", "")))
                       for s in topic.get("skill", []) if isinstance(s, dict))
        topics.append(TopicName(str(topic["id"]), str(topic.get("name", topic["id"])),
                                str(topic.get("description", "")), skills))
    return topics


def skill_ceilings(path: Path | None = None) -> dict[str, int]:
    """The highest difficulty each skill's families reach (mastery asks for it)."""
    ceilings: dict[str, int] = {}
    for family_file in sorted(((path or bank_path()) / "families").glob("*.toml")):
        try:
            raw = tomllib.loads(family_file.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        for family in raw.get("family", []):
            if isinstance(family, dict) and isinstance(family.get("difficulty"), int):
                skill = str(family.get("skill"))
                ceilings[skill] = max(ceilings.get(skill, 1), family["difficulty"])
    return ceilings
