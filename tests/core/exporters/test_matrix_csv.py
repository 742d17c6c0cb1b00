"""CSV for Excel: UTF-8 with a byte-order mark, one row per case, accents intact."""

from __future__ import annotations

import csv
from pathlib import Path

from workbench.core.analysis.matrix import build_matrix
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.exporters.matrix_export import export_matrix
from workbench.core.storage import Project


def test_csv_starts_with_a_bom_and_holds_the_matrix(sample: Project, tmp_path: Path) -> None:
    spec = MatrixSpec(columns="codes", cell="count", by="place", show=("city",))
    path = export_matrix(sample, spec, ["count"], "csv", tmp_path / "matrix.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    with sample.reading() as session:
        matrix = build_matrix(session, spec)
    assert rows[0][:3] == ["Case", "place", "city"]
    assert rows[0][3] == matrix.columns[0].path
    assert [row[0] for row in rows[1:]] == [row.name for row in matrix.rows]
    assert "Buurthuis De Schacht, cité Kolenberg" in [row[0] for row in rows]
    figures = [[int(value) for value in row[3:]] for row in rows[1:]]
    assert figures == matrix.values.to_numpy().tolist()


def test_csv_passages_keep_their_references(sample: Project, tmp_path: Path) -> None:
    path = export_matrix(sample, MatrixSpec(), ["passages"], "csv", tmp_path / "passages.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert "· ¶" in text and "“" in text
