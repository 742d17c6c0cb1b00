"""The window's team benchmark runs tiny and prints its figures beside the baseline (no timing
asserts)."""

from __future__ import annotations

import pytest

from tests.benchmark_main import run_benchmark_main
from tests.team.cluster import Cluster

pytestmark = pytest.mark.slow  # a benchmark with a cluster of its own


def test_the_window_team_benchmark_prints_its_figures(cluster: Cluster) -> None:
    # The session's running cluster (the fixture skips without PostgreSQL), not one of its own.
    output = run_benchmark_main("bench_team_window.py", "--cases", 2, "--documents", 4,
                                "--words", 4000, "--codings", 120, "--repeat", 1,
                                cluster=cluster)
    lines = output.splitlines()
    assert lines[0].startswith("codings: 1")  # about 120: overlapping ones join
    for start in ("sqlite3 reading the coding rows (baseline)", "the window's count on open",
                  "the window's count after one coding action", "snapshot for the panels",
                  "the same without the dirty marks"):
        assert any(line.startswith(start) for line in lines), start
    assert all("ratio" in line for line in lines if line.startswith("the window's count on open"))
