"""Row and column percentages: each cell's codings over its row's (column's) codings."""

from __future__ import annotations

import numpy as np

from workbench.core.analysis.matrix import build_matrix, cell_text
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.storage import Project


def test_row_and_column_percentages_divide_the_counts(sample: Project) -> None:
    with sample.reading() as session:
        counts = build_matrix(session, MatrixSpec("codes", "count")).values.to_numpy(float)
        rows = build_matrix(session, MatrixSpec("codes", "row_percent")).values.to_numpy()
        columns = build_matrix(session, MatrixSpec("codes", "column_percent")).values.to_numpy()
    row_totals, column_totals = counts.sum(axis=1), counts.sum(axis=0)
    for r in range(counts.shape[0]):
        for c in range(counts.shape[1]):
            assert rows[r, c] == (counts[r, c] / row_totals[r] if row_totals[r] else 0.0)
            assert columns[r, c] == (counts[r, c] / column_totals[c] if column_totals[c] else 0.0)
    assert np.allclose(rows.sum(axis=1), 1.0)
    assert cell_text("row_percent", 0.125) == "12.5%" and cell_text("column_percent", 0.0) == ""
