"""The report benchmark runs on a tiny project and prints each part beside its baseline."""

from __future__ import annotations

from tests.helpers import benchmark_figures, run_benchmark


def test_report_benchmark_prints_the_full_report_and_its_parts() -> None:
    output = run_benchmark("bench_report.py", "--cases", 3, "--documents", 6, "--words", 6000,
                           "--codings", 300, "--resamples", 20)
    for task in ("python-docx alone (baseline)", "full report", "report: counts only",
                 "report: passages matrix", "report: four charts", "report: agreement"):
        ours, raw, ratio = benchmark_figures(output, task)
        assert ours > 0 and raw > 0 and ratio > 0
    [line] = [line for line in output.splitlines() if line.startswith("full report")]
    assert line.endswith("MB")
