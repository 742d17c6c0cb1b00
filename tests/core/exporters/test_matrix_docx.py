"""A researcher exports the matrix to Word for the report's appendix."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from tests.core.exporters.test_matrix_xlsx import all_passages
from workbench.core.analysis.matrix import citation
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.exporters.matrix_export import export_matrix
from workbench.core.storage import Project


def header_repeats(table) -> bool:
    flags = table.rows[0]._tr.trPr.findall(qn("w:tblHeader"))
    return bool(flags) and flags[0].get(qn("w:val")) == "true"


@pytest.mark.slow  # over half a second: writes and reads back the sample's tables
def test_word_tables_are_landscape_with_repeating_headers_and_every_passage(
        sample: Project, tmp_path: Path) -> None:
    path = export_matrix(sample, MatrixSpec(by="place"), ["count", "passages"], "docx",
                         tmp_path / "matrix.docx")
    document = docx.Document(str(path))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert document.paragraphs[0].text == "Cross-case matrix: codings, passages"
    assert any(p.text.startswith("Project: Solidarity in diversity") for p in document.paragraphs)
    assert len(document.tables) == 2 and all(header_repeats(t) for t in document.tables)
    counts, passages = document.tables
    assert [c.text for c in counts.rows[1].cells][0] == "place: work"  # a group row
    assert [c.text for c in counts.rows[0].cells][-1] == "Total"
    assert [c.text for c in counts.rows[-1].cells][0] == "Total"
    numbers = [int(c.text) for row in counts.rows[1:-1] for c in row.cells[2:-1]
               if c.text.isdigit()]
    assert sum(numbers) == 394 == int(counts.rows[-1].cells[-1].text)
    text = "\n".join(cell.text for row in passages.rows for cell in row.cells)
    for passage in all_passages(sample):
        assert f"“{' '.join(passage.text.split())}”" in text
        where = f"({passage.document} · ¶{passage.paragraph}"
        assert where in text and f"({citation(passage)}" not in text  # the row names the case
    assert "Zoë" in text
    legend = [p.text for p in document.paragraphs if p.text.startswith("Sources of solidarity")]
    assert legend and ": " in legend[0]  # the codebook's definition as a legend


@pytest.mark.slow  # over half a second: writes and reads back the sample's tables
def test_too_many_columns_become_one_table_per_theme(sample: Project, tmp_path: Path) -> None:
    path = export_matrix(sample, MatrixSpec(columns="codes"), ["words"], "docx",
                         tmp_path / "codes.docx")
    document = docx.Document(str(path))
    titles = [p.text for p in document.paragraphs if p.text.startswith("Words coded per")]
    assert titles == [f"Words coded per case and code: {theme}" for theme in (
        "Need for transformation (nood aan transformatie)",
        "Sources of solidarity (bronnen van solidariteit)",
        "Pedagogy of solidarity (pedagogie van solidariteit)",
        "Citizenship as practice (burgerschap als praktijk)")]
    assert [p.text for p in document.paragraphs if p.text.startswith("Table ")] == [
        f"Table {n}" for n in range(1, 5)]  # numbered captions
    assert len(document.tables) == 4 and all(header_repeats(t) for t in document.tables)
    columns = sum(len(table.columns) - 1 for table in document.tables)
    assert columns == 24  # every code once, beside the case name in each table
