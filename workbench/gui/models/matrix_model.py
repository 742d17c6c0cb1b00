"""A cross-case matrix as a table: a thin Qt adapter over ``workbench.core.analysis.matrix``.

Columns: the case name, the attributes shown beside it, then one column per code or theme.
Counts are drawn on a white-to-blue heat map; passages and summaries are text cells. A summary
cell is editable: the model reports the edit (``summaryEdited``) and the panel runs the service.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from workbench.gui.i18n import tr

if TYPE_CHECKING:
    from workbench.core.analysis.frame import MatrixColumn, MatrixRow
    from workbench.core.analysis.matrix import Matrix, SummaryCell, cell_text
    from workbench.core.exporters.layout import heat, passage_lines, short_name


def _load_matrix_machinery() -> None:
    """The matrix helpers (with pandas) load with the first matrix, not with the window."""
    global SummaryCell, cell_text, heat, passage_lines, short_name
    from workbench.core.analysis.matrix import SummaryCell, cell_text
    from workbench.core.exporters.layout import heat, passage_lines, short_name

Index = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1  # a MatrixCell (code columns) or the MatrixRow
SortRole = Qt.ItemDataRole.UserRole + 2
_SHOWN_CHARACTERS = 400


@dataclass(frozen=True)
class MatrixCell:
    row: MatrixRow
    column: MatrixColumn
    value: Any


class MatrixModel(QAbstractTableModel):
    summaryEdited = Signal(int, int, str)  # case id, code id, new text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matrix: Matrix | None = None
        self._lead = 0
        self._highest = 0.0

    def set_matrix(self, matrix: Matrix | None) -> None:
        if matrix is not None:
            _load_matrix_machinery()
        self.beginResetModel()
        self._matrix = matrix
        self._lead = 1 + len(matrix.spec.shown_attributes) if matrix else 0
        self._highest = (float(matrix.values.to_numpy(dtype=float).max())
                         if matrix is not None and matrix.spec.numeric and matrix.values.size
                         else 0.0)
        self.endResetModel()

    def matrix(self) -> Matrix | None:
        return self._matrix

    @property
    def lead_columns(self) -> int:
        """How many columns come before the first code column."""
        return self._lead

    # -- the table -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self._matrix is None else len(self._matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() or self._matrix is None:
            return 0
        return self._lead + len(self._matrix.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self._matrix
        if matrix is None or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if section < self._lead:
            names = [tr(matrix.row_title), *matrix.spec.shown_attributes]
            return names[section] if role == Qt.ItemDataRole.DisplayRole else None
        column = matrix.columns[section - self._lead]
        if role == Qt.ItemDataRole.DisplayRole:
            return short_name(column.name)  # the full name (with its translation) in the tooltip
        if role == Qt.ItemDataRole.ToolTipRole:
            definition = html.escape(column.definition) if column.definition else ""
            path = html.escape(column.path.replace("/", " › "))
            return f"<p><b>{path}</b></p><p>{definition}</p>"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self._matrix
        if matrix is None or not index.isValid() or index.row() >= len(matrix.rows):
            return None
        row = matrix.rows[index.row()]
        if index.column() < self._lead:
            return self._lead_data(matrix, row, index.column(), role)
        column = matrix.columns[index.column() - self._lead]
        value = matrix.value(row.case_id, column.code_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(matrix, value)
        if role == Qt.ItemDataRole.EditRole:
            return value.text if isinstance(value, SummaryCell) else self._shown(matrix, value)
        if role == ObjectRole:
            return MatrixCell(row, column, value)
        if role == SortRole:
            return float(value) if matrix.spec.numeric else len(self._shown(matrix, value))
        if role == Qt.ItemDataRole.BackgroundRole and matrix.spec.numeric and value:
            return QColor(f"#{heat(float(value), self._highest)}")
        if role == Qt.ItemDataRole.TextAlignmentRole and matrix.spec.numeric:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(matrix, row, column, value)
        return None

    def _lead_data(self, matrix: Matrix, row: MatrixRow, column: int, role: int) -> Any:
        text = matrix.lead(row)[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == ObjectRole:
            return row
        if role == SortRole:
            return text.casefold()
        return None

    def _shown(self, matrix: Matrix, value: Any) -> str:
        if matrix.spec.cell == "passages":
            if not value:
                return ""
            quote, reference = passage_lines(value[0])
            more = tr(" (+{0} more)").format(len(value) - 1) if len(value) > 1 else ""
            return f"{quote[:_SHOWN_CHARACTERS]} {reference}{more}"
        return cell_text(matrix.spec.cell, value)

    def _tooltip(self, matrix: Matrix, row: MatrixRow, column: MatrixColumn, value: Any) -> str:
        where = f"{html.escape(row.name)} × {html.escape(column.name)}"
        if isinstance(value, SummaryCell):
            return (f"<p><b>{where}</b></p><p>{html.escape(value.text)}</p>"
                    f"<p><i>{html.escape(value.author)}, {value.modified:%Y-%m-%d}</i></p>")
        shown = html.escape(self._shown(matrix, value) or tr("nothing coded"))
        hint = tr("Click to list the passages")
        return f"<p><b>{where}</b></p><p>{shown}</p><p><i>{hint}</i></p>"

    # -- editing summaries -----------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if (self._matrix is not None and self._matrix.spec.cell == "summary"
                and index.isValid() and index.column() >= self._lead):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        matrix = self._matrix
        if (matrix is None or role != Qt.ItemDataRole.EditRole or not index.isValid()
                or not self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row = matrix.rows[index.row()]
        column = matrix.columns[index.column() - self._lead]
        self.summaryEdited.emit(row.case_id, column.code_id, str(value))
        return True
