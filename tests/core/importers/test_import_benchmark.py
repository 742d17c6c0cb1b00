"""The import benchmark runs and prints its figures (tiny sizes; no timing asserts)."""

from __future__ import annotations

import pytest

from tests.benchmark_main import run_benchmark_main

pytestmark = pytest.mark.slow  # runs a benchmark


def test_import_benchmark_prints_both_timings_and_their_ratios() -> None:
    output = run_benchmark_main("bench_import.py", "--files", 3, "--words", 300, "--repeat", 1,
                                "--pdf-pages", 2)
    lines = output.splitlines()
    figures = {line.split()[0]: line.split() for line in lines}
    library = float(figures["python-docx"][1])
    ours = float(figures["import"][2])
    assert "(3 imported, 0 skipped, 0 failed)" in " ".join(figures["import"])
    ratio = float(figures["ratio"][1])
    assert library > 0 and ours > 0 and abs(ratio - ours / library) < 0.05 * ratio + 0.01
    pdfminer, read_pdf = float(figures["pdfminer"][1]), float(figures["read_pdf"][1])
    assert "(2 pages," in " ".join(figures["pdfminer"])
    assert "dropped: running header 'Interview R1 - transcript', page numbers" in " ".join(
        figures["read_pdf"])
    pdf_ratio = float(figures["pdf-ratio"][1])
    assert abs(pdf_ratio - read_pdf / pdfminer) < 0.05 * pdf_ratio + 0.01
