"""The question bank's files as pydantic models: resources, topics with skills, families."""

import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from quizapp.bank.limits import check_bounds
from quizapp.generators import GENERATORS
from quizapp.generators.common import Params

Identifier = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,59}$")


def _no_controls(allowed: str) -> AfterValidator:
    """Bank text is shown as it is, so it may not hold terminal control characters."""

    def check(value: str) -> str:
        bad = next((c for c in value if unicodedata.category(c) == "Cc" and c not in allowed),
                   None)
        if bad is not None:
            raise ValueError(f"holds the control character U+{ord(bad):04X}; bank text is "
                             "plain text")
        return value

    return AfterValidator(check)


# Markup-like text such as "Derivatives [/bold]" is valid: the app shows bank text as text.
Line = Annotated[str, _no_controls("")]
Paragraph = Annotated[str, Field(max_length=4000), _no_controls("\n\t")]


class Strict(BaseModel):
    """Unknown fields are errors; values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Resource(Strict):
    """A chapter, video or exercise that teaches a skill."""

    id: str = Identifier
    title: Line = Field(min_length=3, max_length=300)
    provider: Line = Field(min_length=2, max_length=300)
    url: Line = Field(pattern=r"^https://\S+$", max_length=2000)
    kind: Literal["video", "article", "book-section", "course", "exercise"]
    skills: tuple[str, ...] = Field(min_length=1)


class Skill(Strict):
    """A skill of a topic, with its resources best first."""

    id: str = Identifier
    name: Line = Field(min_length=2, max_length=300)
    description: Paragraph = ""
    resources: tuple[str, ...] = Field(min_length=1)


class Topic(Strict):
    """A topic learners pick on the home screen."""

    id: str = Identifier
    name: Line = Field(min_length=2, max_length=300)
    description: Paragraph = ""
    skills: tuple[Skill, ...] = Field(alias="skill", min_length=1)


class Family(Strict):
    """A family of problems: one generator kind with its parameters, at one difficulty."""

    id: str = Identifier
    title: Line = Field(min_length=3, max_length=300)
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
        """The parameters, first held to the bank's bounds (see `limits`), then validated by the
        generator kind's own model; raise pydantic's ValidationError naming each bad field."""
        check_bounds(self.params)
        model = GENERATORS[self.generator].params
        parsed = model.model_validate(self.params)
        errors = [InitErrorDetails(type=PydanticCustomError(
                      "range_order", "a range is [low, high] with low ≤ high, got [{low}, {high}]",
                      {"low": value[0], "high": value[1]}), loc=(name,), input=value)
                  for name, info in model.model_fields.items()
                  if info.annotation == tuple[int, int]
                  and (value := getattr(parsed, name))[0] > value[1]]
        if errors:
            raise ValidationError.from_exception_data("params", errors)
        return parsed


class ResourceFile(Strict):
    """resources.toml."""

    resource: tuple[Resource, ...]


class TopicFile(Strict):
    """topics.toml."""

    topic: tuple[Topic, ...]


class FamilyFile(Strict):
    """families/*.toml."""

    family: tuple[Family, ...]
