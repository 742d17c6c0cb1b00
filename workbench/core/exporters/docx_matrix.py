"""One matrix as numbered Word tables, ready for a paper (APA 7 style).

Each table has a numbered caption, horizontal rules only, a header row that repeats on every
page and never breaks inside a word (a header too wide for its column is abbreviated, and the
note under the table spells it out), rows that do not split across pages (a passage stays with
its reference), one heat-shading scale for the whole matrix with its legend, totals for counts,
and a note with the provenance. The co-occurrence diagonal (a code's own total) is shown in
italics and left out of the shading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document as WordDocument
from docx.shared import Pt, RGBColor
from docx.table import Table, _Cell

from workbench.core.analysis.matrix import Matrix, MatrixRow, cell_text
from workbench.core.analysis.spec import FRACTION_MODES
from workbench.core.exporters.docx_page import (
    apa_rules,
    caption,
    keep_with_next,
    provenance_line,
    rule_above,
    table_note,
)
from workbench.core.exporters.docx_parts import (
    GREY,
    GROUP_SHADE,
    RowMaker,
    fill,
    keep_row_whole,
    paragraph_xml,
    repeat_as_header,
    set_grid,
    set_widths,
    shade,
    write,
)
from workbench.core.exporters.layout import chunks, heat, short_name, summary_lines
from workbench.core.exporters.quotes import quote_lines
from workbench.core.exporters.views import DEFINITIONS, MatrixViews
from workbench.core.jobs import JobControl

NUMERIC_COLUMNS_PER_TABLE = 9
TEXT_COLUMNS_PER_TABLE = 4
CHARACTER_CM = 0.2  # a bold 9 pt character at its widest common size, with a little to spare
CELL_PADDING_CM = 0.3
HEADER_SIZE = 9.0
COMPACT_SIZE = 7.5  # code-by-code tables, which must fit one page
TOTALLED = ("count",)


@dataclass
class Numbering:
    """The running numbers of a document's tables and figures."""

    tables: int = 0
    figures: int = 0

    def next_table(self) -> int:
        self.tables += 1
        return self.tables

    def next_figure(self) -> int:
        self.figures += 1
        return self.figures


def header_label(name: str, width_cm: float, size: float = HEADER_SIZE) -> str:
    """``name`` shortened so that no word is wider than the column (cut words end in ".")."""
    room = max(2, int((width_cm - CELL_PADDING_CM) / (CHARACTER_CM * size / HEADER_SIZE)))
    words = short_name(name).split()
    return " ".join(word if len(word) <= room else word[:room - 1] + "." for word in words)


def shading_scale(matrix: Matrix) -> float:
    """The highest figure the shading reaches: the whole matrix's, off the co-occurrence
    diagonal (which holds each code's own total)."""
    if not matrix.spec.numeric or matrix.spec.cell == "presence" or not matrix.rows:
        return 0.0
    values = matrix.values.to_numpy(dtype="float64").copy()
    if matrix.row_title == "Code":
        for n in range(min(values.shape)):
            values[n, n] = 0.0
    return float(values.max()) if values.size else 0.0


def add_matrix_tables(document: WordDocument, views: MatrixViews, matrix: Matrix,
                      width: float, numbering: Numbering, control: JobControl | None = None,
                      title: str = "") -> None:
    """The matrix as one or more numbered tables (one per theme or run of columns)."""
    control = control or JobControl()
    cooccurrence = matrix.row_title == "Code"
    most = (len(matrix.columns) if cooccurrence else NUMERIC_COLUMNS_PER_TABLE
            if matrix.spec.numeric else TEXT_COLUMNS_PER_TABLE)
    highest = shading_scale(matrix)
    name = title or _table_title(views, matrix)
    parts = chunks(matrix, most)
    for part, columns in parts:
        control.check()
        caption(document, "Table", numbering.next_table(), f"{name}: {part}" if part else name)
        abbreviations = _table(document, views, matrix, columns, width, highest, control,
                               with_total=len(parts) == 1)
        if highest > 0:
            add_shading_legend(document, highest, matrix.spec.cell)
        table_note(document, _note(views, matrix, abbreviations, highest))


def _table_title(views: MatrixViews, matrix: Matrix) -> str:
    rows = {"Case": "case", "Code": "code", "Coder": "coder"}[matrix.row_title]
    columns = "theme" if matrix.spec.columns == "themes" else "code"
    if matrix.row_title == "Code":
        return f"Co-occurrence of {columns}s"
    return f"{views.title(matrix)} per {rows} and {columns}"


