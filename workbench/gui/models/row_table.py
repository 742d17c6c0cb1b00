"""A table model over a plain Python list of rows (napari's habit: a generic adapter).

Subclasses name their columns and say what a cell shows; the model hands out the row object
(ObjectRole) and a sort key (SortRole), and never runs a query.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from workbench.gui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

ObjectRole = Qt.ItemDataRole.UserRole + 1  # the row object
SortRole = Qt.ItemDataRole.UserRole + 2


class RowTableModel(QAbstractTableModel, Generic[Row]):
    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def insert_row(self, position: int, row: Row) -> None:
        """One row more, without resetting the model (views keep their place and selection)."""
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, row)
        self.endInsertRows()

    def remove_row(self, position: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self.endRemoveRows()

    def row_object(self, row: int) -> Row:
        return self._rows[row]

    # -- what a subclass says ---------------------------------------------------------------

    def display(self, item: Row, column: int) -> Any:
        raise NotImplementedError

    def cell(self, item: Row, column: int, role: int) -> Any:
        """Roles other than display, object and sort (tooltips, icons, ...)."""
        return None

    def sort_key(self, item: Row, row: int, column: int) -> Any:
        value = self.display(item, column)
        return value.casefold() if isinstance(value, str) else value

    # -- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return tr(self.headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == ObjectRole:
            return item
        if role == SortRole:
            return self.sort_key(item, index.row(), column)
        return self.cell(item, column, role)
