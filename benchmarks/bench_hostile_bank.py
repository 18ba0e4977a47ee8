"""Hostile question banks: how long `quizapp bank check` and `quizapp generate` take to refuse a
bad family, and their peak memory, against the shipped bank in the same run as the baseline.

Goals: each refusal within 10 s, one line on stderr, peak RSS ≤ baseline + 50 MB.
Each command runs under a 3 GB address-space limit so that a regression fails instead of
swapping the machine.
"""

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUIZAPP = str(Path(sys.executable).parent / "quizapp")
LIMIT = 3 * 1024**3
CASES = {
    "coefficients [1, 2^63-1]": ("power", "{ terms = [1, 2], coefficients = [1, "
                                 "9223372036854775807] }"),
    "dimensions [1, 10^6]": ("product-shape", "{ dimensions = [1, 1000000] }"),
    "terms [200000, 200000]": ("power", "{ terms = [200000, 200000] }"),
    "never generates": ("matrix-product", "{ shapes = [[1, 3, 1]], entries = [1, 4] }"),
}
MEASURE = ("import resource, subprocess, sys, time\n"
           "start = time.perf_counter()\n"
           "done = subprocess.run(sys.argv[1:], capture_output=True, text=True, "
           "preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, "
           f"({LIMIT}, {LIMIT})))\n"
           "elapsed = time.perf_counter() - start\n"
           "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
           "lines = len(done.stderr.splitlines())\n"
           "crashed = int('Traceback' in done.stderr)\n"
           "print(f'{elapsed:.2f} {peak:.0f} {done.returncode} {lines} {crashed}')\n")


def measure(bank: Path, *args: str) -> tuple[float, float, int, int, bool]:
    """(seconds, peak RSS in MB, exit code, stderr lines, traceback?) of one quizapp command."""
    out = subprocess.run([sys.executable, "-c", MEASURE, QUIZAPP, *args], capture_output=True,
                         text=True, env={"QUIZAPP_BANK": str(bank), "PATH": "/usr/bin:/bin"},
                         timeout=900)
    seconds, peak, code, lines, crashed = out.stdout.split()
    return float(seconds), float(peak), int(code), int(lines), crashed == "1"


def bank_with(folder: Path, generator: str, params: str) -> Path:
    """The shipped bank plus a family `hostile` in families/hostile.toml."""
    root = folder / generator
    shutil.copytree(ROOT / "question_bank", root)
    (root / "families" / "hostile.toml").write_text(
        '[[family]]\nid = "hostile"\ntitle = "Hostile"\ntopic = "matrix-products"\n'
        f'skill = "matrix-product"\ndifficulty = 1\ngenerator = "{generator}"\n'
        f"params = {params}\n", encoding="utf-8")
    return root


def main() -> int:
    """Print one row per case and command; exit 1 if a goal is missed."""
    print("== hostile question banks")
    missed = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baseline = measure(ROOT / "question_bank", "generate", "--id", "matmul-2x2.1")[1]
        print(f"baseline: generate from the shipped bank, peak RSS {baseline:.0f} MB")
        for name, (generator, params) in CASES.items():
            root = bank_with(folder / name.replace(" ", "_"), generator, params)
            for args in (("bank", "check", "--seeds", "200", "--family", "hostile"),
                         ("generate", "--id", "hostile.1")):
                seconds, peak, code, lines, crashed = measure(root, *args)
                ok = seconds <= 10 and peak <= baseline + 50 and code != 0 and not crashed
                ok = ok and (lines == 1 or args[0] == "bank")  # bank check: faults on stdout
                missed += not ok
                print(f"{name:<26} {' '.join(args[:2]):<12} {seconds:6.2f} s  "
                      f"peak {peak:5.0f} MB  exit {code}  {lines} stderr line(s)"
                      f"{' (traceback)' if crashed else ''}  "
                      f"{'ok' if ok else 'MISSED'}")
    return 1 if missed else 0


if __name__ == "__main__":
    start = time.perf_counter()
    status = main()
    print(f"({time.perf_counter() - start:.0f} s)")
    sys.exit(status)
