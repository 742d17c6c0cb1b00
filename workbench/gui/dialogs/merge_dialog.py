"""The merge preview: every code pairing with its difference and a choice, then Merge.

``open_codebook_merge`` asks for a ``.qdc``; ``open_project_merge`` for another project or a
``.qdpx``. Merging runs off the GUI thread with a progress bar; it is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.jobs import JobControl
from workbench.core.merge.codebook_apply import merge_codebook
from workbench.core.merge.codebook_plan import Choice, CodebookPlan, plan_codebook_merge
from workbench.core.merge.other_project import read_codebook_from
from workbench.core.merge.project_merge import merge_project, plan_project_merge
from workbench.core.services.changes import Changes
from workbench.gui.context import AppContext
from workbench.gui.i18n import tr
from workbench.gui.models.merge_plan_model import (
    CHOICE,
    DIFFERENCE,
    OURS,
    THEIRS,
    MergePlanModel,
    choice_label,
    path_text,
)
from workbench.gui.window_layout import fit_size
from workbench.gui.workers import JobRunner

MergeJob = Callable[[CodebookPlan, JobControl], Changes]
CODEBOOK_FILTER = ("REFI-QDA codebooks (*.qdc);;Projects and REFI-QDA projects (*.cwb *.qdpx);;"
                   "All files (*)")
PROJECT_FILTER = "Projects and REFI-QDA projects (*.cwb *.qdpx);;All files (*)"


class MergeDialog(QDialog):
    merged = Signal(object)  # Changes

    def __init__(self, context: AppContext, plan: CodebookPlan, job: MergeJob, title: str,
                 summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.plan = plan
        self._job = job
        self.runner: JobRunner | None = None
        self.setWindowTitle(title)
        fit_size(self, 900, 560)
        self.model = MergePlanModel(plan, self)
        self._build(summary)
        self._show_row()

    def _build(self, summary: str) -> None:
        intro = QLabel(summary)
        intro.setWordWrap(True)
        self.show_same = QCheckBox(tr("Show codes that are the same on both sides"))
        self.show_same.toggled.connect(self.model.set_show_same)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for column, mode in ((THEIRS, QHeaderView.ResizeMode.Stretch),
                             (OURS, QHeaderView.ResizeMode.Stretch),
                             (DIFFERENCE, QHeaderView.ResizeMode.ResizeToContents),
                             (CHOICE, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideLeft)  # keep the code's own name
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_row())
        self.model.modelReset.connect(self._show_row)
        self.choice_combo = QComboBox()
        self.choice_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.choice_combo.activated.connect(lambda _i: self._apply_choice())
        self.pair_combo = QComboBox()
        self.pair_combo.activated.connect(lambda _i: self._apply_choice())
        choice_row = QHBoxLayout()
        choice_row.addWidget(QLabel(tr("Choice for the selected row:")))
        choice_row.addWidget(self.choice_combo)
        choice_row.addWidget(self.pair_combo, 1)
        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.status_label = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(tr("Merge"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.start_merge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.show_same, self.table):
            layout.addWidget(widget)
        layout.addLayout(choice_row)
        for part in (self.progress_bar, self.status_label, self.buttons):
            layout.addWidget(part)

    # -- choosing ----------------------------------------------------------------------------

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def _current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def _show_row(self) -> None:
        row = self._current_row()
        self.choice_combo.clear()
        self.pair_combo.clear()
        plan_row = self.plan.rows[self.model.plan_row(row)] if row is not None else None
        enabled = plan_row is not None and plan_row.theirs is not None
        self.choice_combo.setEnabled(enabled)
        self.pair_combo.setEnabled(False)
        if not enabled or plan_row is None:
            return
        for choice in plan_row.choices:
            self.choice_combo.addItem(choice_label(plan_row, choice), choice.value)
        self.choice_combo.setCurrentIndex(plan_row.choices.index(plan_row.choice))
        ours = [*plan_row.suggestions,
                *(i for i in self.plan.ours if i not in plan_row.suggestions)]
        for code_id in ours:
            self.pair_combo.addItem(path_text(self.plan.ours[code_id].path), code_id)
        if plan_row.pair_with is not None:
            self.pair_combo.setCurrentIndex(ours.index(plan_row.pair_with))
        self.pair_combo.setEnabled(plan_row.choice is Choice.PAIR)

    def choose(self, choice: Choice, pair_with: int | None = None) -> None:
        """Set the selected row's choice, as picking it in the combos does."""
        self.choice_combo.setCurrentIndex(self.choice_combo.findData(Choice(choice).value))
        if pair_with is not None:
            self.pair_combo.setCurrentIndex(self.pair_combo.findData(pair_with))
        self._apply_choice()

    def _apply_choice(self) -> None:
        row = self._current_row()
        data = self.choice_combo.currentData()
        if row is None or data is None:
            return
        choice = Choice(data)  # Qt hands the enum back as its plain string
        pair_with = self.pair_combo.currentData() if choice is Choice.PAIR else None
        try:
            self.model.choose(row, choice, pair_with)
        except WorkbenchError as error:
            self.context.prompts.error(self, str(error))
        self.pair_combo.setEnabled(choice is Choice.PAIR)

    # -- merging -----------------------------------------------------------------------------

    def start_merge(self) -> None:
        if self.runner is not None:
            return
        plan, job = self.plan, self._job
        self.runner = JobRunner(lambda control: job(plan, control), self)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self.merge_button.setEnabled(False)
        self.status_label.setText(tr("Merging…"))
        self.runner.start()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.status_label.setText(tr("Merging {what} ({done} of {total})…").format(
            what=message, done=done, total=total))

    def _on_finished(self, changes: Changes) -> None:
        self.runner = None
        self.status_label.setText(changes.message)
        self.context.changed.emit(changes)
        self.merged.emit(changes)
        self.accept()
        # A merge ends with its summary, said once more where the researcher looks next.
        summary = tr("{0} Undo (Ctrl+Z) takes the whole merge back.").format(changes.message)
        self.context.status.emit(summary)
        self.context.prompts.inform(self.parentWidget(), summary, self.windowTitle())

    def _on_failed(self, message: str) -> None:
        self.runner = None
        self.progress_bar.setVisible(False)
        self.merge_button.setEnabled(True)
        self.status_label.setText(message)
        self.context.prompts.error(self, message, self.windowTitle())

    def reject(self) -> None:
        if self.runner is not None:
            return  # a merge is one transaction: it finishes or fails as a whole
        super().reject()


