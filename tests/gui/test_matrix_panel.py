"""A researcher builds the cross-case matrix, follows a cell to its passages, writes a summary
in place and exports the matrix, on the small coded project of the GUI fixtures."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit
from sqlalchemy import select

from tests.gui.conftest import INTERVIEW, settle
from tests.helpers import code_id
from workbench.core.analysis.matrix import build_matrix
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.model import Document
from workbench.core.services.codings import apply_code
from workbench.gui.context import AppContext
from workbench.gui.models.matrix_model import MatrixCell, MatrixModel, ObjectRole, SortRole
from workbench.gui.panels.matrix_panel import MatrixPanel

PEDAGOGY, CITIZENSHIP = 3, 4  # theme columns after the case name


@pytest.fixture
def panel(qtbot, context: AppContext) -> MatrixPanel:
    widget = MatrixPanel(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def choose(combo: QComboBox, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))


def click(qtbot, view, index) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


@pytest.mark.parametrize("mode", ["count", "share", "passages", "summary"])
def test_the_matrix_model_passes_the_model_tester(qtmodeltester, context: AppContext,
                                                  mode: str) -> None:
    model = MatrixModel()
    with context.reading() as session:
        model.set_matrix(build_matrix(session, MatrixSpec("codes", mode, by="place")))
    qtmodeltester.check(model)
    assert model.columnCount() == 2 + 24
    assert model.index(0, 0).data(SortRole) == "solidaire keuken"


def test_counts_show_as_a_heat_map_and_a_cell_opens_its_passages(
        qtbot, panel: MatrixPanel, context: AppContext) -> None:
    model = panel.model
    assert model.rowCount() == 1 and model.columnCount() == 1 + 4
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "Solidaire keuken", "", "", "1", "1"]
    assert model.index(0, PEDAGOGY).data(Qt.ItemDataRole.BackgroundRole).isValid()
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.headerData(PEDAGOGY, Qt.Orientation.Horizontal) == "Pedagogy of solidarity"
    assert "pedagogie van solidariteit" in model.headerData(
        PEDAGOGY, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)

    click(qtbot, panel.view, model.index(0, PEDAGOGY))
    assert panel.passages.rowCount() == 1
    assert panel.cell_label.text().startswith("Solidaire keuken × Pedagogy of solidarity")
    with qtbot.waitSignal(context.documentRequested) as opened:
        click(qtbot, panel.passages_view, panel.passages.index(0, 3))
    start = INTERVIEW.index("We kookten")
    assert opened.args[1:] == [start, INTERVIEW.index(" Niemand")]


@pytest.mark.slow  # over half a second: the matrix recomputed for each choice
def test_choices_change_the_matrix(panel: MatrixPanel) -> None:
    choose(panel.columns_combo, "codes")
    choose(panel.coder_combo, "Lotte")
    choose(panel.by_combo, "place")
    model = panel.model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header[:2] == ["Case", "place"]
    row = {header[c]: model.index(0, c).data() for c in range(model.columnCount())}
    assert row["place"] == "public space"
    assert row["Socialisation"] == "1"
    assert row["Safe and informal spaces"] == ""  # Youssef's
    choose(panel.cell_combo, "passages")
    assert model.index(0, header.index("Socialisation")).data().startswith(
        "“We kookten samen")
    choose(panel.attribute_combo, "place")
    assert not panel.value_combo.isEnabled() or panel.value_combo.currentData() is None
    values = [panel.value_combo.itemText(n) for n in range(panel.value_combo.count())]
    assert values == ["any value", "public space"]  # the values the cases hold
    choose(panel.value_combo, "public space")
    assert panel.spec().attributes == {"place": ("public space",)}
    assert model.rowCount() == 1


def test_a_summary_is_written_in_place_and_undone_in_one_step(
        qtbot, panel: MatrixPanel, context: AppContext) -> None:
    choose(panel.cell_combo, "summary")
    index = panel.model.index(0, CITIZENSHIP)
    assert panel.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not panel.model.flags(panel.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    [editor] = panel.view.viewport().findChildren(QPlainTextEdit)
    editor.setPlainText("De buren maken er hún keuken van.\nVeilig en informeel.")
    panel.view.itemDelegate().commitData.emit(editor)
    settle(qtbot, panel)
    cell = panel.model.index(0, CITIZENSHIP).data(ObjectRole)
    assert isinstance(cell, MatrixCell)
    assert cell.value.text == "De buren maken er hún keuken van.\nVeilig en informeel."
    assert cell.value.author == "Lotte"
    assert context.undo_stack.undoText() == "Write matrix summary"
    context.undo_stack.undo()
    settle(qtbot, panel)
    assert panel.model.index(0, CITIZENSHIP).data() == ""


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "csv"])
def test_export_runs_in_the_background_and_writes_the_file(
        qtbot, panel: MatrixPanel, context: AppContext, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"matrix.{fmt}"
    context.prompts.answers.append(str(target))
    panel.export_buttons[fmt].click()
    assert panel.progress.isVisible() or panel.runner is None
    qtbot.waitUntil(lambda: panel.runner is None, timeout=20000)
    assert panel.status.text() == f"Wrote {target}"
    assert not panel.progress.isVisible() and panel.export_buttons[fmt].isEnabled()
    if fmt == "xlsx":
        assert load_workbook(target).sheetnames == ["Codings", "Passages", "About"]
    elif fmt == "docx":
        assert len(docx.Document(str(target)).tables) == 2  # counts, and their passages
    else:
        assert "Solidaire keuken" in target.read_text(encoding="utf-8-sig")
    assert context.prompts.errors == []


def test_coders_as_rows_show_who_coded_what_and_open_their_passages(
        qtbot, panel: MatrixPanel) -> None:
    choose(panel.cell_combo, "passages")
    choose(panel.rows_combo, "coders")
    model = panel.model
    assert panel.cell_combo.currentData() == "count"  # coders show figures only
    cells = panel.cell_combo.model()
    assert not cells.item(panel.cell_combo.findData("passages")).isEnabled()
    assert not panel.by_combo.isEnabled()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Coder"
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Lotte", "Youssef"]
    assert [model.index(r, PEDAGOGY).data() for r in range(2)] == ["1", ""]

    click(qtbot, panel.view, model.index(0, PEDAGOGY))

    assert panel.passages.rowCount() == 1
    assert panel.cell_label.text().startswith("Lotte × Pedagogy of solidarity")
    assert panel.cell_label.text().endswith(": 1 passage")


def test_codes_as_rows_count_passages_that_meet_and_list_them(
        qtbot, panel: MatrixPanel, context: AppContext, tmp_path: Path) -> None:
    project = context.project
    assert project is not None
    with project.reading() as session:
        [document] = session.scalars(select(Document.id)).all()
    start = INTERVIEW.index("We kookten")
    apply_code(project, document, code_id(project, "Safe and informal spaces"), start, start + 10,
               coder="Lotte")  # meets her own Socialisation passage (one coder's pairs count)
    choose(panel.rows_combo, "codes-overlap")
    model = panel.model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    [pedagogy] = [n for n, name in enumerate(names) if name.startswith("Pedagogy of solidarity")]
    assert model.index(pedagogy, CITIZENSHIP).data() == "1"
    assert model.index(pedagogy, PEDAGOGY).data() == "1"  # the diagonal: the theme's codings

    click(qtbot, panel.view, model.index(pedagogy, CITIZENSHIP))

    assert panel.passages.rowCount() == 2
    context.prompts.answers.append(str(tmp_path / "cooccurrence.xlsx"))
    panel.export_buttons["xlsx"].click()
    qtbot.waitUntil(lambda: panel.runner is None, timeout=20000)
    book = load_workbook(tmp_path / "cooccurrence.xlsx")
    assert context.prompts.errors == [] and "About" in book.sheetnames
