"""Hostile learner input: never run as Python, never allowed to eat time or memory.

The answer engine reads learner text with its own tokenizer and grammar into a whitelist of
sympy nodes. Nothing a learner types may reach eval/exec/sympify/parse_expr, and nothing may
make `check` or `preview` hang, raise or blow up memory. Every case here is harmless if it
leaks: the worst a code payload could do is create an empty file inside pytest's `tmp_path`,
which the tests then look for.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quizapp.answers import check, preview

KINDS = ("expression", "number", "vector", "matrix", "multiset")
EXPECTED = {
    "expression": "3*x**2",
    "number": "2",
    "vector": "[1,2]",
    "matrix": "[[1,2],[3,4]]",
    "multiset": "1, 4",
}
# The goal is 1 s per call, measured by benchmarks/bench_answers.py. The test bounds are loose,
# and on CPU time rather than the wall clock, so that a busy machine cannot make them flaky, yet
# a runaway computation still fails.
LIMIT = 5.0  # CPU seconds allowed for any single check/preview call (this thread's)
CLI_LIMIT = 20.0  # CPU seconds allowed for the whole CLI batch run (the child process's)

# `PATH` is replaced by an absolute path inside tmp_path; `pwned_rel` is relative to the
# working directory, which the tests point at tmp_path as well.
TARGET = "pwned_abs"
RELATIVE = "pwned_rel"

CODE_PAYLOADS = [
    "__import__('os').system('touch PATH')",
    "__import__('os').system('touch pwned_rel')",
    "__import__('subprocess').call(['touch', 'PATH'])",
    "open('PATH','w')",
    "open('pwned_rel', 'w')",
    "sin.eval.__globals__['__builtins__']['open']('PATH','w')",
    "sin(x).__class__.__mro__[-1].__subclasses__()",
    "(lambda: __import__('pathlib').Path('PATH').touch())()",
    "[c for c in ().__class__.__base__.__subclasses__()]",
    "().__class__.__base__.__subclasses__()",
    "exec(\"open('PATH','w')\")",
    "eval('1')",
    "eval(\"open('PATH','w')\")",
    "compile(\"open('PATH','w')\", 'f', 'exec')",
    "sympify(\"open('PATH','w')\")",
    "parse_expr(\"open('PATH','w')\")",
    "S(\"open('PATH','w')\")",
    "Symbol('x')",
    "x.__class__",
    "x.__dict__",
    "x.__reduce__()",
    "x.args",
    "'x'",
    '"x"',
    'f"{x}"',
    "f\"{open('PATH','w')}\"",
    "b'x'",
    "diff(x**2, x)",
    "integrate(x)",
    "Derivative(x**2, x)",
    "lambdify(x, x)",
    "Function('f')(x)",
    "lambda: 1",
    "x if x else 1",
    "x; import os",
    "import os",
    "x; __import__('os').system('touch PATH')",
    "getattr(x, 'a')",
    "setattr(x, 'a', 1)",
    "globals()['__builtins__'].open('PATH','w')",
    "vars()",
    "type(x)",
    "print(1)",
    "x.subs(x,1)",
    "x.evalf(subs={x: 1})",
    "x[0]",
    "{'a': 1}",
    "x @ x",
    "__builtins__",
    "open",
    "`x`",
    "`open('PATH','w')`",
    "x\x00",
    "\x00open('PATH','w')",
    "x\x00; open('PATH','w')",
    "(x:=open('PATH','w'))",
    "[open('PATH','w') for _ in 'a']",
    "{open('PATH','w')}",
    "ｅｖａｌ(\"open('PATH','w')\")",  # fullwidth: NFKC turns this into eval(...)
    "ｏｐｅｎ('PATH','w')",
    "x + \\\nopen('PATH','w')",
    "x  # open('PATH','w')",
]

# Per kind: text that *would* equal the expected value if it were run as Python or sympy, so a
# leak shows up as `correct is True` even when the payload itself writes nothing.
SNEAKY = {
    "expression": [
        "diff(x**3, x)",
        "integrate(6*x, x)",
        "Derivative(x**3, x).doit()",
        "eval('3*x**2')",
        "sympify('3*x**2')",
        "Symbol('x')**2*3",
        "(3*x**2).expand()",
        "[3*x**2][0]",
        "(lambda: 3*x**2)()",
        "3*x**2 if x else 1",
        "3*x**2; import os",
        "'3*x**2'",
    ],
    "number": [
        "eval('2')",
        "sympify('2')",
        "int('2')",
        "float('2')",
        "len('ab')",
        "(lambda: 2)()",
        "(2).real",
        "[2][0]",
        "2 if 1 else 0",
        "2; import os",
        "True+True",
        "'2'",
    ],
    "vector": [
        "eval('[1,2]')",
        "sympify('[1, 2]')",
        "list(range(1, 3))",
        "[i for i in (1, 2)]",
        "[*[1, 2]]",
        "[1, 2][:]",
        "[1, 2].copy()",
        "(lambda: [1, 2])()",
        "[1, 2] if 1 else 0",
        "[1, 2]; import os",
        "'[1, 2]'",
    ],
    "matrix": [
        "eval('[[1,2],[3,4]]')",
        "sympify('[[1, 2], [3, 4]]')",
        "[[1, 2], [3, 4]].copy()",
        "[[1, 2], [3, 4]][:]",
        "[list(r) for r in [[1, 2], [3, 4]]]",
        "[[*[1, 2]], [3, 4]]",
        "(lambda: [[1, 2], [3, 4]])()",
        "[[1, 2], [3, 4]] if 1 else 0",
        "[[1, 2], [3, 4]]; import os",
    ],
    "multiset": [
        "eval('1, 4')",
        "sympify('1, 4')",
        "sorted([4, 1])",
        "set([1, 4])",
        "tuple([1, 4])",
        "{1, 4}.copy()",
        "(lambda: (1, 4))()",
        "*[1, 4]",
        "1, 4 if 1 else 0",
        "1, 4; import os",
        "1, len('abcd')",
    ],
}

CODE_CASES = [(kind, payload) for payload in CODE_PAYLOADS for kind in KINDS] + [
    (kind, payload) for kind, payloads in SNEAKY.items() for payload in payloads
]


def _matrix_text(n: int, entry: str | None = None) -> str:
    def cell(r: int, c: int) -> str:
        return entry if entry is not None else str((r * n + c) % 10)

    rows = ("[" + ", ".join(cell(r, c) for c in range(n)) + "]" for r in range(n))
    return "[" + ", ".join(rows) + "]"


SCALAR = ("expression", "number")
# (name, text, kinds the text is naturally meant for); the in-process tests try every kind.
RESOURCE_CASES: list[tuple[str, str, tuple[str, ...]]] = [
    ("tower-caret", "9^9^9^9", SCALAR),
    ("tower-starstar", "9**9**9**9", SCALAR),
    ("nested-powers", "(((9^64)^64)^64)^64", SCALAR),
    ("ten-tower", "10^10^10", SCALAR),
    ("ten-to-1e5", "10^(10^5)", SCALAR),
    ("two-to-1e10", "2^(10^10)", SCALAR),
    ("x-to-1e10", "x^(10^10)", ("expression",)),
    ("tiny-power", "10^(-10^10)", SCALAR),
    ("binomial-power", "(x+1)^100000", ("expression",)),
    ("self-tower", "(x+1)^(x+1)^(x+1)^(x+1)^(x+1)", ("expression",)),
    ("factorial-call", "factorial(10^10)", SCALAR),
    ("factorial-bang", "(10^10)!", SCALAR),
    ("factorial-chain", "((10!)!)!", SCALAR),
    ("float-exponent", "1e100000000", SCALAR),
    ("float-neg-exponent", "1e-100000000", SCALAR),
    ("float-exponent-digits", "1e" + "9" * 1000, SCALAR),
    ("exp-tower", "exp(exp(exp(exp(100))))", SCALAR),
    ("e-tower", "e^(e^(e^(e^e)))", SCALAR),
    ("exp-1e10", "exp(10^10)", SCALAR),
    ("gaussian-power", "(1+2i)^(10^9)", SCALAR),
    ("sqrt-huge", "sqrt(10^4000)", SCALAR),
    ("sin-huge-argument", "sin(10^(10^5))", SCALAR),
    ("precise-limit", "(1+1/10^100)^(10^100)", SCALAR),
    ("superscript-chain", "x" + "²" * 200, ("expression",)),
    ("superscript-exponent", "2" + "⁹" * 1000, SCALAR),
    ("one-over-zero", "1/0", SCALAR),
    ("zero-over-zero", "0/0", SCALAR),
    ("x-over-zero", "x/0", ("expression",)),
    ("ln-zero", "ln(0)", SCALAR),
    ("many-minus", "-" * 5000 + "x", ("expression",)),
    ("many-plus", "+" * 5000 + "x", ("expression",)),
    ("deep-parens", "(" * 5000 + "x" + ")" * 5000, ("expression",)),
    ("deep-neg-parens", "-(" * 3000 + "x" + ")" * 3000, ("expression",)),
    ("long-sum", "x+" * 50000 + "x", ("expression",)),
    ("long-product", "x*" * 50000 + "x", ("expression",)),
    ("long-number", "1" * 100000, SCALAR),
    ("long-decimal", "0." + "1" * 100000, SCALAR),
    ("deep-sin", "sin(" * 3000 + "x" + ")" * 3000, ("expression",)),
    ("deep-sqrt", "sqrt(" * 3000 + "2" + ")" * 3000, SCALAR),
    ("deep-root-sign", "√" * 5000 + "2", SCALAR),
    ("deep-abs", "|" * 2000 + "x" + "|" * 2000, ("expression",)),
    ("x-run", "x" * 10000, ("expression",)),
    ("i-run", "i" * 10000, SCALAR),
    ("power-chain-x", "x^" * 5000 + "2", ("expression",)),
    ("power-chain-2", "2^" * 5000 + "2", SCALAR),
    ("division-chain", "1/" * 5000 + "x", ("expression",)),
    ("binomial-product", "(x+1)*" * 2000 + "1", ("expression",)),
    # Just under the engine's size caps, so the reader itself is exercised, not only the cap.
    ("cap-minus", "-" * 1990 + "x", ("expression",)),
    ("cap-parens", "(" * 995 + "x" + ")" * 995, ("expression",)),
    ("cap-sum", "x+" * 299 + "x", ("expression",)),
    ("cap-product", "x*" * 299 + "x", ("expression",)),
    ("cap-digits", "1" * 1999, SCALAR),
    ("cap-sin", "sin(" * 399 + "x" + ")" * 399, ("expression",)),
    ("cap-power-chain", "x^" * 20 + "x", ("expression",)),
    ("cap-word-x", "x" * 1999, ("expression",)),
    ("cap-word-q", "q" * 1999, SCALAR),
    ("cap-word-sigma", "σ" * 1999, ("expression",)),
    ("cap-word-sin", "sin" * 666, ("expression",)),
    ("cap-word-xsin", "xsin" * 499, ("expression",)),
    ("cap-word-letters", "abcdefghij" * 199, ("expression",)),
    ("sum-of-1000th-powers", "+".join(f"(x+{k})^1000" for k in range(60)), ("expression",)),
    ("cancelling-1000th-powers", "(x+1)^1000*(x-1)^1000-(x^2-1)^1000", ("expression",)),
    ("surd-power", "(sqrt(2)+sqrt(3))^1000", SCALAR),
    ("sin-1e1000", "sin(10^1000)", SCALAR),
    ("power-of-power", "((x^1000)^1000)^1000", ("expression",)),
    ("exp-x-1000", "exp(x^1000)", ("expression",)),
    ("cap-vector", "[" + ", ".join(["9^9"] * 399) + "]", ("vector",)),
    ("cap-matrix", _matrix_text(20, "99"), ("matrix",)),
    ("cap-multiset", ", ".join(["2^999"] * 280), ("multiset",)),
    ("deep-brackets", "[" * 3000 + "1" + "]" * 3000, ("vector", "matrix")),
    ("deep-braces", "{" * 3000 + "1" + "}" * 3000, ("multiset",)),
    ("vector-100k", "[" + ", ".join(["1"] * 100000) + "]", ("vector",)),
    ("vector-huge-entries", "[9^9^9^9, 2^(10^10)]", ("vector",)),
    ("matrix-200x200", _matrix_text(200), ("matrix",)),
    ("matrix-huge-entry", "[[9^9^9^9, 1], [1, 1]]", ("matrix",)),
    (
        "matrix-heavy-entries",
        "[[2^(10^10), x^(10^10)], [(x+1)^100000, 1e100000000]]",
        ("matrix",),
    ),
    ("multiset-10k", ", ".join(str(n) for n in range(10000)), ("multiset",)),
    ("multiset-heavy-values", ", ".join(["2^(10^10)"] * 500), ("multiset",)),
    ("multiset-tower", "9^9^9^9, 1", ("multiset",)),
    ("multiset-plus-minus", "±".join(["1"] * 60), ("multiset",)),
]


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    out = []
    for n, (kind, payload) in enumerate(cases):
        slug = "".join(ch if ch.isascii() and ch.isprintable() else "?" for ch in payload[:30])
        out.append(f"{n:03d}-{kind}-{slug}")
    return out


def _timed(fn: Callable[..., Any], *args: Any) -> tuple[Any, float]:
    start = time.thread_time()
    result = fn(*args)
    return result, time.thread_time() - start


def _children_cpu_seconds() -> float:
    """CPU time used so far by this process's finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _assert_verdict_shape(verdict: Any) -> None:
    assert isinstance(verdict.correct, bool)
    assert verdict.error is None or isinstance(verdict.error, str)
    assert isinstance(verdict.feedback, str)
    assert isinstance(verdict.interpreted, str)
    assert verdict.misconception is None or isinstance(verdict.misconception, str)


