"""The Report dialog: choose what goes into the Word report (matrices, charts, agreement,
codebook, paper), then write it off the GUI thread with progress and cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from workbench.core.analysis.spec import MODE_TITLES, MatrixSpec
from workbench.core.charts import CHART_KINDS, CHART_TITLES
from workbench.core.exporters.docx_page import default_paper
from workbench.core.exporters.options import ExportOptions
from workbench.core.exporters.report_docx import ReportSettings, write_report
from workbench.gui.context import AppContext
from workbench.gui.i18n import tr
from workbench.gui.workers import JobRunner

WORD_FILTER = "Word document (*.docx)"
MATRICES = ("count", "row_percent", "column_percent", "documents", "passages", "summary")
CHOSEN = {"count", "row_percent", "passages"}


def open_report_dialog(context: AppContext, parent: QWidget | None = None) -> ReportDialog:
    dialog = ReportDialog(context, parent)
    dialog.show()
    return dialog


class ReportDialog(QDialog):
    written = Signal(str)  # the report's path, once written

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner: JobRunner | None = None
        self.setWindowTitle(tr("Report"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._build()
        context.projectClosed.connect(self.close)

    def _build(self) -> None:
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(tr("Project name: coding report"))
        self.columns_combo = QComboBox(self)
        self.columns_combo.addItem(tr("Themes"), "themes")
        self.columns_combo.addItem(tr("Codes"), "codes")
        self.paper_combo = QComboBox(self)
        self.paper_combo.addItem(tr("A4"), "a4")
        self.paper_combo.addItem(tr("US Letter"), "letter")
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(default_paper()))
        form = QFormLayout()
        form.addRow(tr("Title"), self.title_edit)
        form.addRow(tr("Matrix columns"), self.columns_combo)
        form.addRow(tr("Paper"), self.paper_combo)
        self.matrix_boxes = self._group(tr("Matrices (numbered tables)"),
                                        {mode: tr(MODE_TITLES[mode]) for mode in MATRICES},
                                        CHOSEN)
        self.chart_boxes = self._group(tr("Charts (numbered figures)"),
                                       {kind: tr(CHART_TITLES[kind]) for kind in CHART_KINDS},
                                       set(CHART_KINDS))
        self.part_boxes = self._group(tr("Also"), {
            "cooccurrence": tr("Code co-occurrence table"),
            "agreement": tr("Inter-coder agreement (all coders)"),
            "codebook": tr("Codebook appendix"),
            "merge": tr("One quotation for a passage several coders coded alike")},
            {"cooccurrence", "agreement", "codebook"})
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.write_button = self.buttons.addButton(tr("Write report…"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.write_button.clicked.connect(self.write)
        self.buttons.rejected.connect(self._close_or_cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for group in (self.matrix_boxes, self.chart_boxes, self.part_boxes):
            layout.addWidget(group["_box"])
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _group(self, title: str, items: dict[str, str],
               checked: set[str]) -> dict[str, QGroupBox | QCheckBox]:
        box = QGroupBox(title, self)
        inner = QVBoxLayout(box)
        boxes: dict[str, QGroupBox | QCheckBox] = {"_box": box}
        for key, label in items.items():
            check = QCheckBox(label, box)
            check.setChecked(key in checked)
            inner.addWidget(check)
            boxes[key] = check
        return boxes

    def _ticked(self, boxes: dict[str, QGroupBox | QCheckBox]) -> tuple[str, ...]:
        return tuple(key for key, box in boxes.items() if key != "_box" and box.isChecked())

    def settings(self) -> ReportSettings:
        parts = set(self._ticked(self.part_boxes))
        return ReportSettings(
            spec=MatrixSpec(self.columns_combo.currentData() or "themes"),
            matrices=self._ticked(self.matrix_boxes), cooccurrence="cooccurrence" in parts,
            charts=self._ticked(self.chart_boxes),
            agreement_coders=None if "agreement" in parts else (),
            codebook="codebook" in parts, title=self.title_edit.text().strip(),
            options=ExportOptions(self.paper_combo.currentData(), "merge" in parts))

    def write(self) -> None:
        project = self.context.project
        if project is None or self.runner is not None:
            return
        path = self.context.prompts.save_file(self, tr("Write the report"), tr(WORD_FILTER))
        if not path:
            return
        if not path.lower().endswith(".docx"):
            path += ".docx"
        settings = self.settings()
        self.runner = JobRunner(lambda control: write_report(project, path, settings, control),
                                self)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(lambda _path: self._done(tr("Wrote {path}").format(
            path=path), path))
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(lambda: self._done(tr("Report cancelled."), ""))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.write_button.setEnabled(False)
        self.runner.start()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.status.setText(message)

    def _done(self, message: str, path: str) -> None:
        self.runner = None
        self.progress.hide()
        self.write_button.setEnabled(True)
        self.status.setText(message)
        if path:
            self.written.emit(path)

    def _failed(self, message: str) -> None:
        self._done(tr("The report was not written."), "")
        self.context.prompts.error(self, message)

    def _close_or_cancel(self) -> None:
        if self.runner is not None:
            self.runner.cancel()
            return
        self.reject()
