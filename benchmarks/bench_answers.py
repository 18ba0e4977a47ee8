"""Answer engine speed: check latency over the case table and ~100 learner pairs written apart
from the tests (vs sympy.simplify on the same pairs, in the same run), preview latency per
keystroke, and the import time of quizapp.answers.

Goals: check p99 ≤ 20 ms and ≥ 20× faster than `simplify(a - b) == 0`; preview p50 ≤ 5 ms;
any hostile answer (odd characters, power chains, costly functions) checked and previewed
within 1 s; a batch of hostile lines graded in bounded time and memory.
"""

import gc
import io
import json
import re
import statistics
import subprocess
import sys
import time
import tracemalloc

from _common import grading_cases, summary
from learner_pairs import PAIRS
from quizapp.answers import AnswerError, check, preview, read_answer

REPEATS = 3
TYPED = [
    "3x^2 + 2x - 5", "e^(x ln x)(1+ln x)", "sigmoid(3x)(1 - sigmoid(3x))*3", "2xcos(x^2)",
    "[[1, 2], [3, 4]]", "(5±√33)/2", "1 2 3; 4 5 6", "-sin(x)/(cos(x))^2", "1 + tan²x",
]


def check_latency(cases: list[tuple]) -> list[float]:
    for kind, expected, answer, variables, domain, _ in cases:  # warm caches once
        check(answer, expected, kind, variables, domain)
    samples = []
    for _ in range(REPEATS):
        for kind, expected, answer, variables, domain, _ in cases:
            start = time.perf_counter()
            check(answer, expected, kind, variables, domain)
            samples.append(time.perf_counter() - start)
    return samples


def cold_latency(cases: list[tuple]) -> list[float]:
    """Each check the first time its key is seen (reading caches and sample points cleared)."""
    from quizapp.answers import checking, equivalence

    samples = []
    for kind, expected, answer, variables, domain, _ in cases:
        checking._read_trusted.cache_clear()
        equivalence._reference.cache_clear()
        start = time.perf_counter()
        check(answer, expected, kind, variables, domain)
        samples.append(time.perf_counter() - start)
    return samples


def simplify_latency(cases: list[tuple], kinds: tuple[str, ...] = ("expression", "number")
                     ) -> tuple[list[float], list[float]]:
    """Time our check and `simplify(a - b) == 0` on the single-value cases both can read.

    The two run in separate passes, as in the app no simplify runs between checks: simplify
    fills sympy's caches with its own work and leaves garbage whose collection the next timing
    would pay for. The garbage is collected before each timing, for both."""
    import sympy

    pairs = []
    for kind, expected, answer, variables, domain, _ in cases:
        if kind not in kinds:
            continue
        try:
            want = read_answer(expected, kind, variables).values[0].expr
            got = read_answer(answer, kind, variables).values[0].expr
        except AnswerError:
            continue
        pairs.append((kind, expected, answer, variables, domain, want, got))
    ours, theirs = [], []
    for kind, expected, answer, variables, domain, _, _ in pairs:
        check(answer, expected, kind, variables, domain)  # warm, as a problem checked again
        gc.collect()
        start = time.perf_counter()
        check(answer, expected, kind, variables, domain)
        ours.append(time.perf_counter() - start)
    for *_, want, got in pairs:
        gc.collect()
        start = time.perf_counter()
        _ = sympy.simplify(want - got) == 0
        theirs.append(time.perf_counter() - start)
    return ours, theirs


def preview_latency() -> list[float]:
    samples = []
    for text in TYPED:
        kind = "matrix" if text[0] in "[1" and ("[[" in text or ";" in text) else (
            "multiset" if "±" in text else "expression")
        for end in range(1, len(text) + 1):
            start = time.perf_counter()
            preview(text[:end], kind)
            samples.append(time.perf_counter() - start)
    return samples


_DIGIT_LIKE = [chr(c) for c in range(sys.maxunicode + 1)
               if chr(c).isdigit() and not re.fullmatch(r"\d", chr(c))]
