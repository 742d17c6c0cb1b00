"""The agreement benchmark runs tiny and prints its figures beside scikit-learn's (no timing
asserts): our kappas equal scikit-learn's on the same character vectors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_agreement_benchmark_prints_figures_beside_scikit_learn() -> None:
    completed = subprocess.run(
        [sys.executable, "benchmarks/bench_agreement.py", "--cases", "3", "--documents", "6",
         "--words", "6000", "--codings", "400", "--resamples", "50"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    out = completed.stdout
    largest = float(re.search(r"largest \|ours - scikit-learn\| = (\S+);?", out).group(1))
    assert largest < 1e-9
    for task in ("full report, 50 bootstrap resamples", "kappa on the same character vectors"):
        [line] = [line for line in out.splitlines() if line.startswith(task)]
        ours, theirs, ratio = (float(value) for value in line[len(task):].split()[:3])
        assert ours > 0 and theirs > 0 and ratio > 0
