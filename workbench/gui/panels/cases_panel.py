"""The cases and their documents: add, rename, delete, import into, move between cases, open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.queries.listing import CaseRow, DocumentRow, list_documents
from workbench.core.services.cases import create_case, delete_case, rename_case
from workbench.core.services.documents import delete_document, move_document, rename_document
from workbench.gui.context import AppContext
from workbench.gui.elide import elide_names_in_the_middle
from workbench.gui.i18n import tr
from workbench.gui.icons import icon
from workbench.gui.models.case_tree_model import (
    KIND,
    NAME,
    WORDS,
    CaseTreeModel,
    ObjectRole,
    SortRole,
)

if TYPE_CHECKING:  # the dialog (and the importers) loads when first opened
    from workbench.gui.dialogs.import_dialog import ImportDialog

Row = CaseRow | DocumentRow


EXPAND_UP_TO = 200  # documents: a larger project opens with its cases folded


class CasesPanel(QWidget):
    caseSelected = Signal(int)  # the selected case, or the selected document's case; -1: none
    targetSelected = Signal(str, int)  # "case" / "document" and its id, or ("project", -1)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.import_dialog: ImportDialog | None = None
        self._collapsed: set[int] | None = None  # None: nothing remembered yet (a new project)
        self._keep: tuple[str, int] | None = None
        self.model = CaseTreeModel(context, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._make_actions()
        self._build()
        self.model.modelAboutToBeReset.connect(self._remember_view)
        self.model.modelReset.connect(self._restore_view)
        context.projectOpened.connect(self._update_actions)
        context.projectClosed.connect(self._update_actions)
        context.projectClosed.connect(self._forget_view)
        context.documentRequested.connect(lambda document_id, *_: self.select_document(document_id))
        self._restore_view()

    # -- building --------------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.new_case_action = self._action(tr("New case…"), "case", self.add_case)
        self.import_action = self._action(tr("Import documents…"), "import", self.import_documents)
        self.rename_action = self._action(tr("Rename…"), "", self.rename_selected)
        self.rename_action.setShortcut(Qt.Key.Key_F2)
        self.delete_action = self._action(tr("Delete…"), "delete", self.delete_selected)
        self.delete_action.setShortcut(Qt.Key.Key_Delete)
        for action in (self.rename_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.move_menu = QMenu(tr("Move to case"), self)
        self.new_case_action.setToolTip(tr("Add a case (a fieldwork site)"))
        self.import_action.setToolTip(
            tr("Import transcripts and fieldnotes into the selected case"))

    def _action(self, text: str, icon_name: str, slot: object) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build(self) -> None:
        toolbar = QToolBar(self)
        toolbar.setIconSize(toolbar.iconSize() * 0.75)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.new_case_action)
        toolbar.addAction(self.import_action)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(tr("Filter cases and documents"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the researcher's own order
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_menu)
        self.tree.clicked.connect(self._open_if_document)
        self.tree.installEventFilter(self)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        elide_names_in_the_middle(self.tree, NAME)  # "Basis…Linde"; the tooltip has it in full
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font, not from the contents: sizing to contents reads every row,
        # which takes seconds in a project of a thousand documents.
        metrics = self.tree.fontMetrics()
        for column, sample in ((KIND, "Veldnotitie"), (WORDS, "99,999")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(toolbar)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)

    # -- selection -------------------------------------------------------------------------

    def selected(self) -> Row | None:
        index = self.tree.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def current_case_id(self) -> int | None:
        """The selected case, or the case of the selected document."""
        row = self.selected()
        if isinstance(row, CaseRow):
            return row.id
        return row.case_id if isinstance(row, DocumentRow) else None

    def select_case(self, case_id: int) -> None:
        self._select(self.model.case_index(case_id))

    def select_document(self, document_id: int) -> None:
        self._select(self.model.document_index(document_id))

    def _select(self, source: QModelIndex) -> None:
        index = self.proxy.mapFromSource(source)
        if index.isValid() and index != self.tree.currentIndex():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ObjectRole) if current.isValid() else None
        self._update_actions()
        if isinstance(row, CaseRow):
            self.caseSelected.emit(row.id)
            self.targetSelected.emit("case", row.id)
        elif isinstance(row, DocumentRow):
            self.caseSelected.emit(row.case_id)
            self.targetSelected.emit("document", row.id)
        else:
            self.caseSelected.emit(-1)
            self.targetSelected.emit("project", -1)

    def _open_if_document(self, index: QModelIndex) -> None:
        row = index.data(ObjectRole)
        if isinstance(row, DocumentRow):
            self.context.open_document(row.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.tree and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(self.selected(), DocumentRow)):
            self._open_if_document(self.tree.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()

    # -- keeping the view across refreshes -------------------------------------------------

    def _forget_view(self) -> None:
        self._collapsed = None

    def _remember_view(self) -> None:
        if not self.model.cases():  # an empty tree (no project yet) has nothing to remember
            return
        self._collapsed = {
            row.id for row in self.model.cases()
            if not self.tree.isExpanded(self.proxy.mapFromSource(self.model.case_index(row.id)))}
        selected = self.selected()
        if selected is not None:
            self._keep = ("case" if isinstance(selected, CaseRow) else "document", selected.id)

    def _restore_view(self) -> None:
        cases = self.model.cases()
        if self._collapsed is None and cases:  # first view of a project: unfold if few documents
            documents = sum(case.documents for case in cases)
            self._collapsed = set() if documents <= EXPAND_UP_TO else {case.id for case in cases}
        for case in cases:
            index = self.proxy.mapFromSource(self.model.case_index(case.id))
            self.tree.setExpanded(index, case.id not in (self._collapsed or set()))
        kept, self._keep = self._keep, None
        if kept is not None and kept[0] == "case":
            self.select_case(kept[1])
        elif kept is not None:
            self.select_document(kept[1])
        if not self.tree.currentIndex().isValid() and kept is not None:
            self._on_current_changed(QModelIndex(), QModelIndex())  # what was selected is gone
        self._update_actions()

    def _update_actions(self) -> None:
        writable = self.context.writable
        row = self.selected()
        for action in (self.new_case_action, self.import_action):
            action.setEnabled(writable)
        self.rename_action.setEnabled(writable and row is not None)
        self.delete_action.setEnabled(writable and row is not None)
        self._fill_move_menu(row)

    def _fill_move_menu(self, row: Row | None) -> None:
        self.move_menu.clear()
        if isinstance(row, DocumentRow):
            for case in self.model.cases():
                if case.id != row.case_id:
                    action = self.move_menu.addAction(icon("case"), case.name)
                    action.triggered.connect(
                        lambda _checked=False, case_id=case.id: self.move_selected(case_id))
        self.move_menu.menuAction().setEnabled(not self.move_menu.isEmpty())

    def _show_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions([self.new_case_action, self.import_action])
        menu.addSeparator()
        menu.addActions([self.rename_action, self.delete_action])
        if isinstance(self.selected(), DocumentRow):
            menu.addMenu(self.move_menu)
        menu.popup(self.tree.viewport().mapToGlobal(position))

    # -- actions ---------------------------------------------------------------------------

    def add_case(self) -> None:
        name = self.context.prompts.ask_text(self, tr("Name of the new case (a fieldwork site):"),
                                             tr("New case"))
        if name is None:
            return
        changes = self.context.run(create_case, name)
        if changes is not None:
            self.select_case(changes.subject.id)

    def rename_selected(self) -> None:
        row = self.selected()
        if isinstance(row, CaseRow):
            name = self.context.prompts.ask_text(self, tr("New name of the case:"),
                                                 tr("Rename case"), row.name)
            if name is not None and name != row.name:
                self.context.run(rename_case, row.id, name)
        elif isinstance(row, DocumentRow):
            title = self.context.prompts.ask_text(self, tr("New title of the document:"),
                                                  tr("Rename document"), row.title)
            if title is not None and title != row.title:
                self.context.run(rename_document, row.id, title)

    def delete_selected(self) -> None:
        row = self.selected()
        if isinstance(row, CaseRow):
            self._delete_case(row)
        elif isinstance(row, DocumentRow):
            self._delete_document(row)

    def _delete_case(self, case: CaseRow) -> None:
        with self.context.reading() as session:
            documents = list_documents(session, case.id)
        if not documents:
            if self.context.prompts.confirm(
                self, tr("Delete the case '{name}'?").format(name=case.name), tr("Delete case")
            ):
                self.context.run(delete_case, case.id)
            return
        codings = sum(document.codings for document in documents)
        question = tr("The case '{name}' holds {documents} with {codings}.\n"
                      "Delete the case together with its documents?").format(
            name=case.name, documents=tr("%n document(s)", "", len(documents)),
            codings=tr("%n coding(s)", "", codings))
        if self.context.prompts.confirm(self, question, tr("Delete case and documents")):
            self.context.run(delete_case, case.id, with_documents=True)

    def _delete_document(self, document: DocumentRow) -> None:
        with self.context.reading() as session:
            fresh = [
                row for row in list_documents(session, document.case_id) if row.id == document.id
            ]
        codings = fresh[0].codings if fresh else document.codings
        question = tr("Delete the document '{title}' with its {codings} and its memos?"
                      ).format(title=document.title, codings=tr("%n coding(s)", "", codings))
        if self.context.prompts.confirm(self, question, tr("Delete document")):
            self.context.run(delete_document, document.id)

    def move_selected(self, case_id: int) -> None:
        row = self.selected()
        if isinstance(row, DocumentRow) and case_id != row.case_id:
            if self.context.run(move_document, row.id, case_id) is not None:
                self.select_document(row.id)

    def import_documents(self) -> None:
        from workbench.gui.dialogs.import_dialog import ImportDialog  # the importers: when used

        dialog = ImportDialog.choose_files(self.context, self.current_case_id(), self)
        if dialog is not None:
            self.import_dialog = dialog
            dialog.destroyed.connect(self._forget_import_dialog)

    def _forget_import_dialog(self) -> None:
        self.import_dialog = None
