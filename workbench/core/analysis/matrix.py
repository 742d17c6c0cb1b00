"""The cross-case matrix: cases as rows, codes or themes as columns, one figure or text per cell.

Definitions (the same everywhere: screen, exports, command line):

* **count**: the number of codings in the cell. Every coding has exactly one code, so a theme
  column counts each coding of its subtree once, whatever its depth.
* **documents**: the number of distinct documents of the case holding at least one such coding.
* **presence**: whether the cell has any coding.
* **words**: words coded. The cell's coded spans are unioned per document before counting (see
  :mod:`workbench.core.analysis.spans`), so text coded twice (two coders, or two sub-codes of one
  theme, or overlapping passages) counts once.

  A theme column's roll-up: its spans are those of every coding of the theme itself and of all
  its descendants (any depth); they are pooled per case and document and unioned into disjoint
  stretches, and the words those stretches touch are counted once each. So a theme's words are
  at least those of its busiest sub-code and at most the sum of its sub-codes' words.
* **share**: words coded divided by the words of the case's documents that the filters leave
  (a document kind filter shrinks the denominator too), between 0 and 1.
* **row_percent**, **column_percent**: the cell's codings as a share of its row's (column's)
  codings in the matrix, between 0 and 1 (a row or column without codings is all 0).
* **passages**: the cell's codings with their text and reference (case · document · ¶n, speaker).
* **summary**: the researcher's own text for the cell (framework method), kept in the project.

Filters (coders, document kinds, case attribute values) apply to every mode except summaries,
which belong to the cell whatever is filtered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.analysis.frame import (
    MatrixColumn,
    MatrixRow,
    load_codings,
    load_documents,
    matrix_columns,
    matrix_rows,
)
from workbench.core.analysis.passage_cells import CellPassages, passage_cells
from workbench.core.analysis.spans import WordIndex, merge_spans
from workbench.core.analysis.spec import FRACTION_MODES, MatrixSpec
from workbench.core.jobs import JobControl
from workbench.core.model import Coder, MatrixSummary, ProjectInfo, utc_now
from workbench.core.queries.passages import Passage, list_passages

ROW, COLUMN = "row", "column"


@dataclass(frozen=True)
class SummaryCell:
    """A framework-method summary: the text, who wrote it and when it was last changed."""

    text: str
    author: str
    modified: datetime


@dataclass(frozen=True)
class Provenance:
    """How a matrix was made, for the note every export carries."""

    project: str
    codebook: str
    made_at: datetime
    filters: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Matrix:
    """Rows x columns of cell values (``values`` is indexed by row id and column code id)."""

    spec: MatrixSpec
    rows: list[MatrixRow]
    columns: list[MatrixColumn]
    values: pd.DataFrame
    provenance: Provenance
    row_title: str = "Case"

    def value(self, row_id: int, code_id: int) -> Any:
        return self.values.at[row_id, code_id]

    def lead(self, row: MatrixRow) -> list[str]:
        """The row's name and the attribute values shown beside it."""
        return [row.name, *(row.values.get(name, "") for name in self.spec.shown_attributes)]

    def cell_text(self, row_id: int, code_id: int) -> str:
        """The cell as plain text, the way CSV and the text views show it."""
        return cell_text(self.spec.cell, self.value(row_id, code_id))


def cell_text(mode: str, value: Any) -> str:
    if mode == "presence":
        return "yes" if value else ""
    if mode in FRACTION_MODES:
        return f"{value:.1%}" if value else ""
    if mode == "passages":
        return "\n\n".join(passage_with_reference(p) for p in value)
    if mode == "summary":
        return value.text if value is not None else ""
    return str(int(value)) if value else ""


def passage_with_reference(passage: Passage) -> str:
    return f"“{passage.text.strip()}” ({citation(passage)})"


def citation(passage: Passage) -> str:
    """``Case · Document · ¶3, Zoë`` (the speaker where known)."""
    speaker = f", {passage.speaker}" if passage.speaker else ""
    return f"{passage.reference}{speaker}"


def build_matrix(session: Session, spec: MatrixSpec, control: JobControl | None = None) -> Matrix:
    """The case x code matrix ``spec`` asks for (see the module docstring for each cell mode)."""
    control = control or JobControl()
    rows = matrix_rows(session, spec)
    columns = matrix_columns(session, spec.columns)
    control.check()
    case_ids = [row.case_id for row in rows]
    cells: pd.Series | dict[tuple[int, int], SummaryCell] | dict[tuple[int, int], CellPassages]
    if spec.cell == "summary":
        cells = summaries(session, case_ids, [c.code_id for c in columns])
    elif spec.cell == "passages":
        cells = _passages(session, spec, case_ids, columns)
    else:
        documents = load_documents(session, spec, case_ids, with_words=spec.cell == "share")
        codings = with_column(load_codings(session, spec, documents), columns)
        codings = codings.rename(columns={"case_id": ROW})
        control.check()
        documents = documents.rename(columns={"case_id": ROW})
        mode = "count" if spec.cell in ("row_percent", "column_percent") else spec.cell
        cells = numeric_cells(session, mode, codings, documents)
    control.check()
    values = grid(cells, case_ids, [c.code_id for c in columns], spec)
    if spec.cell in ("row_percent", "column_percent"):
        values = percentages(values, by_row=spec.cell == "row_percent")
    return Matrix(spec, rows, columns, values, provenance(session, spec))


