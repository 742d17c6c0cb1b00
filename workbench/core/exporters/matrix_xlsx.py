"""A matrix to Excel: one sheet per view, one long "Passages" sheet, and how it was made.

Written in openpyxl's write-only mode, so a matrix of 100,000 passages streams to disk instead of
holding every cell object in memory. Every sheet has its header row frozen and prints landscape,
as wide as the page, its header rows on every page; matrix sheets also freeze the case name (and
attribute) columns; counts carry a white-to-blue colour scale. Passages are not squeezed into a
wide matrix (a cell holds at most 409 points of text): the "Passages" sheet lists one passage a
row, filterable, wrapped, each row as tall as its text. Attribute values keep their types.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from lxml import etree
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from workbench.core.analysis.matrix import Matrix
from workbench.core.analysis.spec import FRACTION_MODES
from workbench.core.exporters import written_whole
from workbench.core.exporters.docx_page import default_paper
from workbench.core.exporters.layout import HIGH, LOW, column_names, text_cell
from workbench.core.exporters.views import MatrixViews
from workbench.core.jobs import JobControl
from workbench.core.queries.passages import REFERENCE_SEPARATOR

HEADER_FONT = Font(name="Calibri", bold=True)
HEADER_FILL = PatternFill("solid", fgColor="E8ECF2")
HEADER_BORDER = Border(bottom=Side(style="thin", color="7F8A99"))
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="top")
# The first six columns are the printed ones (the print area); the rest are for filtering.
PRINTED = {"Case": 20, "Theme": 18, "Code": 24, "Coder": 12, "Reference": 26, "Passage": 80}
PASSAGE_HEADERS = ["Document", "Kind", "Paragraph", "Speaker", "Start", "End", "Memo"]
_INVALID_SHEET = str.maketrans({character: "-" for character in "[]:*?/\\"})


def write_matrix_xlsx(views: MatrixViews, path: str | os.PathLike[str],
                      control: JobControl | None = None) -> Path:
    control = control or JobControl()
    book = Workbook(write_only=True)
    with written_whole(path) as scratch:  # sheets stream to temporary files, so build inside
        try:
            used: set[str] = set()
            for matrix in views.matrices:
                control.check()
                name = sheet_name(views.title(matrix), used)
                if matrix.spec.cell == "passages":
                    _passages_sheet(book.create_sheet(name), views, control)
                else:
                    _matrix_sheet(book.create_sheet(name), matrix, views)
            if views.with_passages and "passages" not in {m.spec.cell for m in views.matrices}:
                _passages_sheet(book.create_sheet(sheet_name("Passages", used)), views, control)
            _about_sheet(book.create_sheet(sheet_name("About", used)), views)
            book.save(scratch)
        except BaseException:
            _end_streams(book)
            raise
    return Path(path)


def sheet_name(title: str, used: set[str]) -> str:
    """A valid sheet name: no ``[]:*?/\\``, at most 31 characters, unique in the book."""
    base = title.translate(_INVALID_SHEET).strip("' ") or "Sheet"
    name, number = base[:31], 2
    while name.casefold() in used:
        suffix = f" ({number})"
        name, number = base[:31 - len(suffix)] + suffix, number + 1
    used.add(name.casefold())
    return name


def _end_streams(book: Workbook) -> None:
    """End each sheet's stream (a temporary file): a failed or cancelled export leaves none."""
    for sheet in book.worksheets:
        if not sheet.closed:
            with contextlib.suppress(etree.SerialisationError, OSError):  # e.g. a full disk
                sheet.close()


def _header(sheet: WriteOnlyWorksheet, value: object) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
    cell.alignment = WRAP_TOP
    return cell


