"""Code-by-code co-occurrence and coder-by-code figures equal plain SQL over the sample."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.core.analysis.sql_oracle import THEMES
from workbench.core.analysis.cooccurrence import (
    coder_by_code,
    coder_cell_passages,
    cooccurrence_matrix,
    cooccurring_passages,
)
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.errors import DomainError
from workbench.core.storage import Project

PAIRS = f"""{THEMES}
    SELECT ta.col, tb.col, count(*) FROM coding a JOIN coding b
      ON a.document_id = b.document_id AND a.id < b.id AND a.start < b."end" AND b.start < a."end"
    JOIN tree ta ON ta.id = a.code_id JOIN tree tb ON tb.id = b.code_id
    WHERE ta.col <> tb.col AND (a.coder_id = b.coder_id OR :across) GROUP BY 1, 2"""
BY_CODER = f"""{THEMES}
    SELECT coding.coder_id, tree.col, count(*) FROM coding JOIN tree ON tree.id = coding.code_id
    GROUP BY 1, 2"""


def query(path: Path, sql: str, **parameters: object) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize("across", [False, True])
def test_overlapping_themes_match_a_sql_self_join(sample: Project, sample_path: Path,
                                                  across: bool) -> None:
    """By default only one coder's codings pair up: another coder's code on the same words is
    a disagreement, not a co-occurrence."""
    expected: dict[tuple[int, int], int] = {}
    for first, second, count in query(sample_path, PAIRS, across=across):
        for cell in ((first, second), (second, first)):
            expected[cell] = expected.get(cell, 0) + count
    with sample.reading() as session:
        matrix = cooccurrence_matrix(session, MatrixSpec("themes"), across_coders=across)
        if not across:
            wider = cooccurrence_matrix(session, MatrixSpec("themes"), across_coders=True)
            assert (wider.values >= matrix.values).all().all()
            assert (wider.values > matrix.values).any().any()
    totals = dict(query(sample_path, f"{THEMES} SELECT tree.col, count(*) FROM coding "
                                     "JOIN tree ON tree.id = coding.code_id GROUP BY 1"))
    for first in matrix.values.index:
        for second in matrix.values.columns:
            wanted = totals[first] if first == second else expected.get((first, second), 0)
            assert matrix.values.at[first, second] == wanted
    assert (matrix.values.to_numpy() == matrix.values.to_numpy().T).all()


def test_sharing_a_paragraph_counts_at_least_every_overlap(sample: Project) -> None:
    with sample.reading() as session:
        overlap = cooccurrence_matrix(session, MatrixSpec("codes"))
        paragraph = cooccurrence_matrix(session, MatrixSpec("codes"), within="paragraph")
        with pytest.raises(DomainError, match="'overlap' or 'paragraph'"):
            cooccurrence_matrix(session, MatrixSpec(), within="sentence")
    assert (paragraph.values >= overlap.values).all().all()
    assert (paragraph.values > overlap.values).any().any()


def test_coder_by_code_counts_what_each_coder_coded(sample: Project, sample_path: Path) -> None:
    with sample.reading() as session:
        matrix = coder_by_code(session, MatrixSpec("themes", "count"))
        with pytest.raises(DomainError, match="coder-by-code"):
            coder_by_code(session, MatrixSpec(cell="summary"))
    assert [row.name for row in matrix.rows] == ["Lotte", "Youssef"]
    for coder, column, count in query(sample_path, BY_CODER):
        assert matrix.values.at[coder, column] == count


@pytest.mark.parametrize("within", [
    "overlap",
    pytest.param("paragraph", marks=pytest.mark.slow),  # over half a second on the sample
])
def test_a_cooccurrence_cell_lists_the_passages_that_meet(sample: Project, within: str) -> None:
    with sample.reading() as session:
        matrix = cooccurrence_matrix(session, MatrixSpec("themes"), within)
        cells = {(a.code_id, b.code_id): cooccurring_passages(session, MatrixSpec("themes"), a, b,
                                                              within)
                 for a in matrix.columns for b in matrix.columns}
    by_id = {column.code_id: column for column in matrix.columns}
    for (a, b), passages in cells.items():
        assert bool(passages) == (matrix.value(a, b) > 0)
        if a == b:
            assert len(passages) == matrix.value(a, a)
            continue
        for passage in passages:
            mine = by_id[a] if passage.code_id in by_id[a].members else by_id[b]
            others = [p for p in passages if p.document_id == passage.document_id
                      and p.code_id not in mine.members and p.coder == passage.coder]
            meets = [p for p in others if p.start < passage.end and passage.start < p.end]
            assert meets if within == "overlap" else others, (passage.reference, a, b)


def test_a_coder_cell_lists_what_that_coder_coded(sample: Project) -> None:
    spec = MatrixSpec("codes", "count")
    with sample.reading() as session:
        matrix = coder_by_code(session, spec)
        for row in matrix.rows:
            for column in matrix.columns:
                passages = coder_cell_passages(session, spec, row.case_id, column)
                assert len(passages) == matrix.value(row.case_id, column.code_id)
                assert {p.coder for p in passages} <= {row.name}