def _table(document: WordDocument, views: MatrixViews, matrix: Matrix, columns: list,
           width: float, highest: float, control: JobControl,
           with_total: bool) -> list[tuple[str, str]]:
    cooccurrence = matrix.row_title == "Code"
    numeric = matrix.spec.numeric
    size = COMPACT_SIZE if cooccurrence and len(columns) > NUMERIC_COLUMNS_PER_TABLE else 9.0
    names = [matrix.row_title, *matrix.spec.shown_attributes]
    total = with_total and matrix.spec.cell in TOTALLED and not cooccurrence
    lead = [4.5 if numeric else 3.4] + [2.4 if numeric else 2.0] * (len(names) - 1)
    if size < 9.0:
        lead = [5.2]
    extra = 1.6 if total else 0.0
    rest = max(0.9 if size < 9.0 else 1.8, (width - sum(lead) - extra) / max(1, len(columns)))
    widths = lead + [rest] * len(columns) + ([extra] if total else [])
    numbered = size < 9.0  # code-by-code on one page: columns numbered like the rows
    labels, abbreviations = [], []
    for number, column in enumerate(columns, start=1):
        label = str(number) if numbered else header_label(column.name, rest, size)
        if label != short_name(column.name) or numbered:
            abbreviations.append((label, column.path.replace("/", " › ")))
        labels.append(label)
    table = document.add_table(rows=1, cols=len(widths))
    table.autofit = False
    set_grid(table, widths)
    header = table.rows[0]
    keep_row_whole(header)
    repeat_as_header(header)
    for cell, text in zip(header.cells, names + labels + (["Total"] if total else []), strict=True):
        write(cell, text, bold=True, size=size, centre=text in labels or text == "Total")
    set_widths(header, widths)
    group = None
    maker: RowMaker | None = None
    by_column = {column.code_id: n for n, column in enumerate(columns, start=1)}
    for number, row in enumerate(matrix.rows):
        if number % 50 == 0:
            control.check()
        if matrix.spec.by and row.group != group:
            group = row.group
            _group_row(table, f"{matrix.spec.by}: {group}")
        label = row.name
        if cooccurrence:
            label = short_name(row.name.rsplit("/", 1)[-1])
            if numbered and row.case_id in by_column:
                label = f"{by_column[row.case_id]}  {label}"
        if matrix.spec.cell == "passages":
            maker = maker or RowMaker(table, widths)
            _quote_rows(maker, views, matrix, row, columns, len(names), label, number > 0)
            continue
        added = table.add_row()
        if numeric:
            keep_row_whole(added)
        cells = added.cells
        write(cells[0], label, bold=True, size=size)
        for cell, name in zip(cells[1:len(names)], matrix.spec.shown_attributes, strict=False):
            write(cell, row.values.get(name, ""), size=size)
        for cell, column in zip(cells[len(names):], columns, strict=False):
            diagonal = cooccurrence and column.code_id == row.case_id
            _cell(cell, views, matrix, matrix.value(row.case_id, column.code_id), highest,
                  size, diagonal)
        if total:
            figure = int(sum(matrix.value(row.case_id, c.code_id) for c in matrix.columns))
            write(cells[-1], str(figure), bold=True, size=size, centre=True)
        set_widths(added, widths)
    if total:
        _totals_row(table, matrix, columns, names, widths, size)
    elif matrix.spec.cell == "presence" and matrix.row_title == "Case":
        _cases_row(table, matrix, columns, names, widths, size)
    if numeric:  # a table that fits a page moves to the next page whole, not its last rows
        for row in list(table.rows)[:-1]:
            for cell in row.cells:
                keep_with_next(cell.paragraphs[0], together=False)
    apa_rules(table)
    return abbreviations


def _quote_rows(maker: RowMaker, views: MatrixViews, matrix: Matrix, row: MatrixRow,
                columns: list,
                lead: int, label: str, ruled: bool) -> None:
    """A case's quotations, one table row per rank: the n-th quote of every column side by
    side. A row never splits across pages, so a quote always stands whole with its reference
    (a cell of many quotes would split anywhere)."""
    per_column = [quote_lines(matrix.value(row.case_id, column.code_id),
                              merge=views.options.merge_quotes,
                              with_code=matrix.spec.columns == "themes") for column in columns]
    for rank in range(max([len(lines) for lines in per_column] + [1])):
        added, cells = maker.add()
        if rank > 0:  # the case again, small, for a reader who lands on a later page
            fill(cells[0], [paragraph_xml(label, size=7, colour=GREY)])
        if rank == 0:
            write(cells[0], label, bold=True)
            for cell, name in zip(cells[1:lead], matrix.spec.shown_attributes, strict=False):
                write(cell, row.values.get(name, ""))
            if ruled:
                rule_above(added)
        for cell, lines in zip(cells[lead:], per_column, strict=False):
            if rank < len(lines):
                quote, reference = lines[rank]
                fill(cell, [paragraph_xml(quote, italic=True, keep_next=True),
                            paragraph_xml(reference, size=7.5, colour=GREY, keep_next=False)])


