"""The matrix and codebook report from the command line, as a researcher scripts them."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from tests.cli.conftest import run_subprocess
from tests.core.analysis.sample import sample_copy

pytestmark = pytest.mark.slow  # builds the sample project


@pytest.fixture
def sample(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    return sample_copy(tmp_path_factory, tmp_path / "sample.cwb")


def test_matrix_to_excel_with_filters_and_several_views(workbench, sample: Path,
                                                         tmp_path: Path) -> None:
    target = tmp_path / "school.xlsx"
    result = workbench("matrix", sample, "--columns", "codes", "--cell", "count", "--cell",
                       "passages", "--by", "place", "--coder", "Lotte", "--kind", "interview",
                       "--where", "place=school", "--format", "xlsx", "-o", target)
    assert result.code == 0, result.err
    assert result.out == f"Wrote the matrix to {target}.\n"
    book = load_workbook(target)
    assert book.sheetnames[:2] == ["Codings", "Passages"]
    assert [row[0] for row in book["Codings"].iter_rows(min_row=3, values_only=True)] == [
        "Basisschool Het Klaverveld"]
    long = list(book["Passages"].iter_rows(values_only=True))
    coder, kind = long[0].index("Coder"), long[0].index("Kind")
    assert long[1:] and {row[coder] for row in long[1:]} == {"Lotte"}
    assert {row[kind] for row in long[1:]} == {"interview"}
    about = dict(book["About"].iter_rows(min_row=2, values_only=True))
    assert about["Coders"] == "Lotte" and about["Cases"] == "place = school"


def test_matrix_to_word_and_csv_take_the_format_from_the_file(workbench, sample: Path,
                                                              tmp_path: Path) -> None:
    assert workbench("matrix", sample, "--cell", "words", "-o", tmp_path / "m.docx").code == 0
    assert docx.Document(str(tmp_path / "m.docx")).tables
    assert workbench("matrix", sample, "--cell", "presence", "-o", tmp_path / "m.csv").code == 0
    with (tmp_path / "m.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 7 and {value for row in rows[1:] for value in row[1:]} <= {"yes", "no"}


def test_printed_matrix_and_one_line_errors(workbench, sample: Path, tmp_path: Path) -> None:
    printed = workbench("matrix", sample, "--cell", "documents", "--by", "place")
    assert printed.code == 0 and "Basisschool Het Klaverveld" in printed.out
    wrong = [
        (("--by", "colour"), "There is no case attribute named 'colour' in this project."),
        (("--coder", "Nobody"), "There is no coder named 'Nobody' in this project."),
        (("-o", tmp_path / "m.pdf"), "give --format"),
        (("--cell", "count", "--cell", "words", "-o", tmp_path / "m.csv"), "one view"),
        (("-o", tmp_path / "missing" / "m.xlsx"), "does not exist"),
    ]
    for extra, message in wrong:
        result = workbench("matrix", sample, *extra)
        assert result.code == 2 and message in result.err and result.err.count("\n") == 1
    assert not (tmp_path / "m.csv").exists()


def test_codebook_report_in_a_fresh_process(sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "codebook.docx"
    result = run_subprocess("codebook", "report", sample, "-o", target)
    assert result.code == 0, result.err
    document = docx.Document(str(target))
    assert document.paragraphs[0].text.startswith("Codebook: Solidarity in diversity")
    assert "Shared struggle (gezamenlijke strijd)" in [row.cells[0].text.strip()
                                                       for row in document.tables[0].rows]


def test_code_by_code_and_coder_by_code_tables(workbench, sample: Path, tmp_path: Path) -> None:
    printed = workbench("matrix", sample, "--rows", "coders", "--cell", "documents")
    assert printed.code == 0
    assert [line.split()[0] for line in printed.out.splitlines()] == ["Coder", "Lotte", "Youssef"]
    target = tmp_path / "co.xlsx"
    result = workbench("matrix", sample, "--rows", "codes", "--within", "paragraph", "-o", target)
    assert result.code == 0, result.err
    book = load_workbook(target)
    assert book.sheetnames == ["Code co-occurrence", "About"]
    sheet = list(book["Code co-occurrence"].iter_rows(values_only=True))
    assert sheet[0][0] == "Code" and len(sheet) == 5
    assert [row[1:] for row in sheet[1:]] == [tuple(row[1:][n] for row in sheet[1:])
                                              for n in range(4)]  # symmetric
    about = dict(book["About"].iter_rows(min_row=2, values_only=True))
    assert about["Rows"] == ("codes x codes: pairs of codings that share a paragraph, by the "
                             "same coder")
    wrong = workbench("matrix", sample, "--rows", "codes", "--cell", "count", "--cell", "words",
                      "-o", tmp_path / "two.xlsx")
    assert wrong.code == 2 and "one view" in wrong.err
