"""The GUI benchmark runs tiny and prints each figure beside its baseline, the spread of the
repetitions with any full garbage collection, and the window's start as a whole process."""

from __future__ import annotations

import re

from tests.helpers import benchmark_figures, run_benchmark


def test_gui_benchmark_prints_figures_beside_baselines() -> None:
    output = run_benchmark("bench_gui.py", "--words", 3000, "--codings", 150, 300, "--large", 3,
                           "--repeat", 3)
    ours, bare, ratio = benchmark_figures(output, "window usable from process start (large)")
    assert ours > 0 and bare > 0 and ratio > 0
    assert "heavy libraries loaded by then: -" in output
    for count in ("150", "300"):
        ours, peer, ratio = benchmark_figures(
            output, f"open 3,000-word transcript, {count} codings"
        )
        assert ours > 0 and peer > 0 and ratio > 0
    for count in ("150", "300"):
        for via in ("Ctrl+E palette", "codebook tree", "passage on screen", "passages tab visible"):
            ours, service, ratio = benchmark_figures(output, f"  code action at {count}, {via}")
            assert ours > 0 and service > 0 and ratio > 0
    spreads = re.findall(r"(\d+) runs, median [\d.]+ ms, max [\d.]+ ms \([\d.]+x the median\); "
                         r"full GC pauses \(ms\): ", output)
    assert spreads == ["3"] * 10


def test_code_action_cpu_benchmark_prints_each_way_beside_the_service() -> None:
    output = run_benchmark("bench_code_action_cpu.py", "--words", 3000, "--codings", 150,
                           "--repeat", 3)
    for via in ("Ctrl+E palette", "codebook tree", "passage on screen", "passages tab visible"):
        ours, service, ratio = benchmark_figures(output, f"  CPU code action at 150, {via}")
        assert ours > 0 and service > 0 and ratio > 0
