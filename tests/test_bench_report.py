"""The report benchmark runs on a tiny project and prints each part beside its baseline."""

from __future__ import annotations

from tests.benchmark_main import run_benchmark_main
from tests.helpers import benchmark_figures


def test_report_benchmark_prints_the_full_report_and_its_parts() -> None:
    # One chart kind of four: each draws for seconds at print resolution, and the part that
    # draws them is the same code whatever the kinds.
    output = run_benchmark_main("bench_report.py", "--cases", 3, "--documents", 6, "--words",
                                6000, "--codings", 300, "--resamples", 20, "--charts", "heatmap")
    for task in ("python-docx alone (baseline)", "full report", "report: counts only",
                 "report: passages matrix", "report: one chart", "report: agreement"):
        ours, raw, ratio = benchmark_figures(output, task)
        assert ours > 0 and raw > 0 and ratio > 0
    [line] = [line for line in output.splitlines() if line.startswith("full report")]
    assert line.endswith("MB")
