"""Edit > History lists the project's actions (time, coder, action, what changed), read-only,
and follows the project as the researcher works and undoes."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QApplication

from workbench.core.model import Document
from workbench.core.services.documents import delete_document, rename_document
from workbench.gui.dialogs.history_dialog import TIME, HistoryDialog
from workbench.gui.main_window import MainWindow


def _rows(dialog: HistoryDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(row, column).text() for column in range(table.columnCount())]
            for row in range(table.rowCount())]


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
    before = len(_rows(dialog))

    context.run(rename_document, document, "Interview met Zoë (2016)")
    context.run(delete_document, document)
    context.undo_stack.undo()

    rows = _rows(dialog)
    assert len(rows) == before + 2  # the delete was taken back: its undo stands in its place
    undone, renamed = rows[0], rows[1]
    assert undone[1:3] == [settings.coder_name, "Undo Delete document"]
    assert undone[3] == ("Added: 2 codings, 1 document (Interview met Zoë (2016)).")
    assert renamed[1:] == [settings.coder_name, "Rename document",
                           "Changed: 1 document (Interview met Zoë (2016))."]
    assert all(row[TIME] and row[TIME] != "?" for row in rows)
    assert dialog.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    uuids = dialog.table.item(0, 3).toolTip().splitlines()
    assert len(uuids) == 3 and all(len(line.split()[-1]) == 36 for line in uuids)


def test_history_fits_a_small_laptop_screen(qtbot, context) -> None:
    dialog = HistoryDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.width() <= 1366 - 48 and dialog.height() <= 768 - 48
    assert dialog.minimumSizeHint().width() <= 1366 and dialog.minimumSizeHint().height() <= 768


def test_the_dialog_closes_with_the_project(qtbot, context) -> None:
    dialog = HistoryDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    context.close_project()
    assert not dialog.isVisible()
