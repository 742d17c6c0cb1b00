"""The window's side of a team project: the status the indicator shows, synchronising, and
passwords kept in memory.

Nothing here waits for the network or reads the whole file on the GUI thread. The changes to
send are counted fully in the worker when a project opens and after each sync, then kept up to
date from each action's change record (see :mod:`pending`). The conflicts are those the last
sync copied into the project file; whether the server is there (and takes our login) is asked
when the project opens, on each sync and on a timer.

Passwords typed in the window live in this object for the session, are handed to each core
call that talks to the server, and are never written anywhere; without one, the core finds it
in the OS keyring or libpq's password file. A refused login asks for it again; a server that
is not there shows "offline" and asks nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from workbench.core.jobs import JobControl
from workbench.core.services.changes import Changes
from workbench.core.storage import Project
from workbench.core.team import api
from workbench.gui.context import AppContext
from workbench.gui.i18n import tr
from workbench.gui.team.pending import Pending, count_pending
from workbench.gui.team.sync_changes import changes_between, take_snapshot
from workbench.gui.team.worker import TeamWorker

SERVER_CHECK_MS = 3 * 60 * 1000  # ask whether the server is there (and takes our login)


def stage_text(stage: str) -> str:
    return {"push": tr("Sending changes"), "pull": tr("Receiving changes"),
            "publish": tr("Publishing")}.get(stage, tr("Synchronising"))


@dataclass(frozen=True)
class LoginRefused:
    """What a shown job returns when the server refused the login (the password is asked for
    again), as opposed to failing for another reason."""

    message: str


def reporter(control: JobControl) -> Callable[[str, int, int], None]:
    return lambda stage, done, total: control.report(done, total, stage_text(stage))


@dataclass(frozen=True)
class ServerView:
    """The open conflicts the last sync listed, and what the server said last: why it was not
    reached (``message``), and whether that was a refused login (``login``)."""

    conflicts: int | None
    message: str = ""
    login: bool = False


def open_conflicts(project: Project) -> int:
    return sum(1 for conflict in api.conflicts(project) if not conflict.flipped)


def ask_server(project: Project, password: str | None, *, reached: bool = False) -> ServerView:
    """Whether the server is there and takes our login. ``reached``: a sync just talked to
    it, so it is not asked again."""
    conflicts = open_conflicts(project)
    if reached:
        return ServerView(conflicts)
    try:
        api.check_server(project, password=password)
    except api.TeamLoginError as error:
        return ServerView(conflicts, str(error), login=True)
    except api.TeamError as error:
        return ServerView(conflicts, str(error))
    return ServerView(conflicts)


@dataclass(frozen=True)
class SyncOutcome:
    report: api.SyncReport
    changes: Changes
    pending: Pending
    server: ServerView


def synchronised_outcome(project: Project, password: str | None,
                         work: Callable[[], api.SyncReport], message: str) -> SyncOutcome:
    """Run a sync (or a flip, which syncs) and gather what the window shows after it."""
    before = take_snapshot(project)
    report = work()
    after = take_snapshot(project)
    changes = changes_between(before, after, message)
    return SyncOutcome(report, changes, count_pending(project, after.payloads()),
                       ask_server(project, password, reached=True))


class TeamSession(QObject):
    statusChanged = Signal(object)  # api.Status
    synchronised = Signal(object)  # SyncOutcome

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self.worker = TeamWorker(self)
        self.busyChanged = self.worker.busyChanged
        self.progress = self.worker.progress
        self.status: api.Status | None = None
        self._pending: Pending | None = None  # None: not counted yet
        self._server: ServerView | None = None
        self._touched: list[Changes] = []  # actions while a shown job ran (re-noted after it)
        self._passwords: dict[str, str] = {}
        self._wanted: set[str] = set()  # checks asked for while the worker was busy
        self._server_timer = QTimer(self, interval=SERVER_CHECK_MS)
        self._server_timer.timeout.connect(lambda: self.check(ask=True))
        self.worker.idle.connect(self._run_wanted)
        context.projectOpened.connect(self._on_opened)
        context.aboutToCloseProject.connect(self._on_closing)
        context.changed.connect(self._on_changed)

    # -- passwords (memory only) ---------------------------------------------------------------

    def remember_password(self, path: Path | str, password: str) -> None:
        if password:
            self._passwords[_key(path)] = password

    def password(self, project: Project) -> str | None:
        return self._passwords.get(_key(project.path))

    def ask_password(self, parent: QWidget, message: str) -> bool:
        """The server refused the login (``message``): ask for the password again and keep
        it; False when the researcher cancels."""
        project = self.context.project
        if project is None:
            return False
        user = self.status.user if self.status else ""
        password = self.context.prompts.ask_password(
            parent, tr("{0}\n\nPassword for {1}:").format(message, user),
            tr("Team server password"))
        if not password:
            return False
        self.remember_password(project.path, password)
        return True

    # -- jobs ------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.worker.busy

    def run(self, job: Callable[[JobControl], Any], done: Callable[[Any], None],
            failed: Callable[[str], None]) -> bool:
        """Run a job the user asked for (shown, with progress)."""
        return self.worker.run(job, done, failed)

    def wait(self) -> None:
        self.worker.wait()

    # -- the status ----------------------------------------------------------------------------

    def check(self, *, count: bool = False, ask: bool = False) -> None:
        """In the worker: count the changes to send fully, and/or ask the server."""
        project = self.context.project
        if project is None or not (count or ask):
            return
        password = self.password(project)
        known_linked = self._pending is not None and self._pending.link is not None

        def job(_control: JobControl) -> tuple[Pending | None, ServerView | None]:
            pending = count_pending(project) if count else None
            linked = pending.link is not None if pending is not None else known_linked
            return pending, ask_server(project, password) if ask and linked else None

        if not self.worker.run(job, self._checked, self.context.status.emit, shown=False):
            self._wanted |= {"count"} if count else set()
            self._wanted |= {"ask"} if ask else set()

    def _run_wanted(self) -> None:
        if self._wanted and self.context.project is not None:
            wanted, self._wanted = self._wanted, set()
            QTimer.singleShot(0, self, lambda: self.check(count="count" in wanted,
                                                          ask="ask" in wanted))

    def _checked(self, result: tuple[Pending | None, ServerView | None]) -> None:
        pending, server = result
        if self.context.project is None:
            return
        if pending is not None:
            self._pending = pending
        if server is not None:
            self._server = server
        self._show()

    def _on_changed(self, changes: Changes) -> None:
        if self._pending is None or self._pending.link is None:
            return
        self._pending.note(changes)
        if self.worker.busy:
            self._touched.append(changes)
        self._show()

    def _show(self) -> None:
        pending, server = self._pending, self._server
        if pending is None:
            return
        link = pending.link
        if link is None:
            status = api.Status("not-linked", None, None, 0, None, None)
            self._server_timer.stop()
        else:
            conflicts = server.conflicts if server else None
            message = server.message if server else ""
            state = ("login" if server and server.login else "offline" if message else
                     "conflicts" if conflicts else "changes" if pending.keys else "synchronised")
            status = api.Status(state, link.url, link.user, len(pending.keys), conflicts,
                                link.synced_at, message)
            if not self._server_timer.isActive():
                self._server_timer.start()
        self.status = status
        self.statusChanged.emit(status)

    def linked(self, pending: Pending) -> None:
        """A project just published: its count (no server asked: it was just there)."""
        self._pending, self._server = pending, ServerView(0)
        self._show()

    # -- synchronising -------------------------------------------------------------------------

    def sync(self, on_failed: Callable[[str], None],
             on_login_refused: Callable[[str], None] | None = None) -> bool:
        """Synchronise the open project in the worker; False if it could not start. A refused
        login goes to ``on_login_refused`` (to ask for the password), if given."""
        project = self.context.project
        if project is None or self.context.read_only_reason is not None:
            return False
        password = self.password(project)
        self._touched = []

        def job(control: JobControl) -> SyncOutcome | LoginRefused:
            try:
                return synchronised_outcome(project, password, lambda: api.synchronise(
                    project, reporter(control), password=password), tr("Synchronised"))
            except api.TeamLoginError as error:
                return LoginRefused(str(error))

        def finished(result: SyncOutcome | LoginRefused) -> None:
            if isinstance(result, SyncOutcome):
                self.apply_outcome(result)
                return
            self._server = ServerView(self._server.conflicts if self._server else None,
                                      result.message, login=True)
            self._show()
            (on_login_refused or on_failed)(result.message)

        return self.worker.run(job, finished, on_failed)

    def flip(self, conflict_id: int, done: Callable[[SyncOutcome], None],
             failed: Callable[[str], None],
             on_login_refused: Callable[[str], None] | None = None) -> bool:
        """Take the value a conflict lost (the core writes it and synchronises). A refused
        login goes to ``on_login_refused``, if given."""
        project = self.context.project
        if project is None or self.context.read_only_reason is not None:
            return False
        password = self.password(project)
        self._touched = []

        def job(control: JobControl) -> SyncOutcome | LoginRefused:
            try:
                return synchronised_outcome(project, password, lambda: api.flip(
                    project, conflict_id, reporter(control), password=password),
                    tr("Took the lost value"))
            except api.TeamLoginError as error:
                return LoginRefused(str(error))

        def finished(outcome: SyncOutcome | LoginRefused) -> None:
            if isinstance(outcome, LoginRefused):
                (on_login_refused or failed)(outcome.message)
                return
            self.apply_outcome(outcome)
            done(outcome)

        return self.worker.run(job, finished, failed)

    def apply_outcome(self, outcome: SyncOutcome) -> None:
        """Refresh the panels from what a sync changed here, and show its status."""
        if self.context.project is None:
            return
        touched, self._touched = self._touched, []
        if outcome.changes.kinds:
            self.context.changed.emit(outcome.changes)  # not a change to send: recounted below
        self._pending = outcome.pending
        for changes in touched:  # made while the sync ran: perhaps after its count
            outcome.pending.note(changes)
        self._server = outcome.server
        self._show()
        self.synchronised.emit(outcome)

    def _on_opened(self) -> None:
        self.status, self._pending, self._server = None, None, None
        self.check(count=True, ask=True)

    def _on_closing(self) -> None:
        self.wait()
        self._server_timer.stop()
        self._wanted = set()
        self.status, self._pending, self._server = None, None, None
        self.statusChanged.emit(api.Status("not-linked", None, None, 0, None, None))


def _key(path: Path | str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return str(path)
