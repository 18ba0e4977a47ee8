"""The question bank's files as pydantic models: resources, topics with skills, families."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from quizapp.generators import GENERATORS
from quizapp.generators.common import Params

Identifier = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,59}$")


class Strict(BaseModel):
    """Unknown fields are errors; values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Resource(Strict):
    """A chapter, video or exercise that teaches a skill."""

    id: str = Identifier
    title: str = Field(min_length=3)
    provider: str = Field(min_length=2)
    url: str = Field(pattern=r"^https://\S+$")
    kind: Literal["video", "article", "book-section", "course", "exercise"]
    skills: tuple[str, ...] = Field(min_length=1)


class Skill(Strict):
    """A skill of a topic, with its resources best first."""

    id: str = Identifier
    name: str = Field(min_length=2)
    description: str = ""
    resources: tuple[str, ...] = Field(min_length=1)


class Topic(Strict):
    """A topic learners pick on the home screen."""

    id: str = Identifier
    name: str = Field(min_length=2)
    description: str = ""
    skills: tuple[Skill, ...] = Field(alias="skill", min_length=1)


class Family(Strict):
    """A family of problems: one generator kind with its parameters, at one difficulty."""

    id: str = Identifier
    title: str = Field(min_length=3)
    topic: str
    skill: str
    difficulty: int = Field(ge=1, le=3)
    generator: str
    params: dict = Field(default_factory=dict)

    @field_validator("generator")
    @classmethod
    def _known_generator(cls, value: str) -> str:
        if value not in GENERATORS:
            allowed = ", ".join(sorted(GENERATORS))
            raise ValueError(f"generator {value!r} is unknown; allowed: {allowed}")
        return value

    def parsed_params(self) -> Params:
        """The parameters validated by the generator kind's own model."""
        return GENERATORS[self.generator].params.model_validate(self.params)


class ResourceFile(Strict):
    """resources.toml."""

    resource: tuple[Resource, ...]


class TopicFile(Strict):
    """topics.toml."""

    topic: tuple[Topic, ...]


class FamilyFile(Strict):
    """families/*.toml."""

    family: tuple[Family, ...]
