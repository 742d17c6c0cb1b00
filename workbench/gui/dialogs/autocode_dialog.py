"""Autocode: choose a rule (speakers, text, headings), where to look and the code; a live
preview counts the passages and shows a few; OK codes exactly those in one undoable action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.autocode import AutocodePreview, Target, list_speakers, preview_autocode
from workbench.core.jobs import JobControl
from workbench.core.queries.code_tree import code_paths
from workbench.core.queries.listing import list_cases, list_codes, list_documents
from workbench.core.services.autocoding import autocode
from workbench.core.services.changes import Changes
from workbench.gui.context import AppContext
from workbench.gui.dialogs.autocode_rule_editor import (
    RuleEditor,
    checked,
    checklist,
    fill_checklist,
)
from workbench.gui.i18n import tr
from workbench.gui.icons import swatch
from workbench.gui.workers import JobRunner

PREVIEW_DELAY_MS = 300  # typing pauses this long before the preview is counted again
EVERYWHERE, CASES, DOCUMENTS = 0, 1, 2


def open_autocode_dialog(context: AppContext, parent: QWidget | None = None,
                         code_id: int | None = None) -> AutocodeDialog:
    dialog = AutocodeDialog(context, parent, code_id)
    dialog.open()
    return dialog


class AutocodeDialog(QDialog):
    previewed = Signal(object)  # the AutocodePreview shown, or None when the rule cannot run
    coded = Signal(object)  # the Changes of the action, once it is done

    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 code_id: int | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.preview: AutocodePreview | None = None
        self.changes: Changes | None = None
        self.runner: JobRunner | None = None
        self._again = False  # the rule changed while a count ran: count again when it ends
        self.setWindowTitle(tr("Autocode"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(760, 640)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._build()
        self._fill(code_id)
        context.projectClosed.connect(self.close)
        self.refresh_preview()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.code_combo = QComboBox(self)
        self.rule_editor = RuleEditor(self)
        self.where_combo = QComboBox(self)
        self.where_combo.addItems([tr("All documents"), tr("The documents of chosen cases"),
                                   tr("Chosen documents")])
        self.case_list, self.document_list = checklist(self), checklist(self)
        self.where_combo.currentIndexChanged.connect(self._show_where)
        self._show_where(EVERYWHERE)
        form = QFormLayout()
        form.addRow(tr("Code with:"), self.code_combo)
        form.addRow(tr("Find:"), self.rule_editor)
        form.addRow(tr("Look in:"), self.where_combo)
        form.addRow("", self.case_list)
        form.addRow("", self.document_list)
        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.sample_list = QListWidget(self)
        self.sample_list.setWordWrap(True)
        self.sample_list.setAlternatingRowColors(True)
        self.sample_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        preview_box = QGroupBox(tr("Preview"), self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview_label)
        preview_layout.addWidget(self.sample_list)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Code"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(preview_box, 1)
        layout.addWidget(self.buttons)
        for signal in (self.rule_editor.changed, self.where_combo.currentIndexChanged,
                       self.case_list.itemChanged, self.document_list.itemChanged):
            signal.connect(self._changed)

    def _show_where(self, where: int) -> None:
        self.case_list.setVisible(where == CASES)
        self.document_list.setVisible(where == DOCUMENTS)

    def _fill(self, code_id: int | None) -> None:
        with self.context.reading() as session:
            codes, paths = list_codes(session), code_paths(session, " › ")
            speakers = list_speakers(session)
            cases = list_cases(session)
            documents = list_documents(session)
        self.code_combo.blockSignals(True)
        for row in codes:
            if row.codable:
                self.code_combo.addItem(swatch(row.colour), paths[row.id], row.id)
        self.code_combo.setCurrentIndex(max(self.code_combo.findData(code_id), 0))
        self.code_combo.blockSignals(False)
        self.rule_editor.set_speakers(speakers)
        fill_checklist(self.case_list, [(case.name, case.id) for case in cases])
        fill_checklist(self.document_list, [(d.title, d.id) for d in documents])

    # -- the rule and its preview ----------------------------------------------------------

    def target(self) -> Target | None:
        """Where to look; None while cases or documents are to be chosen but none is ticked."""
        where = self.where_combo.currentIndex()
        if where == CASES:
            cases = tuple(checked(self.case_list))
            return Target(case_ids=cases) if cases else None
        if where == DOCUMENTS:
            documents = tuple(checked(self.document_list))
            return Target(document_ids=documents) if documents else None
        return Target()

    def _changed(self) -> None:
        self.ok_button.setEnabled(False)  # until the preview counts the rule as it now stands
        self._timer.start()

    def refresh_preview(self) -> None:
        """Count what the rule as it stands would code, off the GUI thread (a count still
        running is cancelled and the new one follows it); :attr:`previewed` tells the result."""
        self._timer.stop()
        if self.runner is not None:
            self._again = True
            self.runner.cancel()
            return
        self.preview = None
        self.sample_list.clear()
        target, rule = self.target(), self.rule_editor.rule()
        if target is None or self.context.project is None:
            self.preview_label.setText(tr("Tick the cases or documents to look in."))
            self._previewed()
            return
        project = self.context.project

        def job(control: JobControl) -> AutocodePreview:
            with project.reading() as session:
                return preview_autocode(session, rule, target, control=control)

        self.preview_label.setText(tr("Counting…"))
        self._run(job, self._on_preview, self._on_preview_failed)

    def _run(self, job: Callable[[JobControl], object], done: Callable[[Any], None],
             failed: Callable[[str], None]) -> None:
        self.runner = JobRunner(job, self)
        self.runner.finished.connect(done)
        self.runner.failed.connect(failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.start()
        self._update_buttons()

    def _on_preview(self, preview: AutocodePreview) -> None:
        self.runner = None
        if self._again:
            self._again = False
            self.refresh_preview()
            return
        self.preview = preview
        self.preview_label.setText(
            tr("{0} in {1} of {2} would be coded ({3}).").format(
                tr("%n passage(s)", "", preview.passages), preview.documents,
                tr("%n document(s)", "", preview.searched), preview.rule))
        for sample in preview.sample:
            QListWidgetItem(f"{sample.reference}\n{sample.text}", self.sample_list)
        self._previewed()

    def _on_preview_failed(self, message: str) -> None:
        self.runner = None
        if self._again:
            self._again = False
            self.refresh_preview()
            return
        self.preview_label.setText(message)
        self._previewed()

    def _on_cancelled(self) -> None:
        self.runner = None
        if self._again:
            self._again = False
            self.refresh_preview()
        else:
            self._update_buttons()

    def _previewed(self) -> None:
        self._update_buttons()
        self.previewed.emit(self.preview)

    def _update_buttons(self) -> None:
        self.ok_button.setEnabled(
            self.runner is None and self.context.writable and self.preview is not None
            and self.preview.passages > 0 and self.code_combo.currentData() is not None)

    # -- coding ----------------------------------------------------------------------------

    def accept(self) -> None:
        """Code what the rule finds now, as one action off the GUI thread; the dialog closes
        when it is done, and stays open (saying why) if it is refused."""
        code_id, target = self.code_combo.currentData(), self.target()
        rule = self.rule_editor.rule()
        if (self.runner is not None or self.preview is None or not self.preview.passages
                or code_id is None or target is None or self.context.project is None
                or not self.context.ensure_coder()):
            return
        project, coder = self.context.project, self.context.coder

        def job(control: JobControl) -> Changes:
            return autocode(project, rule, code_id, coder=coder, target=target, control=control)

        self.preview_label.setText(tr("Coding %n passage(s)…", "", self.preview.passages))
        self._run(job, self._on_coded, self._on_refused)

    def _on_coded(self, changes: Changes) -> None:
        self.runner = None
        self.changes = changes
        self.context.changed.emit(changes)
        self.coded.emit(changes)
        super().accept()

    def _on_refused(self, message: str) -> None:
        self.runner = None
        self.preview_label.setText(message)
        self.context.prompts.error(self, message, tr("Autocode"))
        self._update_buttons()

    def done(self, result: int) -> None:
        """Closing stops a count still running (an action still running is waited for)."""
        if self.runner is not None:
            self.runner.cancel()
            self.runner.wait()
            self.runner = None
        super().done(result)
