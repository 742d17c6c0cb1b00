"""What a matrix's rows are: one kind, named alike by the window, the exporter and the command
line, built and opened cell by cell in one place."""

from __future__ import annotations

import pytest

from workbench.core.analysis.cooccurrence import coder_by_code, cooccurrence_matrix
from workbench.core.analysis.matrix import build_matrix
from workbench.core.analysis.row_kinds import RowKind, build_rows, row_cell_passages
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.errors import DomainError
from workbench.core.storage import Project


def test_the_command_line_words_name_the_same_kinds() -> None:
    assert RowKind.from_cli("cases") is RowKind.CASES
    assert RowKind.from_cli("coders", "paragraph") is RowKind.CODERS  # --within is for codes
    assert RowKind.from_cli("codes") is RowKind.CODES_OVERLAP
    assert RowKind.from_cli("codes", "paragraph") is RowKind.CODES_PARAGRAPH
    with pytest.raises(DomainError, match="not 'documents'"):
        RowKind.from_cli("documents")
    with pytest.raises(DomainError, match="not 'sentence'"):
        RowKind.from_cli("codes", "sentence")


def test_each_kind_says_what_its_cells_can_show() -> None:
    assert RowKind.CASES.cell_modes is None and not RowKind.CASES.single_view
    assert RowKind.CODERS.cell_modes == ("count", "documents", "presence", "words")
    assert {RowKind.CODES_OVERLAP.within, RowKind.CODES_PARAGRAPH.within} == {"overlap",
                                                                              "paragraph"}
    assert all(kind.cell_modes == ("count",) for kind in RowKind if kind.is_codes)


def test_every_kind_builds_the_matrix_its_own_function_builds(sample: Project) -> None:
    spec = MatrixSpec("themes")
    with sample.reading() as session:
        built = {kind: build_rows(session, kind, spec) for kind in RowKind}
        own = {RowKind.CASES: build_matrix(session, spec),
               RowKind.CODERS: coder_by_code(session, spec),
               RowKind.CODES_OVERLAP: cooccurrence_matrix(session, spec, "overlap"),
               RowKind.CODES_PARAGRAPH: cooccurrence_matrix(session, spec, "paragraph")}
        for kind, matrix in built.items():
            assert matrix.row_title == own[kind].row_title
            assert matrix.values.equals(own[kind].values), kind
        # The busiest cell of each kind lists passages behind it.
        for kind, matrix in built.items():
            row, column = matrix.values.stack().idxmax()
            found = row_cell_passages(session, kind, spec, matrix, int(row),
                                      next(c for c in matrix.columns if c.code_id == column))
            assert found, kind
