"""Run every benchmark script in this folder (`make bench`), one process each.

bench_answers (check latency), bench_bank (generation), bench_memory (RSS over 200 problems in
the app, and 100 KB of keystrokes then ctrl+q), bench_progress (store), bench_startup (first
frame, verdict latency): every bench_*.py found here runs, in name order.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run bench_*.py in name order; return non-zero if any failed."""
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        result = subprocess.run([sys.executable, str(script)], cwd=HERE)
        failed += result.returncode != 0
        print()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
