"""The codebook appendix: tree with counts, and each code's definition fields."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import docx
import pytest

from tests.core.exporters.test_matrix_docx import header_repeats
from workbench.core.exporters.codebook_docx import write_codebook_docx
from workbench.core.storage import Project

THEME_COUNTS = """WITH RECURSIVE tree(id, top) AS (
    SELECT id, id FROM code WHERE parent_id IS NULL
    UNION ALL SELECT code.id, tree.top FROM code JOIN tree ON code.parent_id = tree.id)
  SELECT code.name, count(coding.id), count(DISTINCT coding.document_id)
  FROM code JOIN tree ON tree.top = code.id LEFT JOIN coding ON coding.code_id = tree.id
  GROUP BY code.id"""


@pytest.mark.slow  # over half a second: writes and reads back a Word report
def test_codebook_report_lists_the_tree_with_counts_and_definitions(
        sample: Project, summarised_path: Path, tmp_path: Path) -> None:
    target = write_codebook_docx(sample, tmp_path / "codebook.docx")
    document = docx.Document(str(target))
    assert document.paragraphs[0].text.startswith("Codebook: Solidarity in diversity")
    overview = document.tables[0]
    assert header_repeats(overview)
    rows = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in overview.rows[1:]}
    connection = sqlite3.connect(summarised_path)
    expected = connection.execute(THEME_COUNTS).fetchall()
    names = [name for (name,) in connection.execute("SELECT name FROM code")]
    definition = connection.execute(
        "SELECT definition FROM code WHERE name LIKE 'Shared struggle%'").fetchone()[0]
    connection.close()
    assert len(rows) == len(names) == 24
    for name, codings, documents in expected:
        assert rows[name][:2] == [str(codings), str(documents)]
    headings = {p.text for p in document.paragraphs if p.style.name.startswith("Heading")}
    assert set(names) <= headings
    body = "\n".join(p.text for p in document.paragraphs)
    assert " ".join(definition.split()) in body
    assert "When to use: " in body and "Example: " in body
