"""What a wrong matrix or vector says: the wrong entries — or, when most are wrong, the right."""

import pytest

from quizapp.answers import check

KEY = "[[1, 2, 3], [4, 5, 6], [7, 8, 9]]"


@pytest.mark.parametrize(("answer", "feedback"), [
    ("1,2,3; 4,5,6; 7,8,0", "Entry (3,3) is wrong (8 of 9 right)."),
    ("1,2,3; 4,5,6; 0,0,0", "Entries (3,1), (3,2) and (3,3) are wrong (6 of 9 right)."),
    ("0,0,0; 0,5,0; 0,0,0", "Only entry (2,2) is right (1 of 9)."),
    ("1,0,0; 0,5,0; 0,0,0", "Only entries (1,1) and (2,2) are right (2 of 9)."),
    ("0,0,0; 0,0,0; 0,0,0", "Every entry is wrong (0 of 9 right)."),
])
def test_matrix_verdicts_name_the_fewer_of_right_and_wrong(answer: str, feedback: str) -> None:
    verdict = check(answer, KEY, "matrix", ())
    assert not verdict.correct and verdict.feedback == feedback


def test_vector_verdicts_count_entries() -> None:
    assert check("[0, 0, 3]", "[1, 2, 3]", "vector", ()).feedback == \
        "Only entry 3 is right (1 of 3)."
    assert check("[1, 0, 3]", "[1, 2, 3]", "vector", ()).feedback == \
        "Entry 2 is wrong (2 of 3 right)."
