"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from workbench.gui.collection import freeze_start_up_objects
from workbench.gui.context import AppContext
from workbench.gui.crash import install_crash_handler
from workbench.gui.first_paint import after_first_paint
from workbench.gui.i18n import install_language
from workbench.gui.main_window import MainWindow
from workbench.gui.qt_app import application_or_new
from workbench.gui.settings import Settings
from workbench.gui.theme import apply_theme, follow_system_scheme


def start_window(project: Path | None = None, *,
                 settings: Settings | None = None) -> tuple[QApplication, MainWindow]:
    """Show the window on ``project``, else on the last project, else on the start page."""
    app = application_or_new(sys.argv[:1])
    app.setApplicationName("Coding Workbench")
    app.setOrganizationName("Coding Workbench")
    context = AppContext(settings or Settings())
    install_language(context.settings.language, app)
    apply_theme(context.settings.theme, app)
    follow_system_scheme(lambda: context.settings.theme, app)
    window = MainWindow(context)
    install_crash_handler(context)
    target = project or (
        Path(context.settings.last_project) if context.settings.last_project else None
    )
    if target is not None and (project is not None or target.exists()):
        context.open_project(target)
    window.show()
    after_first_paint(window, freeze_start_up_objects)
    return app, window


def run_gui(project: Path | None = None, *, settings: Settings | None = None) -> int:
    app, _window = start_window(project, settings=settings)
    return app.exec()
