"""Exporting a matrix to a file, as one job (progress and cancel through a JobControl)."""

from __future__ import annotations

import os
from pathlib import Path

from workbench.core.analysis.row_kinds import RowKind, build_rows
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


def export_matrix(project: Project, spec: MatrixSpec, cells: list[str], fmt: str,
                  path: str | os.PathLike[str], control: JobControl | None = None, *,
                  rows: RowKind | str = RowKind.CASES, across_coders: bool = False,
                  options: ExportOptions | None = None) -> Path:
    """Write the matrix's views (``cells``: count, passages, ...) to ``path`` as ``fmt``.

    ``rows``: cases (the cross-case matrix), code by code (co-occurrence, pairs of one coder's
    codings unless ``across_coders``) or coder by code; only a cases matrix has several views.
    ``options``: paper, quotes, CSV.
    """
    control = control or JobControl()
    options = options or ExportOptions()
    if fmt not in FORMATS:
        raise DomainError(f"{path}: matrices are exported as {', '.join(FORMATS)}, not '{fmt}'.")
    try:
        kind = RowKind(rows)
    except ValueError:
        raise DomainError(f"Matrix rows are {', '.join(RowKind)}, not '{rows}'.") from None
    if (fmt == "csv" or kind.single_view) and len(set(cells)) != 1:
        raise DomainError(f"{path}: this file holds one view of the matrix; ask for one cell "
                          "mode (or export cases x codes to xlsx for several).")
    check_folder(path)
    with project.reading() as session:
        if kind.single_view or fmt == "csv":
            matrix = build_rows(session, kind, spec.with_cell(cells[0]), control,
                                across_coders=across_coders)
            views = MatrixViews.single(matrix, options)
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
