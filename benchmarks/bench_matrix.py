"""Time the cross-case matrix on the large synthetic project, beside a bare pandas group-by.

For every cell mode, the full matrix (every case x every code) is built the way the GUI and the
command line build it; the baseline reads the raw codings table with sqlite3 into pandas and
groups it by case and code, in the same run. The ratio is ours / baseline (target: under 3).
Words and share read each document's stored word boundaries (not its text); the passages
matrix finds every passage's paragraph and speaker but cuts its text out of the document only
when a cell is shown, so one more line times reading every cell in full (all 5 million words'
worth of text). Then the passages matrix is exported to xlsx and docx.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_project import median_seconds
from generate import large_project, project_arguments

from workbench.core.analysis.matrix import build_matrix
from workbench.core.analysis.spec import CELL_MODES, MatrixSpec
from workbench.core.exporters.matrix_export import export_matrix
from workbench.core.storage import Project

RAW = """SELECT coding.code_id, coding.document_id, document.case_id
         FROM coding JOIN document ON document.id = coding.document_id"""


def bare_groupby(path: Path) -> pd.Series:
    """The baseline: the raw codings table into pandas, counted per case and code."""
    connection = sqlite3.connect(path)
    try:
        frame = pd.DataFrame(connection.execute(RAW).fetchall(),
                             columns=["code_id", "document_id", "case_id"])
    finally:
        connection.close()
    return frame.groupby(["case_id", "code_id"]).size()


def run(path: Path, repeat: int, folder: Path) -> list[tuple[str, float, float | None, str]]:
    rows: list[tuple[str, float, float | None, str]] = []
    baseline, counts = median_seconds(lambda: bare_groupby(path), repeat)
    rows.append(
        ("pandas group-by (baseline)", baseline, baseline, f"{int(counts.sum()):,} codings")
    )
    with Project.open(path) as project:
        for mode in CELL_MODES:
            spec = MatrixSpec("codes", mode)

            def ours(spec: MatrixSpec = spec) -> object:
                with project.reading() as session:
                    return build_matrix(session, spec)

            seconds, matrix = median_seconds(ours, repeat)
            shape = f"{len(matrix.rows)} cases x {len(matrix.columns)} codes"  # type: ignore[attr-defined]
            rows.append((f"matrix {mode}", seconds, baseline, shape))
            if mode == "passages":
                started = time.perf_counter()
                read = sum(len(p.text) for row in matrix.rows for column in matrix.columns
                           for p in matrix.value(row.case_id, column.code_id))
                rows.append(("  + every cell's texts", time.perf_counter() - started, None,
                             f"{read:,} characters of passages"))
        for fmt in ("xlsx", "docx"):
            target = folder / f"passages.{fmt}"
            started = time.perf_counter()
            export_matrix(project, MatrixSpec("themes", "passages"), ["passages"], fmt, target)
            rows.append((f"export passages {fmt}", time.perf_counter() - started, None,
                         f"{target.stat().st_size / 1048576:.1f} MB"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    project_arguments(parser)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        path = large_project(arguments, folder)
        results = run(path, arguments.repeat, folder)
    print(f"\n{'task':<28} {'ours (s)':>10} {'pandas (s)':>11} {'ratio':>7}  result")
    for task, ours, raw, note in results:
        ratio = f"{ours / raw:7.2f}" if raw else "      -"
        raw_text = f"{raw:11.4f}" if raw else "          -"
        print(f"{task:<28} {ours:10.4f} {raw_text} {ratio}  {note}")


if __name__ == "__main__":
    main()
