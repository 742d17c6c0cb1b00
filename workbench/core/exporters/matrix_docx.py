"""A matrix to Word: landscape tables whose header row repeats on every page.

Numbers are centred on a white-to-blue heat shade; passages are quotations, each followed by
its reference; summaries carry their author and date. When the columns would not fit the page,
the matrix becomes one table per theme (codes) or per run of themes. A title, a provenance note
and a legend with the codebook's definitions of the columns frame the tables.
"""

from __future__ import annotations

import os
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.shared import Pt

from workbench.core.analysis.matrix import Matrix, cell_text
from workbench.core.analysis.spec import MODE_TITLES
from workbench.core.exporters import written_whole
from workbench.core.exporters.docx_parts import (
    GREY, GROUP_SHADE, HEADER_SHADE, fill, keep_row_whole, paragraph_xml, repeat_as_header,
    set_grid, set_up, set_widths, shade, write,
)
from workbench.core.exporters.layout import chunks, column_names, heat, passage_lines, summary_lines
from workbench.core.exporters.views import MatrixViews
from workbench.core.jobs import JobControl

NUMERIC_COLUMNS_PER_TABLE = 9
TEXT_COLUMNS_PER_TABLE = 4


def write_matrix_docx(views: MatrixViews, path: str | os.PathLike[str],
                      control: JobControl | None = None, title: str = "") -> Path:
    control = control or JobControl()
    document = docx.Document()
    width = set_up(document, landscape=True)
    modes = ", ".join(MODE_TITLES[m.spec.cell].lower() for m in views.matrices)
    default = f"Cross-case matrix: {modes}" if views.with_passages else views.title(
        views.matrices[0])
    document.add_heading(title or default, level=0)
    _provenance(document, views)
    for matrix in views.matrices:
        document.add_heading(views.title(matrix), level=1)
        most = NUMERIC_COLUMNS_PER_TABLE if matrix.spec.numeric else TEXT_COLUMNS_PER_TABLE
        for caption, columns in chunks(matrix, most):
            control.check()
            if caption:
                document.add_heading(caption, level=2)
            _table(document, matrix, columns, width, control)
    _legend(document, views)
    with written_whole(path) as scratch:
        document.save(str(scratch))
    return Path(path)


def _provenance(document: WordDocument, views: MatrixViews) -> None:
    paragraph = document.add_paragraph()
    for number, (label, value) in enumerate(views.about()):
        if number:
            paragraph.add_run().add_break()
        label_run = paragraph.add_run(f"{label}: ")
        label_run.bold = True
        label_run.font.size = Pt(8.5)
        value_run = paragraph.add_run(value)
        value_run.font.size = Pt(8.5)
        value_run.font.color.rgb = GREY


def _table(document: WordDocument, matrix: Matrix, columns: list, width: float,
           control: JobControl) -> None:
    names = column_names(matrix)
    numeric = matrix.spec.numeric
    lead = [4.5 if numeric else 3.4] + [2.6 if numeric else 2.0] * (len(names) - 1)
    rest = max(2.0, (width - sum(lead)) / max(1, len(columns)))
    widths = lead + [rest] * len(columns)
    table = document.add_table(rows=1, cols=len(widths))
    table.style = "Table Grid"
    table.autofit = False
    set_grid(table, widths)
    header = table.rows[0]
    repeat_as_header(header)
    keep_row_whole(header)
    for cell, text in zip(header.cells, names + [column.name for column in columns]):
        shade(cell, HEADER_SHADE)
        write(cell, text, bold=True)
    set_widths(header, widths)
    highest = max([float(matrix.values[c.code_id].max()) for c in columns] + [0.0]) \
        if matrix.spec.numeric and matrix.rows else 0.0
    group = None
    for number, row in enumerate(matrix.rows):
        if number % 50 == 0:
            control.check()
        if matrix.spec.by and row.group != group:
            group = row.group
            _group_row(table, f"{matrix.spec.by}: {group}", widths)
        cells = table.add_row().cells
        if matrix.spec.numeric:
            keep_row_whole(table.rows[-1])
        write(cells[0], row.name, bold=True)
        for cell, name in zip(cells[1:len(names)], matrix.spec.shown_attributes):
            write(cell, row.values.get(name, ""))
        for cell, column in zip(cells[len(names):], columns):
            _cell(cell, matrix, matrix.value(row.case_id, column.code_id), highest)
        set_widths(table.rows[-1], widths)


def _group_row(table: object, label: str, widths: list[float]) -> None:
    row = table.add_row()  # type: ignore[attr-defined]
    keep_row_whole(row)
    merged = row.cells[0].merge(row.cells[-1])
    shade(merged, GROUP_SHADE)
    write(merged, label, bold=True, italic=True)


def _cell(cell: object, matrix: Matrix, value: object, highest: float) -> None:
    mode = matrix.spec.cell
    if matrix.spec.numeric:
        text = cell_text(mode, value)
        if mode != "presence":
            if value:
                shade(cell, heat(float(value), highest))  # type: ignore[arg-type]
            text = text or "–"
        write(cell, text, centre=True)  # type: ignore[arg-type]
    elif mode == "summary":
        text, byline = summary_lines(value)  # type: ignore[arg-type]
        if text:
            fill(cell, [paragraph_xml(line) for line in text.split("\n")]  # type: ignore[arg-type]
                 + [paragraph_xml(byline, size=7.5, colour=GREY)])
    else:
        paragraphs = []
        for passage in value:  # type: ignore[attr-defined]
            quote, reference = passage_lines(passage)
            paragraphs += [paragraph_xml(quote, italic=True),
                           paragraph_xml(reference, size=7.5, colour=GREY)]
        fill(cell, paragraphs)  # type: ignore[arg-type]


def _legend(document: WordDocument, views: MatrixViews) -> None:
    document.add_heading("The codes in the columns", level=1)
    for column in views.columns:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(3)
        name = paragraph.add_run(column.path.replace("/", " › "))
        name.bold = True
        if column.definition:
            paragraph.add_run(f": {' '.join(column.definition.split())}")