def _summary(plan: CodebookPlan) -> str:
    counts = plan.counts()
    parts = [f"{value} {tr(key)}" for key, value in sorted(counts.items())]
    return tr("Codes: {parts}. Nothing of ours is overwritten unless you choose “take theirs”."
              ).format(parts=", ".join(parts))


def open_codebook_merge(context: AppContext, parent: QWidget | None = None) -> MergeDialog | None:
    """Ask for a .qdc file and show the merge preview (the dialog opens itself)."""
    if context.project is None:
        return None
    path = context.prompts.open_file(parent, tr("Merge a codebook"), tr(CODEBOOK_FILTER))
    if not path:
        return None
    try:
        codebook = read_codebook_from(path)
        with context.reading() as session:
            plan = plan_codebook_merge(session, codebook, Path(path).name)
    except WorkbenchError as error:
        context.prompts.error(parent, str(error))
        return None
    project, author = context.project, context.coder

    def job(chosen: CodebookPlan, _control: JobControl) -> Changes:
        return merge_codebook(project, codebook, chosen, author=author, source=Path(path).name)

    return _open(context, plan, job, tr("Merge codebook {name}").format(name=Path(path).name),
                 _summary(plan), parent)


def open_project_merge(context: AppContext, parent: QWidget | None = None) -> MergeDialog | None:
    """Ask for another project (or a .qdpx) and show the merge preview."""
    if context.project is None:
        return None
    path = context.prompts.open_file(parent, tr("Merge another project"), tr(PROJECT_FILTER))
    if not path:
        return None
    try:
        project_plan = plan_project_merge(context.project, path)
    except WorkbenchError as error:
        context.prompts.error(parent, str(error))
        return None
    project, author = context.project, context.coder

    def job(chosen: CodebookPlan, control: JobControl) -> Changes:
        project_plan.codebook = chosen
        return merge_project(project, plan=project_plan, author=author, control=control)

    counts = "; ".join(f"{key}: {value}" for key, value in project_plan.counts.items())
    summary = f"{counts}.\n{_summary(project_plan.codebook)}"
    if project_plan.warnings:
        summary += "\n" + "\n".join(project_plan.warnings[:5])
    return _open(context, project_plan.codebook, job,
                 tr("Merge project {name}").format(name=Path(path).name), summary, parent)


def _open(context: AppContext, plan: CodebookPlan, job: MergeJob, title: str, summary: str,
          parent: QWidget | None) -> MergeDialog:
    dialog = MergeDialog(context, plan, job, title, summary, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
