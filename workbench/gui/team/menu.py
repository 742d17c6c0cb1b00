"""The team-project commands of the Team menu, and the status indicator in the status bar.

Connect (join), Publish, Sync now (Ctrl+Shift+S) and Conflicts; the window keeps the returned
:class:`TeamMenu` so tests and other commands reach its session, indicator and dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from workbench.gui.i18n import tr
from workbench.gui.team.conflicts_dialog import ConflictsDialog, open_conflicts_dialog
from workbench.gui.team.connect_dialog import ConnectDialog, PublishDialog
from workbench.gui.team.session import SyncOutcome, TeamSession
from workbench.gui.team.status_indicator import TeamIndicator

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

SYNC_SHORTCUT = "Ctrl+Shift+S"
STATUS_MS = 10_000


class TeamMenu(QObject):
    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.context = context = window.context
        self.session = TeamSession(context)
        self.indicator = TeamIndicator(window)
        window.statusBar().addPermanentWidget(self.indicator)
        menu.addSeparator()
        self.connect_action = self._add(menu, tr("C&onnect to a team project…"), self.open_connect)
        self.publish_action = self._add(menu, tr("P&ublish this project to a team server…"),
                                        self.open_publish)
        self.sync_action = self._add(menu, tr("&Sync now"), self.sync_now)
        self.sync_action.setShortcut(QKeySequence(SYNC_SHORTCUT))
        self.conflicts_action = self._add(menu, tr("Con&flicts…"), self.show_conflicts)
        self.connect_dialog: ConnectDialog | None = None
        self.publish_dialog: PublishDialog | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self.session.statusChanged.connect(self._on_status)
        self.session.busyChanged.connect(self._on_busy)
        self.session.progress.connect(self._on_progress)
        self.session.synchronised.connect(self._on_synchronised)
        self.indicator.syncRequested.connect(self.sync_now)
        self.indicator.conflictsRequested.connect(self.show_conflicts)
        context.projectOpened.connect(self._enable)
        context.projectClosed.connect(self._enable)
        window.installEventFilter(self)  # a join may run with no project open: wait on close
        self._enable()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.session.wait()
        return False

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    # -- state ---------------------------------------------------------------------------------

    @property
    def linked(self) -> bool:
        status = self.session.status
        return status is not None and status.state != "not-linked"

    def _enable(self) -> None:
        has_project = self.context.project is not None
        writable = self.context.writable
        busy = self.session.busy
        self.publish_action.setEnabled(writable and not self.linked and not busy)
        self.sync_action.setEnabled(writable and self.linked and not busy)
        self.conflicts_action.setEnabled(has_project and self.linked)
        self.connect_action.setEnabled(not busy)

    def _on_status(self, status) -> None:
        self.indicator.show_status(status)
        self._enable()

    def _on_busy(self, busy: bool) -> None:
        self.indicator.show_busy(busy)
        self._enable()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.indicator.show_progress(done, total)
        if message:
            self.window.statusBar().showMessage(message, STATUS_MS)

    # -- commands ------------------------------------------------------------------------------

    def open_connect(self) -> ConnectDialog:
        self.connect_dialog = ConnectDialog(self.context, self.session, self.window)
        self.connect_dialog.show()
        return self.connect_dialog

    def open_publish(self) -> PublishDialog | None:
        if self.context.project is None:
            return None
        self.publish_dialog = PublishDialog(self.context, self.session, self.window)
        self.publish_dialog.show()
        return self.publish_dialog

    def sync_now(self) -> bool:
        """Start a sync in the worker; the window stays usable while it runs."""
        if not self.linked:
            return False
        started = self.session.sync(self._sync_failed, self._login_refused)
        if started:
            self.window.statusBar().showMessage(tr("Synchronising…"), STATUS_MS)
        return started

    def _sync_failed(self, message: str) -> None:
        """One message; the core left the project untouched (an unreachable server too: the
        indicator says offline, and no password is asked for)."""
        self.window.statusBar().showMessage(tr("Not synchronised."), STATUS_MS)
        self.context.prompts.error(self.window, message, tr("Not synchronised"))

    def _login_refused(self, message: str) -> None:
        """The server refused the login: ask for the password (kept in memory only) and try
        again, as often as one is typed; cancelling is one message."""
        if self.session.ask_password(self.window, message) and self.sync_now():
            return
        self._sync_failed(message)

    def _on_synchronised(self, outcome: SyncOutcome) -> None:
        report = outcome.report
        text = tr("Synchronised: %n change(s) sent", "", report.pushed) + ", " + tr(
            "%n received", "", report.pulled)
        if report.conflicts:
            text += ", " + tr("%n new conflict(s)", "", report.conflicts)
        self.window.statusBar().showMessage(text, STATUS_MS)

    def show_conflicts(self) -> ConflictsDialog | None:
        if self.context.project is None or not self.linked:
            return None
        self.conflicts_dialog = open_conflicts_dialog(self.context, self.session, self.window)
        return self.conflicts_dialog


def build_team_menu(window: MainWindow, menu: QMenu) -> TeamMenu:
    return TeamMenu(window, menu)
