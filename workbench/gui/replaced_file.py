"""Noticing that the project file was replaced under the window, and keeping the window's work.

The core refuses every write once the path names another file (see ``Project.check_file``);
this guard also checks whenever the application comes back into focus (the moment after a
file manager or a sync tool did its work), stops the window's editing, and offers to save
what the window holds as a new project file, which it then opens.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication

from workbench.core.errors import ProjectReplacedError, WorkbenchError
from workbench.gui.i18n import tr


class ReplacedFileGuard(QObject):
    def __init__(self, context) -> None:
        super().__init__(context)
        self.context = context
        application = QGuiApplication.instance()
        if isinstance(application, QGuiApplication):
            application.applicationStateChanged.connect(self._state_changed)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()

    def check(self) -> bool:
        """True while the open project is still the file it was opened from (or none is open)."""
        project = self.context.project
        if project is None:
            return True
        try:
            project.check_file()
        except ProjectReplacedError as error:
            self.offer_copy(error)
            return False
        return True

    def offer_copy(self, error: ProjectReplacedError) -> None:
        """Say what happened; offer to save the window's state as a new file and open that."""
        context, window = self.context, self.context.window
        context.projectOpened.emit()  # panels and banner show the project as read-only now
        question = f"{error}\n\n" + tr("Save what this window holds as a new project file now?")
        if not context.prompts.confirm(window, question, tr("The project file was replaced")):
            return
        path = context.prompts.save_file(window, tr("Save as a new project file"))
        if not path:
            return
        try:
            saved = context.project.save_copy(path)
        except WorkbenchError as failure:
            context.prompts.error(window, str(failure))
            return
        context.open_project(saved)