HOSTILE = [
    *(f"3x{ch} + {ch}" for ch in _DIGIT_LIKE), "x₁ + x₂", "2x₁x₂", "①②③",
    "(x^999)^999", "x^999*x^999", "(((x^9)^9)^9)^9", "x^999^999", "10^10^10", "9^9^9^9",
    "exp(999)^999", "exp(exp(exp(exp(x))))", "sinh(sinh(sinh(sinh(x))))", "tan(x^1000)",
    "sin(x)^1000 cos(x)^1000 tan(x)^1000", "(x+1)^1000-(x-1)^1000", "((1+x)^999)^999",
    "+".join(f"tan(x^{1000 - k})" for k in range(60)),
    "+".join(f"sinh(sinh(sinh({k}x)))" for k in range(50)),
    "*".join(f"(x+{k})^1000" for k in range(60)),
    "(" * 39 + "x" + ")" * 39, "-" * 1999 + "x", "x" * 2000, "9" * 2000,
    *(f"{f}(" * 12 + "3x+1" + ")" * 12 for f in ("sinh", "cosh", "tanh", "sech", "csch")),
    "sinh(sec(sinh((i x)^999)))", "log10(1/csc((acos(log10(abs(pi x))))^999))",
    "csc(1/ln(asin(2)))", "asin(asin(cos((exp(e))^999)))", "sigmoid(exp((x exp(-x))^999))",
]


def hostile_latency() -> list[float]:
    """Time check + preview of each hostile text, as an answer of every kind."""
    samples = []
    check("sinh(cosh(x))", "x", "expression")  # sympy's one-off imports are not the answer's
    for text in HOSTILE:
        for kind, expected in (("expression", "x1 + x2"), ("number", "2"), ("matrix", "[[1]]"),
                               ("multiset", "1, 2")):
            start = time.perf_counter()
            check(text, expected, kind, ("x", "x1", "x2") if kind == "expression" else ("x",))
            preview(text, kind)
            samples.append(time.perf_counter() - start)
    return samples


def hostile_batch() -> tuple[int, float, float]:
    """Lines, seconds and peak traced MB to grade a batch of hostile lines."""
    good = json.dumps({"kind": "number", "expected": "1/4", "answer": "0.25"}).encode()
    lines = [
        b"\xef\xbb\xbf" + good, b'{"answer": "\xff"}', b'{"n": ' + b"9" * 5000 + b"}",
        json.dumps({"kind": "expression", "expected": "x", "answer": "x",
                    "variables": ["v"] * 15_000}).encode(),
        b"[" * 99_000, b"x" * 5_000_000, good,
    ] * 5
    from quizapp.batch import grade_stream

    tracemalloc.start()
    start = time.perf_counter()
    count = sum(1 for _ in grade_stream(io.BytesIO(b"\n".join(lines))))
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return count, elapsed, peak


def import_time() -> tuple[float, float]:
    """Median wall time of `import quizapp.answers` and of a bare interpreter, in seconds."""
    def run(code: str) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    return run("import quizapp.answers"), run("pass")


def main() -> None:
    cases = grading_cases()
    learner = [(kind, key, answer, variables, None, None)
               for kind, key, answer, variables in PAIRS]
    print(f"== answer engine ({len(cases)} cases from tests/answers/test_case_table.py, "
          f"{len(learner)} learner pairs from benchmarks/learner_pairs.py)")
    print(f"check latency, case table (warm, x{REPEATS}):    {summary(check_latency(cases))}")
    print(f"check latency, learner pairs (warm, x{REPEATS}): {summary(check_latency(learner))}"
          "   (goal p99 ≤ 20 ms)")
    print(f"check latency, learner pairs (first time):   {summary(cold_latency(learner))}")
    ours, theirs = simplify_latency(learner, ("expression",))
    ratio = statistics.mean(theirs) / statistics.mean(ours)
    print(f"  {len(ours)} learner expression pairs, our check: {summary(ours)}")
    print(f"  sympy simplify(a-b)==0 on the same:     {summary(theirs)}")
    print(f"  check is {ratio:.0f}x faster than simplify on learner expressions, mean latency "
          "(goal ≥ 20x)")
    ours, theirs = simplify_latency(cases)
    ratio = statistics.mean(theirs) / statistics.mean(ours)
    print(f"  {len(ours)} single-value case-table cases: check {ratio:.0f}x faster than simplify")
    print(f"preview per keystroke:            {summary(preview_latency())}")
    hostile = hostile_latency()
    print(f"hostile answers, check+preview:   {summary(hostile)}   "
          f"(goal: max ≤ 1000 ms; {len(HOSTILE)} texts × 4 kinds)")
    count, elapsed, peak = hostile_batch()
    print(f"hostile batch: {count} lines (BOM, bad bytes, 5000-digit int, 15,000 variables, "
          f"5 MB line) in {elapsed:.2f} s, peak {peak:.1f} MB traced")
    loaded, bare = import_time()
    print(f"import quizapp.answers: {loaded * 1000:.0f} ms wall "
          f"(bare python {bare * 1000:.0f} ms, so {1000 * (loaded - bare):.0f} ms for the import)")


if __name__ == "__main__":
    main()
