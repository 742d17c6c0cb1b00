"""Edit > History: the project's audit trail (who did what, and when), read from the change
journal by the core (services/audit_trail.py). Read-only; it follows the project as it changes."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.services.audit_trail import (
    ChangedEntity,
    HistoryEntry,
    StepKey,
    project_history,
)
from workbench.core.services.changes import Changes
from workbench.core.storage.undo_log import MAX_STEPS
from workbench.gui.change_summary import counted
from workbench.gui.context import AppContext
from workbench.gui.i18n import date_time, tr
from workbench.gui.window_layout import fit_size

TIME, CODER, ACTION, CHANGED = range(4)
# The table names a lone entity of a kind and counts the rest; the tooltip lists this many.
NAMED_AT_MOST = 30


def open_history_dialog(context: AppContext, parent: QWidget | None = None) -> HistoryDialog:
    """Show the history (not modal: the researcher keeps working beside it)."""
    dialog = HistoryDialog(context, parent)
    dialog.show()
    return dialog


class HistoryDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # Each step's journal, read once while the dialog is open (see project_history).
        self._read: dict[StepKey, Changes] = {}
        self.setWindowTitle(tr("History"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        explanation = QLabel(tr(
            "What was done in this project, newest first: the actions Undo remembers (the last "
            "200). An action that was undone is listed as its undo."))
        explanation.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [tr("Time"), tr("Coder"), tr("Action"), tr("What changed")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (TIME, CODER, ACTION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHANGED, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_size(self, 960, 560)
        context.changed.connect(self.refresh)
        context.projectClosed.connect(self.close)
        self.refresh()

    def refresh(self, *_changes: object) -> None:
        project = self.context.project
        if len(self._read) > 2 * MAX_STEPS:  # steps undone or trimmed since it opened
            self._read.clear()
        history = [] if project is None else project_history(
            project, name_at_most=NAMED_AT_MOST, read=self._read)
        self.table.setRowCount(len(history))
        for row, entry in enumerate(history):
            action = f"{tr('Undo')} {entry.action}" if entry.undo else entry.action
            cells = (_local_time(entry.at), entry.coder, action, what_changed(entry))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(_details(entry) if column == CHANGED else text)
                self.table.setItem(row, column, item)


def what_changed(entry: HistoryEntry) -> str:
    """``Added: 1 document (Interview met Zoë), 2 codings.`` in the interface language."""
    parts = []
    for group, sentence in (("created", tr("Added: {0}.")), ("updated", tr("Changed: {0}.")),
                            ("deleted", tr("Removed: {0}."))):
        entities: tuple[ChangedEntity, ...] = getattr(entry, group)
        listed = []
        for kind, count in entry.count(group).items():
            names = [entity.name for entity in entities if entity.kind == kind and entity.name]
            named = f" ({names[0]})" if count == 1 and names else ""
            listed.append(counted(kind, count) + named)
        if listed:
            parts.append(sentence.format(", ".join(listed)))
    return " ".join(parts)


def _details(entry: HistoryEntry) -> str:
    """Every entity the action touched, one a line, with its UUID (for the tooltip)."""
    lines = [f"{entity.kind} {entity.name or '—'} {entity.uuid}"
             for group in ("created", "updated", "deleted")
             for entity in getattr(entry, group)[:NAMED_AT_MOST]]
    return "\n".join(lines)


def _local_time(moment: datetime | None) -> str:
    """The journal keeps UTC; people read their own clock."""
    if moment is None:
        return "?"
    return date_time(moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None))
