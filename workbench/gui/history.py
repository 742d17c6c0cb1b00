"""Undo and redo in the window: a thin face over the project's own history (core undo log).

The core records every action, including each file of an import job run in a worker, as one
step; reading labels from the core keeps the Edit menu true to what Undo will really do.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction

from workbench.core.errors import WorkbenchError
from workbench.core.services.changes import Changes
from workbench.core.services.history import next_labels, redo, undo
from workbench.core.storage import Project
from workbench.gui.action_labels import shown_label
from workbench.gui.i18n import tr


class ProjectHistory(QObject):
    """Offers the part of QUndoStack's interface the window uses."""

    canUndoChanged = Signal(bool)
    canRedoChanged = Signal(bool)
    undoTextChanged = Signal(str)
    redoTextChanged = Signal(str)
    replayed = Signal(object)  # Changes
    failed = Signal(str)

    def __init__(
        self, project: Callable[[], Project | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._project = project
        self._undo_text = ""
        self._redo_text = ""

    def undoText(self) -> str:
        return self._undo_text

    def redoText(self) -> str:
        return self._redo_text

    def canUndo(self) -> bool:
        return bool(self._undo_text)

    def canRedo(self) -> bool:
        return bool(self._redo_text)

    def refresh(self) -> None:
        project = self._project()
        writable = project is not None and not project.read_only  # read-only: nothing to undo
        undo_label, redo_label = (next_labels(project) if project is not None and writable
                                  else (None, None))
        undo_text = shown_label(undo_label) if undo_label else ""
        redo_text = shown_label(redo_label) if redo_label else ""
        if undo_text != self._undo_text:
            self._undo_text = undo_text
            self.canUndoChanged.emit(bool(undo_text))
            self.undoTextChanged.emit(undo_text)
        if redo_text != self._redo_text:
            self._redo_text = redo_text
            self.canRedoChanged.emit(bool(redo_text))
            self.redoTextChanged.emit(redo_text)

    def undo(self) -> None:
        self._replay(undo)

    def redo(self) -> None:
        self._replay(redo)

    def _replay(self, step: Callable[[Project], Changes]) -> None:
        project = self._project()
        if project is None:
            return
        try:
            changes = step(project)
        except WorkbenchError as error:
            self.failed.emit(str(error))
            return
        self.refresh()
        self.replayed.emit(changes)

    def createUndoAction(self, parent: QObject, prefix: str = "") -> QAction:
        return self._action(parent, prefix or tr("Undo"), self.undo, self.canUndoChanged,
                            self.undoTextChanged, self.canUndo, self.undoText)

    def createRedoAction(self, parent: QObject, prefix: str = "") -> QAction:
        return self._action(parent, prefix or tr("Redo"), self.redo, self.canRedoChanged,
                            self.redoTextChanged, self.canRedo, self.redoText)

    @staticmethod
    def _action(parent: QObject, prefix: str, slot: Callable[[], None], enabled: SignalInstance,
                text: SignalInstance, can: Callable[[], bool], label: Callable[[], str]) -> QAction:
        action = QAction(prefix, parent)
        clean = prefix.replace("&", "")

        def update(*_args: object) -> None:
            action.setEnabled(can())
            action.setText(f"{prefix} {label()}" if label() else prefix)
            action.setToolTip(f"{clean} {label()}".strip())

        enabled.connect(update)
        text.connect(update)
        action.triggered.connect(lambda _=False: slot())
        update()
        return action