def _totals_row(table: Table, matrix: Matrix, columns: list, names: list[str],
                widths: list[float], size: float) -> None:
    added = table.add_row()
    keep_row_whole(added)
    cells = added.cells
    write(cells[0], "Total", bold=True, size=size)
    for cell, column in zip(cells[len(names):], columns, strict=False):
        write(cell, str(int(matrix.values[column.code_id].sum())), bold=True, size=size,
              centre=True)
    write(cells[-1], str(int(matrix.values.to_numpy().sum())), bold=True, size=size, centre=True)
    set_widths(added, widths)


def _cases_row(table: Table, matrix: Matrix, columns: list, names: list[str],
               widths: list[float], size: float) -> None:
    """Under a presence table: in how many cases each code is present."""
    added = table.add_row()
    keep_row_whole(added)
    cells = added.cells
    write(cells[0], "Cases", bold=True, size=size)
    for cell, column in zip(cells[len(names):], columns, strict=False):
        present = int(matrix.values[column.code_id].astype(bool).sum())
        write(cell, f"{present} of {len(matrix.rows)}", bold=True, size=size, centre=True)
    set_widths(added, widths)


def _group_row(table: Table, label: str) -> None:
    """A group's label row, kept whole and on the page of its first case."""
    row = table.add_row()
    keep_row_whole(row)
    merged = row.cells[0].merge(row.cells[-1])
    shade(merged, GROUP_SHADE)
    write(merged, label, bold=True, italic=True)
    keep_with_next(merged.paragraphs[0])


def _cell(cell: _Cell, views: MatrixViews, matrix: Matrix, value: Any, highest: float,
          size: float, diagonal: bool) -> None:
    mode = matrix.spec.cell
    if matrix.spec.numeric:
        text = cell_text(mode, value)
        if mode != "presence":
            if value and not diagonal:
                shade(cell, heat(float(value), highest))
            text = text or "–"
        write(cell, text, centre=True, size=size, italic=diagonal,
              colour=GREY if diagonal else None)
    elif mode == "summary":
        text, byline = summary_lines(value)
        if text:
            fill(cell, [paragraph_xml(line) for line in text.split("\n")]
                 + [paragraph_xml(byline, size=7.5, colour=GREY)])


def _note(views: MatrixViews, matrix: Matrix, abbreviations: list[tuple[str, str]],
          highest: float) -> str:
    made = matrix.provenance
    parts = [f"{views.title(matrix)}: {DEFINITIONS.get(matrix.spec.cell, '')}."]
    if matrix.row_title == "Code":
        parts.append("The diagonal (in italics) gives each code's own number of codings; it is "
                     "left out of the shading.")
    if highest > 0:
        low = "0%" if matrix.spec.cell in FRACTION_MODES else "0"
        parts.append(f"Shading runs from white ({low}) to the darkest blue "
                     f"({cell_text(matrix.spec.cell, highest) or highest:}), the highest value "
                     "in the whole matrix.")
    if abbreviations and matrix.row_title == "Code" and all(s.isdigit() for s, _f in abbreviations):
        parts.append("Columns are numbered as the rows. " + _theme_ranges(matrix))
    elif abbreviations:
        parts.append("Columns: " + "; ".join(f"{short} = {full}" for short, full in abbreviations)
                     + ".")
    parts.append(provenance_line(made.project, made.codebook, made.made_at, made.filters))
    return " ".join(parts)


def _theme_ranges(matrix: Matrix) -> str:
    """``Themes: 1–7 Need for transformation; 8–14 ...``: each row's full path in a line."""
    runs: list[list] = []
    for number, column in enumerate(matrix.columns, start=1):
        if runs and runs[-1][0] == column.theme:
            runs[-1][2] = number
        else:
            runs.append([column.theme, number, number])
    return "Themes: " + "; ".join(f"{first}–{last} {theme}" if first != last else
                                  f"{first} {theme}" for theme, first, last in runs) + "."


def shading_legend(highest: float, mode: str) -> list[tuple[str, str]]:
    """Five steps of the scale as (label, hex colour), for a legend beside a table."""
    steps = [highest * n / 4 for n in range(5)]
    if mode not in FRACTION_MODES:  # whole numbers: no step shown twice
        steps = sorted({round(step) for step in steps})
    return [(cell_text(mode, value) or "0", heat(value, highest)) for value in steps]


GREY_RGB = RGBColor(0x59, 0x59, 0x59)


def add_shading_legend(document: WordDocument, highest: float, mode: str) -> None:
    """A line of coloured squares with their values (the scale every table shares)."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(6)
    lead = paragraph.add_run("Shading: ")
    lead.font.size, lead.font.color.rgb = Pt(8), GREY_RGB
    for label, colour in shading_legend(highest, mode):
        square = paragraph.add_run("■")
        square.font.size = Pt(11)
        square.font.color.rgb = RGBColor.from_string(colour if colour != "FFFFFF" else "F2F2F2")
        text = paragraph.add_run(f" {label}   ")
        text.font.size, text.font.color.rgb = Pt(8), GREY_RGB
