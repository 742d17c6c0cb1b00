"""The exchange benchmark runs tiny and prints its figures beside their baselines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def test_exchange_benchmark_prints_figures_and_ratios() -> None:
    completed = subprocess.run(
        [sys.executable, "benchmarks/bench_exchange.py", "--cases", "3", "--documents", "6",
         "--words", "6000", "--codings", "300", "--merge-codings", "200"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    for task in ("export .qdpx", "import .qdpx (vs parsing)", "import .qdpx (vs sqlite3)",
                 "merge 2 x 200 codings"):
        [line] = [line for line in lines if line.startswith(task)]
        ours, raw, ratio = (float(value) for value in line[len(task):].split()[:3])
        assert ours > 0 and raw > 0 and ratio > 0
