"""The exchange benchmark runs tiny and prints its figures beside their baselines."""

from __future__ import annotations

import pytest

from tests.benchmark_main import run_benchmark_main
from tests.helpers import benchmark_figures

pytestmark = pytest.mark.slow  # runs a benchmark


def test_exchange_benchmark_prints_figures_and_ratios() -> None:
    output = run_benchmark_main("bench_exchange.py", "--cases", 3, "--documents", 3, "--words",
                                3000, "--codings", 150, "--merge-codings", 100)
    for task in ("export .qdpx", "import .qdpx (vs parsing)", "import .qdpx (vs sqlite3)",
                 "merge 2 x 100 codings", "undo the merge"):
        ours, raw, ratio = benchmark_figures(output, task)
        assert ours > 0 and raw > 0 and ratio > 0
