"""A team lead measures agreement from the command line: a table, JSON, Excel and Word."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook

from tests.core.analysis.agreement.builders import build
from tests.helpers import copy_of_template


@pytest.fixture
def project(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the two coders' project, built once per test process."""
    return copy_of_template(tmp_path_factory, "agreement-cli", _build, tmp_path / "team.cwb")


def _build(path: Path) -> None:
    build(path, [("Kitchen notes", "Struggle", "Lotte", 0, 25),
                 ("Kitchen notes", "Struggle", "Youssef", 0, 20),
                 ("Kitchen notes", "Encounter/Mixing", "Lotte", 27, 56),
                 ("Kitchen notes", "Encounter/Mixing", "Youssef", 27, 56),
                 ("School notes", "Struggle", "Lotte", 0, 36)])


def test_the_table_names_every_code_theme_case_and_the_overall(workbench, project: Path) -> None:
    result = workbench("agreement", project, "--coders", "Lotte", "Youssef", "--seed", "3")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("Coders: Lotte, Youssef. 1 document(s) compared")
    [mixing] = [line for line in lines if line.startswith("Code") and "Mixing" in line]
    assert "100.0%" in mixing and "1.00 [1.00, 1.00]" in mixing and "Lotte 1/1" in mixing
    assert any(line.startswith("Theme") and "Encounter" in line for line in lines)
    assert any(line.startswith("Overall") for line in lines)
    assert "Sharing: κ: neither Lotte nor Youssef used this code" in result.out
    assert "Left out (coded by Lotte only): School · School notes" in result.out
    assert "1 passage(s) disagreed on (list them with --disagreements)." in result.out


def test_json_holds_the_figures_pairs_and_disagreements(workbench, project: Path) -> None:
    data = workbench("agreement", project, "--coders", "lotte", "youssef", "--codes", "Struggle",
                     "--overlap", "0.8", "--seed", "1", "--resamples", "100", "--json").json()
    [struggle] = data["codes"]
    assert struggle["label"] == "Struggle" and data["overlap"] == 0.8
    assert struggle["pairs"][0]["kappa"]["value"] == struggle["kappa"]["value"]
    assert [s["matched"] for s in struggle["segments"]] == [1, 1]  # 20 of 25 is 80%
    [disagreement] = data["disagreements"]
    assert disagreement["reference"] == "Kitchen · Kitchen notes · ¶1"
    assert disagreement["passages"] == {"Lotte": "We koken samen op zondag.",
                                        "Youssef": "We koken samen op zo"}
    again = workbench("agreement", project, "--coders", "Lotte", "Youssef", "--codes", "Struggle",
                      "--overlap", "0.8", "--seed", "1", "--resamples", "100", "--json").json()
    assert again["codes"][0]["kappa"] == struggle["kappa"]  # the seed reproduces the interval


def test_disagreements_are_listed_side_by_side(workbench, project: Path) -> None:
    out = workbench("agreement", project, "--coders", "Lotte", "Youssef", "--disagreements").out
    assert "Kitchen · Kitchen notes · ¶1  Struggle\n    Lotte: We koken samen op zondag.\n" \
           "    Youssef: We koken samen op zo\n" in out


def test_excel_and_word_reports(workbench, project: Path, tmp_path: Path) -> None:
    excel, word = tmp_path / "agreement.xlsx", tmp_path / "agreement.docx"
    assert workbench("agreement", project, "--coders", "Lotte", "Youssef", "-o", excel).code == 0
    assert workbench("agreement", project, "--coders", "Lotte", "Youssef", "--format", "docx",
                     "-o", word).code == 0
    book = load_workbook(excel)
    assert book.sheetnames == ["Agreement", "Pairs of coders", "Disagreements", "About"]
    assert book["Disagreements"]["E2"].value == "We koken samen op zondag."
    document = WordDocument(str(word))
    assert document.paragraphs[0].text == "Inter-coder agreement"
    results, passages = document.tables
    assert results.rows[0].cells[2].text == "Kappa [95% CI]"
    assert [cell.text for cell in passages.rows[1].cells][1:] == [
        "We koken samen op zondag.", "We koken samen op zo"]


def test_mistakes_are_one_line_errors(workbench, project: Path, tmp_path: Path) -> None:
    unknown = workbench("agreement", project, "--coders", "Lotte", "Amal")
    assert unknown.code == 2 and "no coder named 'Amal'" in unknown.err
    one = workbench("agreement", project, "--coders", "Lotte")
    assert one.code == 2 and "two or more different coders" in one.err
    overlap = workbench("agreement", project, "--coders", "Lotte", "Youssef", "--overlap", "90")
    assert overlap.code == 2 and "above 0 and at most 1" in overlap.err
    wrong = workbench(
        "agreement", project, "--coders", "Lotte", "Youssef", "-o", tmp_path / "a.pdf"
    )
    assert wrong.code == 2 and "write .xlsx or .docx" in wrong.err
    assert len(unknown.err.splitlines()) == 1
