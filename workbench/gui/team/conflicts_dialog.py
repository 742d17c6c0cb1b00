"""Team > Conflicts: every conflicting edit the team server listed, to review and flip.

Each row names the entity (its kind and name here), the field, the value kept and who made it,
the value lost and who made it, and when. *Flip* takes the lost value instead (the core writes
it and synchronises, so it needs the server); flipping again takes the first value back. The
list is the one the last sync copied into the project file, read in the team worker: it shows
offline too, saying when it was last brought up to date.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.team import api
from workbench.gui.context import AppContext
from workbench.gui.i18n import QT_TR_NOOP, tr
from workbench.gui.team.conflict_rows import ConflictRow, read_conflicts
from workbench.gui.team.session import TeamSession

KIND_NAMES = {"code": QT_TR_NOOP("Code"), "case": QT_TR_NOOP("Case"),
              "attribute": QT_TR_NOOP("Attribute"), "document": QT_TR_NOOP("Document"),
              "coder": QT_TR_NOOP("Coder"), "coding": QT_TR_NOOP("Coding"),
              "memo": QT_TR_NOOP("Memo"), "summary": QT_TR_NOOP("Summary")}
SHOWN_CHARACTERS = 60
VALUE_COLUMN_WIDTH = 220  # pixels at most for a kept or lost value
COLUMNS = (QT_TR_NOOP("What"), QT_TR_NOOP("Field"), QT_TR_NOOP("Kept value"),
           QT_TR_NOOP("Kept by"), QT_TR_NOOP("Lost value"), QT_TR_NOOP("Lost by"),
           QT_TR_NOOP("When"), QT_TR_NOOP("State"))
WHAT, FIELD, KEPT, KEPT_BY, LOST, LOST_BY, WHEN, STATE = range(len(COLUMNS))
ObjectRole = Qt.ItemDataRole.UserRole
_ROOT = QModelIndex()


def _value(value: Any) -> str:
    return "" if value is None else api.describe(value)


def _short(text: str) -> str:
    """One line of at most :data:`SHOWN_CHARACTERS` (a definition may run long)."""
    line = " ".join(text.split())
    return line if len(line) <= SHOWN_CHARACTERS else line[:SHOWN_CHARACTERS - 1] + "…"


class ConflictsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ConflictRow] = []

    def set_rows(self, rows: list[ConflictRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ObjectRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._text(row, index.column())
            return _short(text) if index.column() in (KEPT, LOST) else text
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (KEPT, LOST):
            return self._text(row, index.column())
        return None

    @staticmethod
    def _text(row: ConflictRow, column: int) -> str:
        conflict = row.conflict
        if column == WHAT:
            kind = tr(KIND_NAMES.get(conflict.kind, conflict.kind))
            return f"{kind}: {row.name}" if row.name else kind
        if column == FIELD:
            return row.field
        if column == KEPT:
            return row.kept if row.kept is not None else _value(conflict.kept)
        if column == KEPT_BY:
            return conflict.kept_by or ""
        if column == LOST:
            if row.lost is not None:
                return row.lost
            return _value(conflict.lost) if conflict.lost is not None else tr("(a deletion)")
        if column == LOST_BY:
            return conflict.lost_by or ""
        if column == WHEN:
            return conflict.at
        return tr("flipped") if conflict.flipped else tr("open")


class ConflictsDialog(QDialog):
    def __init__(self, context: AppContext, session: TeamSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.setWindowTitle(tr("Conflicts in the team project"))
        self.resize(1100, 420)
        intro = QLabel(tr("Two coders changed the same field since they last synchronised. Every "
                          "copy kept the same value; the other is listed here. Flip takes the "
                          "lost value instead (and synchronises)."), self)
        intro.setWordWrap(True)
        self.model = ConflictsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.state_label = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.flip_button = QPushButton(tr("&Flip: take the lost value"), self)
        self.refresh_button = QPushButton(tr("&Refresh"), self)
        self.buttons.addButton(self.flip_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.flip_button.clicked.connect(self.flip_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state_label)
        layout.addWidget(self.buttons)
        session.progress.connect(self._progress)
        self._loading = False
        self._update_buttons()

    def _progress(self, _done: int, _total: int, message: str) -> None:
        if self._loading:
            self.state_label.setText(message)

    # -- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        project = self.context.project
        if project is None:
            return

        def job(_control: object) -> tuple[list[ConflictRow], str | None]:
            return read_conflicts(project), api.last_synchronised(project)

        if self.session.run(job, self._show, self._failed):
            self._set_loading(True, tr("Reading the conflicts…"))
        else:
            self.state_label.setText(tr("Another team task is running; Refresh when it ends."))

    def _show(self, found: tuple[list[ConflictRow], str | None]) -> None:
        rows, synced_at = found
        still_open = tr("%n conflict(s) still open", "",
                        sum(1 for row in rows if not row.conflict.flipped))
        self._set_loading(False, tr("{0}, as of the last sync ({1}).").format(
            still_open, synced_at or tr("never")))
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for column in (KEPT, LOST):  # a long value is elided (whole in its tooltip): all fit
            self.table.setColumnWidth(column, min(self.table.columnWidth(column),
                                                  VALUE_COLUMN_WIDTH))
        self._update_buttons()

    def _failed(self, message: str) -> None:
        self._set_loading(False, message)
        self.context.prompts.error(self, message, self.windowTitle())

    def _set_loading(self, loading: bool, text: str) -> None:
        self._loading = loading
        self.state_label.setText(text)
        self._update_buttons()

    # -- flipping ------------------------------------------------------------------------------

    def selected(self) -> ConflictRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.flip_button.setEnabled(not self._loading and chosen is not None and chosen.can_flip
                                    and self.context.writable)
        self.refresh_button.setEnabled(not self._loading)
        if chosen is not None and not chosen.can_flip:
            self.flip_button.setToolTip(tr("A lost deletion or whole row cannot be flipped "
                                           "back: re-enter its value by hand."))
        else:
            self.flip_button.setToolTip("")

    def flip_selected(self) -> None:
        chosen, project = self.selected(), self.context.project
        if chosen is None or project is None:
            return
        if self.session.flip(chosen.conflict.id, lambda _outcome: self.refresh(), self._failed,
                             self._login_refused):
            self._set_loading(True, tr("Taking the lost value…"))

    def _login_refused(self, message: str) -> None:
        """Ask for the password again and flip once more; cancelling is one message."""
        self._set_loading(False, "")
        if self.session.ask_password(self, message):
            self.flip_selected()
        else:
            self._failed(message)


def open_conflicts_dialog(context: AppContext, session: TeamSession,
                          parent: QWidget | None = None) -> ConflictsDialog:
    dialog = ConflictsDialog(context, session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.refresh()
    return dialog
