"""The project benchmark runs tiny and prints its figures and ratios (no timing asserts)."""

from __future__ import annotations

import pytest

from tests.benchmark_main import run_benchmark_main
from tests.helpers import benchmark_figures

pytestmark = pytest.mark.slow  # runs a benchmark


def test_project_benchmark_prints_figures_and_ratios() -> None:
    output = run_benchmark_main("bench_project.py", "--cases", 2, "--documents", 4, "--words",
                                4000, "--codings", 200, "--repeat", 1)
    for task in ("generate (same rows)", "open project + summary", "codings of one code",
                 "full-text solidariteit"):
        ours, raw, ratio = benchmark_figures(output, task)
        assert ours > 0 and raw > 0 and ratio > 0
