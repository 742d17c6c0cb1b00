"""The one application context passed to every window, panel and dialog (no singletons).

Panels never talk to each other: they call :meth:`AppContext.run` with a core service, and
refresh themselves from the :class:`Changes` record the ``changed`` signal carries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.errors import ProjectReplacedError, WorkbenchError
from workbench.core.model import Code
from workbench.core.services.changes import Changes
from workbench.core.services.codings import apply_code
from workbench.core.storage import Project
from workbench.core.storage.project_file import Access
from workbench.gui.change_summary import change_summary
from workbench.gui.code_names import shown_name
from workbench.gui.collection import collection_paused
from workbench.gui.history import ProjectHistory
from workbench.gui.i18n import tr
from workbench.gui.prompts import Prompts
from workbench.gui.replaced_file import ReplacedFileGuard
from workbench.gui.settings import Settings

MAX_RECENT_CODES = 8


@dataclass(frozen=True)
class TextSelection:
    """A selected passage of a document, in code points (the core's positions)."""

    document_id: int
    start: int
    end: int


class AppContext(QObject):
    projectOpened = Signal()
    aboutToCloseProject = Signal()  # the project is still open: panels save pending edits
    projectClosed = Signal()
    changed = Signal(object)  # Changes
    selectionChanged = Signal()
    documentRequested = Signal(int, int, int)  # document id, start, end (code points; -1 = none)
    codesSelected = Signal(list)  # code ids chosen in the codebook
    status = Signal(str)  # what the last action did, for the status bar

    def __init__(self, settings: Settings, prompts: Prompts | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.prompts = prompts or Prompts()
        self.project: Project | None = None
        self.undo_stack = ProjectHistory(lambda: self.project, self)
        self.undo_stack.replayed.connect(self.changed.emit)
        self.undo_stack.failed.connect(self._history_failed)
        self.changed.connect(lambda _changes: self.undo_stack.refresh())
        self._code_names: dict[int, str] = {}  # stored names for the status bar, read once each
        self.changed.connect(self._forget_code_names)
        self.projectClosed.connect(self._code_names.clear)
        self.projectOpened.connect(self.undo_stack.refresh)
        self.projectClosed.connect(self.undo_stack.refresh)
        self.selection: TextSelection | None = None
        self.recent_codes: list[int] = []
        self.window: QWidget | None = None
        self.replaced_file = ReplacedFileGuard(self)  # checks the file on focus, offers a copy

    # -- the coder ---------------------------------------------------------------------------

    @property
    def coder(self) -> str:
        return self.settings.coder_name

    def ensure_coder(self) -> bool:
        """Ask for the coder's name on first run; False if the user declines."""
        while not self.coder.strip():
            name = self.prompts.ask_text(
                self.window, tr("Your name as a coder (every coding records it):"),
                tr("Who is coding?"))
            if name is None:
                return False
            self.settings.coder_name = " ".join(name.split())
            if self.project is not None:
                self.project.coder_name = self.settings.coder_name
        return True

    # -- projects ----------------------------------------------------------------------------

    def open_project(self, path: Path | str) -> bool:
        """Open for editing; if another window or program is editing it (or the place cannot be
        written), open it read-only: :attr:`read_only_reason` says why."""
        if self.project is not None and _same_path(self.project.path, path):
            self.close_project()  # else our own open would hold the lock against us
        try:
            project = self._open(path, Access.WRITE_OR_READ)
        except WorkbenchError as error:
            self.prompts.error(self.window, str(error))
            return False
        self._set_project(project)
        return True

    def retry_writing(self) -> bool:
        """Reopen a read-only project for editing, if whoever held it has let go."""
        if self.project is None or not self.project.read_only:
            return self.project is not None
        if self.project.replaced:  # first keep what this window holds, if the user wants to
            self.replaced_file.offer_copy(ProjectReplacedError(self.project.read_only_reason))
            return False
        try:
            project = self._open(self.project.path, Access.WRITE)
        except WorkbenchError as error:
            self.prompts.error(self.window, str(error))
            return False
        self._set_project(project)
        return True

    @property
    def read_only_reason(self) -> str | None:
        return self.project.read_only_reason if self.project is not None else None

    @property
    def writable(self) -> bool:
        """A project is open and this window may change it (panels enable their edits by it)."""
        return self.project is not None and not self.project.read_only

    def _open(self, path: Path | str, access: Access) -> Project:
        project = Project.open(path, access=access, backups=self.settings.keep_backups,
                               user=self.coder.strip() or None)
        if project.backup_warning:
            self.prompts.error(self.window, project.backup_warning)
        return project

    def new_project(self, path: Path | str, codebook: str = "none") -> bool:
        from workbench.core.services.codebook import create_project  # lxml: not at start

        try:
            project = create_project(path, codebook=codebook)
        except WorkbenchError as error:
            self.prompts.error(self.window, str(error))
            return False
        self._set_project(project)
        return True

    def close_project(self) -> None:
        if self.project is not None:
            self.aboutToCloseProject.emit()
            self.project.close()
            self.project = None
            self.selection = None
            self.recent_codes.clear()
            self.projectClosed.emit()

    def _set_project(self, project: Project) -> None:
        self.close_project()
        self.project = project
        if self.coder.strip():  # the change journal (Edit > History) names the coder who acted
            project.coder_name = self.coder.strip()
        self.settings.remember_project(project.path)
        self.projectOpened.emit()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        if self.project is None:
            raise RuntimeError("No project is open.")
        with self.project.reading() as session:
            yield session

    # -- actions -----------------------------------------------------------------------------

    def run(self, service: Callable[..., Changes], *args: Any, **kwargs: Any) -> Changes | None:
        """Run one core action on the open project (one transaction, one undo step).

        A refused action is shown to the user and returns None; nothing changed.
        """
        if self.project is None:
            return None
        with collection_paused():  # no full collection until the change is drawn
            try:
                changes = service(self.project, *args, **kwargs)
            except ProjectReplacedError as error:
                self.replaced_file.offer_copy(error)
                return None
            except WorkbenchError as error:
                self.prompts.error(self.window, str(error))
                return None
            self.changed.emit(changes)
        summary = change_summary(changes)
        if summary:
            self.status.emit(summary)
        return changes

    def _history_failed(self, message: str) -> None:
        if self.project is not None and self.project.replaced:
            self.replaced_file.offer_copy(ProjectReplacedError(message))
        else:
            self.prompts.error(self.window, message)

    # -- the selected passage and coding it ---------------------------------------------------

    def set_selection(self, selection: TextSelection | None) -> None:
        if selection != self.selection:
            self.selection = selection
            self.selectionChanged.emit()

    def code_selection(self, code_id: int) -> Changes | None:
        """Apply a code to the selected passage, as the current coder."""
        if self.selection is None or self.selection.start >= self.selection.end:
            self.prompts.error(self.window, tr("Select a passage of the document first."))
            return None
        if not self.ensure_coder():
            return None
        selection = self.selection
        changes = self.run(apply_code, selection.document_id, code_id, selection.start,
                           selection.end, coder=self.coder)
        if changes is not None:
            self.recent_codes = [code_id] + [c for c in self.recent_codes if c != code_id]
            del self.recent_codes[MAX_RECENT_CODES:]
            self.status.emit(tr("Coded %n passage(s) as {0}. Ctrl+Z undoes it.", "", 1)
                             .format(self._code_name(code_id)))
        return changes

    def _code_name(self, code_id: int) -> str:
        """The code's name as shown (the stored name is kept: the language may change)."""
        stored = self._code_names.get(code_id)
        if stored is None:
            with self.reading() as session:  # the name alone: no ORM object to build
                stored = session.scalar(select(Code.name).where(Code.id == code_id))
            if stored is None:
                return ""
            self._code_names[code_id] = stored
        return shown_name(stored)

    def _forget_code_names(self, changes: Changes) -> None:
        if "code" in changes.kinds:  # renamed, merged, deleted or undone: read them again
            self._code_names.clear()

    def open_document(self, document_id: int, start: int = -1, end: int = -1) -> None:
        self.documentRequested.emit(document_id, start, end)


def _same_path(first: Path, second: Path | str) -> bool:
    try:
        return Path(first).resolve() == Path(second).resolve()
    except OSError:
        return False
