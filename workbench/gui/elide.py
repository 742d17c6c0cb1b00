"""Long names keep both ends in sight ("Basisschool…Klaverveld"); the tooltip has them in full."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem


class MiddleElide(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


def elide_names_in_the_middle(view: QAbstractItemView, column: int) -> MiddleElide:
    delegate = MiddleElide(view)
    view.setItemDelegateForColumn(column, delegate)
    return delegate
