"""The matrix benchmark runs on a tiny project and prints every mode beside its baseline."""

from __future__ import annotations

import pytest

from tests.benchmark_main import run_benchmark_main
from tests.helpers import benchmark_figures
from workbench.core.analysis.spec import CELL_MODES

pytestmark = pytest.mark.slow  # runs a benchmark


def test_matrix_benchmark_prints_every_mode_with_a_ratio() -> None:
    output = run_benchmark_main("bench_matrix.py", "--cases", 3, "--documents", 3, "--words",
                                3000, "--codings", 150, "--repeat", 1)
    lines = output.splitlines()
    for mode in CELL_MODES:
        ours, raw, ratio = benchmark_figures(output, f"matrix {mode} ")
        assert ours > 0 and raw > 0 and ratio > 0
        [line] = [line for line in lines if line.startswith(f"matrix {mode} ")]
        assert line.endswith("3 cases x 24 codes")
    for fmt in ("xlsx", "docx"):
        [line] = [line for line in lines if line.startswith(f"export passages {fmt}")]
        assert float(line.split()[3]) > 0 and line.endswith("MB")
