"""The window's View menu, Preferences, status bar and last-document memory.

Kept apart from main_window.py so that the window class stays a list of panels and commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from workbench.core.queries.listing import document_ids
from workbench.gui.dialogs.preferences_dialog import PreferencesDialog
from workbench.gui.first_paint import after_first_paint
from workbench.gui.help_menu import build_help_menu
from workbench.gui.i18n import tr

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

STATUS_SECONDS = 10
LAYOUT_VERSION = 3  # of the saved dock layout; 2: the analysis views are docks; 3: charts too
__all__ = ["build_help_menu", "build_view_menu", "connect_window", "open_preferences"]


def build_view_menu(window: MainWindow, view: QMenu) -> None:
    for dock in window.docks:
        view.addAction(dock.toggleViewAction())
    view.addSeparator()
    enlarge = view.addAction(tr("&Enlarge the current panel"))
    enlarge.setCheckable(True)
    enlarge.setShortcut(QKeySequence("Ctrl+Shift+F"))
    enlarge.triggered.connect(lambda checked: _enlarge(window, checked))
    window.enlarge_action = enlarge
    reset = view.addAction(tr("&Reset layout"))
    reset.triggered.connect(lambda: reset_layout(window))
    window.reset_layout_action = reset


def _enlarge(window: MainWindow, checked: bool) -> None:
    if checked == (window.panel_focus.saved is not None):
        return
    dock = window.panel_focus.toggle()
    window.enlarge_action.setChecked(dock is not None)
    if dock is not None:
        window.statusBar().showMessage(
            tr("{0} fills the window; Ctrl+Shift+F brings the other panels back.").format(
                dock.windowTitle()), STATUS_SECONDS * 1000)


def reset_layout(window: MainWindow) -> None:
    """Every panel back in its place, docked and shown, at sizes that fit this screen."""
    window.panel_focus.restore()
    window.enlarge_action.setChecked(False)
    for dock in window.docks:
        dock.setFloating(False)
    window.restoreState(window.default_state, LAYOUT_VERSION)
    for dock in window.docks:
        dock.show()
    window.passages_dock.raise_()


def open_preferences(window: MainWindow) -> PreferencesDialog:
    dialog = PreferencesDialog(window.context.settings, window)
    dialog.setModal(True)
    dialog.show()
    return dialog


def connect_window(window: MainWindow) -> None:
    """Status bar messages, and the document last read reopened with its project."""
    context = window.context
    window.statusBar().setObjectName("statusBar")
    context.status.connect(lambda text: window.statusBar().showMessage(text, STATUS_SECONDS * 1000))
    context.documentRequested.connect(lambda document_id, *_: _remember(window, document_id))
    # After the window's first paint: the project's tree shows first, then the document.
    context.projectOpened.connect(
        lambda: after_first_paint(window, lambda: reopen_document(window)))


def _remember(window: MainWindow, document_id: int) -> None:
    if window.context.project is not None:
        window.context.settings.set_last_document(window.context.project.path, document_id)


def reopen_document(window: MainWindow) -> int | None:
    """Open the document last read in this project, else its first document."""
    context = window.context
    if context.project is None or window.document_view.document is not None:
        return None
    wanted = context.settings.last_document(context.project.path)
    with context.reading() as session:
        ids = document_ids(session)
    if not ids:
        return None
    document_id = wanted if wanted in ids else ids[0]
    context.open_document(document_id)
    return document_id
