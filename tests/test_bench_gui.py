"""The GUI benchmark runs tiny and prints each figure beside its baseline, the spread of the
repetitions with any full garbage collection, and the window's start as a whole process."""

from __future__ import annotations

import re

from tests.helpers import benchmark_figures, run_benchmark


def test_gui_benchmark_prints_figures_beside_baselines() -> None:
    # A process of its own: the script freezes the collector and hooks its callbacks. One size
    # of transcript (each size is the same code) and each process started once, not twice.
    output = run_benchmark("bench_gui.py", "--words", 3000, "--codings", 150, "--large", 3,
                           "--repeat", 3, "--no-warm-up")
    ours, bare, ratio = benchmark_figures(output, "window usable from process start (large)")
    assert ours > 0 and bare > 0 and ratio > 0
    assert "heavy libraries loaded by then: -" in output
    ours, peer, ratio = benchmark_figures(output, "open 3,000-word transcript, 150 codings")
    assert ours > 0 and peer > 0 and ratio > 0
    for via in ("Ctrl+E palette", "codebook tree", "passage on screen", "passages tab visible"):
        ours, service, ratio = benchmark_figures(output, f"  code action at 150, {via}")
        assert ours > 0 and service > 0 and ratio > 0
    spreads = re.findall(r"(\d+) runs, median [\d.]+ ms, max [\d.]+ ms \([\d.]+x the median\); "
                         r"full GC pauses \(ms\): ", output)
    assert spreads == ["3"] * 5  # the opening and the four ways of coding


def test_code_action_cpu_benchmark_prints_each_way_beside_the_service() -> None:
    output = run_benchmark("bench_code_action_cpu.py", "--words", 3000, "--codings", 150,
                           "--repeat", 3)
    for via in ("Ctrl+E palette", "codebook tree", "passage on screen", "passages tab visible"):
        ours, service, ratio = benchmark_figures(output, f"  CPU code action at 150, {via}")
        assert ours > 0 and service > 0 and ratio > 0
