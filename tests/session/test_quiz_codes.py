"""Quiz codes are short enough to read on an 80-column screen, read back to the same quiz,
and older codes (every topic id in full) still read."""

from itertools import combinations

import pytest

from quizapp.bank import default_bank
from quizapp.bank.catalog import read_topics
from quizapp.session.quiz import make_quiz_problems
from quizapp.session.spec import BadQuiz, QuizSpec, topic_keys
from quizapp.tui.status_line import quiz_status

TOPICS = tuple(t.id for t in read_topics())


def test_every_topic_is_all_and_reads_back_to_the_same_quiz() -> None:
    spec = QuizSpec(TOPICS, 2, 10, 1234)
    assert spec.short_code(TOPICS) == "all/2/10/1234"
    again = QuizSpec.from_code("all/2/10/1234", TOPICS)
    assert again == spec
    bank = default_bank()
    assert [p.id for p in make_quiz_problems(bank, again)] == \
        [p.id for p in make_quiz_problems(bank, spec)]


def test_an_old_code_with_every_topic_id_still_reads() -> None:
    old = "+".join(TOPICS) + "/10/10/1234"
    assert QuizSpec.from_code(old, TOPICS) == QuizSpec(TOPICS, 10, 10, 1234)
    assert QuizSpec(TOPICS, 10, 10, 1234).code == old  # what fixes the problems is unchanged


def test_a_short_list_keeps_its_ids_and_a_long_one_uses_keys() -> None:
    assert QuizSpec(("derivatives", "eigenvalues"), 2, 5, 11).short_code(TOPICS) == \
        "derivatives+eigenvalues/2/5/11"
    three = QuizSpec(("derivatives", "matrix-products", "eigenvalues"), 10, 10, 1234)
    assert three.short_code(TOPICS) == "der+mat+eig/10/10/1234"
    assert QuizSpec.from_code("der+mat+eig/10/10/1234", TOPICS) == three


def test_every_choice_of_topics_shows_its_code_at_80_columns() -> None:
    for size in range(1, len(TOPICS) + 1):
        for topics in combinations(TOPICS, size):
            for spec in (QuizSpec(topics, 100, 300, 99_999), QuizSpec(topics, 10, 12.345, 7)):
                code = spec.short_code(TOPICS)
                assert QuizSpec.from_code(code, TOPICS) == spec
                assert code in quiz_status(100, 100, "300:00", code, 80), code


def test_keys_are_unambiguous_starts_of_the_ids() -> None:
    keys = topic_keys(("prob", "probability", "matrices", "matrix-products"))
    assert keys == {"prob": "prob", "probability": "proba", "matrices": "matric",
                    "matrix-products": "matrix"}
    assert QuizSpec.from_code("prob/1/1/1", tuple(keys)).topics == ("prob",)


@pytest.mark.parametrize(("code", "message"), [
    ("m/2/1/3", "'m' could be matrix-products or multivariable-calculus"),
    ("algebra/2/1/3", "unknown topic algebra; the topics are derivatives"),
    ("/2/1/3", "unknown topic (none)"),
    ("der+/3/2/5", "a topic is missing after '+' in 'der+'"),
    ("+der/3/2/5", "a topic is missing before '+' in '+der'"),
    ("der++eig/3/2/5", "a topic is missing after '+' in 'der++eig'"),
    ("derivatives/2/1/100000", "a quiz seed is a whole number from 0 to 99999"),
    ("derivatives/2/1/-1", "a quiz seed is a whole number from 0 to 99999"),
    ("all/2/1", "is not a quiz code (they look like all/10/10/1234"),
])
def test_a_bad_code_says_what_is_wrong(code: str, message: str) -> None:
    with pytest.raises(BadQuiz, match=None) as caught:
        QuizSpec.from_code(code, TOPICS)
    assert message in str(caught.value)


def test_the_largest_seed_reads() -> None:
    assert QuizSpec.from_code("der/2/1/99999", TOPICS).seed == 99_999


@pytest.mark.parametrize("code", ["ALL/3/2/5", "All/3/2/5", " all/3/2/5 "])
def test_all_reads_in_any_case(code: str) -> None:
    assert QuizSpec.from_code(code, TOPICS) == QuizSpec(TOPICS, 3, 2, 5)


def test_topic_keys_read_in_any_case() -> None:
    assert QuizSpec.from_code("DER+Eig/3/2/5", TOPICS).topics == ("derivatives", "eigenvalues")
