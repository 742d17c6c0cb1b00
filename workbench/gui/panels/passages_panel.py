"""Retrieval: every passage coded with the codes chosen in the codebook, across cases, filterable
by case, coder, document kind and case attribute; a click opens the document at the passage."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.queries.code_tree import code_paths
from workbench.core.queries.passages import FilterChoices, Passage, filter_choices, list_passages
from workbench.core.services.changes import Changes
from workbench.gui.context import AppContext
from workbench.gui.filter_combos import refill, refill_values
from workbench.gui.i18n import tr
from workbench.gui.icons import icon
from workbench.gui.models.case_tree_model import kind_label
from workbench.gui.models.passages_model import (
    CODE,
    CODER,
    MEMO,
    PASSAGE,
    REFERENCE,
    ObjectRole,
    PassagesModel,
    SortRole,
)
from workbench.gui.stale import RefreshWhenShown

_ROW_BY_ROW = 50  # more changed codings than this: the list is read again in one go
_SHOWN_KINDS = {"coding", "code", "document", "case", "attribute", "coder"}
_MAX_NAMED_CODES = 3


def count_text(passages: list[Passage]) -> str:
    """``41 passages in 6 cases``."""
    cases = len({passage.case_id for passage in passages})
    return tr("{0} in {1}").format(tr("%n passage(s)", "", len(passages)),
                                   tr("%n case(s)", "", cases))


class _ElideMiddle(QStyledItemDelegate):
    """Keeps both ends of a long reference in sight: the case and the ¶ number."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class PassagesPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._refresh_later = RefreshWhenShown(self, self._refresh_after_change)
        self._code_ids: list[int] = []
        self._choices = FilterChoices()
        self.model = PassagesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self._make_actions()
        self._build()
        context.codesSelected.connect(self.show_codes)
        context.projectOpened.connect(self._on_project)
        context.projectClosed.connect(self._on_project)
        context.changed.connect(self._on_changed)
        self._on_project()

    # -- building --------------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.open_action = QAction(icon("document"), tr("Go to passage"), self)
        self.open_action.setToolTip(tr("Open the document at the selected passage"))
        self.open_action.triggered.connect(self.open_current)
        self.copy_action = QAction(tr("Copy passages with references"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.triggered.connect(self.copy_selected)
        for action in (self.open_action, self.copy_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def _build(self) -> None:
        self.codes_label = QLabel(self)
        self.codes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subcodes_check = QCheckBox(tr("Include sub-codes"), self)
        self.subcodes_check.setChecked(True)
        self.subcodes_check.toggled.connect(self.refresh)
        self.count_label = QLabel(self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.codes_label, 1)
        header.addWidget(self.subcodes_check)
        header.addSpacing(12)
        header.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addLayout(self._filters())
        layout.addWidget(self._table(), 1)

    def _filters(self) -> QHBoxLayout:
        self.case_combo = self._combo(tr("Filter by case"))
        self.coder_combo = self._combo(tr("Filter by coder"))
        self.kind_combo = self._combo(tr("Filter by document kind"))
        self.attribute_combo = self._combo(tr("Filter by a case attribute"))
        self.value_combo = self._combo(tr("The attribute's value"))
        self.attribute_combo.currentIndexChanged.disconnect(self.refresh)
        self.attribute_combo.currentIndexChanged.connect(self._attribute_chosen)
        row = QHBoxLayout()
        for label, combo in (
            (tr("Case"), self.case_combo),
            (tr("Coder"), self.coder_combo),
            (tr("Kind"), self.kind_combo),
            (tr("Attribute"), self.attribute_combo),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(combo)
            row.addWidget(caption)
            row.addWidget(combo)
            row.addSpacing(6)
        row.addWidget(self.value_combo)
        row.addStretch(1)
        return row

    def _combo(self, tooltip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setToolTip(tooltip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMinimumContentsLength(8)
        combo.currentIndexChanged.connect(self.refresh)
        return combo

    def _table(self) -> QTableView:
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(REFERENCE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        columns = self.view.horizontalHeader()
        columns.setStretchLastSection(False)
        columns.setSectionResizeMode(PASSAGE, QHeaderView.ResizeMode.Stretch)
        self.view.setItemDelegateForColumn(REFERENCE, _ElideMiddle(self.view))
        for column, width in ((REFERENCE, 320), (CODE, 180), (CODER, 80), (MEMO, 160)):
            columns.resizeSection(column, width)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addActions([self.open_action, self.copy_action])
        self.view.clicked.connect(self._open_index)
        self.view.installEventFilter(self)
        return self.view

    # -- what is shown ---------------------------------------------------------------------

    def show_codes(self, code_ids: list[int]) -> None:
        """Show the passages of these codes (and their sub-codes, if the box is ticked)."""
        self._code_ids = [int(code_id) for code_id in code_ids]
        if self._refresh_later.shown():
            self.refresh()
        else:
            self._refresh_later.stale = True  # read when the tab is shown

    def refresh(self) -> None:
        passages: list[Passage] = []
        names: list[str] = []
        if self.context.project is not None and self._code_ids:
            with self.context.reading() as session:
                paths = code_paths(session)
                names = [paths[code].rsplit("/", 1)[-1] for code in self._code_ids if code in paths]
                passages = list_passages(session, self._code_ids,
                                         include_subcodes=self.subcodes_check.isChecked(),
                                         **self._filter_arguments())
        self.model.set_passages(passages)
        self._names = names
        self._show_header(names, passages)

    def _update_rows(self, pending: list[Changes]) -> bool:
        """Bring the list up to date row by row after a few codings changed (a new coding adds
        a row and bumps the count); False when only a full refresh can place them."""
        refs = [ref for changes in pending
                for ref in (*changes.created, *changes.updated, *changes.deleted)]
        if (not self._code_ids or not refs or len(refs) > _ROW_BY_ROW
                or any(ref.kind != "coding" for ref in refs)):
            return False
        fresh = {ref.id for c in pending for ref in (*c.created, *c.updated)}
        gone = fresh | {ref.id for c in pending for ref in c.deleted}
        new: list[Passage] = []
        if fresh:
            with self.context.reading() as session:
                new = list_passages(session, self._code_ids,
                                    include_subcodes=self.subcodes_check.isChecked(),
                                    coding_ids=fresh, **self._filter_arguments())
        rows = [p for p in self.model.passages() if p.coding_id not in gone]
        places = []
        for passage in new:
            place = _reading_place(rows, passage)
            if place is None:
                return False
            rows.insert(place, passage)
            places.append((place, passage))
        for position in reversed(range(self.model.rowCount())):
            if self.model.passage(position).coding_id in gone:
                self.model.remove_row(position)
        for place, passage in places:
            self.model.insert_row(place, passage)
        self._show_header(self._names, rows)
        return True

    def _show_header(self, names: list[str], passages: list[Passage]) -> None:
        if not names:
            self.codes_label.setText(tr("Select one or more codes in the codebook to see "
                                        "their passages."))
            self.count_label.clear()
            return
        shown = ", ".join(names[:_MAX_NAMED_CODES])
        if len(names) > _MAX_NAMED_CODES:
            shown += tr(" and {0} more").format(len(names) - _MAX_NAMED_CODES)
        self.codes_label.setText(tr("Coded {0}").format(shown))
        self.count_label.setText(count_text(passages))

    def _filter_arguments(self) -> dict[str, Any]:
        arguments: dict[str, Any] = {}
        if self.case_combo.currentData() is not None:
            arguments["case_ids"] = [self.case_combo.currentData()]
        if self.coder_combo.currentData() is not None:
            arguments["coders"] = [self.coder_combo.currentData()]
        if self.kind_combo.currentData() is not None:
            arguments["kinds"] = [self.kind_combo.currentData()]
        attribute, value = self.attribute_combo.currentData(), self.value_combo.currentData()
        if attribute is not None and value is not None:
            arguments["attributes"] = {attribute: [value]}
        return arguments

    # -- the filters -----------------------------------------------------------------------

    def _load_choices(self) -> None:
        self._choices_stale = False
        self._pending_changes: list[Changes] = []
        choices = FilterChoices()
        if self.context.project is not None:
            with self.context.reading() as session:
                choices = filter_choices(session)
        self._choices = choices
        refill(self.case_combo, tr("All cases"), [(name, case) for case, name in choices.cases])
        refill(
            self.coder_combo, tr("All coders"), [(name, coder) for coder, name in choices.coders]
        )
        refill(
            self.kind_combo, tr("All kinds"), [(kind_label(kind), kind) for kind in choices.kinds]
        )
        refill(self.attribute_combo, tr("Any attribute"),
              [(name, name) for name in choices.attributes])
        self._fill_values()

    def _fill_values(self) -> None:
        refill_values(self.value_combo, self.attribute_combo.currentData(), self._choices)

    def _attribute_chosen(self) -> None:
        self._fill_values()
        self.refresh()

    def clear_filters(self) -> None:
        for combo in (self.case_combo, self.coder_combo, self.kind_combo, self.attribute_combo):
            combo.setCurrentIndex(0)

    # -- reacting to the project -----------------------------------------------------------

    def _on_project(self) -> None:
        self._code_ids = []
        self._load_choices()
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.kinds & _SHOWN_KINDS:
            # the filters' choices (cases, coders, kinds, attributes) stay as they are while
            # only codings change
            self._choices_stale = self._choices_stale or not changes.kinds <= {"coding"}
            self._pending_changes.append(changes)
            self._refresh_later()  # after the document view and codebook have drawn the change

    @property
    def _refresh_pending(self) -> bool:
        return self._refresh_later.pending

    def _refresh_after_change(self) -> None:
        pending, self._pending_changes = self._pending_changes, []
        if self.context.project is None:
            return
        if self._choices_stale:
            self._load_choices()
        elif self._update_rows(pending):
            return
        self.refresh()

    # -- going to a passage ----------------------------------------------------------------

    def current_passage(self) -> Passage | None:
        index = self.view.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def open_current(self) -> None:
        self._open_index(self.view.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        passage = index.data(ObjectRole) if index.isValid() else None
        if passage is not None:
            self.context.open_document(passage.document_id, passage.start, passage.end)

    def copy_selected(self) -> None:
        """Copy the selected passages, each with its reference, for the write-up."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        passages = [self.proxy.index(row, 0).data(ObjectRole) for row in rows]
        text = "\n\n".join(f"{p.text.strip()}\n({p.reference}, {_leaf(p.code)}, {p.coder})"
                           for p in passages)
        if text:
            QGuiApplication.clipboard().setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.open_current()
            return True
        return super().eventFilter(watched, event)


def _reading_place(rows: list[Passage], passage: Passage) -> int | None:
    """Where a passage goes among rows in reading order: after its document's earlier passages
    (None if its document has no row yet: only the core knows where documents stand)."""
    key = (passage.start, passage.end, passage.coding_id)
    same = [i for i, row in enumerate(rows) if row.document_id == passage.document_id]
    if not same:
        return None
    before = [i for i in same if (rows[i].start, rows[i].end, rows[i].coding_id) < key]
    return before[-1] + 1 if before else same[0]


def _leaf(path: str) -> str:
    return path.rsplit("/", 1)[-1]
