"""Memos on the current target (the project, a case, document or code): list, write, save,
delete."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import NotFoundError
from workbench.core.queries.memos import MemoRow, list_memos, memo_target_name
from workbench.core.services.changes import Changes
from workbench.core.services.memos import MemoTarget, create_memo, delete_memo, update_memo
from workbench.gui.context import AppContext
from workbench.gui.i18n import date_time, tr
from workbench.gui.icons import icon

TITLE, AUTHOR, DATE = range(3)
_ID = Qt.ItemDataRole.UserRole


def _target_label(kind: str, name: str) -> str:
    labels = {"project": tr("Memos on the project '{name}'"), "case": tr("Memos on case '{name}'"),
              "document": tr("Memos on document '{name}'"), "code": tr("Memos on code '{name}'"),
              "coding": tr("Memos on a coding in '{name}'")}
    return labels.get(kind, "{name}").format(name=name)


def _local_time(moment: datetime) -> str:
    """A stored UTC time as the researcher's local date and time."""
    local = moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return date_time(local)  # in the interface locale's format


class MemoPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.target: tuple[str, int | None] = ("project", None)
        self.memos: list[MemoRow] = []
        self._memo_id: int | None = None  # the memo in the editor
        self._dirty = False
        self._make_actions()
        self._build()
        context.projectOpened.connect(lambda: self.show_target("project", None, force=True))
        context.projectClosed.connect(lambda: self.show_target("project", None, force=True))
        context.changed.connect(self._on_changed)
        context.documentRequested.connect(lambda document_id, *_: self.show_target(
            "document", document_id))
        context.codesSelected.connect(self._on_codes_selected)
        self.show_target("project", None, force=True)

    def _make_actions(self) -> None:
        self.new_memo_action = QAction(icon("new"), tr("New memo…"), self)
        self.new_memo_action.triggered.connect(self.new_memo)
        self.save_action = QAction(icon("save"), tr("Save memo"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.delete_action = QAction(icon("delete"), tr("Delete memo…"), self)
        self.delete_action.triggered.connect(self.delete_selected)
        self.addActions([self.new_memo_action, self.save_action, self.delete_action])

    def _build(self) -> None:
        self.target_label = QLabel(self)
        self.target_label.setWordWrap(True)
        font = self.target_label.font()
        font.setBold(True)
        self.target_label.setFont(font)
        toolbar = QToolBar(self)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(toolbar.iconSize() * 0.75)
        toolbar.addActions([self.new_memo_action, self.save_action, self.delete_action])
        self.memo_list = QTreeWidget(self)
        self.memo_list.setHeaderLabels([tr("Title"), tr("Author"), tr("Modified")])
        self.memo_list.setRootIsDecorated(False)
        self.memo_list.setUniformRowHeights(True)
        self.memo_list.setSortingEnabled(True)
        self.memo_list.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self.memo_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.memo_list.header().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.memo_list.header().setStretchLastSection(False)
        for column in (AUTHOR, DATE):
            self.memo_list.header().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        self.memo_list.currentItemChanged.connect(self._on_current_changed)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(tr("Memo title"))
        self.title_edit.textChanged.connect(self._mark_dirty)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText(tr("Select a memo, or write a new one."))
        self.text_edit.textChanged.connect(self._mark_dirty)
        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.title_edit)
        editor_layout.addWidget(self.text_edit)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.memo_list)
        splitter.addWidget(editor)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.target_label)
        layout.addWidget(toolbar)
        layout.addWidget(splitter)

    # -- the target ------------------------------------------------------------------------

    def show_target(self, kind: str, target_id: int | None = None, *, force: bool = False) -> None:
        """Show the memos on the project (``kind="project"``) or on one
        case/document/code/coding."""
        target = (kind, None if kind == "project" or target_id is None or target_id < 0
                  else target_id)
        if target == self.target and not force:
            return
        self.save()
        self.target = target
        self._load(None)
        self.refresh()

    def refresh(self) -> None:
        self.memos, name = [], ""
        if self.context.project is not None:
            kind, target_id = self.target
            try:
                with self.context.reading() as session:
                    name = memo_target_name(session, kind, target_id)
                    self.memos = list_memos(session, kind, target_id)
            except NotFoundError:  # the target was deleted
                self.show_target("project", None)
                return
        self.target_label.setText(_target_label(self.target[0], name)
                                  if self.context.project is not None else tr("No project open"))
        self._fill_list()
        self._update_actions()

    def _fill_list(self) -> None:
        rows = {memo.id: memo for memo in self.memos}
        items = [item for i in range(self.memo_list.topLevelItemCount())
                 if (item := self.memo_list.topLevelItem(i)) is not None]
        if sorted(rows) == sorted(item.data(TITLE, _ID) for item in items):
            for item in items:  # same memos: update in place (this may run inside a list signal)
                _show_row(item, rows[item.data(TITLE, _ID)])
            return
        self.memo_list.blockSignals(True)
        self.memo_list.clear()
        for memo in self.memos:
            item = QTreeWidgetItem(self.memo_list)
            item.setIcon(TITLE, icon("memo"))
            _show_row(item, memo)
            if memo.id == self._memo_id:
                self.memo_list.setCurrentItem(item)
        self.memo_list.blockSignals(False)
        if self._memo_id is not None and self._memo_id not in rows:
            self._load(None)  # the memo in the editor was deleted

    def _on_changed(self, changes: Changes) -> None:
        kind, target_id = self.target
        if any(ref.kind == kind and ref.id == target_id for ref in changes.deleted):
            self._dirty = False  # its memos went with it
            self.show_target("project", None)
        elif changes.kinds & {"memo", kind}:
            self.refresh()

    def _on_codes_selected(self, code_ids: list[int]) -> None:
        if len(code_ids) == 1:
            self.show_target("code", code_ids[0])

    # -- the memo in the editor ------------------------------------------------------------

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self.save()
        self._load(current.data(TITLE, _ID) if current is not None else None)

    def _load(self, memo_id: int | None) -> None:
        memo = next((m for m in self.memos if m.id == memo_id), None)
        self._memo_id = memo.id if memo is not None else None
        for widget in (self.title_edit, self.text_edit):
            widget.blockSignals(True)
        self.title_edit.setText(memo.title if memo else "")
        self.text_edit.setPlainText(memo.text if memo else "")
        for widget in (self.title_edit, self.text_edit):
            widget.blockSignals(False)
            widget.setEnabled(memo is not None)
        self._dirty = False
        self._update_actions()

    def _mark_dirty(self, *_args: object) -> None:
        if self._memo_id is not None:
            self._dirty = True
            self._update_actions()

    def _update_actions(self) -> None:
        writable = self.context.writable
        self.new_memo_action.setEnabled(writable)
        self.save_action.setEnabled(writable and self._dirty)
        self.delete_action.setEnabled(writable and self._memo_id is not None)

    # -- actions ---------------------------------------------------------------------------

    def save(self) -> None:
        """Store the edited memo (also done before another memo or target is shown)."""
        if not self._dirty or self._memo_id is None:
            return
        self._dirty = False
        changes = self.context.run(update_memo, self._memo_id, title=self.title_edit.text(),
                                   text=self.text_edit.toPlainText())
        if changes is None:
            self._dirty = True  # refused (an empty title): keep the text for the researcher
        self._update_actions()

    def new_memo(self) -> None:
        self.save()
        title = self.context.prompts.ask_text(self, tr("Title of the new memo:"), tr("New memo"))
        if title is None:
            return
        kind, target_id = self.target
        changes = self.context.run(create_memo, title, "", author=self.context.coder or None,
                                   target=MemoTarget(kind, target_id))
        if changes is not None:
            self.select_memo(next(ref.id for ref in changes.created if ref.kind == "memo"))
            self.text_edit.setFocus()

    def delete_selected(self) -> None:
        memo = next((m for m in self.memos if m.id == self._memo_id), None)
        if memo is None:
            return
        question = tr("Delete the memo '{title}'?").format(title=memo.title)
        if self.context.prompts.confirm(self, question, tr("Delete memo")):
            self._dirty = False
            self.context.run(delete_memo, memo.id)

    def select_memo(self, memo_id: int) -> None:
        for row in range(self.memo_list.topLevelItemCount()):
            item = self.memo_list.topLevelItem(row)
            if item is not None and item.data(TITLE, _ID) == memo_id:
                self.memo_list.setCurrentItem(item)
                return


def _show_row(item: QTreeWidgetItem, memo: MemoRow) -> None:
    item.setData(TITLE, _ID, memo.id)
    item.setText(TITLE, memo.title)
    item.setText(AUTHOR, memo.author or "—")
    item.setText(DATE, _local_time(memo.modified_at))
    item.setToolTip(TITLE, memo.text[:400])
