"""The matrix benchmark runs on a tiny project and prints every mode beside its baseline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from workbench.core.analysis.spec import CELL_MODES

REPO = Path(__file__).resolve().parent.parent


def test_matrix_benchmark_prints_every_mode_with_a_ratio() -> None:
    completed = subprocess.run(
        [sys.executable, "benchmarks/bench_matrix.py", "--cases", "3", "--documents", "9",
         "--words", "9000", "--codings", "400", "--repeat", "1"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    for mode in CELL_MODES:
        [line] = [line for line in lines if line.startswith(f"matrix {mode} ")]
        ours, raw, ratio = (float(value) for value in line[len(f"matrix {mode}"):].split()[:3])
        assert ours > 0 and raw > 0 and ratio > 0
        assert line.endswith("3 cases x 24 codes")
    for fmt in ("xlsx", "docx"):
        [line] = [line for line in lines if line.startswith(f"export passages {fmt}")]
        assert float(line.split()[3]) > 0 and line.endswith("MB")
