"""Shared helpers for the benchmark scripts: timing statistics and the grading case table."""

import importlib.util
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The `fraction` percentile (0..1) of `samples`, by nearest rank."""
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary(samples_s: Sequence[float]) -> str:
    """p50 / p99 / max of samples given in seconds, printed in milliseconds."""
    ms = [s * 1000 for s in samples_s]
    return (f"p50 {statistics.median(ms):7.2f} ms   p99 {percentile(ms, 0.99):7.2f} ms   "
            f"max {max(ms):7.2f} ms   (n={len(ms)})")


def grading_cases() -> list[tuple]:
    """(kind, expected, answer, variables, domain, outcome) rows of the project's case table."""
    path = ROOT / "tests" / "answers" / "test_case_table.py"
    spec = importlib.util.spec_from_file_location("case_table", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["case_table"] = module
    spec.loader.exec_module(module)
    return [param.values[:6] for param in module.ALL_CASES]
