"""The command-line benchmark runs tiny and prints its figures beside the sqlalchemy floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmark_main import run_benchmark_main
from tests.core.analysis.sample import sample_copy
from tests.helpers import benchmark_figures


def test_cli_benchmark_prints_figures_beside_the_import_floor(
        tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    sample = sample_copy(tmp_path_factory, tmp_path / "sample.cwb")  # the run's shared build
    output = run_benchmark_main("bench_cli.py", "--repeat", 1, "--sample", sample, "--no-warm-up")
    for task in ("workbench info --json", "workbench codings --json"):
        ours, floor, ratio = benchmark_figures(output, task)
        assert ours > 0 and floor > 0 and ratio > 0
        assert output.split(task)[1].splitlines()[0].endswith("[]")  # no heavy library loaded
