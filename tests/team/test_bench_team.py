"""The team benchmark runs tiny and prints its figures and ratios (no timing asserts)."""

from __future__ import annotations

import pytest

from tests.benchmark_main import run_benchmark_main
from tests.helpers import benchmark_figures
from tests.team.cluster import Cluster

pytestmark = pytest.mark.slow  # runs a benchmark with a cluster of its own


def test_team_benchmark_prints_figures_and_ratios(cluster: Cluster) -> None:
    # The session's running cluster (the fixture skips without PostgreSQL), not one of its own.
    output = run_benchmark_main("bench_team.py", "--cases", 3, "--documents", 6, "--words", 9000,
                                "--codings", 200, "--new-codings", 100, "--clients", 2,
                                "--per-client", 50, cluster=cluster)
    for task in ("publish (COPY)", "sync 100 codings"):
        ours, copy, ratio = benchmark_figures(output, task)
        assert ours > 0 and copy > 0 and ratio > 0
    for task in ("marks: sync 1 coding(s)", "every row: sync 1 coding(s)",
                 "every row: sync 100 coding(s)"):  # the dirty marks' before and after
        assert any(line.startswith(task) and "sent" in line for line in output.splitlines())
    [crowd] = [line for line in output.splitlines() if line.startswith("2 clients x 50")]
    assert "0 lost, 0 failed" in crowd
