"""A researcher opens the Charts tab of the window, looks at each chart and saves one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from matplotlib.collections import LineCollection
from matplotlib.container import BarContainer
from matplotlib.image import AxesImage

from workbench.core.analysis.cooccurrence import cooccurrence_matrix
from workbench.core.analysis.matrix import build_matrix
from workbench.core.analysis.spec import MatrixSpec
from workbench.gui.main_window import MainWindow


@pytest.fixture
def window(shown_window: MainWindow) -> MainWindow:
    """The main window on the small coded project of the GUI fixtures."""
    return shown_window


@pytest.mark.slow  # loads matplotlib and draws in the shown window
def test_the_chart_view_opens_in_the_window_and_draws_the_matrix(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.charts_action.trigger()
    panel = window.chart_panel
    qtbot.waitUntil(lambda: panel.canvas is not None, timeout=20000)
    assert not panel.visibleRegion().isEmpty() and panel.canvas.isVisible()  # its tab is up
    project = window.context.project
    with project.reading() as session:
        counts = build_matrix(session, MatrixSpec())
        pairs = cooccurrence_matrix(session, MatrixSpec())
    figure = panel.canvas.figure
    bars = [c for c in figure.axes[0].containers if isinstance(c, BarContainer)]
    assert [[bar.get_height() for bar in c] for c in bars] == [
        counts.values[column.code_id].tolist() for column in counts.columns]
    panel.show_chart("heatmap")
    image = next(a for a in panel.canvas.figure.axes[0].get_children()
                 if isinstance(a, AxesImage))
    assert np.array_equal(image.get_array(), counts.values.to_numpy())
    panel.show_chart("network")
    assert panel.across_box.isEnabled() and not panel.stacked_box.isEnabled()
    lines = [c for c in panel.canvas.figure.axes[0].collections if isinstance(c, LineCollection)]
    assert lines[0].get_array().sum() == np.triu(pairs.values.to_numpy(), 1).sum()
    for fmt in ("png", "svg"):
        window.context.prompts.answers.append(str(tmp_path / "chart"))
        panel.save_buttons[fmt].click()
        assert (tmp_path / f"chart.{fmt}").stat().st_size > 1000


@pytest.mark.slow  # writes the Word report from the window
def test_the_report_dialog_writes_the_chosen_report(qtbot, window: MainWindow,
                                                    tmp_path: Path) -> None:
    import docx

    window.report_action.trigger()
    from workbench.gui.dialogs.report_dialog import ReportDialog

    dialog = window.findChild(ReportDialog)
    assert dialog is not None and dialog.isVisible()
    for key in ("passages", "row_percent"):
        dialog.matrix_boxes[key].setChecked(False)
    for key in ("network", "coders", "frequencies"):
        dialog.chart_boxes[key].setChecked(False)
    dialog.part_boxes["agreement"].setChecked(False)
    dialog.title_edit.setText("Keukenverhalen")
    target = tmp_path / "report.docx"
    window.context.prompts.answers.append(str(target))
    with qtbot.waitSignal(dialog.written, timeout=60000):
        dialog.write_button.click()
    document = docx.Document(str(target))
    assert document.core_properties.title == "Keukenverhalen"
    assert len(document.inline_shapes) == 1 and len(document.tables) >= 2
    assert dialog.status.text() == f"Wrote {target}"
    assert window.context.prompts.errors == []
