"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from workbench.gui.context import AppContext
from workbench.gui.crash import install_crash_handler
from workbench.gui.main_window import MainWindow
from workbench.gui.settings import Settings


def run_gui(project: Path | None = None, *, settings: Settings | None = None) -> int:
    """Open the window on ``project``, else on the last project, else on the start page."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Coding Workbench")
    app.setOrganizationName("Coding Workbench")
    context = AppContext(settings or Settings())
    window = MainWindow(context)
    install_crash_handler(context)
    target = project or (Path(context.settings.last_project) if context.settings.last_project else None)
    if target is not None and (project is not None or target.exists()):
        context.open_project(target)
    window.show()
    return app.exec()
