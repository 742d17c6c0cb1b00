"""The charts tab: code frequencies per case, the cases x themes heat map, the co-occurrence
network and the coder comparison, the same matplotlib figures the exports and the report hold,
with buttons to save the shown chart as PNG (300 dpi) or SVG.

matplotlib (and its Qt canvas) is imported the first time a chart is drawn, so the window
starts without it. A chart is redrawn when the project changes only while the tab is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.analysis.spec import MatrixSpec
from workbench.core.charts import CHART_KINDS, CHART_TITLES
from workbench.core.errors import WorkbenchError
from workbench.core.jobs import JobControl
from workbench.core.services.changes import Changes
from workbench.gui.context import AppContext
from workbench.gui.dialogs.job_progress import run_with_progress
from workbench.gui.i18n import tr
from workbench.gui.stale import RefreshWhenShown

if TYPE_CHECKING:  # pandas and matplotlib load with the first chart, not with the window
    from workbench.core.analysis.matrix import Matrix
    from workbench.core.charts.build import ChartRequest

SAVE_FILTERS = {"png": "PNG image, 300 dpi (*.png)", "svg": "SVG drawing (*.svg)"}


class ChartPanel(QWidget):
    """A chart of the open project, chosen by kind, with its export buttons."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.canvas: Any = None  # matplotlib's FigureCanvasQTAgg, made on first draw
        self.matrix: Matrix | None = None
        self._refresh_later = RefreshWhenShown(self, self.redraw)
        self._refresh_later.stale = True  # drawn when first shown
        self._build()
        context.projectOpened.connect(self._mark_stale)
        context.projectClosed.connect(self._mark_stale)
        context.changed.connect(self._on_changed)

    def _build(self) -> None:
        self.kind_combo = QComboBox(self)
        for kind in CHART_KINDS:
            self.kind_combo.addItem(tr(CHART_TITLES[kind]), kind)
        self.columns_combo = QComboBox(self)
        self.columns_combo.addItem(tr("Themes"), "themes")
        self.columns_combo.addItem(tr("Codes"), "codes")
        self.stacked_box = QCheckBox(tr("Stacked bars"), self)
        self.stacked_box.setChecked(True)
        self.across_box = QCheckBox(tr("Pairs across coders"), self)
        self.across_box.setToolTip(tr("Also count one coder's code beside another coder's "
                                      "(that is disagreement more than co-occurrence)"))
        row = QHBoxLayout()
        for label, widget in ((tr("Chart"), self.kind_combo), (tr("Columns"), self.columns_combo)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
        row.addWidget(self.stacked_box)
        row.addWidget(self.across_box)
        row.addStretch(1)
        self.save_buttons: dict[str, QPushButton] = {}
        for fmt, text in (("png", tr("PNG…")), ("svg", tr("SVG…"))):
            button = QPushButton(text, self)
            button.setToolTip(tr("Save this chart"))
            button.clicked.connect(lambda _=False, f=fmt: self.save(f))
            self.save_buttons[fmt] = button
            row.addWidget(button)
        for widget in (self.kind_combo, self.columns_combo):
            widget.currentIndexChanged.connect(self.redraw)
        for box in (self.stacked_box, self.across_box):
            box.toggled.connect(self.redraw)
        self.placeholder = QLabel(tr("Open a project to see its charts."), self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.placeholder, 1)
        self._enable()

    def request(self) -> ChartRequest:
        from workbench.core.charts.build import ChartRequest

        kind = self.kind_combo.currentData() or "frequencies"
        return ChartRequest(kind, MatrixSpec(self.columns_combo.currentData() or "themes"),
                            stacked=self.stacked_box.isChecked(),
                            across_coders=self.across_box.isChecked())

    def show_chart(self, kind: str) -> None:
        """Show the chart of this kind (e.g. from the Analysis menu)."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.redraw()

    def redraw(self) -> None:
        """Build the chart's matrix off the GUI thread, then draw it (only while shown)."""
        self._enable()
        project = self.context.project
        if project is None or not self._refresh_later.shown():
            self._refresh_later.stale = True
            return
        self._refresh_later.stale = False
        request = self.request()

        from workbench.core.charts.build import chart_matrix, draw

        def job(_control: JobControl) -> Matrix:
            with project.reading() as session:
                return chart_matrix(session, request)

        matrix = run_with_progress(self.context, self, tr("Drawing the chart"), job)
        if matrix is not None:
            self.matrix = matrix
            self._show(draw(request, matrix))

    def _show(self, figure: Any) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        canvas = FigureCanvasQTAgg(figure)
        canvas.setParent(self)
        old = self.canvas or self.placeholder
        self.layout_.replaceWidget(old, canvas)
        old.hide()
        if self.canvas is not None:
            self.canvas.deleteLater()
        self.canvas = canvas
        canvas.show()
        canvas.draw_idle()

    def save(self, fmt: str) -> None:
        if self.canvas is None:
            return
        path = self.context.prompts.save_file(self, tr("Save the chart"), tr(SAVE_FILTERS[fmt]))
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        try:
            from workbench.core.charts.build import save_figure

            save_figure(self.canvas.figure, path)
        except (WorkbenchError, OSError) as error:
            self.context.prompts.error(self, str(error))

    def _mark_stale(self) -> None:
        if self.context.project is None and self.canvas is not None:
            self.canvas.hide()
            self.layout_.replaceWidget(self.canvas, self.placeholder)
            self.placeholder.show()
            self.canvas.deleteLater()
            self.canvas = None
        self._refresh_later()  # drawn now if on screen, else when next shown
        self._enable()

    def _on_changed(self, changes: Changes) -> None:
        self._mark_stale()

    def _enable(self) -> None:
        kind = self.kind_combo.currentData()
        self.stacked_box.setEnabled(kind == "frequencies")
        self.across_box.setEnabled(kind == "network")
        self.columns_combo.setEnabled(True)
        for button in self.save_buttons.values():
            button.setEnabled(self.canvas is not None)
