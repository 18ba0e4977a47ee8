"""What defines a quiz, in plain data (no sympy: the app needs it before sympy loads).

A quiz code is `topics/questions/minutes/seed`. It is kept short enough to read on an 80-column
screen: `all` stands for every topic of the bank (in the bank's order), and a long list of topics
is written with short keys (`der+eig` for derivatives and eigenvalues). Codes with full topic ids,
as older versions made them, still read, and give the same quiz.
"""

from collections.abc import Sequence
from dataclasses import dataclass

SEED_MAX = 99_999  # the largest seed a learner gives, in a quiz code or on the command line
EVERY_TOPIC = "all"
SHORTEST_KEY = 3  # letters a topic key keeps, so that it still reads as the topic
FULL_IDS_UP_TO = 24  # a code names its topics in full while the list is at most this long
CODE_EXAMPLE = "all/10/10/1234 or der+eig/10/5/1234"


class BadQuiz(ValueError):
    """A quiz that cannot be made: unknown topics, or a malformed code."""


def topic_keys(bank_topics: Sequence[str]) -> dict[str, str]:
    """Each topic's short key: the shortest start of its id, at least three letters, that starts
    no other topic id (the whole id when there is none)."""
    keys = {}
    for topic in bank_topics:
        others = [t for t in bank_topics if t != topic]
        keys[topic] = next((topic[:n] for n in range(SHORTEST_KEY, len(topic))
                            if topic[:n] != EVERY_TOPIC
                            and not any(o.startswith(topic[:n]) for o in others)), topic)
    return keys


def read_topic(token: str, bank_topics: Sequence[str]) -> str:
    """The topic a code names by its id or by an unambiguous start of it."""
    if token in bank_topics:
        return token
    token = token.lower()  # codes are read aloud and retyped: DER+EIG is der+eig
    if token in bank_topics:
        return token
    matches = [t for t in bank_topics if token and t.startswith(token)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise BadQuiz(f"'{token}' could be {' or '.join(matches)}; write more of the topic")
    raise BadQuiz(f"unknown topic {token or '(none)'}; the topics are {', '.join(bank_topics)}")


def read_topics(topics: str, bank_topics: Sequence[str]) -> tuple[str, ...]:
    """The topics of a code's `a+b+c` part; BadQuiz names an empty place around a '+'."""
    tokens = topics.split("+")
    if len(tokens) > 1:
        for place, token in enumerate(tokens):
            if not token.strip():
                where = "after" if place else "before"
                raise BadQuiz(f"a topic is missing {where} '+' in '{topics}'; the topics are "
                              f"{', '.join(bank_topics)}")
    return tuple(read_topic(token, bank_topics) for token in tokens)


@dataclass(frozen=True)
class QuizSpec:
    """What defines a quiz; the same spec gives the same problems everywhere."""

    topics: tuple[str, ...]
    questions: int
    minutes: float
    seed: int

    @property
    def code(self) -> str:
        """The quiz in full (every topic id): what fixes its problems, and what is saved.
        It reads back as a code; `short_code` is the one to show."""
        return f"{'+'.join(self.topics)}/{self.sizes}"

    @property
    def sizes(self) -> str:
        """questions/minutes/seed."""
        return f"{self.questions}/{self.minutes:g}/{self.seed}"

    def short_code(self, bank_topics: Sequence[str]) -> str:
        """The code to share: `all` for every topic of the bank in its order, the topic ids
        while they are short, else their short keys."""
        if tuple(self.topics) == tuple(bank_topics):
            return f"{EVERY_TOPIC}/{self.sizes}"
        if len("+".join(self.topics)) <= FULL_IDS_UP_TO:
            return self.code
        keys = topic_keys(bank_topics)
        return f"{'+'.join(keys.get(t, t) for t in self.topics)}/{self.sizes}"

    @classmethod
    def from_code(cls, code: str, bank_topics: Sequence[str]) -> "QuizSpec":
        """Read a code (short or in full) against the bank's topic ids; BadQuiz says what is
        wrong with it."""
        try:
            topics, questions, minutes, seed = code.strip().split("/")
            sizes = int(questions), float(minutes), int(seed)
        except ValueError as exc:
            raise BadQuiz(f"'{code}' is not a quiz code (they look like {CODE_EXAMPLE}: "
                          "topics/questions/minutes/seed)") from exc
        if topics.lower() == EVERY_TOPIC and EVERY_TOPIC not in bank_topics:
            chosen = tuple(bank_topics)
        else:
            chosen = read_topics(topics, bank_topics)
        spec = cls(chosen, *sizes)
        spec.validate()
        return spec

    def validate(self) -> None:
        """Raise BadQuiz unless the sizes are sensible."""
        if not 1 <= self.questions <= 100:
            raise BadQuiz("a quiz has 1 to 100 questions")
        if not 0.1 <= self.minutes <= 300:  # also refuses nan and inf
            raise BadQuiz("a quiz lasts from 0.1 to 300 minutes")
        if not 0 <= self.seed <= SEED_MAX:
            raise BadQuiz(f"a quiz seed is a whole number from 0 to {SEED_MAX}")


def display_code(code: str, bank_topics: Sequence[str]) -> str:
    """A saved code (in full) as people see it: its short form; a code the bank can no longer
    read (a topic since removed) as it was saved."""
    try:
        return QuizSpec.from_code(code, bank_topics).short_code(bank_topics)
    except BadQuiz:
        return code
