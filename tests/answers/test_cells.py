"""A matrix written as text, split into the texts of its cells (for filling the answer grid)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.answers.cells import split_matrix, split_row

TWO_BY_TWO = [["1", "2"], ["3", "4"]]


@pytest.mark.parametrize("text", [
    "1 2; 3 4", "1, 2; 3, 4", "1,2;3,4", "[[1, 2], [3, 4]]", "[[1,2],[3,4]]",
    "np.array([[1, 2], [3, 4]])", "numpy.array([[1, 2], [3, 4]])", "Matrix([[1, 2], [3, 4]])",
    "[1 2; 3 4]", "1\t2\n3\t4\n", "1 2\r\n3 4\r\n", "[1, 2], [3, 4]", "(1, 2), (3, 4)",
    "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}",
    "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "1 2;\n3 4;",
])
def test_the_forms_people_copy_a_matrix_in(text: str) -> None:
    assert split_matrix(text) == TWO_BY_TWO


@pytest.mark.parametrize(("text", "cells"), [
    ("1 -2", ["1", "-2"]),  # MATLAB's rule: a sign after a space starts an entry
    ("x - 1", ["x - 1"]),  # an operator between spaces joins its two sides
    ("sin x", ["sin x"]),  # a function name waits for its argument
    ("(x + 1)", ["(x + 1)"]),
    ("f(1, 2)", ["f(1, 2)"]),  # a comma inside brackets is not a separator
    ("2x, x^2", ["2x", "x^2"]),
    ("1/2 3/4", ["1/2", "3/4"]),
    ("e^(x) 2", ["e^(x)", "2"]),
    ("x^ 2", ["x^ 2"]),
])
def test_spaces_separate_cells_only_between_whole_entries(text: str, cells: list[str]) -> None:
    assert split_row(text) == cells


def test_one_entry_is_one_cell_and_rows_may_differ_in_length() -> None:
    assert split_matrix("3") == [["3"]]
    assert split_matrix("") == [[""]]
    assert split_matrix("1 2 3; 4") == [["1", "2", "3"], ["4"]]


@given(st.lists(st.lists(st.integers(-999, 999), min_size=1, max_size=5), min_size=1,
                max_size=5), st.sampled_from([("; ", ", "), ("\n", "\t"), ("; ", " ")]))
def test_any_integer_matrix_comes_back_cell_by_cell(rows: list[list[int]],
                                                    separators: tuple[str, str]) -> None:
    row_sep, cell_sep = separators
    text = row_sep.join(cell_sep.join(str(v) for v in row) for row in rows)
    assert split_matrix(text) == [[str(v) for v in row] for row in rows]


@given(st.text(max_size=200))
def test_any_text_splits_without_error(text: str) -> None:
    rows = split_matrix(text)
    assert rows and all(isinstance(cell, str) for row in rows for cell in row)
