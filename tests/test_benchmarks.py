"""The benchmark scripts run and print their figures (tiny sizes; no timing asserts)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_project_benchmark_prints_figures_and_ratios() -> None:
    completed = subprocess.run(
        [sys.executable, "benchmarks/bench_project.py", "--cases", "4", "--documents", "12",
         "--words", "12000", "--codings", "600", "--repeat", "1"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    for task in ("generate (same rows)", "open project + summary", "codings of one code",
                 "full-text solidariteit"):
        [line] = [line for line in lines if line.startswith(task)]
        ours, raw, ratio = (float(value) for value in line[len(task):].split()[:3])
        assert ours > 0 and raw > 0 and ratio > 0
