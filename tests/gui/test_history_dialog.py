"""Edit > History lists the project's actions (time, coder, action, what changed) from the
append-only action log, read-only; it follows the project as the researcher works and undoes,
filters by coder, kind and dates, and lists each entity of the selected action."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractItemView, QApplication

from tests.helpers import code_id
from workbench.core.model import Document
from workbench.core.services.codes import create_code, delete_code
from workbench.core.services.documents import delete_document, rename_document
from workbench.gui.context import AppContext
from workbench.gui.dialogs import history_dialog
from workbench.gui.dialogs.history_dialog import TIME, HistoryDialog
from workbench.gui.main_window import MainWindow


def _rows(table) -> list[list[str]]:
    return [[table.item(row, column).text() if table.item(row, column) else ""
             for column in range(table.columnCount())] for row in range(table.rowCount())]


def test_history_lists_the_researchers_actions_and_her_undo(qtbot, context, settings) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    with context.reading() as session:
        document = session.query(Document).one().id

    assert window.history_action.isEnabled()
    window.history_action.trigger()
    dialog = next(widget for widget in QApplication.topLevelWidgets()
                  if isinstance(widget, HistoryDialog))
    qtbot.addWidget(dialog)
    before = len(_rows(dialog.table))

    context.run(rename_document, document, "Interview met Zoë (2016)")
    context.run(delete_document, document)
    context.undo_stack.undo()

    rows = _rows(dialog.table)
    assert len(rows) == before + 3  # the delete stays in the history, and so does its undo
    undone, deleted, renamed = rows[:3]
    assert undone[1:3] == [settings.coder_name, "Undo: Delete document"]
    assert undone[3] == "Added: 2 codings, 1 document (Interview met Zoë (2016))."
    assert deleted[1:] == [settings.coder_name, "Delete document",
                           "Removed: 1 document (Interview met Zoë (2016)), 2 codings."]
    assert renamed[1:] == [settings.coder_name, "Rename document",
                           "Changed: 1 document (Interview met Zoë (2016))."]
    assert all(row[TIME] and row[TIME] != "?" for row in rows)
    assert dialog.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    uuids = dialog.table.item(0, 3).toolTip().splitlines()
    assert len(uuids) == 3 and all(len(line.split()[-1]) == 36 for line in uuids)
    assert dialog.note.isHidden()  # a project made in format 6 has its whole history


def test_selecting_an_action_lists_every_entity_it_changed(qtbot, context) -> None:
    dialog = HistoryDialog(context)
    qtbot.addWidget(dialog)
    theme = context.run(create_code, "Bronnen van solidariteit").subject.id
    context.run(create_code, "Gedeelde strijd", parent_id=theme)
    context.run(delete_code, theme)
    assert _rows(dialog.entities) == []

    dialog.table.selectRow(0)

    assert dialog.table.item(0, 2).text() == "Delete code"
    listed = _rows(dialog.entities)
    assert [row[:3] for row in listed] == [["removed", "code", "(no longer in the project)"]] * 2
    assert all(len(row[3]) == 36 for row in listed)
    dialog.table.selectRow(1)  # the sub-code's creation: named while it existed, not now
    assert [row[:3] for row in _rows(dialog.entities)] == [
        ["added", "code", "(no longer in the project)"]]
    context.undo_stack.undo()  # the codes are back: named again; the same action stays selected
    assert dialog.table.item(2, 2).text() == "Create code"
    assert [row[:3] for row in _rows(dialog.entities)] == [["added", "code", "Gedeelde strijd"]]
    dialog.table.selectRow(1)
    assert dialog.table.item(1, 2).text() == "Delete code"
    assert {row[2] for row in _rows(dialog.entities)} == {"Bronnen van solidariteit",
                                                          "Gedeelde strijd"}


def test_history_is_filtered_by_coder_kind_and_dates(qtbot, context: AppContext) -> None:
    dialog = HistoryDialog(context)
    qtbot.addWidget(dialog)
    everything = _rows(dialog.table)
    code = code_id(context.project, "Socialisation")
    context.project.coder_name = "Youssef"
    context.run(delete_code, code)
    filters = dialog.filters
    coders = [filters.coder_combo.itemText(n) for n in range(filters.coder_combo.count())]
    assert coders[0] == "everyone" and "Youssef" in coders

    filters.coder_combo.setCurrentIndex(filters.coder_combo.findData("Youssef"))
    assert [row[1:3] for row in _rows(dialog.table)] == [["Youssef", "Delete code"]]
    filters.coder_combo.setCurrentIndex(0)
    filters.kind_combo.setCurrentIndex(filters.kind_combo.findData("coding"))
    assert [row[2] for row in _rows(dialog.table)] == ["Delete code", "Code passage",
                                                       "Code passage"]
    filters.kind_combo.setCurrentIndex(filters.kind_combo.findData("summary"))
    assert _rows(dialog.table) == []
    assert dialog.note.text() == "No action matches these filters."

    filters.clear()
    tomorrow = date.today() + timedelta(days=1)
    filters.from_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert _rows(dialog.table) == []
    filters.from_edit.setDate(QDate.currentDate())
    filters.to_edit.setDate(QDate.currentDate())
    assert len(_rows(dialog.table)) == len(everything) + 1
    filters.clear_button.click()
    assert filters.to_edit.text() == "any day" and len(_rows(dialog.table)) == len(everything) + 1


def test_a_long_history_shows_the_newest_actions_and_says_so(
        qtbot, context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history_dialog, "SHOWN_AT_MOST", 3)
    dialog = HistoryDialog(context)
    qtbot.addWidget(dialog)
    assert [row[2] for row in _rows(dialog.table)] == ["Code passage", "Code passage",
                                                       "Set attribute"]
    assert dialog.note.text() == ("Showing the newest 3 actions; choose a coder, a kind or dates "
                                  "to see older ones.")
    dialog.filters.kind_combo.setCurrentIndex(dialog.filters.kind_combo.findData("case"))
    assert [row[2] for row in _rows(dialog.table)] == ["Set attribute", "Create case"]
    assert dialog.note.isHidden()


def test_history_fits_a_small_laptop_screen(qtbot, context) -> None:
    dialog = HistoryDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.width() <= 1366 - 48 and dialog.height() <= 768 - 48
    assert dialog.minimumSizeHint().width() <= 1366 and dialog.minimumSizeHint().height() <= 768


def _screenshot(qtbot, context: AppContext, path: Path) -> HistoryDialog:
    """The dialog as a researcher sees it on a 1366x768 laptop, an action selected."""
    dialog = HistoryDialog(context)
    qtbot.addWidget(dialog)
    dialog.resize(1040, 640)  # its own size on that screen (the test screen may be smaller)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.selectRow(0)
    assert dialog.grab().save(str(path))
    if os.environ.get("WORKBENCH_SHOTS"):  # to look at them: WORKBENCH_SHOTS=/some/folder
        dialog.grab().save(str(Path(os.environ["WORKBENCH_SHOTS"]) / path.name))
    return dialog


def test_the_dialog_in_english_and_dutch(qtbot, context: AppContext, tmp_path: Path,
                                         request: pytest.FixtureRequest) -> None:
    english = _screenshot(qtbot, context, tmp_path / "history-en.png")
    assert english.windowTitle() == "History"
    assert english.table.horizontalHeaderItem(3).text() == "What changed"
    english.hide()

    request.getfixturevalue("dutch")
    dutch = _screenshot(qtbot, context, tmp_path / "history-nl.png")
    assert dutch.windowTitle() == "Geschiedenis"
    assert dutch.table.horizontalHeaderItem(3).text() == "Wat veranderde"
    assert dutch.filters.coder_combo.itemText(0) == "iedereen"
    assert dutch.table.item(0, 3).text().startswith("Toegevoegd: ")
    assert dutch.entities.item(0, 0).text() == "toegevoegd"


def test_the_dialog_closes_with_the_project(qtbot, context) -> None:
    dialog = HistoryDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    context.close_project()
    assert not dialog.isVisible()
