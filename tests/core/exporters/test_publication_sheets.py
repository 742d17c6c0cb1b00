"""The spreadsheet, CSV and agreement exports a researcher hands on: one test per fault seen."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from openpyxl import load_workbook

from workbench.core.analysis.agreement.formatting import number
from workbench.core.analysis.agreement.report import AgreementSettings, agreement_report
from workbench.core.analysis.cooccurrence import CODER_MODES
from workbench.core.analysis.frame import matrix_rows
from workbench.core.analysis.matrix import build_matrix
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.exporters.agreement_docx import write_agreement_docx
from workbench.core.exporters.matrix_export import export_matrix
from workbench.core.exporters.options import ExportOptions, default_csv_dialect
from workbench.core.services.cases import set_case_attribute
from workbench.core.storage import Project


@pytest.mark.parametrize("mode", CODER_MODES)
def test_coders_by_codes_to_excel_in_every_cell_mode(sample: Project, tmp_path: Path,
                                                     mode: str) -> None:
    path = export_matrix(sample, MatrixSpec(), [mode], "xlsx", tmp_path / "coders.xlsx",
                         rows="coders")
    book = load_workbook(path)
    assert book.sheetnames[0].startswith("Coders") and ":" not in book.sheetnames[0]
    assert [row[0] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)] == [
        "Lotte", "Youssef"]


@pytest.mark.slow  # writes every Excel view of the sample
def test_numbers_dates_and_yes_no_attributes_are_real_values(sample: Project,
                                                             tmp_path: Path) -> None:
    with sample.reading() as session:
        first = matrix_rows(session, MatrixSpec())[0]
    set_case_attribute(sample, first.case_id, "members", 240)
    set_case_attribute(sample, first.case_id, "visited", "2015-03-02")
    set_case_attribute(sample, first.case_id, "subsidised", True)
    try:
        spec = MatrixSpec(show=("members", "visited", "subsidised"))
        path = export_matrix(sample, spec, ["count", "passages"], "xlsx", tmp_path / "typed.xlsx")
        book = load_workbook(path)
        lead = [cell.value for cell in book["Codings"][2][:4]]
        assert lead[0] == first.name and lead[1] == 240
        assert lead[2] == datetime(2015, 3, 2) and lead[3] is True
        sheet = book["Passages"]
        header = [cell.value for cell in sheet[1]]
        row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == first.name)
        assert row[header.index("members")] == 240 and row[header.index("subsidised")] is True
        assert row[header.index("visited")] == datetime(2015, 3, 2)
        assert isinstance(row[header.index("Paragraph")], int)
    finally:
        for name in ("members", "visited", "subsidised"):
            set_case_attribute(sample, first.case_id, name, None)


@pytest.mark.slow  # writes every Excel view of the sample
def test_every_sheet_prints_landscape_fit_to_width_with_repeated_headers(
        sample: Project, tmp_path: Path) -> None:
    path = export_matrix(sample, MatrixSpec(columns="codes", by="place"),
                         ["count", "passages", "summary"], "xlsx", tmp_path / "print.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Codings", "Passages", "Summaries", "About"]
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert sheet.page_setup.fitToHeight == 0, sheet.title  # as many pages down as needed
        assert sheet.print_title_rows, sheet.title
    passages = book["Passages"]
    assert passages.print_area == "'Passages'!$A$1:$F$395"  # six readable columns printed
    for row in range(2, 396):
        text = passages.cell(row, 6).value
        height = passages.row_dimensions[row].height
        lines = -(-len(text) // 75)  # a 80-character column holds at least 75 of these
        assert height < 409 and height >= 15 * lines, (row, len(text), height)
        assert passages.cell(row, 6).alignment.wrap_text


def test_csv_in_either_dialect_defaulting_from_the_locale(sample: Project, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert default_csv_dialect("nl_BE.UTF-8") == default_csv_dialect("fr_FR") == "semicolon"
    assert default_csv_dialect("en_GB.UTF-8") == default_csv_dialect("C") == "comma"
    spec = MatrixSpec(cell="share")
    with sample.reading() as session:
        matrix = build_matrix(session, spec)
    path = export_matrix(sample, spec, ["share"], "csv", tmp_path / "be.csv",
                         options=ExportOptions(csv_dialect="semicolon"))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert len(rows[0]) == 1 + len(matrix.columns)
    assert float(rows[1][1].replace(",", ".")) == pytest.approx(
        matrix.values.iat[0, 0], abs=1e-4) and "," in rows[1][1]
    monkeypatch.setenv("LC_NUMERIC", "en_US.UTF-8")
    path = export_matrix(sample, spec, ["share"], "csv", tmp_path / "us.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows[0]) == 1 + len(matrix.columns) and "." in rows[1][1]


def test_agreement_report_says_where_it_comes_from_and_explains_its_odd_figures(
        sample: Project, tmp_path: Path) -> None:
    with sample.reading() as session:
        report = agreement_report(session, AgreementSettings(("Lotte", "Youssef"),
                                                             resamples=50, seed=3))
    path = tmp_path / "agreement.docx"
    write_agreement_docx(report, path)
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Project: Solidarity in diversity" in text and "codebook: Solidarity in diversity" \
        in text and f"made {datetime.now():%Y-%m}" in text and "Coding Workbench" in text
    table = document.tables[0]
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    cells = " ".join(cell.text for row in table.rows for cell in row.cells)
    assert "-0.00" not in cells
    starred = [row.cells[0].text for row in table.rows if row.cells[0].text.endswith("*")]
    assert starred and "so κ and α are 0 or below by construction" in text


def test_no_negative_zero() -> None:
    assert number(-0.0004) == "0.00" and number(-0.0) == "0.00" and number(-0.006) == "-0.01"
