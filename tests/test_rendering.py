"""Display text for the app, testable without a terminal."""

from quizapp.bank import default_bank, make_problem
from quizapp.tui.rendering import answer_shape


def test_a_matrix_with_no_inverse_still_gets_a_grid_of_its_own_shape() -> None:
    bank = default_bank()
    singular = next(p for p in (make_problem(bank, "la-inverse-2x2", seed) for seed in range(400))
                    if p.answer.strip().lower() == "none")
    assert answer_shape(singular) == (2, 2)
    invertible = next(p for p in (make_problem(bank, "la-inverse-2x2", seed) for seed in range(400))
                      if p.answer.strip().lower() != "none")
    assert answer_shape(invertible) == (2, 2)
