"""The codebook panel: the code tree with its filter, toolbar and context menu.

Every edit goes through ``context.run``; the tree refreshes from the ``changed`` record and keeps
its expansion and selection across refreshes (codes it has not seen before open expanded).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
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

from workbench.core.queries.listing import code_details, passage_text
from workbench.core.services.codes import create_code, delete_code, rename_code
from workbench.gui.context import AppContext
from workbench.gui.dialogs.code_editor import CodeEditorDialog
from workbench.gui.dialogs.merge_code import MergeCodeDialog, counted_codings, counted_sub_codes
from workbench.gui.dialogs.quick_code import QuickCodeDialog, open_quick_code
from workbench.gui.elide import elide_names_in_the_middle
from workbench.gui.i18n import tr
from workbench.gui.icons import icon
from workbench.gui.models.code_tree_model import CODINGS, NAME, CodeFilterProxy, CodeTreeModel

if TYPE_CHECKING:  # the dialog (and the autocoding core) loads when first opened
    from workbench.gui.dialogs.autocode_dialog import AutocodeDialog

IN_VIVO_LENGTH = 60


def in_vivo_name(text: str, limit: int = IN_VIVO_LENGTH) -> str:
    """A code name made of the participant's own words, cut at a word near ``limit``."""
    words = " ".join(text.split()).strip(" \"'“”‘’«»")
    if len(words) <= limit:
        return words
    cut = words[:limit - 1]
    if words[limit - 1] != " " and " " in cut:  # do not end inside a word
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–") + "…"


class CodebookPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = CodeTreeModel(context, self)
        self.proxy = CodeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.editor: CodeEditorDialog | None = None
        self.merge_dialog: MergeCodeDialog | None = None
        self.quick_code: QuickCodeDialog | None = None
        self._known: set[int] = set()
        self._expanded: set[int] = set()
        self._selected: list[int] = []
        self._current: int | None = None
        self._emitted: list[int] = []
        self._build_tree()
        self._build_actions()
        self._build_layout()
        self.proxy.modelAboutToBeReset.connect(self._remember_state)
        self.proxy.modelReset.connect(self._restore_state)
        context.selectionChanged.connect(self._update_actions)
        self._restore_state()

    # -- building ----------------------------------------------------------------------------

    def _build_tree(self) -> None:
        tree = self.tree = QTreeView(self)
        tree.setModel(self.proxy)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setDropIndicatorShown(True)
        tree.setExpandsOnDoubleClick(False)
        tree.setUniformRowHeights(True)
        tree.setAnimated(True)
        tree.setIndentation(14)
        tree.setIconSize(QSize(14, 14))
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._show_context_menu)
        tree.doubleClicked.connect(self._on_double_click)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # Interactive (drag it narrower), but not ResizeToContents: measuring every row's count
        # after each coding costs more than the coding itself.
        header.setSectionResizeMode(CODINGS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CODINGS, tree.fontMetrics().horizontalAdvance("88888 (88888)") + 16)
        elide_names_in_the_middle(tree, NAME)  # both ends of a long name show
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        tree.selectionModel().selectionChanged.connect(self._on_selection_changed)
        tree.selectionModel().currentChanged.connect(self._update_actions)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(tr("Filter codes…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.filter_edit.textChanged.connect(self._on_filter)

    def _action(self, text: str, slot: Callable[[], object], *, name: str = "", tip: str = "",
                short: str = "",
                shortcut: QKeySequence | QKeySequence.StandardKey | Qt.Key | str | None = None,
                on_tree: bool = False) -> QAction:
        action = QAction(icon(name) if name else QIcon(), text, self)
        if short:
            action.setIconText(short)  # the toolbar's label
        action.setToolTip(tip or text.rstrip("…"))
        action.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            if on_tree:  # only while the tree has the focus (Enter in the filter stays there)
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                self.tree.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_code_action = self._action(tr("New code…"), self.new_code, name="new",
                                            short=tr("New"),
                                            tip=tr("Add a code at the top of the codebook"))
        self.new_subcode_action = self._action(tr("New sub-code…"), self.new_subcode,
                                               short=tr("Sub-code"),
                                               tip=tr("Add a code under the selected code"))
        self.in_vivo_action = self._action(
            tr("Code in vivo"), self.code_in_vivo, short=tr("In vivo"),
            tip=tr("Make a code named after the selected text (under the selected code) "
                   "and code the text with it"))
        self.apply_action = self._action(tr("Code selection"), self.apply_to_selection,
                                         tip=tr("Apply this code to the selected passage (Enter)"),
                                         shortcut=Qt.Key.Key_Return, on_tree=True)
        self.rename_action = self._action(tr("Rename…"), self.rename_code,
                                          shortcut=Qt.Key.Key_F2, on_tree=True)
        self.edit_action = self._action(tr("Edit definition and colour…"), self.edit_code,
                                        short=tr("Edit"), name="memo",
                                        tip=tr("Edit the code's definition and colour"))
        self.merge_action = self._action(tr("Merge into…"), self.merge_code, short=tr("Merge"),
                                         tip=tr("Move this code's codings into another code"))
        self.delete_action = self._action(tr("Delete…"), self.delete_code, name="delete",
                                          short=tr("Delete"),
                                          shortcut=QKeySequence.StandardKey.Delete, on_tree=True,
                                          tip=tr("Delete the code with its sub-codes and codings"))
        self.quick_code_action = self._action(tr("Quick code…"), self.open_quick_code,
                                              tip=tr("Code the selection with a code you type"))
        self.autocode_action = self._action(
            tr("Autocode…"), self.open_autocode,
            tip=tr("Code every turn of some speakers, every hit of a search or every section "
                   "under a heading with this code, after a preview (one undo step)"))

    def _build_layout(self) -> None:
        self.toolbar = QToolBar(tr("Codebook"), self)
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_code_action, self.new_subcode_action, self.in_vivo_action, None,
                       self.edit_action, self.merge_action, self.delete_action):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)

    def context_menu(self) -> QMenu:
        """The tree's context menu (built afresh, so it reflects what is selected)."""
        menu = QMenu(self)
        for action in (self.apply_action, None, self.new_code_action, self.new_subcode_action,
                       self.in_vivo_action, None, self.rename_action, self.edit_action,
                       self.merge_action, None, self.delete_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.autocode_action)
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.tree.viewport().mapToGlobal(position))
        menu.deleteLater()

    # -- selection ---------------------------------------------------------------------------

    def selected_code_ids(self) -> list[int]:
        """The selected codes, in tree order."""
        rows = self.tree.selectionModel().selectedRows(NAME)
        chosen = {self.model.code_id_at(self.proxy.mapToSource(index)) for index in rows}
        return [code_id for code_id in self.model.code_ids() if code_id in chosen]

    def current_code_id(self) -> int | None:
        """The code the single-code actions work on: the current row if selected, else the first."""
        current = self.tree.currentIndex()
        code_id = self.model.code_id_at(self.proxy.mapToSource(current))
        selected = self.selected_code_ids()
        if code_id in selected:
            return code_id
        return selected[0] if selected else None

    def select_code(self, code_id: int) -> None:
        """Select one code, opening its ancestors and scrolling to it."""
        for ancestor in reversed(self.model.ancestors(code_id)):
            self.tree.expand(self._view_index(ancestor))
        index = self._view_index(code_id)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(index)

    def _view_index(self, code_id: int) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.index_of(code_id))

    def _on_selection_changed(self) -> None:
        ids = self.selected_code_ids()
        if ids != self._emitted:
            self._emitted = ids
            self.context.codesSelected.emit(ids)
        self._update_actions()

    def _on_double_click(self, index: QModelIndex) -> None:
        code_id = self.model.code_id_at(self.proxy.mapToSource(index))
        if code_id is not None:
            self.context.code_selection(code_id)

    def _update_actions(self) -> None:
        has_project = self.context.project is not None
        code_id = self.current_code_id() if has_project else None
        code = self.model.code(code_id) if code_id is not None else None
        passage = self.context.selection is not None
        writable = self.context.writable  # read-only: the tree is still there to read
        self.new_code_action.setEnabled(writable)
        self.quick_code_action.setEnabled(writable)
        self.autocode_action.setEnabled(writable)
        self.in_vivo_action.setEnabled(writable and passage)
        self.apply_action.setEnabled(writable and code is not None and code.codable and passage)
        for action in (self.new_subcode_action, self.rename_action, self.edit_action,
                       self.merge_action, self.delete_action):
            action.setEnabled(writable and code is not None)

    # -- keeping the tree's state across refreshes -------------------------------------------

    def _remember_state(self) -> None:
        self._expanded = {code_id for code_id in self.model.code_ids()
                          if self.tree.isExpanded(self._view_index(code_id))}
        self._selected = self.selected_code_ids()
        self._current = self.current_code_id()

    def _restore_state(self) -> None:
        ids = self.model.code_ids()
        fresh = set(ids) - self._known
        for code_id in ids:
            if code_id in self._expanded or code_id in fresh:
                self.tree.expand(self._view_index(code_id))
        self._known = set(ids)
        selection = QItemSelection()
        for code_id in self._selected:
            index = self._view_index(code_id)
            if index.isValid():
                selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect \
            | QItemSelectionModel.SelectionFlag.Rows
        self.tree.selectionModel().select(selection, flags)
        if self._current is not None and self._view_index(self._current).isValid():
            self.tree.selectionModel().setCurrentIndex(
                self._view_index(self._current), QItemSelectionModel.SelectionFlag.NoUpdate)
        self._on_selection_changed()

    def _on_filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        if text.strip():
            self.tree.expandAll()

    # -- the actions -------------------------------------------------------------------------

    def _create(self, name: str, parent_id: int | None) -> int | None:
        changes = self.context.run(create_code, name, parent_id=parent_id)
        if changes is None:
            return None
        self.select_code(changes.subject.id)
        return changes.subject.id

    def new_code(self) -> int | None:
        name = self.context.prompts.ask_text(self, tr("Name of the new code:"), tr("New code"))
        return self._create(name, None) if name and name.strip() else None

    def new_subcode(self) -> int | None:
        parent_id = self.current_code_id()
        parent = self.model.code(parent_id) if parent_id is not None else None
        if parent_id is None or parent is None:
            return None
        label = tr("Name of the new sub-code of “{name}”:").format(name=parent.name)
        name = self.context.prompts.ask_text(self, label, tr("New sub-code"))
        return self._create(name, parent_id) if name and name.strip() else None

    def code_in_vivo(self) -> int | None:
        """Create a code named after the selected text and code the text with it.

        Two undo steps: creating the code, then coding the passage.
        """
        selection = self.context.selection
        if selection is None or selection.start >= selection.end or self.context.project is None:
            self.context.prompts.error(self, tr("Select a passage of the document first."))
            return None
        with self.context.reading() as session:
            text = passage_text(session, selection.document_id, selection.start, selection.end)
        name = in_vivo_name(text)
        if not name:
            self.context.prompts.error(
                self, tr("The selected passage holds no words to name a code."))
            return None
        code_id = self._create(name, self.current_code_id())
        if code_id is not None:
            self.context.code_selection(code_id)
        return code_id

    def apply_to_selection(self) -> None:
        code_id = self.current_code_id()
        if code_id is not None:
            self.context.code_selection(code_id)

    def rename_code(self) -> None:
        code_id = self.current_code_id()
        code = self.model.code(code_id) if code_id is not None else None
        if code is None:
            return
        name = self.context.prompts.ask_text(self, tr("New name of the code:"), tr("Rename code"),
                                             default=code.name)
        if name and name.strip() and name.strip() != code.name:
            self.context.run(rename_code, code.id, name)

    def edit_code(self) -> CodeEditorDialog | None:
        code_id = self.current_code_id()
        if code_id is None:
            return None
        self.editor = CodeEditorDialog(self.context, code_id, self)
        self.editor.finished.connect(self.editor.deleteLater)
        self.editor.open()
        return self.editor

    def merge_code(self) -> MergeCodeDialog | None:
        code_id = self.current_code_id()
        if code_id is None:
            return None
        self.merge_dialog = MergeCodeDialog(self.context, code_id, self)
        self.merge_dialog.finished.connect(self.merge_dialog.deleteLater)
        self.merge_dialog.open()
        return self.merge_dialog

    def delete_code(self) -> bool:
        code_id = self.current_code_id()
        if code_id is None:
            return False
        with self.context.reading() as session:
            details = code_details(session, code_id)
        if details is None:
            return False
        if not self.context.prompts.confirm(self, delete_message(details.name, details.sub_codes,
                                                                 details.subtree_codings),
                                            tr("Delete code")):
            return False
        return self.context.run(delete_code, code_id) is not None

    def open_autocode(self) -> AutocodeDialog:
        """The autocode dialog, with the selected code chosen (if it can be applied)."""
        from workbench.gui.dialogs.autocode_dialog import open_autocode_dialog

        self.autocode_dialog = open_autocode_dialog(
            self.context, self.context.window or self.window(), self.current_code_id())
        return self.autocode_dialog

    def open_quick_code(self) -> QuickCodeDialog:
        self.quick_code = open_quick_code(self.context, self.context.window or self.window())
        return self.quick_code


def delete_message(name: str, sub_codes: int, codings: int) -> str:
    """The confirmation asked before deleting a code, saying what goes with it."""
    if not sub_codes and not codings:
        return tr("Delete the code “{name}”? It has no codings and no sub-codes.").format(name=name)
    goes = counted_codings(codings)
    if sub_codes:
        goes = tr("{subs} and {codings}").format(
            subs=counted_sub_codes(sub_codes), codings=goes)
    return tr("Delete the code “{name}” with its {goes}? Undo can bring them back.").format(
        name=name, goes=goes)
