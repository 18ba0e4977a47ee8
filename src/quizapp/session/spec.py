"""What defines a quiz, in plain data (no sympy: the app needs it before sympy loads)."""

from dataclasses import dataclass


class BadQuiz(ValueError):
    """A quiz that cannot be made: unknown topics, or a malformed code."""


@dataclass(frozen=True)
class QuizSpec:
    """What defines a quiz; the same spec gives the same problems everywhere."""

    topics: tuple[str, ...]
    questions: int
    minutes: float
    seed: int

    @property
    def code(self) -> str:
        """A short code a class can share: topics+…/questions/minutes/seed."""
        minutes = f"{self.minutes:g}"
        return f"{'+'.join(self.topics)}/{self.questions}/{minutes}/{self.seed}"

    @classmethod
    def from_code(cls, code: str) -> "QuizSpec":
        """Read a code made by `code`."""
        try:
            topics, questions, minutes, seed = code.strip().split("/")
            spec = cls(tuple(topics.split("+")), int(questions), float(minutes), int(seed))
        except ValueError as exc:
            raise BadQuiz(f"'{code}' is not a quiz code (they look like "
                          "derivatives+eigenvalues/10/5/1234)") from exc
        spec.validate()
        return spec

    def validate(self) -> None:
        """Raise BadQuiz unless the sizes are sensible."""
        if not 1 <= self.questions <= 100:
            raise BadQuiz("a quiz has 1 to 100 questions")
        if not 0.1 <= self.minutes <= 300:  # also refuses nan and inf
            raise BadQuiz("a quiz lasts from 0.1 to 300 minutes")
        if not 0 <= self.seed <= 2**31:
            raise BadQuiz("a quiz seed is a whole number from 0 to 2147483648")
