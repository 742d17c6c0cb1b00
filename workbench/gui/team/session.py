"""The window's side of a team project: one worker at a time for every call that may touch the
network or read the whole file, the status the indicator shows, and passwords kept in memory.

Nothing here waits for the network on the GUI thread. Synchronising, publishing, joining,
flipping a conflict and asking the server for its conflicts run in a :class:`JobRunner`; the
count of changes to send is read in the worker too, shortly after each action (it reads every
row), and the server is asked only when the user synchronises and on a timer.

Passwords typed in the window live in this object for the session and are never written
anywhere; without one, the core finds it in the OS keyring or libpq's password file.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.core.jobs import JobControl
from workbench.core.services.changes import Changes
from workbench.core.storage import Project
from workbench.core.team import api
from workbench.gui.context import AppContext
from workbench.gui.i18n import tr
from workbench.gui.team.sync_changes import changes_between, take_snapshot
from workbench.gui.workers import JobRunner

SERVER_CHECK_MS = 3 * 60 * 1000  # ask the server for conflicts (and whether it is there)
LOCAL_CHECK_MS = 800  # after the last action, count the changes to send
PASSWORD_MARKER = "password"  # in the core's one-line error when the server refuses the login


def stage_text(stage: str) -> str:
    return {"push": tr("Sending changes"), "pull": tr("Receiving changes"),
            "publish": tr("Publishing")}.get(stage, tr("Synchronising"))


def wants_password(message: str) -> bool:
    return PASSWORD_MARKER in message


@dataclass(frozen=True)
class SyncOutcome:
    report: api.SyncReport
    changes: Changes
    status: api.Status


_PASSWORD_LOCK = threading.Lock()


@contextmanager
def typed_password(password: str | None) -> Iterator[None]:
    """Lend a password typed in the window to the core calls that take none (status, conflicts,
    flip): libpq reads ``PGPASSWORD`` when the address carries no password. Only the team
    worker connects, one job at a time; the variable is restored as soon as the call ends, and
    a password the user set there themselves wins. (Once the core takes ``password=`` in these
    calls too, this goes.)"""
    if not password or "PGPASSWORD" in os.environ:
        yield
        return
    with _PASSWORD_LOCK:
        os.environ["PGPASSWORD"] = password
        try:
            yield
        finally:
            os.environ.pop("PGPASSWORD", None)


def _reporter(control: JobControl) -> Callable[[str, int, int], None]:
    return lambda stage, done, total: control.report(done, total, stage_text(stage))


def after_contact(status: api.Status) -> api.Status:
    """The status right after a sync succeeded: the server was there, even if listing its
    conflicts failed (the listing has no way to take a password typed in the window)."""
    if status.state != "offline":
        return status
    state = "changes" if status.pending else "synchronised"
    return replace(status, state=state, conflicts=None)


class TeamSession(QObject):
    statusChanged = Signal(object)  # api.Status
    busyChanged = Signal(bool)
    progress = Signal(int, int, str)  # done, total, message
    synchronised = Signal(object)  # SyncOutcome

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self.status: api.Status | None = None
        self._server: api.Status | None = None  # what the server said last (conflicts, offline)
        self._passwords: dict[str, str] = {}
        self._runner: JobRunner | None = None
        self._runner_shown = False
        # A shown job asked for while a status check runs: (job, done, failed), started next.
        self._next: tuple[Callable[[JobControl], Any], Callable[[Any], None],
                          Callable[[str], None]] | None = None
        self._queued: bool | None = None  # a check asked for while busy (True: ask the server)
        self._local_timer = QTimer(self, singleShot=True, interval=LOCAL_CHECK_MS)
        self._local_timer.timeout.connect(lambda: self.check(ask_server=False))
        self._server_timer = QTimer(self, interval=SERVER_CHECK_MS)
        self._server_timer.timeout.connect(lambda: self.check(ask_server=True))
        context.projectOpened.connect(self._on_opened)
        context.aboutToCloseProject.connect(self._on_closing)
        context.changed.connect(lambda _changes: self._local_timer.start())

    # -- passwords (memory only) ---------------------------------------------------------------

    def remember_password(self, path: Path | str, password: str) -> None:
        if password:
            self._passwords[_key(path)] = password

    def password(self, project: Project) -> str | None:
        return self._passwords.get(_key(project.path))

    # -- running jobs --------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._runner is not None

    def run(self, job: Callable[[JobControl], Any], done: Callable[[Any], None],
            failed: Callable[[str], None], *, shown: bool = True) -> bool:
        """Run ``job`` in the worker; False (nothing started) while another team job runs.

        A ``shown`` job (sync, publish, join, flip) reports busy and its progress; a status
        check runs unseen, and a shown job asked for meanwhile starts as soon as it ends."""
        if self._runner is not None:
            if not shown or self._runner_shown or self._next is not None:
                return False
            self._next = (job, done, failed)
            self.busyChanged.emit(True)
            return True
        self._start(job, done, failed, shown)
        return True

    def _start(self, job: Callable[[JobControl], Any], done: Callable[[Any], None],
               failed: Callable[[str], None], shown: bool) -> None:
        runner = JobRunner(job, self)
        if shown:
            runner.progress.connect(self.progress.emit)

        def finished(value: Any) -> None:
            self._release(runner, shown)
            done(value)

        def refused(message: str) -> None:
            self._release(runner, shown)
            failed(message)

        runner.finished.connect(finished)
        runner.failed.connect(refused)
        runner.cancelled.connect(lambda: self._release(runner, shown))
        self._runner, self._runner_shown = runner, shown
        if shown:
            self.busyChanged.emit(True)
        runner.start()

    def _release(self, runner: JobRunner, shown: bool) -> None:
        runner.deleteLater()
        self._runner = None
        if self._next is not None:
            waiting, self._next = self._next, None
            self._start(*waiting, shown=True)
            return
        if shown:
            self.busyChanged.emit(False)
        if self._queued is not None:
            ask_server, self._queued = self._queued, None
            QTimer.singleShot(0, self, lambda: self.check(ask_server=ask_server))

    def wait(self) -> None:
        """Let a running job end (before the project closes under it); one waiting to start
        after it is dropped."""
        if self._next is not None:
            self._next = None
            self.busyChanged.emit(False)
        if self._runner is not None:
            self._runner.wait()

    # -- the status ----------------------------------------------------------------------------

    def check(self, ask_server: bool = False) -> None:
        """Recount the changes to send (and, with ``ask_server``, the server's conflicts)."""
        project = self.context.project
        if project is None:
            return
        password = self.password(project)

        def job(_control: JobControl) -> api.Status:
            with typed_password(password):
                return api.status(project, ask_server=ask_server)

        started = self.run(job,
                           lambda status: self._show(status, from_server=ask_server),
                           self._check_failed, shown=False)
        if not started:
            self._queued = bool(self._queued) or ask_server

    def _check_failed(self, message: str) -> None:
        self.context.status.emit(message)

    def _show(self, status: api.Status, *, from_server: bool) -> None:
        if self.context.project is None:
            return
        if from_server:
            self._server = status
        elif self._server is not None and status.state != "not-linked":
            # The local count is new; what the server said (offline, conflicts) still stands.
            known = self._server
            state = ("offline" if known.state == "offline" else
                     "conflicts" if known.conflicts else status.state)
            status = replace(status, state=state, conflicts=known.conflicts,
                             message=known.message)
        self.status = status
        if status.state == "not-linked":
            self._server_timer.stop()
        elif not self._server_timer.isActive():
            self._server_timer.start()
        self.statusChanged.emit(status)

    def set_status(self, status: api.Status) -> None:
        """The status a finished sync (or publish) found: it asked the server."""
        self._show(status, from_server=True)

    # -- synchronising -------------------------------------------------------------------------

    def sync(self, on_failed: Callable[[str], None]) -> bool:
        """Synchronise the open project in the worker; False if it could not start."""
        project = self.context.project
        if project is None or self.context.read_only_reason is not None:
            return False
        password = self.password(project)

        def job(control: JobControl) -> SyncOutcome:
            before = take_snapshot(project)
            report = api.synchronise(project, _reporter(control), password=password)
            changes = changes_between(before, take_snapshot(project), tr("Synchronised"))
            with typed_password(password):
                status = api.status(project)
            return SyncOutcome(report, changes, after_contact(status))

        return self.run(job, self.apply_outcome, on_failed)

    def apply_outcome(self, outcome: SyncOutcome) -> None:
        """Refresh the panels from what a sync changed here, and show its status."""
        if self.context.project is None:
            return
        if outcome.changes.kinds:
            self.context.changed.emit(outcome.changes)
        self.set_status(outcome.status)
        self.synchronised.emit(outcome)

    def _on_opened(self) -> None:
        self.status = None
        self._server = None
        self.check(ask_server=False)
        QTimer.singleShot(0, self, lambda: self.check(ask_server=True))

    def _on_closing(self) -> None:
        self.wait()
        self._server_timer.stop()
        self._local_timer.stop()
        self._queued = None
        self.status = None
        self._server = None
        self.statusChanged.emit(api.Status("not-linked", None, None, 0, None, None))


def _key(path: Path | str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return str(path)
