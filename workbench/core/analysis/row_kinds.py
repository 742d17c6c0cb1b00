"""What a matrix's rows are, and the one place that builds each kind and lists a cell's passages.

The window, the exporter and the command line all name the rows by :class:`RowKind`; the
command line keeps its own words (``--rows codes --within paragraph``), read by
:meth:`RowKind.from_cli`. This module loads no pandas: the matrix machinery is imported when a
matrix is built, so a window whose matrix tab stays hidden never loads it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from workbench.core.analysis.spec import CODER_MODES, WITHIN, MatrixSpec
from workbench.core.errors import DomainError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.core.analysis.matrix import Matrix, MatrixColumn
    from workbench.core.jobs import JobControl
    from workbench.core.queries.passages import Passage

CLI_ROWS = ("cases", "codes", "coders")


class RowKind(StrEnum):
    CASES = "cases"
    CODERS = "coders"
    CODES_OVERLAP = "codes-overlap"  # code by code: codings that overlap
    CODES_PARAGRAPH = "codes-paragraph"  # code by code: codings in one paragraph

    @property
    def label(self) -> str:
        """The rows' name as the window shows it (translated there)."""
        return _TITLES[self]

    @property
    def within(self) -> str:
        """How two codings of a code-by-code matrix meet ("" for other rows)."""
        return self.value.removeprefix("codes-") if self.is_codes else ""

    @property
    def is_codes(self) -> bool:
        return self in (RowKind.CODES_OVERLAP, RowKind.CODES_PARAGRAPH)

    @property
    def cell_modes(self) -> tuple[str, ...] | None:
        """The cell modes these rows can show; ``None``: every mode."""
        if self is RowKind.CASES:
            return None
        return CODER_MODES if self is RowKind.CODERS else ("count",)

    @property
    def single_view(self) -> bool:
        """Only a cases matrix exports several views (count and passages) into one file."""
        return self is not RowKind.CASES

    @classmethod
    def from_cli(cls, rows: str, within: str = "overlap") -> RowKind:
        """The kind the command line's ``--rows`` (and ``--within``, for codes) name."""
        if rows not in CLI_ROWS:
            raise DomainError(f"Matrix rows are {', '.join(CLI_ROWS)}, not '{rows}'.")
        if rows != "codes":
            return cls(rows)
        if within not in WITHIN:
            raise DomainError(f"Codes co-occur by 'overlap' or 'paragraph', not '{within}'.")
        return cls(f"codes-{within}")


_TITLES = {RowKind.CASES: "Cases", RowKind.CODERS: "Coders",
           RowKind.CODES_OVERLAP: "Codes: overlapping passages",
           RowKind.CODES_PARAGRAPH: "Codes: passages in one paragraph"}


def build_rows(session: Session, kind: RowKind, spec: MatrixSpec,
               control: JobControl | None = None, *, across_coders: bool = False) -> Matrix:
    """The matrix with ``kind`` rows (``across_coders``: code pairs by different coders too)."""
    from workbench.core.analysis.cooccurrence import coder_by_code, cooccurrence_matrix
    from workbench.core.analysis.matrix import build_matrix

    if kind is RowKind.CODERS:
        return coder_by_code(session, spec)
    if kind.is_codes:
        return cooccurrence_matrix(session, spec, kind.within, across_coders)
    return build_matrix(session, spec, control)


def row_cell_passages(session: Session, kind: RowKind, spec: MatrixSpec, matrix: Matrix,
                      row_id: int, column: MatrixColumn) -> list[Passage]:
    """The passages behind the cell of row ``row_id`` (a case, coder or code id) and ``column``."""
    from workbench.core.analysis.cooccurrence import coder_cell_passages, cooccurring_passages
    from workbench.core.analysis.matrix import cell_passages

    if kind is RowKind.CODERS:
        return coder_cell_passages(session, spec, row_id, column)
    if kind.is_codes:
        [row_column] = [c for c in matrix.columns if c.code_id == row_id]
        return cooccurring_passages(session, spec, row_column, column, kind.within)
    return cell_passages(session, spec, row_id, column)
