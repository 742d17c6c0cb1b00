"""A matrix to CSV: UTF-8 with a byte-order mark, so Excel opens accents (ë, é, ş) right.

Two dialects: ``comma`` (comma between fields, decimal point) and ``semicolon`` (semicolon
between fields, decimal comma), which Excel set to Dutch, Belgian, French or German conventions
opens as columns. The default follows the locale (see :mod:`workbench.core.exporters.options`).
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

from workbench.core.analysis.matrix import Matrix
from workbench.core.exporters import written_whole
from workbench.core.exporters.layout import column_names, text_cell
from workbench.core.exporters.options import ExportOptions


def write_matrix_csv(matrix: Matrix, path: str | os.PathLike[str],
                     options: ExportOptions | None = None) -> Path:
    """One header row (code paths), one row per case; numbers plain, shares as fractions."""
    semicolon = (options or ExportOptions()).dialect == "semicolon"
    with written_whole(path) as scratch:
        with scratch.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";" if semicolon else ",")
            writer.writerow(column_names(matrix) + [column.path for column in matrix.columns])
            for row in matrix.rows:
                cells: list[object] = list(matrix.lead(row))
                for column in matrix.columns:
                    value = _csv_value(matrix, matrix.value(row.case_id, column.code_id))
                    if semicolon and isinstance(value, str) and _is_fraction(matrix, value):
                        value = value.replace(".", ",")
                    cells.append(value)
                writer.writerow(cells)
    return Path(path)


def _is_fraction(matrix: Matrix, value: object) -> bool:
    return matrix.spec.cell in ("share", "row_percent", "column_percent") and isinstance(value, str)


def _csv_value(matrix: Matrix, value: Any) -> object:
    mode = matrix.spec.cell
    if mode == "presence":
        return "yes" if value else "no"
    if mode in ("share", "row_percent", "column_percent"):
        return f"{float(value):.4f}"
    if matrix.spec.numeric:
        return int(value)
    return text_cell(matrix, value)
