"""The `direction` answer kind (eigenvectors: any non-zero multiple is right) and the `none`
answer for a matrix that has no inverse."""

import pytest

from quizapp.answers import Misconception, check, preview
from quizapp.answers.direction import ZERO_VECTOR


@pytest.mark.parametrize("answer", [
    "[1, -2]", "[2, -4]", "[-1, 2]", "[-3, 6]", "1/2, -1", "[-1/3, 2/3]", "(1; -2)",
    "[[1], [-2]]", "[0.447, -0.894]", "[-0.4472, 0.8944]", "[1, -2.00]", "[sqrt(5), -2sqrt(5)]",
])
def test_any_non_zero_multiple_is_right(answer: str) -> None:
    assert check(answer, "[1, -2]", "direction").correct


@pytest.mark.parametrize("answer", ["[1, 2]", "[2, -1]", "[1, -2.1]", "[0.45, -0.8]",
                                    "[1, 0]", "[0, -2]"])
def test_a_different_direction_is_wrong(answer: str) -> None:
    verdict = check(answer, "[1, -2]", "direction")
    assert not verdict.correct and verdict.error is None


@pytest.mark.parametrize(("answer", "key"), [("[0, 0]", "[1, -2]"), ("0, 0", "[1, -2]"),
                                           ("[0.0, 0]", "[1, -2]"), ("[0, 0, 0]", "[1, -2, 3]")])
def test_the_zero_vector_is_refused_not_graded(answer: str, key: str) -> None:
    verdict = check(answer, key, "direction")
    assert not verdict.correct
    assert verdict.error == ZERO_VECTOR and "non-zero" in verdict.feedback


def test_three_entries_and_zero_entries() -> None:
    assert check("[0, 2, -4]", "[0, 1, -2]", "direction").correct
    assert not check("[1, 2, -4]", "[0, 1, -2]", "direction").correct
    assert check("[3, 0, 0]", "[-1, 0, 0]", "direction").correct


def test_rounded_entries_need_three_digits() -> None:
    verdict = check("[0.32, 0.95]", "[1, 3]", "direction")
    assert not verdict.correct and "3 significant digits" in verdict.feedback
    assert check("[0.316, 0.949]", "[1, 3]", "direction").correct
    assert check("[1, 0.333]", "[3, 1]", "direction").correct


def test_wrong_length_and_a_matrix_are_told_apart() -> None:
    assert "Wrong length" in check("[1, -2, 0]", "[1, -2]", "direction").feedback
    verdict = check("[[1, 2], [3, 4]]", "[1, -2]", "direction")
    assert verdict.error and "one vector" in verdict.error


def test_a_misconception_is_recognised_in_any_multiple() -> None:
    known = [Misconception("eigvec-from-a", "[3, 1]", "You solved A v = 0, not (A − λI)v = 0.")]
    verdict = check("[-6, -2]", "[1, -2]", "direction", misconceptions=known)
    assert verdict.misconception == "eigvec-from-a"


def test_direction_preview_shows_the_vector() -> None:
    assert preview("[2, -4]", "direction").text == "[2, −4]"


@pytest.mark.parametrize("answer", ["none", "None", "singular", "no inverse", "does not exist",
                                    "DNE", "  none  ", "none, ; , "])
def test_none_is_right_for_a_singular_inverse(answer: str) -> None:
    verdict = check(answer, "none", "matrix")
    assert verdict.correct and verdict.interpreted == "none"


def test_none_for_an_invertible_matrix_is_wrong_and_a_matrix_for_a_singular_one_too() -> None:
    said_none = check("singular", "[[1, 2], [3, 5]]", "matrix")
    assert not said_none.correct and "invertible" in said_none.feedback
    gave_matrix = check("[[1, 2], [3, 4]]", "none", "matrix")
    assert not gave_matrix.correct and gave_matrix.error is None
    assert "determinant" in gave_matrix.feedback


def test_none_can_be_a_misconception_and_a_matrix_misconception_of_a_none_key() -> None:
    det_as_sum = [Misconception("det-as-sum", "none", "ad + bc is not the determinant.")]
    assert check("none", "[[1, 0], [0, 1]]", "matrix",
                 misconceptions=det_as_sum).misconception == "det-as-sum"
    adjugate = [Misconception("inverse-no-division", "[[4, -2], [-3, 1]]", "Divide by det.")]
    assert check("4 -2; -3 1", "none", "matrix",
                 misconceptions=adjugate).misconception == "inverse-no-division"


def test_other_words_are_not_read_as_none() -> None:
    verdict = check("nothing", "none", "matrix")
    assert verdict.error is not None