def _matrix_sheet(sheet: WriteOnlyWorksheet, matrix: Matrix, views: MatrixViews) -> None:
    names = column_names(matrix)
    two_rows = matrix.spec.columns == "codes" and matrix.row_title == "Case"
    header_rows = 2 if two_rows else 1
    first_code = len(names) + 1
    sheet.freeze_panes = f"{get_column_letter(first_code)}{header_rows + 1}"
    numeric = matrix.spec.numeric
    for number, name in enumerate(names, start=1):
        longest = max([len(name)] + [len(matrix.lead(row)[number - 1]) for row in matrix.rows])
        sheet.column_dimensions[get_column_letter(number)].width = min(45, max(10, longest + 2))
    code_width = 16 if numeric else 60
    for number in range(first_code, first_code + len(matrix.columns)):
        sheet.column_dimensions[get_column_letter(number)].width = code_width
    _page_setup(sheet, header_rows, _heading(views, sheet.title), views.options.paper)
    if two_rows:
        _theme_header(sheet, matrix, names, code_width)
    sheet.row_dimensions[header_rows].height = _height(
        [column.name for column in matrix.columns], code_width, 0.9)
    sheet.append([_header(sheet, "" if two_rows else name) for name in names]
                 + [_header(sheet, column.name) for column in matrix.columns])
    typed = matrix.row_title == "Case"
    for number, row in enumerate(matrix.rows, start=header_rows + 1):
        values = views.case_values.get(row.case_id, {}) if typed else {}
        lead = [row.name] + [values.get(name, "") for name in matrix.spec.shown_attributes]
        cells = [_plain(sheet, value) for value in lead]
        for column in matrix.columns:
            cells.append(_value_cell(sheet, matrix, matrix.value(row.case_id, column.code_id)))
        if not numeric:
            sheet.row_dimensions[number].height = _height(
                [cell.value or "" for cell in cells[first_code - 1:]], code_width)
        sheet.append(cells)
    if numeric and matrix.spec.cell != "presence" and matrix.rows and matrix.columns:
        first = f"{get_column_letter(first_code)}{header_rows + 1}"
        last_column = get_column_letter(first_code + len(matrix.columns) - 1)
        last = f"{last_column}{header_rows + len(matrix.rows)}"
        sheet.conditional_formatting.add(f"{first}:{last}", ColorScaleRule(
            start_type="min", start_color="".join(f"{c:02X}" for c in LOW),
            end_type="max", end_color="".join(f"{c:02X}" for c in HIGH)))


def _theme_header(sheet: WriteOnlyWorksheet, matrix: Matrix, names: list[str],
                  code_width: float) -> None:
    """Row 1 over code columns: each theme once, merged across its codes; the lead names
    (case, attributes) merged down over both header rows."""
    runs: list[tuple[str, int]] = []  # (theme, number of adjacent columns)
    for column in matrix.columns:
        if runs and runs[-1][0] == column.theme:
            runs[-1] = (column.theme, runs[-1][1] + 1)
        else:
            runs.append((column.theme, 1))
    sheet.row_dimensions[1].height = max(
        [_height([theme], code_width * span, 0.9) for theme, span in runs] + [15.0])
    cells = [_header(sheet, name) for name in names]
    for number in range(1, len(names) + 1):
        letter = get_column_letter(number)
        sheet.merged_cells.add(CellRange(f"{letter}1:{letter}2"))
    first = len(names) + 1
    for theme, span in runs:
        cells += [_header(sheet, theme)] + [_header(sheet, None) for _ in range(span - 1)]
        if span > 1:
            sheet.merged_cells.add(CellRange(
                f"{get_column_letter(first)}1:{get_column_letter(first + span - 1)}1"))
        first += span
    sheet.append(cells)


def _height(texts: list[str], width: float, factor: float = 1.0,
            widths: list[float] | None = None) -> float:
    """Row height (points) that shows wrapped text whole: spreadsheets do not grow rows on
    opening a file, so the writer estimates the lines (capped at Excel's 409 points).

    Lines are counted word by word, as a spreadsheet wraps them (a column of width w holds
    about w characters of body text)."""
    lines = max([_lines(str(text), (widths[n] if widths else width) * factor)
                 for n, text in enumerate(texts)] + [1])
    return min(409.0, 15.0 * lines + 3)


