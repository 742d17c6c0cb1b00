"""Around the coding: docks that float, tab and take the window, a layout that resets, a saved
size clamped to the screen, the last document reopened, a status bar that says what happened,
Preferences, and a Help menu with a guide, a shortcut sheet and About."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget

from tests.gui.conftest import INTERVIEW, ScriptedPrompts
from tests.helpers import code_id
from workbench.core.storage.migrations import SCHEMA_VERSION
from workbench.gui.context import AppContext
from workbench.gui.help_menu import about_html, guide_html, shortcuts_html
from workbench.gui.main_window import MainWindow
from workbench.gui.settings import Settings
from workbench.gui.theme import apply_theme, is_dark
from workbench.gui.window_layout import clamp_to_screen
from workbench.gui.window_menus import open_preferences, reset_layout


@pytest.fixture
def window(qtbot, settings: Settings, prompts: ScriptedPrompts,
           coded_project_path: Path) -> MainWindow:
    main = MainWindow(AppContext(settings, prompts))
    qtbot.addWidget(main)
    with qtbot.waitExposed(main):
        main.show()
    main.context.open_project(coded_project_path)
    return main


def test_opening_a_project_shows_a_document_and_later_the_one_last_read(
        qtbot, window: MainWindow, settings: Settings, prompts: ScriptedPrompts,
        coded_project_path: Path) -> None:
    qtbot.waitUntil(lambda: window.document_view.document is not None)
    assert window.document_view.document.title == "Interview met Zoë"
    window.close()
    settings.set_last_document(coded_project_path, 999)  # gone since: the first document opens
    again = MainWindow(AppContext(settings, prompts))
    qtbot.addWidget(again)
    again.context.open_project(coded_project_path)
    qtbot.waitUntil(lambda: again.document_view.document is not None)


def test_coding_says_what_it_did_in_the_status_bar(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.document_view.document is not None)
    window.document_view.select_range(INTERVIEW.index("De buren"), INTERVIEW.index(" Zo werd"))
    window.context.code_selection(code_id(window.context.project, "Recognition"))
    assert window.statusBar().currentMessage() == (
        "Coded 1 passage as Recognition (erkenning). Ctrl+Z undoes it.")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: a floating dock
def test_every_panel_floats_and_one_can_take_the_whole_window(qtbot, window: MainWindow) -> None:
    for dock in window.docks:
        assert dock.features() & QDockWidget.DockWidgetFeature.DockWidgetFloatable
        assert dock.features() & QDockWidget.DockWidgetFeature.DockWidgetMovable
    assert window.tabifiedDockWidgets(window.passages_dock) == [
        window.search_dock, window.matrix_dock, window.chart_dock, window.memo_dock]
    window.show_matrix()
    window.enlarge_action.trigger()
    assert window.enlarge_action.isChecked() and not window.centralWidget().isVisible()
    assert [d for d in window.docks if d.isVisible()] == [window.matrix_dock]
    window.enlarge_action.trigger()
    assert window.centralWidget().isVisible() and window.cases_dock.isVisible()

    window.codebook_dock.setFloating(True)
    window.cases_dock.hide()
    reset_layout(window)
    assert not window.codebook_dock.isFloating()
    assert all(dock.isVisible() or dock in window.tabifiedDockWidgets(window.passages_dock)
               for dock in window.docks)


def test_a_saved_size_larger_than_the_screen_is_clamped(qtbot, window: MainWindow) -> None:
    laptop = QRect(0, 0, 1366, 728)
    window.resize(2400, 1500)
    window.move(900, 600)
    clamp_to_screen(window, laptop)
    assert laptop.contains(window.frameGeometry())
    assert window.minimumSizeHint().width() <= 1280


def test_a_restored_geometry_fits_the_screen(
        qtbot, settings: Settings, prompts: ScriptedPrompts) -> None:
    big = MainWindow(AppContext(settings, prompts))
    qtbot.addWidget(big)
    big.resize(3000, 2000)
    settings.set_layout("geometry", QByteArray(big.saveGeometry()))
    restored = MainWindow(AppContext(settings, prompts))
    qtbot.addWidget(restored)
    area = restored.screen().availableGeometry()
    assert restored.width() <= area.width() and restored.height() <= area.height()


def test_preferences_switch_the_theme_at_once(
    qtbot, window: MainWindow, settings: Settings
) -> None:
    original = QApplication.palette()
    try:
        dialog = open_preferences(window)
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
        dialog.backups_spin.setValue(3)
        dialog.accept()
        assert settings.theme == "dark" and settings.keep_backups == 3
        assert is_dark(QApplication.palette())
        qtbot.waitUntil(
            lambda: window.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.3
        )
        apply_theme("light")
        assert not is_dark(QApplication.palette())
    finally:
        QApplication.setPalette(original)


def test_the_help_menu(qtbot, window: MainWindow) -> None:
    [help_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    assert [a.text() for a in help_menu.actions() if a.text()] == [
        "&User guide", "&Keyboard shortcuts", "&About Coding Workbench"]
    sheet = shortcuts_html(window)
    for expected in ("Quick code…", "Ctrl+E", "Undo", "Ctrl+Z", "Enlarge the current panel"):
        assert expected in sheet
    about = about_html()
    assert f"Project file format version: {SCHEMA_VERSION}" in about
    assert "LGPL-3.0" in about and "SQLAlchemy" in about
    for language, heading in (("en", "First steps"), ("nl", "Eerste stappen")):
        guide = guide_html(language)
        assert heading in guide and ("Team work" in guide or "Teamwerk" in guide)
    help_menu.actions()[0].trigger()
    guide = window.findChild(QDialog, "userGuide")
    assert guide is not None and guide.isVisible()


def test_the_status_bar_in_english_uses_the_actions_own_words(qtbot, window: MainWindow) -> None:
    from workbench.core.services.cases import rename_case

    window.context.run(rename_case, 1, "Solidaire keuken Gent")
    assert window.statusBar().currentMessage() == (
        "Renamed case 'Solidaire keuken' to 'Solidaire keuken Gent'. Ctrl+Z undoes it.")
