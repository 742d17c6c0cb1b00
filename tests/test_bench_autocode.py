"""The autocoding benchmark runs on a tiny project and prints its figures beside the query's."""

from __future__ import annotations

import pytest

from tests.benchmark_main import run_benchmark_main
from tests.helpers import benchmark_figures

pytestmark = pytest.mark.slow  # runs a benchmark


def test_autocode_benchmark_prints_preview_and_action_beside_the_query() -> None:
    output = run_benchmark_main("bench_autocode.py", "--cases", 3, "--documents", 3, "--words",
                                3000, "--codings", 150, "--repeat", 1)
    for task in ("autocode preview solidariteit paragraph",
                 "autocode action solidariteit paragraph",
                 "autocode action solidariteit no action log"):
        ours, query, ratio = benchmark_figures(output, task)
        assert ours > 0 and query > 0 and ratio > 0
    assert "per 1,000 codings: action log " in output
