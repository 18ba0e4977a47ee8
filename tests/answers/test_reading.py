"""How learner text is read: the forms of each kind, ambiguity notes, and the messages."""

import pytest

from quizapp.answers import AnswerError, AnswerKind, preview, read_answer


def line(text: str, kind: str = "expression", variables: tuple[str, ...] = ("x",)) -> str:
    return read_answer(text, kind, variables).line


@pytest.mark.parametrize(("text", "read"), [
    ("2x", "2*x"),
    ("3sin(x)", "3*sin(x)"),
    ("x(x+1)", "x*(x + 1)"),
    ("2(x+1)", "2*x + 2"),
    ("e^x", "exp(x)"),
    ("exp(x)", "exp(x)"),
    ("ln x", "log(x)"),
    ("log(x)", "log(x)"),
    ("|x|", "Abs(x)"),
    ("abs(x)", "Abs(x)"),
    ("π", "pi"),
    ("x²", "x**2"),
    ("x³ − 2·x", "x**3 - 2*x"),
    ("3×x⁴", "3*x**4"),
    ("√x", "sqrt(x)"),
    ("sin x", "sin(x)"),
    ("-x^2", "-x**2"),
    ("2^3^2", "512"),
    ("x^-1", "1/x"),
    ("e^-x", "exp(-x)"),
    ("sin^2 x", "sin(x)**2"),
    ("sigmoid(x)", "sigmoid(x)"),
    ("σ(x)", "sigmoid(x)"),
    ("2xsin(x)", "2*x*sin(x)"),
    ("0.5x", "x/2"),
    ("1e-9", "1/1000000000"),
    ("x**2", "x**2"),
])
def test_expressions_read_as_learners_mean(text: str, read: str) -> None:
    assert line(text) == read


def test_two_letter_product_needs_both_variables() -> None:
    assert line("xy", variables=("x", "y")) == "x*y"
    with pytest.raises(AnswerError, match="uses y; this question is in x"):
        read_answer("xy", "expression", ("x",))


@pytest.mark.parametrize(("text", "read"), [
    ("1/2x", "x/2"),
    ("x^x(1+x)", "x**x*(x + 1)"),
    ("sin x cos x", "cos(x)*sin(x)"),
])
def test_ambiguous_input_is_read_one_way_and_the_preview_says_so(text: str, read: str) -> None:
    shown = preview(text, "expression")
    assert shown.ok and shown.line == read
    assert shown.notes and text in shown.notes[0]


@pytest.mark.parametrize("text", ["[[1,2],[3,4]]", "[1,2;3,4]", "1 2; 3 4", "1 2\n3 4",
                                  "[1, 2]\n[3, 4]", "  1, 2\n 3, 4\n"])
def test_matrix_forms(text: str) -> None:
    answer = read_answer(text, "matrix", ())
    assert answer.shape == (2, 2)
    assert answer.line == "[[1, 2], [3, 4]]"


def test_matrix_entries_may_be_expressions_and_negative() -> None:
    assert line("1/2 -sqrt(2); 3 - 1 4", "matrix", ()) == "[[1/2, -sqrt(2)], [2, 4]]"


@pytest.mark.parametrize("text", ["[1,2,3]", "(1,2,3)", "1, 2, 3", "[1;2;3]",
                                  "[[1],[2],[3]]", "[[1,2,3]]", "{1, 2, 3}"])
def test_vector_forms(text: str) -> None:
    assert line(text, "vector", ()) == "[1, 2, 3]"


@pytest.mark.parametrize(("text", "values"), [
    ("2, 5", "2, 5"), ("{2, 5}", "2, 5"), ("[2, 5]", "2, 5"),
    ("(5±√33)/2", "5/2 + sqrt(33)/2, 5/2 - sqrt(33)/2"),
    ("(5+-sqrt(33))/2", "5/2 + sqrt(33)/2, 5/2 - sqrt(33)/2"),
    ("1±2i", "1 + 2*I, 1 - 2*I"),
    ("3, 3, 1", "3, 3, 1"),
])
def test_multiset_forms(text: str, values: str) -> None:
    assert line(text, "multiset", ()) == values