def _lines(text: str, per_line: float) -> int:
    room = max(1, int(per_line) - 1)
    count = 0
    for paragraph in text.split("\n"):
        used, count = 0, count + 1
        for word in paragraph.split():
            if used and used + 1 + len(word) > room:
                count, used = count + 1, 0
            used = len(word) if not used else used + 1 + len(word)
            while used > room:  # a word longer than the column breaks anywhere
                count, used = count + 1, used - room
    return count


def _page_setup(sheet: WriteOnlyWorksheet, header_rows: int, heading: str = "",
                paper: str | None = None) -> None:
    """Printed: landscape, as wide as the page, the header rows on every page, the project and
    date in the page header, "Page n of m" in the footer."""
    if heading:
        sheet.oddHeader.left.text = heading.replace("&", "&&")
        sheet.oddHeader.left.size = 8
    sheet.oddFooter.center.text = "Page &P of &N"
    sheet.oddFooter.center.size = 8
    letter = (paper or default_paper()) == "letter"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_LETTER if letter else Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"1:{header_rows}"


def _heading(views: MatrixViews, title: str) -> str:
    made = views.provenance
    return f"{made.project} · {title} · {made.made_at:%Y-%m-%d}"


def _plain(sheet: WriteOnlyWorksheet, value: object) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.alignment = WRAP_TOP
    return cell


def _value_cell(sheet: WriteOnlyWorksheet, matrix: Matrix, value: Any) -> WriteOnlyCell:
    mode = matrix.spec.cell
    if mode == "presence":
        cell = WriteOnlyCell(sheet, value="yes" if value else "")
        cell.alignment = CENTRE
    elif mode in FRACTION_MODES:
        cell = WriteOnlyCell(sheet, value=float(value))
        cell.number_format, cell.alignment = "0.0%", CENTRE
    elif matrix.spec.numeric:
        cell = WriteOnlyCell(sheet, value=int(value))
        cell.alignment = CENTRE
    else:
        cell = WriteOnlyCell(sheet, value=text_cell(matrix, value) or None)
        cell.alignment = WRAP_TOP
    return cell


def _passages_sheet(sheet: WriteOnlyWorksheet, views: MatrixViews, control: JobControl) -> None:
    """One row per coding, every column a plain value, ready for a filter or a pivot table.

    Printed: the case, code, coder, reference and the passage, wrapped, each row tall enough."""
    headers = [*PRINTED, *views.attribute_names, *PASSAGE_HEADERS]
    for number, name in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = PRINTED.get(name, 12)
    last = len(views.passages) + 1
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{last}"
    _page_setup(sheet, 1, _heading(views, sheet.title), views.options.paper)
    sheet.print_area = f"A1:{get_column_letter(len(PRINTED))}{last}"
    sheet.append([_header(sheet, name) for name in headers])
    total = len(views.passages)
    for number, passage in enumerate(views.passages, start=2):
        if number % 5000 == 0:
            control.check()
            control.report(number, total, "Writing the passages")
        values = views.case_values.get(passage.case_id, {})
        theme, _sep, code = passage.code.partition("/")
        reference = REFERENCE_SEPARATOR.join((passage.document, f"¶{passage.paragraph}"))
        if passage.speaker:
            reference += f", {passage.speaker}"
        printed = [passage.case, theme, code or theme, passage.coder, reference, passage.text]
        sheet.row_dimensions[number].height = _height(
            printed, 0, widths=list(PRINTED.values()))
        sheet.append([*(_plain(sheet, value) for value in printed),
                      *(values.get(name, "") for name in views.attribute_names),
                      passage.document, passage.kind, passage.paragraph, passage.speaker,
                      passage.start, passage.end, passage.memo])


def _about_sheet(sheet: WriteOnlyWorksheet, views: MatrixViews) -> None:
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 100
    sheet.freeze_panes = "A2"
    _page_setup(sheet, 1, _heading(views, sheet.title), views.options.paper)
    sheet.append([_header(sheet, "How this matrix was made"), _header(sheet, "")])
    for number, (label, value) in enumerate(views.about(), start=2):
        label_cell = WriteOnlyCell(sheet, value=label)
        label_cell.font = HEADER_FONT
        sheet.row_dimensions[number].height = _height([value], 100)
        sheet.append([label_cell, _plain(sheet, value)])
