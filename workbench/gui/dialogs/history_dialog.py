"""Edit > History: the project's audit trail (who did what, and when), read from the append-only
action log by the core (services/audit_trail.py). Read-only; it follows the project as it
changes. The researcher filters by coder, entity kind and dates, and selects an action to see
every entity it added, changed and removed."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.services.audit_trail import (
    GROUPS,
    ChangedEntity,
    HistoryEntry,
    Logged,
    entity_names,
    history_coders,
    project_history,
)
from workbench.gui.action_labels import shown_label
from workbench.gui.change_summary import counted
from workbench.gui.context import AppContext
from workbench.gui.dialogs.history_filters import KIND_NAMES, HistoryFilters
from workbench.gui.i18n import date_time, number, tr
from workbench.gui.window_layout import fit_size

TIME, CODER, ACTION, CHANGED = range(4)
NAME = 2  # the entities table's column of names
# The table names a lone entity of a kind and counts the rest; the tooltip lists this many.
NAMED_AT_MOST = 30
# The newest actions shown (the log grows for as long as the project lives, and the table is
# rebuilt after each action while the dialog is open); the filters reach older ones.
SHOWN_AT_MOST = 500
# The entities of one action listed below the table.
LISTED_AT_MOST = 500


def open_history_dialog(context: AppContext, parent: QWidget | None = None) -> HistoryDialog:
    """Show the history (not modal: the researcher keeps working beside it)."""
    dialog = HistoryDialog(context, parent)
    dialog.show()
    return dialog


def _table(headers: list[str], stretch: int) -> QTableWidget:
    """A read-only table of whole rows; the column ``stretch`` takes the room the rest leave."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table


class HistoryDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # Each action's entities, read once while the dialog is open (a logged action never
        # changes; see project_history).
        self._read: dict[int, Logged] = {}
        self.history: list[HistoryEntry] = []
        self.setWindowTitle(tr("History"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        explanation = QLabel(tr(
            "Everything done in this project, newest first: who did it, when, and what it "
            "added, changed and removed. Undo and redo are actions too; nothing is ever taken "
            "out of this history. Select an action to see each thing it changed."))
        explanation.setWordWrap(True)
        self.filters = HistoryFilters()
        self.filters.changed.connect(self.refresh)
        self.table = _table([tr("Time"), tr("Coder"), tr("Action"), tr("What changed")], CHANGED)
        self.table.itemSelectionChanged.connect(self._list_entities)
        self.entities = _table([tr("Change"), tr("Kind"), tr("Name"), tr("UUID")], NAME)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.entities)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (explanation, self.filters, splitter, self.note, buttons):
            layout.addWidget(widget)
        fit_size(self, 1040, 640)
        context.changed.connect(self.refresh)
        context.projectClosed.connect(self.close)
        self.refresh()

    def refresh(self, *_changes: object) -> None:
        project = self.context.project
        chosen = self.filters.chosen()
        if project is None:
            history: list[HistoryEntry] = []
        else:
            self.filters.set_coders(history_coders(project))
            history = project_history(
                project, coder=chosen.coder, kind=chosen.kind, since=chosen.since,
                until=chosen.until, limit=SHOWN_AT_MOST + 1, name_at_most=NAMED_AT_MOST,
                read=self._read)
        more = len(history) > SHOWN_AT_MOST
        selected = self._selected()
        self.history = history[:SHOWN_AT_MOST]
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.history))
        for row, entry in enumerate(self.history):
            cells = (_local_time(entry.at), entry.coder, title(entry), what_changed(entry))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(_details(entry) if column == CHANGED else text)
                if entry.copied:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        steps = [entry.step for entry in self.history]
        if selected is not None and selected.step in steps:
            self.table.selectRow(steps.index(selected.step))
        self.table.blockSignals(False)
        self._list_entities()
        self._explain(more, chosen.any)

    def _explain(self, more: bool, filtered: bool) -> None:
        notes = []
        if more:
            notes.append(tr("Showing the newest {0} actions; choose a coder, a kind or dates "
                            "to see older ones.").format(number(SHOWN_AT_MOST)))
        elif not self.history:
            notes.append(tr("No action matches these filters.") if filtered
                         else tr("Nothing has been done in this project yet."))
        if any(entry.copied for entry in self.history):
            notes.append(tr("Actions in italics were recorded before project format 6: only the "
                            "last 200 actions before the project was upgraded are known, and an "
                            "undone action only by its undo."))
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))

    def _selected(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.history[rows[0].row()] if rows and rows[0].row() < len(self.history) \
            else None

    def _list_entities(self) -> None:
        """Every entity the selected action added, changed and removed, named where it still
        exists, with its UUID."""
        entry = self._selected()
        listed: list[tuple[str, ChangedEntity]] = [] if entry is None else [
            (group, entity) for group in GROUPS for entity in getattr(entry, group)]
        shown = listed[:LISTED_AT_MOST]
        project = self.context.project
        unnamed = [(entity.kind, entity.uuid) for _group, entity in shown if not entity.name]
        names = entity_names(project, unnamed) if project is not None and unnamed else {}
        verbs = {"created": tr("added"), "updated": tr("changed"), "deleted": tr("removed")}
        self.entities.setRowCount(len(shown) + (len(listed) > len(shown)))
        for row, (group, entity) in enumerate(shown):
            name = entity.name or names.get((entity.kind, entity.uuid)) or tr(
                "(no longer in the project)")
            kind = tr(KIND_NAMES[entity.kind]) if entity.kind in KIND_NAMES else entity.kind
            for column, text in enumerate((verbs[group], kind, name, entity.uuid)):
                self.entities.setItem(row, column, QTableWidgetItem(text))
        if len(listed) > len(shown):
            self.entities.setItem(len(shown), 0, QTableWidgetItem(
                tr("… and {0} more").format(number(len(listed) - len(shown)))))


def title(entry: HistoryEntry) -> str:
    """``Undo: Delete document`` in the interface language (the action's label is the core's)."""
    action = shown_label(entry.action)
    if entry.undo:
        return tr("Undo: {0}").format(action)
    if entry.redo:
        return tr("Redo: {0}").format(action)
    return action


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
             for group in GROUPS for entity in getattr(entry, group)[:NAMED_AT_MOST]]
    return "\n".join(lines)


def _local_time(moment: datetime | None) -> str:
    """The log keeps UTC; people read their own clock."""
    if moment is None:
        return "?"
    return date_time(moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None))
