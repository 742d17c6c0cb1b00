"""Exporting a matrix to a file, as one job (progress and cancel through a JobControl)."""

from __future__ import annotations

import os
from pathlib import Path

from workbench.core.analysis.cooccurrence import coder_by_code, cooccurrence_matrix
from workbench.core.analysis.matrix import build_matrix
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.errors import DomainError
from workbench.core.exporters import check_folder
from workbench.core.exporters.matrix_csv import write_matrix_csv
from workbench.core.exporters.matrix_docx import write_matrix_docx
from workbench.core.exporters.matrix_xlsx import write_matrix_xlsx
from workbench.core.exporters.options import ExportOptions
from workbench.core.exporters.views import MatrixViews, collect_views
from workbench.core.jobs import JobControl
from workbench.core.storage import Project

FORMATS = ("xlsx", "docx", "csv")
ROWS = ("cases", "codes", "coders")


def export_matrix(project: Project, spec: MatrixSpec, cells: list[str], fmt: str,
                  path: str | os.PathLike[str], control: JobControl | None = None, *,
                  rows: str = "cases", within: str = "overlap", across_coders: bool = False,
                  options: ExportOptions | None = None) -> Path:
    """Write the matrix's views (``cells``: count, passages, ...) to ``path`` as ``fmt``.

    ``rows``: ``cases`` (the cross-case matrix), ``codes`` (code-by-code co-occurrence, by
    ``within`` = overlap or paragraph, pairs of one coder's codings unless ``across_coders``) or
    ``coders`` (coder by code); the last two have one view. ``options``: paper, quotes, CSV.
    """
    control = control or JobControl()
    options = options or ExportOptions()
    if fmt not in FORMATS:
        raise DomainError(f"{path}: matrices are exported as {', '.join(FORMATS)}, not '{fmt}'.")
    if rows not in ROWS:
        raise DomainError(f"Matrix rows are {', '.join(ROWS)}, not '{rows}'.")
    if (fmt == "csv" or rows != "cases") and len(set(cells)) != 1:
        raise DomainError(f"{path}: this file holds one view of the matrix; ask for one cell "
                          "mode (or export cases x codes to xlsx for several).")
    check_folder(path)
    with project.reading() as session:
        if rows != "cases":
            matrix = (cooccurrence_matrix(session, spec, within, across_coders)
                      if rows == "codes" else coder_by_code(session, spec.with_cell(cells[0])))
            views = MatrixViews.single(matrix, options)
        elif fmt == "csv":
            matrix = build_matrix(session, spec.with_cell(cells[0]), control)
        else:
            views = collect_views(session, spec, cells, control, options)
    control.report(0, 1, f"Writing {Path(path).name}")
    if fmt == "csv":
        written = write_matrix_csv(matrix, path, options)
    elif fmt == "xlsx":
        written = write_matrix_xlsx(views, path, control)
    else:
        written = write_matrix_docx(views, path, control)
    control.report(1, 1, f"Wrote {written.name}")
    return written