def _assert_preview_shape(result: Any) -> None:
    assert isinstance(result.ok, bool)
    assert isinstance(result.text, str)
    assert isinstance(result.line, str)
    assert result.message is None or isinstance(result.message, str)
    assert isinstance(result.notes, tuple)


def _short(text: str) -> str:
    return repr(text if len(text) <= 80 else text[:60] + f"...<{len(text)} chars>")


@pytest.fixture(scope="module", autouse=True)
def _warm_up() -> None:
    """Pay one-off import and cache costs before anything is timed."""
    for kind in KINDS:
        check(EXPECTED[kind], EXPECTED[kind], kind)
        preview(EXPECTED[kind], kind)


@pytest.mark.parametrize("kind", KINDS)
def test_expected_values_are_readable_and_match_themselves(kind: str) -> None:
    # Otherwise every `correct is False` below would be vacuous.
    verdict = check(EXPECTED[kind], EXPECTED[kind], kind)
    assert verdict.error is None, verdict
    assert verdict.correct is True, verdict
    assert preview(EXPECTED[kind], kind).ok


@pytest.mark.parametrize(("kind", "payload"), CODE_CASES, ids=_ids(CODE_CASES))
def test_code_is_never_executed(
    kind: str, payload: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = payload.replace("PATH", str(tmp_path / TARGET))

    verdict, elapsed = _timed(check, text, EXPECTED[kind], kind)
    _assert_verdict_shape(verdict)
    assert verdict.correct is False, f"{text!r} accepted as {kind}: {verdict}"
    assert elapsed < LIMIT, f"check took {elapsed:.2f}s"

    result, elapsed = _timed(preview, text, kind, ("x",))
    _assert_preview_shape(result)
    assert elapsed < LIMIT, f"preview took {elapsed:.2f}s"

    # The same text as an *expected* value must not be run either; if it cannot be read
    # (as preview says), check must say so in `error` rather than raise.
    verdict, elapsed = _timed(check, EXPECTED[kind], text, kind)
    _assert_verdict_shape(verdict)
    assert verdict.correct is False, f"{text!r} accepted as expected {kind}: {verdict}"
    if not result.ok:
        assert verdict.error, f"unreadable expected {text!r} gave no error: {verdict}"
    assert elapsed < LIMIT, f"check (as expected) took {elapsed:.2f}s"

    assert sorted(p.name for p in tmp_path.iterdir()) == [], "a payload touched the disk"


RESOURCE_IDS = [name for name, _, _ in RESOURCE_CASES]


@pytest.mark.parametrize(("name", "text", "natural"), RESOURCE_CASES, ids=RESOURCE_IDS)
@pytest.mark.parametrize("kind", KINDS)
def test_resource_exhaustion_check(
    name: str, text: str, natural: tuple[str, ...], kind: str
) -> None:
    verdict, elapsed = _timed(check, text, EXPECTED[kind], kind)
    _assert_verdict_shape(verdict)
    assert elapsed < LIMIT, f"check({_short(text)}, {kind}) took {elapsed:.2f}s"
    assert verdict.correct is False, f"{_short(text)} accepted as {kind}: {verdict}"
    assert verdict.error or verdict.feedback, f"no error or feedback for {_short(text)}"

    # As the expected text it may be refused or read, but it must not hang or raise.
    verdict, elapsed = _timed(check, EXPECTED[kind], text, kind)
    _assert_verdict_shape(verdict)
    assert elapsed < LIMIT, f"check(expected={_short(text)}, {kind}) took {elapsed:.2f}s"
    assert verdict.correct is False


@pytest.mark.parametrize(("name", "text", "natural"), RESOURCE_CASES, ids=RESOURCE_IDS)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("unicode", [True, False], ids=["unicode", "ascii"])
def test_resource_exhaustion_preview(
    name: str, text: str, natural: tuple[str, ...], kind: str, unicode: bool
) -> None:
    result, elapsed = _timed(preview, text, kind, ("x",), unicode)
    _assert_preview_shape(result)
    assert elapsed < LIMIT, f"preview({_short(text)}, {kind}) took {elapsed:.2f}s"
    assert result.ok or result.message, f"unreadable {_short(text)} without a message"


# --- the same through the command line, in a separate process ------------------------------


def _cli() -> Path | None:
    candidates = [Path(sys.executable).parent / "quizapp"]
    found = shutil.which("quizapp")
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def test_cli_batch_mode_refuses_hostile_input(tmp_path: Path) -> None:
    exe = _cli()
    if exe is None:
        pytest.skip("no `quizapp` executable next to the interpreter or on PATH")
    probe = subprocess.run(
        [str(exe), "check", "--help"], capture_output=True, text=True, timeout=60
    )
    if probe.returncode != 0:
        pytest.skip(f"`quizapp check --help` failed (exit {probe.returncode}): CLI not ready")

    workdir = tmp_path / "cwd"
    workdir.mkdir()
    target = tmp_path / TARGET
    records = [
        {"kind": kind, "expected": EXPECTED[kind], "answer": text.replace("PATH", str(target))}
        for kind, text in CODE_CASES
    ]
    records += [
        {"kind": kind, "expected": EXPECTED[kind], "answer": text}
        for _, text, natural in RESOURCE_CASES
        for kind in natural
    ]
    stdin = "".join(json.dumps(record) + "\n" for record in records)

    start = _children_cpu_seconds()
    proc = subprocess.run(
        [str(exe), "check", "--batch", "-"],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=workdir,
        timeout=120,
    )
    elapsed = _children_cpu_seconds() - start

    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    lines = [line for line in proc.stdout.split("\n") if line.strip()]
    assert len(lines) == len(records), (
        f"{len(records)} lines in, {len(lines)} out; exit {proc.returncode}; "
        f"stderr: {proc.stderr[-2000:]}"
    )
    for record, line in zip(records, lines, strict=True):
        out = json.loads(line)
        assert {"correct", "error", "feedback", "misconception", "interpreted"} <= set(out), out
        assert out["correct"] is False, f"{_short(record['answer'])} accepted: {out}"
    assert not target.exists(), "a payload created the target file"
    assert sorted(p.name for p in workdir.iterdir()) == [], "a payload wrote in the cwd"
    assert elapsed < CLI_LIMIT, f"{len(records)} lines took {elapsed:.1f}s"
