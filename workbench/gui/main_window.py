"""The main window: cases on the left, the document in the middle, the codebook on the right,
passages and search at the bottom. Panels refresh themselves from the context's signals."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.codebooks.builtin import BUILTIN_CODEBOOKS
from workbench.core.errors import WorkbenchError
from workbench.core.storage import PROJECT_SUFFIX
from workbench.gui import window_menus
from workbench.gui.context import AppContext
from workbench.gui.dialogs.on_demand import (  # loaded when first used, not at start
    export_qdpx,
    import_dialog_class,
    import_qdpx_project,
    open_codebook_merge,
    open_import_dialogs,
    open_project_merge,
)
from workbench.gui.dialogs.quick_code import open_quick_code
from workbench.gui.document_view.view import DocumentView
from workbench.gui.i18n import tr
from workbench.gui.icons import icon
from workbench.gui.panels.attributes_panel import AttributesPanel
from workbench.gui.panels.cases_panel import CasesPanel
from workbench.gui.panels.chart_panel import ChartPanel
from workbench.gui.panels.codebook_panel import CodebookPanel
from workbench.gui.panels.definition_panel import DefinitionPanel
from workbench.gui.panels.matrix_panel import MatrixPanel
from workbench.gui.panels.memo_panel import MemoPanel
from workbench.gui.panels.passages_panel import PassagesPanel
from workbench.gui.panels.search_panel import SearchPanel
from workbench.gui.preferences import ask_keep_backups
from workbench.gui.read_only_banner import ReadOnlyBanner
from workbench.gui.start_page import StartPage
from workbench.gui.team.menu import build_team_menu
from workbench.gui.wheel_guard import install_wheel_guard
from workbench.gui.window_layout import PanelFocus, restore_geometry

if TYPE_CHECKING:
    from workbench.gui.dialogs.import_dialog import ImportDialog

LAYOUT_VERSION = window_menus.LAYOUT_VERSION


class MainWindow(QMainWindow):
    enlarge_action: QAction  # made by window_menus
    reset_layout_action: QAction

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        install_wheel_guard()
        self.context = context
        context.window = self
        self.setWindowTitle(tr("Coding Workbench"))
        self.setAcceptDrops(True)
        self.start_page = StartPage()
        self.document_view = DocumentView(context)
        self.central = QStackedWidget()
        self.central.addWidget(self.start_page)
        self.central.addWidget(self.document_view)
        self.read_only_banner = ReadOnlyBanner()
        self.setCentralWidget(self._with_banner(self.central))
        self._build_panels()
        self.default_state = self.saveState(LAYOUT_VERSION)
        self._build_menus()
        self._connect()
        self._restore_layout()
        self._show_state()

    # -- building ------------------------------------------------------------------------------

    def _build_panels(self) -> None:
        context = self.context
        self.cases_panel = CasesPanel(context)
        self.attributes_panel = AttributesPanel(context)
        self.codebook_panel = CodebookPanel(context)
        self.memo_panel = MemoPanel(context)
        self.passages_panel = PassagesPanel(context)
        self.search_panel = SearchPanel(context)
        self.matrix_panel = MatrixPanel(context)
        self.definition_panel = DefinitionPanel(context)
        self.chart_panel = ChartPanel(context)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.cases_panel)
        left.addWidget(self.attributes_panel)
        left.setSizes([420, 260])
        self.left_splitter = left
        self.cases_dock = self._dock("cases", tr("Cases and documents"), left,
                                     Qt.DockWidgetArea.LeftDockWidgetArea)
        self.codebook_dock = self._dock("codebook", tr("Codebook"), self.codebook_panel,
                                        Qt.DockWidgetArea.RightDockWidgetArea)
        self.definition_dock = self._dock("definition", tr("Definition"), self.definition_panel,
                                          Qt.DockWidgetArea.RightDockWidgetArea)
        # The analysis views are docks of their own: tabbed at the bottom, each can float or
        # take the whole window (View > Enlarge the current panel).
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.passages_dock = self._dock(
            "bottom_passages", tr("Passages"), self.passages_panel, bottom
        )
        self.search_dock = self._dock("bottom_search", tr("Search"), self.search_panel, bottom)
        self.matrix_dock = self._dock("bottom_matrix", tr("Matrix"), self.matrix_panel, bottom)
        self.chart_dock = self._dock("bottom_charts", tr("Charts"), self.chart_panel, bottom)
        self.memo_dock = self._dock("bottom_memos", tr("Memos"), self.memo_panel, bottom)
        for dock in (self.search_dock, self.matrix_dock, self.chart_dock, self.memo_dock):
            self.tabifyDockWidget(self.passages_dock, dock)
        self.passages_dock.raise_()
        self.bottom_dock = self.passages_dock
        self.docks = [self.cases_dock, self.codebook_dock, self.definition_dock,
                      self.passages_dock, self.search_dock, self.matrix_dock, self.chart_dock,
                      self.memo_dock]
        self.panel_focus = PanelFocus(self, self.docks)
        self.resizeDocks(
            [self.cases_dock, self.codebook_dock], [300, 310], Qt.Orientation.Horizontal
        )
        self.resizeDocks([self.codebook_dock, self.definition_dock], [380, 200],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.passages_dock], [260], Qt.Orientation.Vertical)

    def _with_banner(self, central: QWidget) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(central, 1)
        return holder

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        menu = self.menuBar()
        files = menu.addMenu(tr("&File"))
        new_menu = files.addMenu(icon("new"), tr("&New project"))
        for codebook in BUILTIN_CODEBOOKS:
            action = new_menu.addAction(tr("With the “{0}” codebook…").format(codebook.title))
            action.triggered.connect(lambda _=False, key=codebook.key: self.new_project(key))
        new_menu.addAction(tr("Empty…")).triggered.connect(lambda: self.new_project("none"))
        self.open_action = self._action(files, tr("&Open project…"), self.open_project,
                                        QKeySequence.StandardKey.Open, "open")
        self.recent_menu = files.addMenu(tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(files, tr("Open the &sample project"), self.open_sample)
        files.addSeparator()
        self.import_action = self._action(files, tr("&Import documents…"), self.import_documents,
                                          "Ctrl+I", "import")
        self._action(files, tr("Export the &codebook (.qdc)…"), self.export_codebook)
        self._action(files, tr("Export the codebook as a &Word appendix…"),
                     self.export_codebook_report)
        self._action(files, tr("Export as REFI-QDA &project (.qdpx)…"),
                     lambda: export_qdpx(self.context, self))
        self._action(files, tr("New project from a REFI-QDA project (.&qdpx)…"),
                     lambda: import_qdpx_project(self.context, self))
        files.addSeparator()
        self._action(files, tr("Keep &backups…"), self.choose_backups)
        self._action(files, tr("&Preferences…"), lambda: window_menus.open_preferences(self),
                     QKeySequence.StandardKey.Preferences)
        files.addSeparator()
        self._action(files, tr("&Close project"), self.context.close_project, "Ctrl+W")
        self._action(files, tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit = menu.addMenu(tr("&Edit"))
        self.undo_action = self.context.undo_stack.createUndoAction(self, tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.context.undo_stack.createRedoAction(self, tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addActions([self.undo_action, self.redo_action])
        self.history_action = self._action(edit, tr("&History…"),
                                           lambda: _open_history_dialog(self.context, self))
        edit.addSeparator()
        self.quick_code_action = self._action(edit, tr("&Quick code…"), self.quick_code, "Ctrl+E")
        self.search_action = self._action(edit, tr("&Search the project"), self.focus_search,
                                          QKeySequence.StandardKey.Find, "search")

        codes = menu.addMenu(tr("&Codes"))
        panel = self.codebook_panel
        codes.addActions([panel.new_code_action, panel.new_subcode_action, panel.in_vivo_action,
                          panel.apply_action])
        codes.addAction(panel.autocode_action)
        codes.addSeparator()
        codes.addActions([panel.rename_action, panel.edit_action, panel.merge_action,
                          panel.delete_action])

        team = menu.addMenu(tr("&Team"))
        self.merge_codebook_action = self._action(
            team, tr("Merge a &codebook (.qdc or project)…"),
            lambda: open_codebook_merge(self.context, self))
        self.merge_project_action = self._action(
            team, tr("Merge another &project (coder's file or .qdpx)…"),
            lambda: open_project_merge(self.context, self))
        self.team = build_team_menu(self, team)  # connect, publish, sync, conflicts

        analysis = menu.addMenu(tr("&Analysis"))
        self.matrix_action = self._action(analysis, tr("Cross-case &matrix"), self.show_matrix,
                                          "Ctrl+M")
        self.agreement_action = self._action(analysis, tr("Inter-coder &agreement…"),
                                             lambda: _open_agreement_dialog(self.context, self))
        self.charts_action = self._action(analysis, tr("C&harts"), self.show_charts)
        self.report_action = self._action(analysis, tr("&Report…"), self.open_report)

        window_menus.build_view_menu(self, menu.addMenu(tr("&View")))
        window_menus.build_help_menu(self)

    def _action(self, menu, text: str, slot, shortcut=None, icon_name: str = "") -> QAction:
        action = QAction(icon(icon_name) if icon_name else icon("none"), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    def _connect(self) -> None:
        context = self.context
        context.projectOpened.connect(self._show_state)
        context.projectClosed.connect(self._show_state)
        context.documentRequested.connect(
            lambda document_id, *_: self.memo_panel.show_target("document", document_id))
        self.cases_panel.caseSelected.connect(self.attributes_panel.show_case)
        self.cases_panel.targetSelected.connect(self.memo_panel.show_target)
        context.aboutToCloseProject.connect(self._save_pending_edits)
        self.start_page.newRequested.connect(self.new_project)
        self.start_page.openRequested.connect(self.open_project)
        self.start_page.recentRequested.connect(self.context.open_project)
        self.start_page.sampleRequested.connect(self.open_sample)
        self.read_only_banner.retryRequested.connect(self.context.retry_writing)
        window_menus.connect_window(self)

    # -- state ---------------------------------------------------------------------------------

    def _show_state(self) -> None:
        has_project = self.context.project is not None
        self.central.setCurrentWidget(self.document_view if has_project else self.start_page)
        for dock in self.docks:
            dock.setEnabled(has_project)
        for action in (self.search_action, self.matrix_action, self.agreement_action,
                       self.charts_action, self.report_action, self.history_action):
            action.setEnabled(has_project)
        # Read-only: what only changes the project is off; any other change is refused, saying why.
        reason = self.context.read_only_reason
        for action in (self.import_action, self.quick_code_action, self.merge_codebook_action,
                       self.merge_project_action):
            action.setEnabled(has_project and reason is None)
        self.read_only_banner.show_reason(reason)
        if self.context.project is not None:
            name = self.context.project.path.name
            if reason is not None:
                name = tr("{0} [read-only]").format(name)
            self.setWindowTitle(tr("{0} — Coding Workbench").format(name))
        else:
            self.setWindowTitle(tr("Coding Workbench"))
            self.start_page.set_recent(self.context.settings.recent_projects)

    def _restore_layout(self) -> None:
        restore_geometry(self, self.context.settings.layout("geometry"))
        state = self.context.settings.layout("state")
        if state is not None:
            self.restoreState(state, LAYOUT_VERSION)
        splitter = self.context.settings.layout("left-splitter")
        if splitter is not None:
            self.left_splitter.restoreState(splitter)

    def _save_pending_edits(self) -> None:
        self.memo_panel.save()
        self.attributes_panel.commit_description()
        for dialog in open_import_dialogs(self):
            dialog.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel_focus.restore()  # an enlarged panel is not the layout to remember
        self.context.settings.set_layout("geometry", QByteArray(self.saveGeometry()))
        self.context.settings.set_layout("state", QByteArray(self.saveState(LAYOUT_VERSION)))
        self.context.settings.set_layout(
            "left-splitter", QByteArray(self.left_splitter.saveState())
        )
        self.context.settings.sync()
        self.context.close_project()
        super().closeEvent(event)

    # -- commands ------------------------------------------------------------------------------

    def new_project(self, codebook: str) -> None:
        path = self.context.prompts.save_file(self, tr("New project"))
        if path:
            if not Path(path).suffix:
                path += PROJECT_SUFFIX
            self.context.new_project(path, codebook)

    def choose_backups(self) -> None:
        count = ask_keep_backups(self.context.settings, self.context.prompts, self)
        if count is not None:
            self.context.settings.sync()

    def open_project(self) -> None:
        path = self.context.prompts.open_file(self, tr("Open project"))
        if path:
            self.context.open_project(path)

    def open_sample(self) -> None:
        from workbench.core.sample.builder import build_sample_project  # importers: after paint

        path = self.context.settings.data_dir / "sample.cwb"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                build_sample_project(path).close()
            except WorkbenchError as error:
                self.context.prompts.error(self, str(error))
                return
        self.context.open_project(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.context.settings.recent_projects:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.context.open_project(p))

    def import_documents(self, paths: list[str] | None = None) -> ImportDialog | None:
        """Import dropped files, or (without paths) files chosen in a file dialog."""
        if self.context.project is None:
            return None
        if not paths:
            self.cases_panel.import_documents()
            return self.cases_panel.import_dialog
        dialog = import_dialog_class().for_paths(self.context, paths, self,
                                                 case_id=self.cases_panel.current_case_id())
        dialog.show()
        return dialog

    def export_codebook(self) -> None:
        if self.context.project is None:
            return
        path = self.context.prompts.save_file(self, tr("Export the codebook"),
                                              tr("REFI-QDA codebook (*.qdc)"))
        if path:
            from workbench.core.services.codebook import export_codebook  # lxml: not at start

            try:
                export_codebook(self.context.project, path)
            except WorkbenchError as error:
                self.context.prompts.error(self, str(error))

    def export_codebook_report(self) -> None:
        if self.context.project is None:
            return
        path = self.context.prompts.save_file(self, tr("Codebook report"),
                                              tr("Word document (*.docx)"))
        if path:
            from workbench.core.exporters.codebook_docx import write_codebook_docx  # python-docx

            try:
                write_codebook_docx(self.context.project, path)
            except WorkbenchError as error:
                self.context.prompts.error(self, str(error))

    def show_matrix(self) -> None:
        self.matrix_dock.show()
        self.matrix_dock.raise_()
        if not self.matrix_dock.isFloating() and self.matrix_dock.height() < self.height() // 2:
            # The matrix wants room: half the window (View > Enlarge gives it all of it).
            self.resizeDocks([self.matrix_dock], [self.height() // 2], Qt.Orientation.Vertical)

    def open_report(self) -> None:
        from workbench.gui.dialogs.report_dialog import open_report_dialog  # python-docx: lazily

        open_report_dialog(self.context, self)

    def show_charts(self) -> None:
        self.chart_dock.show()
        self.chart_dock.raise_()

    def quick_code(self) -> None:
        if self.context.project is not None:
            open_quick_code(self.context, self)

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.setFocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.context.ensure_coder)

    # -- dropping files on the window opens the import dialog -----------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if (event.mimeData().hasUrls() and self.context.project is not None
                and self.context.read_only_reason is None):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.import_documents(paths)
            event.acceptProposedAction()


def _open_history_dialog(context: AppContext, parent: QWidget) -> None:
    from workbench.gui.dialogs.history_dialog import open_history_dialog

    open_history_dialog(context, parent)


def _open_agreement_dialog(context: AppContext, parent: QWidget) -> None:
    # numpy, pandas and openpyxl load when the dialog is first asked for, not with the window.
    from workbench.gui.dialogs.agreement_dialog import open_agreement_dialog

    open_agreement_dialog(context, parent)
