"""A researcher's day in the real window: from a new project to coding, retrieving and cleaning
up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor

from tests.gui.conftest import ScriptedPrompts
from tests.helpers import code_id
from workbench.core.queries.codings import list_codings
from workbench.core.queries.listing import list_cases, list_documents
from workbench.gui.context import AppContext
from workbench.gui.dialogs.quick_code import QuickCodeDialog
from workbench.gui.main_window import MainWindow
from workbench.gui.settings import Settings

TRANSCRIPT = (
    "[Interview met Fatoumata, kok in de solidaire keuken, 12 maart 2016]\n\n"
    "Interviewer: Hoe begon het? 🍲🙂\n\n"
    "Fatoumata: We kookten samen in de keuken, élke zondag, voor wie honger had.\n\n"
    "Interviewer: En wie beslist wat er gekookt wordt?\n\n"
    "Fatoumata: Dat beslissen we samen. Niemand is hier de baas, ook de opbouwwerker niet.\n"
)


@pytest.fixture
def window(qtbot, settings: Settings, prompts: ScriptedPrompts) -> MainWindow:
    main = MainWindow(AppContext(settings, prompts))
    qtbot.addWidget(main)
    main.resize(1400, 900)
    with qtbot.waitExposed(main):
        main.show()
    return main


def _select_with_keyboard(qtbot, window: MainWindow, text: str) -> None:
    view = window.document_view
    start = TRANSCRIPT.index(text)
    cursor = view.editor.textCursor()
    cursor.setPosition(view.positions.to_qt(start))
    view.editor.setTextCursor(cursor)
    view.editor.setFocus()
    for _ in range(len(text)):
        qtbot.keyClick(view.editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def _select_with_mouse(qtbot, window: MainWindow, first: int, last: int) -> None:
    editor, positions = window.document_view.editor, window.document_view.positions

    def point(code_point: int):
        cursor = QTextCursor(editor.document())
        cursor.setPosition(positions.to_qt(code_point))
        return editor.cursorRect(cursor).center()

    qtbot.mousePress(editor.viewport(), Qt.MouseButton.LeftButton, pos=point(first))
    qtbot.mouseMove(editor.viewport(), point(last))
    qtbot.mouseRelease(editor.viewport(), Qt.MouseButton.LeftButton, pos=point(last))


def _coded(window: MainWindow) -> list[tuple[str, str]]:
    with window.context.reading() as session:
        return [(row.code.split("/")[-1].split(" (")[0], row.text) for row in list_codings(session)]


@pytest.mark.slow  # over half a second: a whole session of actions in the window
def test_a_researchers_session_in_the_main_window(
        qtbot, window: MainWindow, prompts: ScriptedPrompts, tmp_path: Path) -> None:
    context = window.context
    assert window.central.currentWidget() is window.start_page

    # A new project from the built-in codebook, started from the start page.
    prompts.answers.append(str(tmp_path / "keuken"))
    window.start_page.newRequested.emit("solidarity")
    assert context.project is not None and context.project.path.name == "keuken.cwb"
    assert window.central.currentWidget() is window.document_view
    assert window.codebook_panel.model.code(code_id(context.project, "Socialisation")) is not None

    # A case with an attribute.
    prompts.answers.append("Solidaire keuken")
    window.cases_panel.new_case_action.trigger()
    with context.reading() as session:
        [case] = list_cases(session)
    window.cases_panel.select_case(case.id)
    window.attributes_panel.new_attribute_action.trigger()
    form = window.attributes_panel.new_form
    qtbot.keyClicks(form.name_edit, "city")
    form.type_combo.setCurrentIndex(form.type_combo.findText("Text"))
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    city = window.attributes_panel.editors["city"]
    qtbot.keyClicks(city, "Brussel")
    qtbot.keyClick(city, Qt.Key.Key_Return)
    with context.reading() as session:
        assert list_cases(session)[0].attributes == {"city": "Brussel"}

    # Import a transcript into the case (the worker runs off the GUI thread).
    source = tmp_path / "interview fatoumata.txt"
    source.write_text(TRANSCRIPT, encoding="utf-8")
    dialog = window.import_documents([str(source)])
    with qtbot.waitSignal(dialog.importFinished, timeout=20_000):
        dialog.start_import()
    assert [row[1] for row in dialog.report_rows()] == ["imported"]
    dialog.close()
    with context.reading() as session:
        [document_id] = [d.id for d in list_documents(session, case.id)]
    window.cases_panel.select_document(document_id)
    qtbot.keyClick(window.cases_panel.tree, Qt.Key.Key_Return)
    assert window.document_view.document is not None
    assert window.document_view.document.title == "interview fatoumata"

    # Code three passages three ways: double-click in the codebook, palette, drag and drop.
    codebook = window.codebook_panel
    socialisation = code_id(context.project, "Socialisation")
    _select_with_keyboard(qtbot, window, "We kookten samen in de keuken")
    rect = codebook.tree.visualRect(codebook._view_index(socialisation))
    qtbot.mouseClick(codebook.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(codebook.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    decide = TRANSCRIPT.index("Dat beslissen")
    _select_with_mouse(qtbot, window, decide + 2, decide + len("Dat beslissen we sam"))
    assert window.document_view.selected_range() == (decide, decide + len("Dat beslissen we samen"))
    window.quick_code_action.trigger()
    palette = window.findChild(QuickCodeDialog)
    qtbot.keyClicks(palette.search_edit, "room negot")
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Return)

    _select_with_keyboard(qtbot, window, "Niemand is hier de baas")
    mime = window.document_view.editor.createMimeDataFromSelection()
    representation = code_id(context.project, "Representation")
    assert codebook.model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0,
                                       codebook.model.index_of(representation))

    assert _coded(window) == [("Socialisation", "We kookten samen in de keuken"),
                              ("Room for negotiation", "Dat beslissen we samen"),
                              ("Representation", "Niemand is hier de baas")]
    # ... and see them: highlight, stripe and count.
    view = window.document_view
    assert len(view.highlighter.layers.codings) == 3
    view.stripes.repaint()
    assert len(view.stripes._bars) == 3
    assert codebook.model.index_of(socialisation).siblingAtColumn(1).data() == "1"

    # Undo and redo from the Edit menu (Ctrl+Z, Ctrl+Shift+Z).
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    window.undo_action.trigger()
    assert len(view.highlighter.layers.codings) == 2
    window.redo_action.trigger()
    assert len(view.highlighter.layers.codings) == 3

    # Retrieve: the passages of a code, and open one at its place.
    view.editor.moveCursor(QTextCursor.MoveOperation.Start)
    codebook.select_code(representation)
    passages = window.passages_panel
    assert passages.model.rowCount() == 1
    index = passages.proxy.index(0, 0)
    qtbot.mouseClick(passages.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=passages.view.visualRect(index).center())
    baas = TRANSCRIPT.index("Niemand is hier de baas")
    assert view.selected_range() == (baas, baas + len("Niemand is hier de baas"))

    # Search and code every hit in one action.
    window.search_action.trigger()
    search = window.search_panel
    qtbot.keyClicks(search.query_edit, "keuken")
    qtbot.keyClick(search.query_edit, Qt.Key.Key_Return)
    assert search.model.rowCount() == 2
    recognition = code_id(context.project, "Recognition")
    search.code_combo.setCurrentIndex(search.code_combo.findData(recognition))
    search.code_all_action.trigger()
    assert [text for code, text in _coded(window) if code == "Recognition"] == ["keuken", "keuken"]

    # Delete a code with its codings, after a confirmation that says how many.
    codebook.select_code(recognition)
    prompts.answers.append(True)
    codebook.delete_action.trigger()
    assert "2 codings" in prompts.confirmations[-1]
    assert all(code != "Recognition" for code, _text in _coded(window))
    assert len(view.highlighter.layers.codings) == 3
    assert prompts.errors == []


def test_the_first_run_asks_for_the_coders_name(qtbot, tmp_path: Path,
                                                prompts: ScriptedPrompts) -> None:
    fresh = Settings(tmp_path / "fresh.ini")
    prompts.answers.append("  Zoë   Peeters ")
    main = MainWindow(AppContext(fresh, prompts))
    qtbot.addWidget(main)
    with qtbot.waitExposed(main):
        main.show()
    qtbot.waitUntil(lambda: fresh.coder_name == "Zoë Peeters")


def test_the_window_remembers_its_layout_and_last_project(
        qtbot, settings: Settings, prompts: ScriptedPrompts, coded_project_path: Path) -> None:
    first = MainWindow(AppContext(settings, prompts))
    qtbot.addWidget(first)
    with qtbot.waitExposed(first):
        first.show()
    first.context.open_project(coded_project_path)
    first.codebook_dock.hide()
    first.left_splitter.setSizes([200, 500])
    sizes = first.left_splitter.sizes()
    first.close()
    second = MainWindow(AppContext(settings, prompts))
    qtbot.addWidget(second)
    with qtbot.waitExposed(second):
        second.show()
    assert second.codebook_dock.isHidden()
    restored = second.left_splitter.sizes()
    assert abs(restored[0] / sum(restored) - sizes[0] / sum(sizes)) < 0.02  # same proportions
    assert settings.last_project == str(coded_project_path.resolve())
