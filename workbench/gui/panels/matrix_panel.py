"""The matrix tab: cases x codes with a chosen cell, the passages behind a clicked cell, summaries
edited in place, and exports to Excel, Word and CSV running off the GUI thread.

The same tab shows the other tables of the matrix machinery: coders x codes, and codes x codes
(co-occurrence, by overlapping passages or by shared paragraphs); a click on their cells lists
the passages behind them too."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.analysis.row_kinds import RowKind, build_rows, row_cell_passages
from workbench.core.analysis.spec import CELL_MODES, MODE_TITLES, MatrixSpec
from workbench.core.jobs import JobControl
from workbench.core.queries.passages import FilterChoices, Passage, filter_choices
from workbench.core.services.changes import Changes
from workbench.core.services.summaries import set_summary
from workbench.gui.context import AppContext
from workbench.gui.dialogs.job_progress import run_with_progress
from workbench.gui.filter_combos import refill, refill_values
from workbench.gui.flow_layout import FlowLayout
from workbench.gui.i18n import tr
from workbench.gui.models.case_tree_model import kind_label
from workbench.gui.models.matrix_model import MatrixCell, MatrixModel, ObjectRole
from workbench.gui.models.passages_model import PASSAGE, REFERENCE, PassagesModel
from workbench.gui.models.passages_model import ObjectRole as PassageRole
from workbench.gui.stale import RefreshWhenShown
from workbench.gui.workers import JobRunner

if TYPE_CHECKING:
    from workbench.core.analysis.matrix import Matrix

# The matrix machinery (pandas, openpyxl, python-docx) is imported by the functions that build or
# export a matrix: the window paints first, and a hidden matrix tab never loads it.
_SHOWN_KINDS = {"coding", "code", "document", "case", "attribute", "coder", "summary"}
COMBO_MAX_WIDTH = 300  # a long attribute value is elided, not allowed to widen the window
EXPORTS = {"xlsx": ("Excel workbook (*.xlsx)", "Excel…"),
           "docx": ("Word document (*.docx)", "Word…"),
           "csv": ("CSV, UTF-8 (*.csv)", "CSV…")}


class _SummaryEditor(QStyledItemDelegate):
    """Summaries are paragraphs: edit them in a multi-line box (committed when it loses focus)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        return editor

    def setEditorData(self, editor: QWidget,
                      index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QPlainTextEdit)  # made by createEditor
        editor.setPlainText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QWidget, model, index) -> None:
        assert isinstance(editor, QPlainTextEdit)  # made by createEditor
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)


def _captioned(label: str, combo: QComboBox, parent: QWidget) -> QWidget:
    """A caption and its choice box, kept together when the row of choices wraps."""
    pair = QWidget(parent)
    caption = QLabel(label, pair)
    caption.setBuddy(combo)
    combo.setMaximumWidth(COMBO_MAX_WIDTH)
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(caption)
    row.addWidget(combo)
    return pair


class MatrixPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._refresh_later = RefreshWhenShown(self, self._refresh_after_change)
        self.runner: JobRunner | None = None
        self._building = False
        self._build_again = False
        self.model = MatrixModel(self)
        self.model.summaryEdited.connect(self._save_summary)
        self.passages = PassagesModel(self)
        self._build()
        context.projectOpened.connect(self._on_project)
        context.projectClosed.connect(self._on_project)
        context.changed.connect(self._on_changed)
        self._on_project()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.rows_combo = self._combo(tr("Rows"), [(tr(kind.label), kind) for kind in RowKind])
        self.rows_combo.currentIndexChanged.disconnect(self.refresh)
        self.rows_combo.currentIndexChanged.connect(self._rows_chosen)
        self.columns_combo = self._combo(tr("Columns"), [(tr("Themes"), "themes"),
                                                          (tr("Codes"), "codes")])
        self.cell_combo = self._combo(tr("Cells"), [(tr(MODE_TITLES[m]), m) for m in CELL_MODES])
        self.by_combo = self._combo(tr("Group cases by"), [])
        self.coder_combo = self._combo(tr("Coder"), [])
        self.kind_combo = self._combo(tr("Kind"), [])
        self.attribute_combo = self._combo(tr("Only cases with this attribute value"), [])
        self.value_combo = self._combo(tr("The attribute's value"), [])
        self.attribute_combo.currentIndexChanged.disconnect(self.refresh)
        self.attribute_combo.currentIndexChanged.connect(self._attribute_chosen)
        choices = FlowLayout(spacing=8)  # wraps on a narrow window instead of widening it
        for label, combo in ((tr("Rows"), self.rows_combo), (tr("Columns"), self.columns_combo),
                             (tr("Cells"), self.cell_combo),
                             (tr("Group by"), self.by_combo), (tr("Coder"), self.coder_combo),
                             (tr("Kind"), self.kind_combo), (tr("Cases"), self.attribute_combo)):
            choices.addWidget(_captioned(label, combo, self))
        choices.addWidget(self.value_combo)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, (_filter, label) in EXPORTS.items():
            button = QPushButton(tr(label), self)
            button.setToolTip(tr("Export this matrix"))
            button.clicked.connect(lambda _=False, f=fmt: self.export(f))
            self.export_buttons[fmt] = button
            choices.addWidget(button)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_export)
        self.status = QLabel(self)
        status = QHBoxLayout()
        status.addWidget(self.status, 1)
        status.addWidget(self.progress)
        status.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(choices)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._matrix_view())
        splitter.addWidget(self._passages_view())
        splitter.setSizes([400, 180])
        layout.addWidget(splitter, 1)
        layout.addLayout(status)

    def _combo(self, tooltip: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setToolTip(tooltip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self.refresh)
        return combo

    def _matrix_view(self) -> QTableView:
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setItemDelegate(_SummaryEditor(self.view))
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setDefaultSectionSize(130)
        self.view.clicked.connect(self.show_cell)
        return self.view

    def _passages_view(self) -> QWidget:
        box = QWidget(self)
        self.cell_label = QLabel(tr("Click a cell to list its passages."), box)
        self.passages_view = QTableView(box)
        self.passages_view.setModel(self.passages)
        self.passages_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.passages_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.passages_view.verticalHeader().hide()
        self.passages_view.horizontalHeader().setStretchLastSection(False)
        self.passages_view.horizontalHeader().resizeSection(REFERENCE, 320)
        self.passages_view.horizontalHeader().resizeSection(PASSAGE, 520)
        self.passages_view.clicked.connect(self.open_passage)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.cell_label)
        layout.addWidget(self.passages_view, 1)
        return box

    # -- what is shown ---------------------------------------------------------------------

    def spec(self) -> MatrixSpec:
        coder, kind = self.coder_combo.currentData(), self.kind_combo.currentData()
        attribute, value = self.attribute_combo.currentData(), self.value_combo.currentData()
        return MatrixSpec(self.columns_combo.currentData() or "themes",
                          self.cell_combo.currentData() or "count", self.by_combo.currentData(),
                          coders=(coder,) if coder else (), kinds=(kind,) if kind else (),
                          attributes={attribute: (value,)} if attribute and value else {})

    def refresh(self) -> None:
        """Rebuild the matrix in a worker thread (a large project takes a second or two)."""
        if self._building:  # asked again while a build runs: build once more afterwards
            self._build_again = True
            return
        self._building = True
        try:
            matrix = self._build_matrix()
            while self._build_again:
                self._build_again = False
                matrix = self._build_matrix()
        finally:
            self._building = False
        self._show(matrix)

    def rows(self) -> RowKind:
        return RowKind(self.rows_combo.currentData() or RowKind.CASES)

    def _build_matrix(self) -> Matrix | None:
        project, spec, rows = self.context.project, self.spec(), self.rows()
        if project is None:
            return None

        def job(control: JobControl) -> Matrix:
            with project.reading() as session:
                return build_rows(session, rows, spec, control)

        return run_with_progress(self.context, self, tr("Building the matrix"), job)

    def _rows_chosen(self) -> None:
        """Coders show figures only; co-occurrence counts pairs; grouping is for cases."""
        rows = self.rows()
        allowed = rows.cell_modes
        model = self.cell_combo.model()
        assert isinstance(model, QStandardItemModel)
        for number in range(self.cell_combo.count()):
            mode = self.cell_combo.itemData(number)
            model.item(number).setEnabled(allowed is None or mode in allowed)
        if allowed is not None and self.cell_combo.currentData() not in allowed:
            self.cell_combo.blockSignals(True)
            self.cell_combo.setCurrentIndex(self.cell_combo.findData("count"))
            self.cell_combo.blockSignals(False)
        self.by_combo.setEnabled(rows is RowKind.CASES)
        self.refresh()

    def _show(self, matrix: Matrix | None) -> None:
        self.model.set_matrix(matrix)
        self.view.resizeColumnsToContents()
        if matrix is not None and matrix.spec.numeric:
            for column in range(self.model.lead_columns, self.model.columnCount()):
                self.view.setColumnWidth(column, min(220, max(90, self.view.columnWidth(column))))
        elif matrix is not None:
            for column in range(self.model.lead_columns, self.model.columnCount()):
                self.view.setColumnWidth(column, 260)
            self.view.resizeRowsToContents()
        self.passages.set_passages([])
        self.cell_label.setText(tr("Click a cell to list its passages."))

    def show_cell(self, index: QModelIndex) -> None:
        """List the passages behind a clicked cell."""
        cell = index.data(ObjectRole)
        if not isinstance(cell, MatrixCell) or self.context.project is None:
            return
        found = self._cell_passages(cell)
        self.passages.set_passages(found)
        self.cell_label.setText(tr("{0} × {1}: {2}").format(
            cell.row.name, cell.column.name, tr("%n passage(s)", "", len(found))))

    def _cell_passages(self, cell: MatrixCell) -> list[Passage]:
        matrix = self.model.matrix()
        assert matrix is not None
        with self.context.reading() as session:
            return row_cell_passages(session, self.rows(), self.spec(), matrix,
                                     cell.row.case_id, cell.column)

    def open_passage(self, index: QModelIndex) -> None:
        passage = index.data(PassageRole) if index.isValid() else None
        if passage is not None:
            self.context.open_document(passage.document_id, passage.start, passage.end)

    def _save_summary(self, case_id: int, code_id: int, text: str) -> None:
        if self.context.ensure_coder():
            self.context.run(set_summary, case_id, code_id, text, author=self.context.coder)

    # -- exporting -------------------------------------------------------------------------

    def export(self, fmt: str) -> None:
        """Ask where, then write the matrix in a worker thread with a progress bar."""
        project = self.context.project
        if project is None or self.runner is not None:
            return
        chosen = self.context.prompts.save_file(self, tr("Export the matrix"), tr(EXPORTS[fmt][0]))
        if not chosen:
            return
        path = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(f".{fmt}")
        from workbench.core.exporters.matrix_export import export_matrix

        spec, rows = self.spec(), self.rows()
        single = fmt == "csv" or rows.single_view
        cells = [spec.cell] if single else list(dict.fromkeys([spec.cell, "passages"]))
        self.runner = JobRunner(
            lambda control: export_matrix(project, spec, cells, fmt, path, control, rows=rows),
            self)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(
            lambda written: self._export_done(tr("Wrote {0}").format(written)))
        self.runner.failed.connect(self._export_failed)
        self.runner.cancelled.connect(lambda: self._export_done(tr("Export cancelled.")))
        self._exporting(True)
        self.runner.start()

    def cancel_export(self) -> None:
        if self.runner is not None:
            self.runner.cancel()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(message)

    def _exporting(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        for button in self.export_buttons.values():
            button.setEnabled(not running)

    def _export_done(self, message: str) -> None:
        self.runner = None
        self._exporting(False)
        self.status.setText(message)

    def _export_failed(self, message: str) -> None:
        self._export_done(tr("Export failed."))
        self.context.prompts.error(self, message)

    # -- reacting to the project -----------------------------------------------------------

    def _on_project(self) -> None:
        self._load_choices()
        if self._refresh_later.shown() or self.context.project is None:
            self.refresh()
        else:
            self._refresh_later.stale = True  # built when the tab is first shown

    def _load_choices(self) -> None:
        self._choices = FilterChoices()
        if self.context.project is not None:
            with self.context.reading() as session:
                self._choices = filter_choices(session)
        attributes = [(name, name) for name in self._choices.attributes]
        refill(self.by_combo, tr("No grouping"), attributes)
        refill(self.coder_combo, tr("All coders"),
              [(name, name) for _id, name in self._choices.coders])
        refill(self.kind_combo, tr("All kinds"),
              [(kind_label(kind), kind) for kind in self._choices.kinds])
        refill(self.attribute_combo, tr("All cases"), attributes)
        self._fill_values()

    def _fill_values(self) -> None:
        refill_values(self.value_combo, self.attribute_combo.currentData(), self._choices)

    def _attribute_chosen(self) -> None:
        self._fill_values()
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.kinds & _SHOWN_KINDS:
            self._refresh_later()  # after the document view and codebook have drawn the change

    @property
    def _refresh_pending(self) -> bool:
        return self._refresh_later.pending

    def _refresh_after_change(self) -> None:
        if self.context.project is not None:
            self._load_choices()
            self.refresh()
