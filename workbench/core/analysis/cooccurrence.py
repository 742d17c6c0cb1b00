"""Code-by-code co-occurrence and coder-by-code matrices, on the case matrix's machinery.

**Co-occurrence** of two columns A and B (codes, or themes with their subtrees) is the number of
pairs (a coding in A, a coding in B) in the same document that *overlap* (share at least one
character) or, when asked, *share a paragraph* (their paragraph ranges meet). The matrix is
symmetric; its diagonal holds each column's number of codings. Pairs within one column are not
counted. By default both codings must be by the same coder: one coder's code beside another
coder's code on the same words is a disagreement, not a co-occurrence; ``across_coders`` counts
those pairs too. The case matrix's filters (coders, document kinds, case attributes) apply.

**Coder by code**: rows are coders, the cells count what each coder coded (count, documents,
presence or words, defined as in :mod:`workbench.core.analysis.matrix`).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.analysis.frame import (
    MatrixColumn,
    MatrixRow,
    group_positions,
    load_codings,
    load_documents,
    matrix_columns,
    matrix_rows,
)
from workbench.core.analysis.matrix import (
    COLUMN,
    ROW,
    Matrix,
    Provenance,
    grid,
    numeric_cells,
    provenance,
    with_column,
)
from workbench.core.analysis.spans import stored_paragraph_starts
from workbench.core.analysis.spec import CODER_MODES, WITHIN, MatrixSpec
from workbench.core.errors import DomainError
from workbench.core.model import Coder
from workbench.core.queries.passages import Passage, list_passages


def cooccurrence_matrix(session: Session, spec: MatrixSpec, within: str = "overlap",
                        across_coders: bool = False) -> Matrix:
    """Columns x columns: how often codings of two columns overlap or share a paragraph (by one
    coder, unless ``across_coders``)."""
    if within not in WITHIN:
        raise DomainError(f"Codes co-occur by 'overlap' or 'paragraph', not '{within}'.")
    columns = matrix_columns(session, spec.columns)
    case_ids = [row.case_id for row in matrix_rows(session, spec)]
    codings = with_column(load_codings(session, spec, load_documents(session, spec, case_ids)),
                          columns)
    if within == "paragraph":
        codings = _as_paragraphs(session, codings)
    ids = [column.code_id for column in columns]
    place = {code_id: n for n, code_id in enumerate(ids)}
    counts = np.zeros((len(ids), len(ids)), dtype=np.int64)
    for _document, group in codings.groupby("document_id", sort=False):
        _count_pairs(group, place, counts, across_coders)
    frequency = codings[COLUMN].map(place).value_counts()
    counts[frequency.index.to_numpy(), frequency.index.to_numpy()] = frequency.to_numpy()
    values = pd.DataFrame(counts, index=ids, columns=ids)
    rows = [MatrixRow(column.code_id, column.path) for column in columns]
    matrix_spec = replace(spec, cell="count", by=None, show=())
    made = _rows_described(provenance(session, matrix_spec), "codes x codes: pairs of codings "
                           + ("that overlap" if within == "overlap" else "that share a paragraph")
                           + (", by any coders" if across_coders else ", by the same coder"))
    return Matrix(matrix_spec, rows, columns, values, made, row_title="Code")


def _rows_described(made: Provenance, rows: str) -> Provenance:
    filters = [(label, rows if label == "Rows" else value) for label, value in made.filters]
    return replace(made, filters=filters)


def _count_pairs(group: pd.DataFrame, place: dict[int, int], counts: np.ndarray,
                 across_coders: bool) -> None:
    starts, ends = group["start"].to_numpy(), group["end"].to_numpy()
    where = group[COLUMN].map(place).to_numpy()
    meet = (starts[:, None] < ends[None, :]) & (starts[None, :] < ends[:, None])
    if not across_coders:
        coders = group["coder_id"].to_numpy()
        meet &= coders[:, None] == coders[None, :]
    first, second = np.nonzero(np.triu(meet, k=1))
    other = where[first] != where[second]
    first, second = where[first[other]], where[second[other]]
    np.add.at(counts, (first, second), 1)
    np.add.at(counts, (second, first), 1)


def _as_paragraphs(session: Session, codings: pd.DataFrame) -> pd.DataFrame:
    """Each coding's span replaced by its paragraph range (half-open), so overlap = shared ¶."""
    starts = stored_paragraph_starts(session, set(codings["document_id"].tolist()))
    first = np.zeros(len(codings), dtype=np.int64)
    last = np.zeros(len(codings), dtype=np.int64)
    begins, ends = codings["start"].to_numpy(), codings["end"].to_numpy()
    for document_id, positions in group_positions(codings, "document_id").items():
        paragraphs = starts[int(document_id)]
        first[positions] = np.searchsorted(paragraphs, begins[positions], side="right")
        last[positions] = np.searchsorted(paragraphs, ends[positions] - 1, side="right")
    return codings.assign(start=first, end=last + 1)


