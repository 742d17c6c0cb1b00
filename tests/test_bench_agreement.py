"""The agreement benchmark runs tiny and prints its figures beside scikit-learn's (no timing
asserts): our kappas equal scikit-learn's on the same character vectors."""

from __future__ import annotations

import re

import pytest

from tests.benchmark_main import run_benchmark_main
from tests.helpers import benchmark_figures

pytestmark = pytest.mark.slow  # runs a benchmark


def test_agreement_benchmark_prints_figures_beside_scikit_learn() -> None:
    out = run_benchmark_main("bench_agreement.py", "--cases", 3, "--documents", 3, "--words",
                             1500, "--codings", 400, "--resamples", 50)
    largest = float(re.search(r"largest \|ours - scikit-learn\| = (\S+);?", out).group(1))
    assert largest < 1e-9
    for task in ("full report, 50 bootstrap resamples", "kappa on the same character vectors"):
        ours, theirs, ratio = benchmark_figures(out, task)
        assert ours > 0 and theirs > 0 and ratio > 0
