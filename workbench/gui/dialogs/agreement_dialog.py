"""Inter-coder agreement: choose coders, codes and documents; read the measures per code with
their intervals; browse the passages the coders disagree on and open each in the document view.

The computation runs in a :class:`JobRunner` (off the GUI thread), with progress and cancel.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.analysis.agreement import (
    AgreementReport,
    AgreementSettings,
    Disagreement,
    ResultRow,
    agreement_report,
)
from workbench.core.errors import WorkbenchError
from workbench.core.exporters.agreement_docx import write_agreement_docx
from workbench.core.exporters.agreement_xlsx import write_agreement_xlsx
from workbench.core.jobs import JobControl
from workbench.core.queries.listing import list_cases, list_codes, list_documents
from workbench.core.queries.passages import filter_choices
from workbench.gui.code_names import shown_name
from workbench.gui.context import AppContext
from workbench.gui.dialogs.agreement_notes import chance_story, explanation_html
from workbench.gui.i18n import tr
from workbench.gui.icons import icon, swatch
from workbench.gui.models.agreement_model import (
    LABEL,
    AgreementModel,
    DisagreementModel,
    ObjectRole,
    SortRole,
)
from workbench.gui.window_layout import fit_size
from workbench.gui.workers import JobRunner

EXCEL_FILTER = "Excel workbook (*.xlsx)"
WORD_FILTER = "Word document (*.docx)"


def open_agreement_dialog(context: AppContext, parent: QWidget | None = None) -> AgreementDialog:
    """Show the agreement dialog (not modal: the researcher reads passages beside it)."""
    dialog = AgreementDialog(context, parent)
    dialog.show()
    return dialog


class AgreementDialog(QDialog):
    computed = Signal(object)  # the AgreementReport, once the tables show it

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner: JobRunner | None = None
        self.report: AgreementReport | None = None
        self.setWindowTitle(tr("Inter-coder agreement"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_size(self, 1100, 720)
        self._build()
        self._fill_choices()
        context.projectClosed.connect(self.close)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.coder_list, self.code_list, self.document_list = (
            self._checklist() for _ in range(3))
        choices = QHBoxLayout()
        for title, widget in ((tr("Coders (two or more)"), self.coder_list),
                              (tr("Codes"), self.code_list), (tr("Documents"), self.document_list)):
            box = QGroupBox(title, self)
            QVBoxLayout(box).addWidget(widget)
            choices.addWidget(box, 1 if widget is self.coder_list else 2)
        self.overlap_spin = QSpinBox(self)
        self.overlap_spin.setRange(1, 100)
        self.overlap_spin.setValue(90)
        self.overlap_spin.setSuffix("%")
        self.overlap_spin.setToolTip(tr("A segment counts as matched when another coder coded "
                                        "at least this share of it with the same code."))
        self.seed_spin = QSpinBox(self)
        self.seed_spin.setRange(-1, 2_000_000_000)
        self.seed_spin.setValue(-1)
        self.seed_spin.setSpecialValueText(tr("random"))
        self.seed_spin.setToolTip(tr("Fix the seed to get the same intervals every time."))
        self.compute_button = QPushButton(tr("Compute"), self)
        self.compute_button.setDefault(True)
        self.compute_button.clicked.connect(self.compute)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        form = QFormLayout()
        form.addRow(tr("Segment overlap:"), self.overlap_spin)
        form.addRow(tr("Bootstrap seed:"), self.seed_spin)
        self.hand_only_check = QCheckBox(tr("Leave out autocodings (hand coding only)"), self)
        form.addRow("", self.hand_only_check)
        controls = QHBoxLayout()
        controls.addLayout(form)
        controls.addStretch()
        controls.addWidget(self.compute_button)
        controls.addWidget(self.cancel_button)
        self.progress_bar = QProgressBar(self)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.results_model = AgreementModel(self)
        self.results_view = self._table(self.results_model)
        self.results_view.selectionModel().currentRowChanged.connect(self._show_disagreements_of)
        self.disagreement_model = DisagreementModel(self)
        self.disagreement_view = self._table(self.disagreement_model)
        self.disagreement_view.activated.connect(self._open_passage)
        self.disagreement_view.doubleClicked.connect(self._open_passage)
        self.disagreement_label = QLabel(tr("Passages the coders disagree on"), self)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.disagreement_label)
        lower_layout.addWidget(self.disagreement_view)
        self.explanation = QLabel(explanation_html(), self)
        self.explanation.setObjectName("measureExplanation")
        self.explanation.setWordWrap(True)
        self.story_label = QLabel(self)
        self.story_label.setObjectName("chanceStory")
        self.story_label.setWordWrap(True)
        self.story_label.hide()
        results = QWidget(self)
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results_view, 1)
        results_layout.addWidget(self.story_label)
        results_layout.addWidget(self.explanation)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(choices, 1)
        top_layout.addLayout(controls)
        # The choices, the results and the disagreements share the height: drag to give more.
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(results)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        self.splitter = splitter
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.excel_button = self.buttons.addButton(tr("Export to Excel…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.word_button = self.buttons.addButton(tr("Export to Word…"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.excel_button.setIcon(icon("save"))
        self.word_button.setIcon(icon("save"))
        self.excel_button.clicked.connect(lambda: self.export("xlsx"))
        self.word_button.clicked.connect(lambda: self.export("docx"))
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self._update_buttons()

    def _checklist(self) -> QListWidget:
        widget = QListWidget(self)
        widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        widget.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # both ends of a long name show
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setMinimumHeight(widget.fontMetrics().height() * 7 + 8)  # six rows or more
        return widget

    def _table(self, model: AgreementModel | DisagreementModel) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SortRole)
        view = QTableView(self)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the core's order until clicked
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setMinimumSectionSize(40)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.setWordWrap(False)
        if isinstance(model, AgreementModel):  # the header says it in full
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return view

    def _fill_choices(self) -> None:
        with self.context.reading() as session:
            coders = filter_choices(session).coders
            codes = list_codes(session)
            cases = {case.id: case.name for case in list_cases(session)}
            documents = list_documents(session)
        for _, name in coders:
            self._add(self.coder_list, name, name)
        for code in codes:
            item = self._add(self.code_list, "    " * code.depth + shown_name(code.name), code.id)
            item.setIcon(swatch(code.colour))
        for document in documents:
            self._add(self.document_list, f"{cases.get(document.case_id, '')} · {document.title}",
                      document.id)

    def _add(self, widget: QListWidget, text: str, value: object) -> QListWidgetItem:
        item = QListWidgetItem(text, widget)
        item.setToolTip(text.strip())
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        return item

    # -- choosing --------------------------------------------------------------------------

    @staticmethod
    def checked(widget: QListWidget) -> list:
        return [widget.item(n).data(Qt.ItemDataRole.UserRole) for n in range(widget.count())
                if widget.item(n).checkState() == Qt.CheckState.Checked]

    @staticmethod
    def set_checked(widget: QListWidget, values: list) -> None:
        for n in range(widget.count()):
            item = widget.item(n)
            wanted = item.data(Qt.ItemDataRole.UserRole) in values
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def settings(self) -> AgreementSettings:
        codes = self.checked(self.code_list)
        documents = self.checked(self.document_list)
        return AgreementSettings(
            coders=self.checked(self.coder_list),
            code_ids=None if len(codes) == self.code_list.count() else codes,
            document_ids=None if len(documents) == self.document_list.count() else documents,
            overlap=self.overlap_spin.value() / 100,
            seed=None if self.seed_spin.value() < 0 else self.seed_spin.value(),
            without_autocodes=self.hand_only_check.isChecked())

    # -- computing -------------------------------------------------------------------------

    def compute(self) -> None:
        if self.runner is not None or self.context.project is None:
            return
        settings = self.settings()
        if len(settings.coders) < 2:
            self.context.prompts.error(self, tr("Choose two or more coders."))
            return
        if settings.code_ids == [] or settings.document_ids == []:
            self.context.prompts.error(self, tr("Choose at least one code and one document."))
            return
        project = self.context.project

        def job(control: JobControl) -> AgreementReport:
            with project.reading() as session:
                return agreement_report(session, settings, control)

        self.runner = JobRunner(job, self)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.status_label.setText(tr("Comparing the coders…"))
        self.runner.start()
        self._update_buttons()

    def cancel(self) -> None:
        if self.runner is not None:
            self.runner.cancel()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        if message:
            self.status_label.setText(tr("Comparing the coders in {document}…").format(
                document=message))

    def _on_finished(self, report: AgreementReport) -> None:
        self.runner = None
        self.report = report
        self.results_model.set_report(report)
        self.results_view.resizeColumnsToContents()
        self._show_story(report.overall)
        self._show_disagreements(None)
        self.status_label.setText(self._summary(report))
        self._update_buttons()
        self.computed.emit(report)

    def _on_failed(self, message: str) -> None:
        self.runner = None
        self.status_label.setText(message)
        self.context.prompts.error(self, message, tr("Inter-coder agreement"))
        self._update_buttons()

    def _on_cancelled(self) -> None:
        self.runner = None
        self.status_label.setText(tr("Cancelled."))
        self._update_buttons()

    def _summary(self, report: AgreementReport) -> str:
        text = tr("{documents} documents compared, {all} coded by every coder; "
                  "{disagreements} passages disagreed on.").format(
            documents=len(report.documents), all=report.all_coders_documents,
            disagreements=len(report.disagreements))
        if report.left_out:
            text += " " + tr("{count} documents coded by only one coder are left out.").format(
                count=len(report.left_out))
        return text

    def _update_buttons(self) -> None:
        running = self.runner is not None
        self.compute_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress_bar.setVisible(running)
        for button in (self.excel_button, self.word_button):
            button.setEnabled(self.report is not None and not running)

    # -- the disagreement browser ----------------------------------------------------------

    def _show_disagreements_of(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.siblingAtColumn(LABEL).data(ObjectRole) if current.isValid() else None
        self._show_disagreements(row)
        overall = self.report.overall if self.report is not None else None
        self._show_story(row if row is not None else overall)

    def _show_story(self, row: ResultRow | None) -> None:
        story = chance_story(row)
        self.story_label.setText(story)
        self.story_label.setVisible(bool(story))

    def _show_disagreements(self, row: ResultRow | None) -> None:
        if self.report is None:
            return
        shown = [d for d in self.report.disagreements if _belongs(d, row)]
        self.disagreement_model.set_disagreements(shown, self.report.coders)
        self.disagreement_label.setText(
            tr("Passages the coders disagree on: {count}").format(count=len(shown)) if row is None
            or row.kind == "overall" else tr("Passages the coders disagree on in {label}: "
                                            "{count}").format(label=row.label, count=len(shown)))
        header = self.disagreement_view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.disagreement_model.columnCount()):
            mode = QHeaderView.ResizeMode.Interactive if column < 2 else (
                QHeaderView.ResizeMode.Stretch)  # the coders' passages share the width
            header.setSectionResizeMode(column, mode)
        header.resizeSection(0, 330)
        header.resizeSection(1, 170)

    def disagreements_shown(self) -> list[Disagreement]:
        model = self.disagreement_view.model()
        return [model.index(n, 0).data(ObjectRole) for n in range(model.rowCount())]

    def _open_passage(self, index: QModelIndex) -> None:
        item: Disagreement | None = index.data(ObjectRole)
        if item is not None:
            self.context.open_document(item.document_id, item.start, item.end)

    # -- exports ---------------------------------------------------------------------------

    def export(self, form: str) -> None:
        if self.report is None:
            return
        title = tr("Export agreement")
        path = self.context.prompts.save_file(self, title, tr(EXCEL_FILTER) if form == "xlsx"
                                              else tr(WORD_FILTER))
        if not path:
            return
        if not path.lower().endswith(f".{form}"):
            path += f".{form}"
        try:
            (write_agreement_xlsx if form == "xlsx" else write_agreement_docx)(self.report, path)
        except WorkbenchError as error:
            self.context.prompts.error(self, str(error), title)
            return
        self.status_label.setText(tr("Wrote {path}.").format(path=path))

    def closeEvent(self, event) -> None:
        if self.runner is not None:
            self.runner.cancel()
            self.runner.wait()
        super().closeEvent(event)


def _belongs(disagreement: Disagreement, row: ResultRow | None) -> bool:
    """Whether a disagreement belongs under a result row (a code, a theme's subtree, a case)."""
    if row is None or row.kind == "overall":
        return True
    if row.kind == "case":
        return disagreement.case == row.label
    if row.kind == "theme":
        return disagreement.code == row.label or disagreement.code.startswith(row.label + "/")
    return disagreement.code_id == row.code_id