def cooccurring_passages(session: Session, spec: MatrixSpec, first: MatrixColumn,
                         second: MatrixColumn, within: str = "overlap",
                         across_coders: bool = False) -> list[Passage]:
    """The passages behind a co-occurrence cell: codings of either column that meet a coding
    of the other (by the same coder unless ``across_coders``), in reading order. On the
    diagonal: the column's own codings."""
    case_ids = [row.case_id for row in matrix_rows(session, spec)]
    codings = load_codings(session, spec, load_documents(session, spec, case_ids))
    codings = codings[codings["code_id"].isin(first.members | second.members)]
    if within == "paragraph":
        codings = _as_paragraphs(session, codings)
    if first.code_id == second.code_id:
        wanted = set(codings["coding_id"].tolist())
    else:
        wanted = set()
        for _document, group in codings.groupby("document_id", sort=False):
            wanted |= _meeting(group, first.members, second.members, across_coders)
    found = list_passages(session, first.members | second.members, include_subcodes=False,
                          case_ids=case_ids, coders=list(spec.coders) or None,
                          kinds=list(spec.kinds) or None)
    return [passage for passage in found if passage.coding_id in wanted]


def _meeting(group: pd.DataFrame, first: frozenset[int], second: frozenset[int],
             across_coders: bool) -> set[int]:
    """Ids of the codings in one document's ``group`` that meet a coding of the other column."""
    starts, ends = group["start"].to_numpy(), group["end"].to_numpy()
    codes, ids = group["code_id"].to_numpy(), group["coding_id"].to_numpy()
    in_first, in_second = np.isin(codes, list(first)), np.isin(codes, list(second))
    meet = (starts[:, None] < ends[None, :]) & (starts[None, :] < ends[:, None])
    if not across_coders:
        coders = group["coder_id"].to_numpy()
        meet &= coders[:, None] == coders[None, :]
    pairs = meet & in_first[:, None] & in_second[None, :]
    one, other = np.nonzero(pairs & (ids[:, None] != ids[None, :]))
    return set(ids[one].tolist()) | set(ids[other].tolist())


def coder_cell_passages(session: Session, spec: MatrixSpec, coder_id: int,
                        column: MatrixColumn) -> list[Passage]:
    """The passages behind a coder-by-code cell: what that coder coded in the column."""
    case_ids = [row.case_id for row in matrix_rows(session, spec)]
    return list_passages(session, column.members, include_subcodes=False, case_ids=case_ids,
                         coders=[coder_id], kinds=list(spec.kinds) or None)


def coder_by_code(session: Session, spec: MatrixSpec) -> Matrix:
    """Coders x columns: what each coder coded with each code or theme."""
    if spec.cell not in CODER_MODES:
        raise DomainError(f"A coder-by-code matrix shows {', '.join(CODER_MODES)}; "
                          f"not '{spec.cell}'.")
    spec = replace(spec, by=None, show=())
    columns = matrix_columns(session, spec.columns)
    case_ids = [row.case_id for row in matrix_rows(session, spec)]
    codings = with_column(load_codings(session, spec, load_documents(session, spec, case_ids)),
                          columns)
    by_name = select(Coder.id, Coder.name).order_by(Coder.name)
    coders: list[tuple[int, str]] = [(cid, name) for cid, name in session.execute(by_name)]
    if spec.coders:
        wanted = {name.casefold() for name in spec.coders}
        coders = [(cid, name) for cid, name in coders if name.casefold() in wanted]
    cells = numeric_cells(session, spec.cell, codings.rename(columns={"coder_id": ROW}))
    ids = [cid for cid, _name in coders]
    values = grid(cells, ids, [column.code_id for column in columns], spec)
    rows = [MatrixRow(cid, name) for cid, name in coders]
    made = _rows_described(provenance(session, spec), "coders")
    return Matrix(spec, rows, columns, values, made, row_title="Coder")
