"""Importing transcripts and fieldnotes into a case, off the GUI thread, with a per-file report."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.importers.job import ImportReport, expand_sources, import_files
from workbench.core.importers.registry import supported_suffixes
from workbench.core.jobs import JobControl
from workbench.core.queries.listing import document_uuids, list_cases
from workbench.core.services.cases import create_case
from workbench.core.services.changes import Changes, EntityRef
from workbench.core.text import fold
from workbench.gui.context import AppContext
from workbench.gui.dialogs.import_files_table import ImportFilesTable, kind_labels
from workbench.gui.i18n import tr
from workbench.gui.icons import icon
from workbench.gui.workers import JobRunner

_RESULT_COLOURS = {"imported": "#2E7D32", "skipped": "#8D6E00", "failed": "#C62828",
                   "cancelled": "#616161"}


def file_filter() -> str:
    patterns = " ".join(f"*{suffix}" for suffix in supported_suffixes())
    return tr("Transcripts and fieldnotes ({patterns});;All files (*)").format(patterns=patterns)


class ImportDialog(QDialog):
    progressed = Signal(int, int, str)  # done, total, message (relayed from the worker)
    importFinished = Signal(object)  # the ImportReport, after the report table is filled

    def __init__(self, context: AppContext, case_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner: JobRunner | None = None
        self.report: ImportReport | None = None
        self._case_id: int | None = None
        self.setWindowTitle(tr("Import documents"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAcceptDrops(True)
        self.resize(680, 520)
        self._build()
        self._fill_cases(case_id)
        context.projectClosed.connect(self._on_project_closed)

    @classmethod
    def for_paths(cls, context: AppContext, paths: Iterable[Path | str],
                  parent: QWidget | None = None, case_id: int | None = None) -> ImportDialog:
        """Open the dialog (window-modal, not blocking) with files dropped on the main window.

        The dialog deletes itself when closed; while it imports, closing it cancels instead.
        """
        dialog = cls(context, case_id, parent)
        dialog.add_paths(paths)
        dialog.open()
        return dialog

    @classmethod
    def choose_files(cls, context: AppContext, case_id: int | None = None,
                     parent: QWidget | None = None) -> ImportDialog | None:
        """Ask for files first; open the dialog with them, or nothing if none were chosen."""
        paths = context.prompts.open_files(parent, tr("Import documents"), file_filter())
        return cls.for_paths(context, paths, parent, case_id) if paths else None

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        suffixes = ", ".join(supported_suffixes())
        intro = QLabel(tr("Add transcripts and fieldnotes ({suffixes}), or drop files and folders "
                          "here. Each file becomes one document of the case. Check each file's "
                          "kind (guessed from its name and text); an empty date or interviewer "
                          "is taken from the file itself.").format(suffixes=suffixes), self)
        intro.setWordWrap(True)
        self.file_list = ImportFilesTable(self)
        self.add_button = QPushButton(icon("open"), tr("Add files…"), self)
        self.add_button.clicked.connect(self.pick_files)
        self.remove_button = QPushButton(icon("delete"), tr("Remove"), self)
        self.remove_button.clicked.connect(self._remove_selected)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addStretch()
        self.case_combo = QComboBox(self)
        self.case_combo.setEditable(True)
        self.case_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        case_line = self.case_combo.lineEdit()
        assert case_line is not None  # an editable combo box has one
        case_line.setPlaceholderText(tr("A case, or the name of a new case"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(tr("Each file's own (guessed)"), None)
        for kind, label in kind_labels().items():
            self.kind_combo.addItem(label, kind)
        self.kind_combo.currentIndexChanged.connect(self._apply_kind)
        form = QFormLayout()
        form.addRow(tr("Into case:"), self.case_combo)
        form.addRow(tr("Kind of all files:"), self.kind_combo)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setVisible(False)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.report_table = self._make_report_table()
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setIcon(icon("import"))
        self.import_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.file_list):
            layout.addWidget(widget)
        layout.addLayout(file_buttons)
        layout.addLayout(form)
        for part in (self.progress_bar, self.report_table, self.status_label, self.buttons):
            layout.addWidget(part)
        self._update_buttons()

    def _make_report_table(self) -> QTableWidget:
        table = QTableWidget(0, 3, self)
        table.setHorizontalHeaderLabels([tr("File"), tr("Result"), tr("Message")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setVisible(False)
        return table

    def _fill_cases(self, case_id: int | None) -> None:
        with self.context.reading() as session:
            cases = list_cases(session)
        for case in cases:
            self.case_combo.addItem(icon("case"), case.name, case.id)
        # No case given: the researcher picks one, so nothing lands in a case by accident.
        self.case_combo.setCurrentIndex(self.case_combo.findData(case_id) if case_id else -1)

    # -- choosing files --------------------------------------------------------------------

    def pick_files(self) -> None:
        self.add_paths(self.context.prompts.open_files(self, tr("Import documents"), file_filter()))

    def add_paths(self, paths: Iterable[Path | str]) -> None:
        """Add files, and the importable files inside folders; each file once, its kind guessed
        (or the kind chosen for all files)."""
        known = {path.resolve() for path in self.file_list.paths()}
        for path in expand_sources([Path(p) for p in paths]):
            if path.resolve() not in known:
                known.add(path.resolve())
                self.file_list.add_file(path)
        self._apply_kind()
        self.file_list.guess_pending()
        self._update_buttons()

    def paths(self) -> list[Path]:
        return self.file_list.paths()

    def _remove_selected(self) -> None:
        self.file_list.remove_selected()
        self._update_buttons()

    def _apply_kind(self) -> None:
        if self.kind_combo.currentData() is not None:
            self.file_list.set_all_kinds(self.kind_combo.currentData())
        else:
            self.file_list.kind_for_all = None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.runner is None and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_paths(url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile())
        event.acceptProposedAction()

    # -- running ---------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.runner is not None or self.context.project is None:
            return
        if not self.paths():
            self.context.prompts.error(self, tr("Add the files to import first."))
            return
        per_file, problems = self.file_list.details()
        if problems:
            self.context.prompts.error(self, "\n".join(problems))
            return
        case_id = self._chosen_case()
        if case_id is None:
            return
        self._case_id = case_id
        project, paths = self.context.project, self.paths()

        def job(control: JobControl) -> ImportReport:
            return import_files(project, case_id, paths, per_file=per_file, control=control)

        self.runner = JobRunner(job, self)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.progress_bar.setRange(0, len(paths))
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self.status_label.setText(tr("Starting…"))
        self._update_buttons()
        self.runner.start()

    def _chosen_case(self) -> int | None:
        """The case picked in the combo; a new name creates the case (an undoable step)."""
        name = " ".join(self.case_combo.currentText().split())
        if not name:
            self.context.prompts.error(self, tr("Choose the case the documents belong to."))
            return None
        for row in range(self.case_combo.count()):
            if fold(self.case_combo.itemText(row)) == fold(name):
                return self.case_combo.itemData(row)
        changes = self.context.run(create_case, name)
        if changes is None:
            return None
        self.case_combo.addItem(icon("case"), name, changes.subject.id)
        self.case_combo.setCurrentIndex(self.case_combo.count() - 1)
        return changes.subject.id

    def cancel_import(self) -> None:
        if self.runner is not None and self.runner.running:
            self.runner.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(tr("Cancelling after the current file…"))

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        if done < total:
            self.status_label.setText(tr("Importing {name} ({number} of {total})…").format(
                name=message, number=done + 1, total=total))
        self.progressed.emit(done, total, message)

    def _on_finished(self, report: ImportReport) -> None:
        self.report = report
        self._show_report(report)
        summary = self._summary(report)
        self.status_label.setText(summary)
        imported = [o.document_id for o in report.outcomes if o.document_id is not None]
        self.context.changed.emit(Changes(created=self._document_refs(imported), message=summary))
        self._finish()
        self.importFinished.emit(report)

    def _on_failed(self, message: str) -> None:
        self.status_label.setText(tr("The import stopped: {message}").format(message=message))
        self.context.prompts.error(self, message, tr("Import documents"))
        case = (EntityRef("case", self._case_id, ""),) if self._case_id is not None else ()
        self.context.changed.emit(Changes(updated=case, message=message))
        self._finish()

    def _finish(self) -> None:
        self.progress_bar.setValue(self.progress_bar.maximum())
        self._update_buttons()

    def _document_refs(self, document_ids: list[int]) -> tuple[EntityRef, ...]:
        if not document_ids or self.context.project is None:
            return ()
        with self.context.reading() as session:
            uuids = document_uuids(session, document_ids)
        return tuple(EntityRef("document", i, uuids.get(i, "")) for i in document_ids)

    # -- the report ------------------------------------------------------------------------

    def _show_report(self, report: ImportReport) -> None:
        rows: list[tuple[str, str, str]] = [(o.path.name, o.status, o.message)
                                            for o in report.outcomes]
        if report.cancelled:
            reached = {o.path for o in report.outcomes}
            rows += [(path.name, "cancelled", tr("Not imported: the import was cancelled."))
                     for path in self.paths() if path not in reached]
        labels = {"imported": tr("imported"), "skipped": tr("skipped"), "failed": tr("failed"),
                  "cancelled": tr("not imported")}
        self.report_table.setRowCount(len(rows))
        for number, (name, status, message) in enumerate(rows):
            result = QTableWidgetItem(labels[status])
            result.setForeground(QColor(_RESULT_COLOURS[status]))
            result.setData(Qt.ItemDataRole.UserRole, status)
            cells = (QTableWidgetItem(name), result, QTableWidgetItem(message))
            for column, cell in enumerate(cells):
                cell.setToolTip(message)
                self.report_table.setItem(number, column, cell)
        self.file_list.setVisible(False)
        self.report_table.setVisible(True)

    def _summary(self, report: ImportReport) -> str:
        counts = {s: len(report.with_status(s)) for s in ("imported", "skipped", "failed")}
        text = tr("{imported} imported, {skipped} skipped, {failed} failed.").format(**counts)
        if report.cancelled:
            text += " " + tr("The import was cancelled; the files imported before stay.")
        if counts["imported"]:
            text += " " + tr("The import is not one undo step: Undo takes back one document "
                             "at a time; delete documents to remove them.")
        return text

    def report_rows(self) -> list[tuple[str, str, str]]:
        """The report as (file, result, message): what the table shows, for the main window."""
        table = self.report_table

        def item(row: int, column: int) -> QTableWidgetItem:
            found = table.item(row, column)
            assert found is not None  # _show_report fills every cell
            return found

        return [(item(row, 0).text(), item(row, 1).data(Qt.ItemDataRole.UserRole),
                 item(row, 2).text()) for row in range(table.rowCount())]

    # -- states and closing ----------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.runner is not None and self.runner.running

    def _update_buttons(self) -> None:
        idle, done = self.runner is None, self.report is not None or (
            self.runner is not None and not self.runner.running)
        for widget in (self.add_button, self.remove_button, self.case_combo, self.kind_combo):
            widget.setEnabled(idle)
        self.file_list.set_editable(idle)
        self.import_button.setEnabled(idle and bool(self.paths()))
        self.import_button.setVisible(not done)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(tr("Close") if done else tr("Cancel"))

    def done(self, result: int) -> None:
        self.file_list.stop_guessing()  # its reader thread must end before the dialog goes
        super().done(result)

    def reject(self) -> None:
        if self.running:
            self.cancel_import()  # Esc or Cancel while importing stops the import, not the dialog
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel_import()
            event.ignore()
            return
        super().closeEvent(event)

    def stop(self) -> None:
        """Cancel a running import and wait for the current file to finish (before closing)."""
        self.file_list.stop_guessing()
        if self.runner is not None and self.runner.running:
            self.runner.cancel()
            self.runner.wait()

    def _on_project_closed(self) -> None:
        self.stop()
        super().reject()
