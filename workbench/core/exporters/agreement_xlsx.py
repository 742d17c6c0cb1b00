"""The agreement report as an Excel workbook: the table, the pairs, the disagreements, the setup.

Numbers stay numbers (kappa, alpha and their intervals in their own columns) so the sheet can be
analysed further; undefined figures are empty cells with the reason in the Notes column.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workbench.core.analysis.agreement.formatting import KIND_NAMES, depth, notes
from workbench.core.analysis.agreement.results import AgreementReport, ResultRow
from workbench.core.exporters import written_whole

_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


def write_agreement_xlsx(report: AgreementReport, path: str | os.PathLike[str]) -> None:
    workbook = Workbook()
    _results(workbook.active, report)
    _pairs(workbook.create_sheet("Pairs of coders"), report)
    _disagreements(workbook.create_sheet("Disagreements"), report)
    _setup(workbook.create_sheet("About"), report)
    with written_whole(path) as scratch:
        workbook.save(str(scratch))


def _results(sheet: Worksheet, report: AgreementReport) -> None:
    sheet.title = "Agreement"
    coders = report.coders
    headers = ["Level", "Code or case", "Characters", "Agreement", "Kappa", "Kappa 2.5%",
               "Kappa 97.5%", "Alpha", "Alpha 2.5%", "Alpha 97.5%",
               *[f"{c}: segments" for c in coders], *[f"{c}: matched" for c in coders], "Notes"]
    rows = [[KIND_NAMES[r.kind], _label(r), r.characters, r.percent.value,
             r.kappa.value, r.kappa.low, r.kappa.high, r.alpha.value, r.alpha.low, r.alpha.high,
             *[s.segments for s in r.segments], *[s.matched for s in r.segments], notes(r)]
            for r in report.rows()]
    _table(sheet, headers, rows, widths=[9, 62, 11, 11] + [9] * 6 + [12] * 2 * len(coders) + [70],
           wrapped={len(headers)})
    for n, result in enumerate(report.rows(), start=2):
        sheet.cell(n, 2).alignment = Alignment(indent=2 * depth(result), vertical="top")
    for row in sheet.iter_rows(min_row=2, min_col=4, max_col=4):
        row[0].number_format = "0.0%"
    for row in sheet.iter_rows(min_row=2, min_col=5, max_col=10):
        for cell in row:
            cell.number_format = "0.000"
    for n, result in enumerate(report.rows(), start=2):
        if result.kind != "code":
            for cell in sheet[n]:
                cell.font = _BOLD


def _pairs(sheet: Worksheet, report: AgreementReport) -> None:
    rows = [[KIND_NAMES[r.kind], _label(r), p.first, p.second, p.percent.value,
             p.kappa.value, p.kappa.reason]
            for r in report.rows() for p in r.pairs]
    _table(sheet, ["Level", "Code or case", "Coder", "Other coder", "Agreement", "Kappa", "Notes"],
           rows, widths=[9, 62, 14, 14, 11, 9, 70], wrapped={7})
    for row in sheet.iter_rows(min_row=2, min_col=5, max_col=6):
        row[0].number_format, row[1].number_format = "0.0%", "0.000"


def _disagreements(sheet: Worksheet, report: AgreementReport) -> None:
    rows = [[d.case, d.document, d.paragraph, d.code, *[_passage(p) for p in d.passages],
             d.start, d.end] for d in report.disagreements]
    coders = len(report.coders)
    _table(sheet, ["Case", "Document", "Paragraph", "Code", *report.coders, "Start", "End"], rows,
           widths=[24, 30, 10, 36, *[60] * coders, 8, 8], wrapped=set(range(1, 5 + coders)))


def _setup(sheet: Worksheet, report: AgreementReport) -> None:
    rows: list[list[Any]] = [
        ["Coders", ", ".join(report.coders)],
        ["Documents compared", len(report.documents)],
        ["Coded by every coder (kappa's units)", report.all_coders_documents],
        ["Segment overlap", report.overlap],
        ["Bootstrap resamples (paragraphs)", report.resamples],
        ["Seed", "" if report.seed is None else report.seed],
        *[["Left out (one coder only)", f"{case} · {document} ({coder})"]
          for case, document, coder in report.left_out],
    ]
    _table(sheet, ["Setting", "Value"], rows, widths=[40, 90], wrapped={2})


def _label(row: ResultRow) -> str:
    """The Level column says what a row is; the label column names it, a code by its own name."""
    return row.label.split("/")[-1] if row.kind == "code" else row.label


def _passage(text: str | None) -> str:
    return "(did not code this document)" if text is None else text


def _table(sheet: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[Any]],
           widths: Sequence[int], wrapped: set[int]) -> None:
    """A header row (bold, shaded, frozen, filtered), ``rows``, column widths; the columns in
    ``wrapped`` (1-based) wrap their text, the others stay on one line so rows stay short."""
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = _BOLD, _HEADER_FILL, _WRAP
    for row in rows:
        sheet.append(list(row))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = _WRAP if cell.column in wrapped else _TOP
    sheet.freeze_panes = "C2" if sheet.max_column > 4 else "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
