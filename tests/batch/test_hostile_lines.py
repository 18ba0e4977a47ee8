"""`check --batch` input that once stopped the run: one bad line spoils only itself.

Undecodable bytes, a byte-order mark, a JSON integer over 4,300 digits, a line of megabytes and
27,000 variable names each become an error line for that line; every other line is graded.
"""

from __future__ import annotations

import io
import json

import pytest

from quizapp.batch import grade_stream
from quizapp.batch.lines import MAX_LINE_BYTES

GOOD = json.dumps({"kind": "number", "expected": "1/4", "answer": "0.25"}).encode()


def grade(data: bytes) -> list[dict[str, object]]:
    out = [json.loads(line) for line in grade_stream(io.BytesIO(data))]
    for row in out:
        assert set(row) == {"correct", "error", "feedback", "misconception", "interpreted"}
    return out


def request(**fields: object) -> bytes:
    base: dict[str, object] = {"kind": "expression", "expected": "x", "answer": "x"}
    base.update(fields)
    return json.dumps(base, ensure_ascii=False).encode()


def test_an_undecodable_byte_spoils_only_its_line() -> None:
    out = grade(GOOD + b"\n" + b'{"kind": "number", "expected": "1", "answer": "\xff1"}\n'
                + GOOD + b"\n")
    assert [row["correct"] for row in out] == [True, False, True]
    assert out[1]["error"] and "UTF-8" in str(out[1]["error"])


def test_latin1_text_is_an_error_line_naming_the_byte() -> None:
    out = grade("caf\u00e9".encode("latin-1") + b"\n" + GOOD)
    assert "0xe9" in str(out[0]["error"]) and out[1]["correct"] is True


def test_a_byte_order_mark_is_not_part_of_the_first_line() -> None:
    out = grade(b"\xef\xbb\xbf" + GOOD + b"\r\n" + GOOD)
    assert [row["correct"] for row in out] == [True, True]


@pytest.mark.parametrize("number", ["9" * 5000, "-" + "9" * 5000, "1" + "0" * 101])
def test_a_huge_json_integer_is_an_error_line(number: str) -> None:
    huge = b'{"kind": "number", "expected": "1", "answer": "1", "n": ' + number.encode() + b"}"
    out = grade(huge + b"\n" + GOOD + b"\n")
    assert out[0]["error"] and "digits" in str(out[0]["error"])
    assert out[1]["correct"] is True


def test_an_oversized_line_is_an_error_line_and_the_rest_is_graded() -> None:
    long_answer = request(answer="x" + " " * (3 * MAX_LINE_BYTES))
    out = grade(GOOD + b"\n" + long_answer + b"\n" + GOOD)
    assert len(out) == 3
    assert out[1]["error"] and "too long" in str(out[1]["error"])
    assert out[0]["correct"] is True and out[2]["correct"] is True


def test_a_line_just_under_the_cap_is_graded() -> None:
    padded = request(answer="x", pad=" " * 10).rstrip(b"}")
    padded += b" " * (MAX_LINE_BYTES - len(padded) - 1) + b"}"
    assert len(padded) == MAX_LINE_BYTES
    assert grade(padded + b"\n")[0]["correct"] is True


def test_the_last_line_needs_no_line_break() -> None:
    assert [row["correct"] for row in grade(GOOD + b"\n" + GOOD)] == [True, True]


@pytest.mark.parametrize("count", [27, 15_000])
def test_variables_are_capped(count: int) -> None:
    names = [chr(ord("a") + k % 26) for k in range(count)]
    out = grade(request(variables=names) + b"\n" + GOOD)
    assert out[0]["error"] and "at most 26" in str(out[0]["error"])
    assert out[1]["correct"] is True


def test_indexed_variables_are_accepted_and_subscripts_name_them() -> None:
    out = grade(request(expected="x1*x2", answer="x₁x₂", variables=["x1", "x2"]) + b"\n"
                + request(expected="x1", answer="x₁", variables=["x"]))
    assert out[0]["correct"] is True
    assert out[1]["error"] and "variable" in str(out[1]["error"])


def test_messages_never_echo_huge_input() -> None:
    huge_name = "y" * 50_000
    out = grade(request(variables=["x", huge_name]) + b"\n"
                + request(domain={huge_name: [0, 1]}) + b"\n"
                + json.dumps({"problem": "p" * 50_000, "answer": "1"}).encode())
    for row in out:
        assert row["error"] and len(str(row["error"])) < 200


def test_a_lone_surrogate_in_the_input_still_gives_a_utf8_json_line() -> None:
    data = (b'{"problem": "\\ud800", "answer": "1"}\n'
            b'{"kind": "number", "expected": "1", "answer": "\\udc00"}')
    lines = list(grade_stream(io.BytesIO(data)))
    assert len(lines) == 2
    for line in lines:
        line.encode("utf-8")
        assert json.loads(line)["error"]