def percentages(counts: pd.DataFrame, by_row: bool) -> pd.DataFrame:
    """Counts as fractions of their row's (or column's) total; 0 where the total is 0."""
    totals = counts.sum(axis=1 if by_row else 0)
    shares = counts.div(totals.where(totals > 0, 1), axis=0 if by_row else 1)
    return shares.astype("float64")


def with_column(codings: pd.DataFrame, columns: list[MatrixColumn]) -> pd.DataFrame:
    """The codings that fall in some column, each with that column's code id."""
    owner = {member: column.code_id for column in columns for member in column.members}
    found = codings.assign(**{COLUMN: codings["code_id"].map(owner)})
    found = found.dropna(subset=[COLUMN])
    return found.astype({COLUMN: "int64"})


def numeric_cells(session: Session, mode: str, codings: pd.DataFrame,
                  documents: pd.DataFrame | None = None) -> pd.Series:
    """One figure per (row, column) that has codings; ``codings`` carries ROW and COLUMN."""
    if codings.empty:
        return pd.Series(dtype="float64" if mode == "share" else "int64")
    by_cell = codings.groupby([ROW, COLUMN], sort=False)
    if mode in ("count", "presence"):
        counts = by_cell.size()
        return counts > 0 if mode == "presence" else counts
    if mode == "documents":
        return by_cell["document_id"].nunique()
    islands = merge_spans(codings, [ROW, COLUMN])
    words = WordIndex.load(session, islands["document_id"].unique().tolist()).words(
        islands, [ROW, COLUMN])
    if mode == "words":
        return words
    assert documents is not None
    totals = documents.groupby(ROW)["words"].sum()
    denominators = totals.reindex(words.index.get_level_values(ROW)).to_numpy()
    return (words / denominators).where(denominators > 0, 0.0)


def grid(cells: pd.Series | dict, row_ids: list[int], column_ids: list[int],
         spec: MatrixSpec) -> pd.DataFrame:
    """Every row x every column, empty cells filled (0, False, no passages, no summary)."""
    if isinstance(cells, pd.Series):
        frame = cells.unstack(COLUMN) if not cells.empty else pd.DataFrame()
        frame = frame.reindex(index=row_ids, columns=column_ids)
        fill = 0.0 if spec.cell == "share" else 0
        frame = frame.fillna(fill).infer_objects()
        if spec.cell == "presence":
            frame = frame.astype(bool)
        elif spec.cell not in FRACTION_MODES:
            frame = frame.astype("int64")
        return frame.rename_axis(index=None, columns=None)
    passages = spec.cell == "passages"
    data = [[cells.get((row, column), [] if passages else None) for column in column_ids]
            for row in row_ids]
    return pd.DataFrame(data, index=row_ids, columns=column_ids, dtype=object)


def _passages(session: Session, spec: MatrixSpec, case_ids: list[int],
              columns: list[MatrixColumn]) -> dict[tuple[int, int], CellPassages]:
    owner = {member: column.code_id for column in columns for member in column.members}
    return passage_cells(session, spec, case_ids, owner)


def cell_passages(session: Session, spec: MatrixSpec, case_id: int,
                  column: MatrixColumn) -> list[Passage]:
    """The passages behind one cell, in reading order (the click-through of a matrix cell)."""
    return list_passages(session, column.members, include_subcodes=False, case_ids=[case_id],
                         coders=list(spec.coders) or None, kinds=list(spec.kinds) or None)


def summaries(session: Session, case_ids: list[int],
              code_ids: list[int]) -> dict[tuple[int, int], SummaryCell]:
    rows = session.execute(
        select(MatrixSummary.case_id, MatrixSummary.code_id, MatrixSummary.text, Coder.name,
               MatrixSummary.modified_at)
        .outerjoin(Coder, MatrixSummary.author_id == Coder.id)
        .where(MatrixSummary.case_id.in_(case_ids), MatrixSummary.code_id.in_(code_ids)))
    return {(case_id, code_id): SummaryCell(text, author or "", modified)
            for case_id, code_id, text, author, modified in rows}


def provenance(session: Session, spec: MatrixSpec) -> Provenance:
    info = session.scalars(select(ProjectInfo)).one()
    filters = [("Columns", "themes, each with all its sub-codes" if spec.columns == "themes"
                else "codes, each with its own codings"),
               ("Rows", f"cases grouped by {spec.by}" if spec.by
                else "cases in the project's order"),
               *spec.describe_filters()]
    return Provenance(info.name, info.codebook_origin or "the project's own codebook", utc_now(),
                      filters)