def test_plus_minus_only_in_lists() -> None:
    with pytest.raises(AnswerError, match="only for lists"):
        read_answer("1±x", "expression")


@pytest.mark.parametrize(("text", "message"), [
    ("sinx", "Unknown name 'sinx' — did you mean sin(x)?"),
    ("y+1", "Your answer uses y; this question is in x"),
    ("(x+1", "Check your brackets"),
    ("x+1)", "Check your brackets"),
    ("[x+1)", "Check your brackets"),
    ("9^9^9^9", "Number too large"),
    ("x^", "ends too early"),
    ("2 3", "operator missing"),
    ("diff(x^2, x)", "not allowed"),
    ("integrate(x)", "not allowed"),
    ("Derivative(x)", "not allowed"),
    ("x.real", "'.' can only be used in decimal numbers"),
    ("__import__", "Underscores"),
    ("'x'", "Quotes"),
    ("lambda: 1", "not allowed"),
    ("lambda x", "not maths"),
    ("y = 3x", "without '='"),
    ("1/0", "Division by zero"),
    ("sqr(x)", "did you mean sqrt"),
    ("x" * 3000, "too long"),
    ("-" * 5000 + "x", "too"),
])
def test_unreadable_answers_say_what_to_fix(text: str, message: str) -> None:
    with pytest.raises(AnswerError) as caught:
        read_answer(text, "expression")
    assert message.lower() in caught.value.message.lower()
    assert "\n" not in caught.value.message


def test_number_kind_refuses_variables() -> None:
    with pytest.raises(AnswerError, match="number"):
        read_answer("2x", AnswerKind.NUMBER, ())


def test_matrix_rows_must_match() -> None:
    with pytest.raises(AnswerError, match="same number of entries"):
        read_answer("1 2; 3", "matrix", ())


@pytest.mark.parametrize(("typed", "unicode", "ascii_text"), [
    ("1/(x+1)", "1/(x + 1)", "1/(x + 1)"),
    ("3*x**2*exp(x)", "3x²·eˣ", "3x^2*e^x"),
    ("log(x)*sqrt(x)", "√x·ln(x)", "sqrt(x)*ln(x)"),
    ("x**(n-1)", "x^(n − 1)", "x^(n - 1)"),
    ("-sin(x)**2", "−sin²(x)", "-sin(x)^2"),
])
def test_preview_writes_maths_as_a_teacher_does(typed: str, unicode: str, ascii_text: str) -> None:
    assert preview(typed, "expression", ("x", "n")).text == unicode
    shown = preview(typed, "expression", ("x", "n"), unicode=False).text
    assert shown == ascii_text and shown.isascii()


def test_preview_of_a_matrix_aligns_its_columns() -> None:
    assert preview("1 -2; 30 4", "matrix").text == "⎡ 1  −2⎤\n⎣30   4⎦"
    assert preview("1 -2; 30 4", "matrix", unicode=False).text == "[ 1  -2]\n[30   4]"


def test_preview_of_bad_input_carries_the_message() -> None:
    shown = preview("sinx", "expression")
    assert not shown.ok and shown.message is not None and "sin(x)" in shown.message
    assert preview("", "expression").message == "Type your answer"


@pytest.mark.parametrize(("text", "read"), [
    ("log10(x)", "log(x)/log(10)"),
    ("log2(x)", "log(x)/log(2)"),
    ("ln|x|", "log(Abs(x))"),
    ("sech(x)^2", "sech(x)**2"),
    ("e^{2x}", "exp(2*x)"),
    ("x^{2}", "x**2"),
])
def test_more_habits_learners_bring(text: str, read: str) -> None:
    assert line(text) == read


def test_space_before_i_keeps_the_imaginary_part() -> None:
    assert line("1 ± 2 i", "multiset", ()) == "1 + 2*I, 1 - 2*I"


def test_decimals_after_plus_minus_show_as_typed() -> None:
    assert line("1.5 ± 1.803", "multiset", ()) == "3.303, -0.303"


def test_a_fine_root_reads_back_from_its_own_line() -> None:
    shown = preview("2+sqrt(2)^1e-3", "number", ())
    assert shown.ok and shown.line == "2 + 2**(1/2000)"
    assert preview(shown.line, "number", ()).ok
