"""Wrapping with hanging indents: continuation lines start under the text, not at the edge."""

from hypothesis import given
from hypothesis import strategies as st

from quizapp.tui.wrap import hanging_wrap


def test_a_numbered_step_wraps_under_its_text() -> None:
    text = "  Step 1. Differentiate the outer function, keep the inner one, then multiply."
    lines = hanging_wrap(text, 40).splitlines()
    assert lines[0].startswith("  Step 1. ") and len(lines) > 1
    assert all(line.startswith(" " * 10) and line[10] != " " for line in lines[1:])


def test_a_bullet_and_a_long_url_keep_their_indent() -> None:
    text = "  • A resource with a long title that wraps\n    https://example.org/" + "a" * 60
    lines = hanging_wrap(text, 30).splitlines()
    assert lines[1].startswith("    ") and lines[1].strip()[0] != "•"
    url_lines = [line for line in lines if "example.org" in line or set(line.strip()) == {"a"}]
    assert all(line.startswith("    ") for line in url_lines)


def test_lines_that_fit_are_left_exactly_as_they_are() -> None:
    matrix = "     ⎡1   2⎤\n A = ⎢    ⎥\n     ⎣3   4⎦"
    assert hanging_wrap(matrix, 40) == matrix


@given(st.text(alphabet=st.characters(codec="ascii", exclude_characters="\r\x0b\x0c\x1c\x1d"
                                      "\x1e\x85"), max_size=300), st.integers(8, 100))
def test_no_line_is_wider_than_the_width_and_no_word_is_lost(text: str, width: int) -> None:
    wrapped = hanging_wrap(text, width)
    assert all(len(line) <= width for line in wrapped.splitlines())
    assert "".join(wrapped.split()) == "".join(text.split())


def test_a_two_column_line_wraps_under_its_second_column() -> None:
    text = "  F2 / F3    a hint (one step at a time; ends a streak) / the solution"
    lines = hanging_wrap(text, 40).splitlines()
    assert lines[0].startswith("  F2 / F3    a hint") and len(lines) > 1
    assert all(line.startswith(" " * 13) and line[13] != " " for line in lines[1:])
