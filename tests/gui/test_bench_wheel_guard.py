"""The wheel-guard benchmark runs tiny and prints each design beside the baseline (no timing
asserts: the figures are read by people)."""

from __future__ import annotations

from tests.helpers import run_benchmark


def test_the_wheel_guard_benchmark_prints_three_figures() -> None:
    output = run_benchmark("bench_wheel_guard.py", "--rounds", 2)
    assert "guarded controls" in output.splitlines()[0]
    for name in ("no guard (baseline)", "guard per control (ours)", "application-wide filter"):
        [line] = [line for line in output.splitlines() if line.startswith(name)]
        assert "ms per burst" in line
