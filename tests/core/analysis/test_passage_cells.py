"""The passages matrix: each cell holds exactly the passages its click-through lists."""

from __future__ import annotations

import pytest

from workbench.core.analysis.matrix import build_matrix, cell_passages
from workbench.core.analysis.passage_cells import CellPassages
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.services.codings import set_coding_memo
from workbench.core.storage import Project


@pytest.mark.parametrize("spec", [
    MatrixSpec("themes", "passages"),
    pytest.param(MatrixSpec("codes", "passages", coders=("Youssef",)),
                 marks=pytest.mark.slow),  # over half a second: every code's cells of the sample
    MatrixSpec("themes", "passages", kinds=("fieldnote",)),
])
def test_every_cell_equals_its_click_through(sample: Project, spec: MatrixSpec) -> None:
    with sample.reading() as session:
        matrix = build_matrix(session, spec)
        expected = {(row.case_id, column.code_id): cell_passages(session, spec, row.case_id, column)
                    for row in matrix.rows for column in matrix.columns}
    found = {(row.case_id, column.code_id): list(matrix.value(row.case_id, column.code_id))
             for row in matrix.rows for column in matrix.columns}
    assert found == expected
    assert sum(len(cell) for cell in found.values()) > 20


def test_a_cell_counts_its_passages_before_reading_any_text(sample: Project) -> None:
    with sample.reading() as session:
        matrix = build_matrix(session, MatrixSpec("themes", "passages"))
    cells = [matrix.value(row.case_id, column.code_id)
             for row in matrix.rows for column in matrix.columns]
    busy = max((cell for cell in cells if isinstance(cell, CellPassages)), key=len)
    source = busy._table.source
    assert len(busy) > 3 and not source._texts

    first = busy[0]

    assert first.text and first.text in source._texts[first.document_id]
    assert len(source._texts) == len({p.document_id for p in busy})


def test_passages_carry_paragraph_speaker_and_memo(own_sample: Project) -> None:
    with own_sample.reading() as session:
        matrix = build_matrix(session, MatrixSpec("codes", "passages"))
    spoken = [p for row in matrix.rows for column in matrix.columns
              for p in matrix.value(row.case_id, column.code_id) if p.speaker]
    assert spoken and all(p.paragraph >= 1 for p in spoken)
    set_coding_memo(own_sample, spoken[0].coding_id, "Zie ook het veldwerkverslag.")
    with own_sample.reading() as session:
        again = build_matrix(session, MatrixSpec("codes", "passages"))
    memos = {p.coding_id: p.memo for row in again.rows for column in again.columns
             for p in again.value(row.case_id, column.code_id)}
    assert memos[spoken[0].coding_id] == "Zie ook het veldwerkverslag."
