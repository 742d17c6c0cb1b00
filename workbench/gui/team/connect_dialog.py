"""Team > Connect to a team project (join: a new local copy) and Team > Publish this project.

Both ask for the server's address, a user and a password. The password goes into the address
handed to the core for this one call and into the session's memory; the project file keeps
the address and the user only. The work runs in the team worker with its progress in the
dialog, so the window stays usable; an error is one message and leaves the form filled in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from workbench.core.jobs import JobControl
from workbench.core.storage import PROJECT_SUFFIX
from workbench.core.team import api
from workbench.gui.context import AppContext
from workbench.gui.i18n import tr
from workbench.gui.team.pending import Pending, count_pending
from workbench.gui.team.session import TeamSession, reporter

ADDRESS_HINT = "postgresql://server.example.org:5432/team_study?sslmode=verify-full"
# What SQLite leaves beside a project file it made (removed with a half-joined copy).
SIDE_FILES = ("-wal", "-shm", "-journal")


def server_url(address: str, user: str, password: str) -> str:
    """The address with the user and password put in (escaped); a bare ``host/db`` works."""
    text = address.strip()
    if text and "://" not in text:
        text = "postgresql://" + text
    try:
        url = make_url(text)
    except ArgumentError:
        return text  # the core says what is wrong with it
    if user.strip():
        url = url.set(username=user.strip())
    if password:
        url = url.set(password=password)
    return url.render_as_string(hide_password=False)


class ServerDialog(QDialog):
    """The form both commands share: address, user, password, progress, one action button."""

    def __init__(self, context: AppContext, session: TeamSession, title: str, action: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.address_edit = QLineEdit(self)
        self.address_edit.setPlaceholderText(ADDRESS_HINT)
        self.user_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form = QFormLayout()
        self.form.addRow(tr("&Server:"), self.address_edit)
        self.form.addRow(tr("&User:"), self.user_edit)
        self.form.addRow(tr("&Password:"), self.password_edit)
        note = QLabel(tr("The password is never written to the project file; the window keeps "
                         "it until you quit. TLS: add ?sslmode=verify-full to the address."), self)
        note.setWordWrap(True)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.stage_label = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.action_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.action_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)
        self.body = layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(note)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.stage_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        session.progress.connect(self._progress)

    def url(self) -> str:
        return server_url(self.address_edit.text(), self.user_edit.text(),
                          self.password_edit.text())

    def reject(self) -> None:
        if self.progress_bar.isVisible():
            return  # the job cannot be stopped half-way; it ends by itself
        super().reject()

    def _running(self, running: bool) -> None:
        for widget in (self.address_edit, self.user_edit, self.password_edit, self.action_button):
            widget.setEnabled(not running)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(running)
        self.stage_label.setText(tr("Connecting to the server…") if running else "")

    def _progress(self, done: int, total: int, message: str) -> None:
        if self.progress_bar.isVisible():
            self.progress_bar.setRange(0, max(total, 1))
            self.progress_bar.setValue(min(done, max(total, 1)))
            self.stage_label.setText(message)

    def _failed(self, message: str) -> None:
        self._running(False)
        self.context.prompts.error(self, message, self.windowTitle())

    def _busy(self) -> None:
        self.context.prompts.error(self, tr("Another team task is still running; try again "
                                            "when it has finished."), self.windowTitle())


class ConnectDialog(ServerDialog):
    """Join a team project: a new local copy at a file chosen here, then opened."""

    def __init__(self, context: AppContext, session: TeamSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, session, tr("Connect to a team project"), tr("&Connect"), parent)
        self.file_edit = QLineEdit(self)
        self.file_edit.setPlaceholderText(tr("Where your own copy will be kept"))
        choose = QPushButton(tr("Choose…"), self)
        choose.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(choose)
        label = QLabel(tr("Local &file:"), self)
        label.setBuddy(self.file_edit)
        self.form.addRow(label, row)
        self.buttons.accepted.connect(self.start)

    def choose_file(self) -> None:
        path = self.context.prompts.save_file(self, tr("Keep your copy of the team project as"))
        if path:
            if not Path(path).suffix:
                path += PROJECT_SUFFIX
            self.file_edit.setText(path)

    def start(self) -> None:
        if not self.file_edit.text().strip():
            self.choose_file()
        target = self.file_edit.text().strip()
        if not target:
            return
        path = Path(target)
        if path.exists():
            self.context.prompts.error(self, tr("{0} already exists: choose a new file for your "
                                                "copy.").format(path.name), self.windowTitle())
            return
        url, password = self.url(), self.password_edit.text()

        def job(control: JobControl) -> api.SyncReport:
            return api.join(url, path, reporter(control))

        def failed(message: str) -> None:
            _remove_half_made(path)
            self._failed(message)

        def joined(_report: api.SyncReport) -> None:
            self._running(False)
            self.session.remember_password(path, password)
            self.accept()
            self.context.open_project(path)

        if self.session.run(job, joined, failed):
            self._running(True)
        else:
            self._busy()


class PublishDialog(ServerDialog):
    """Make a team project on the server from the open project, which becomes linked to it."""

    def __init__(self, context: AppContext, session: TeamSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, session, tr("Publish this project to a team server"),
                         tr("&Publish"), parent)
        explain = QLabel(tr("Publishing makes a new database on the server hold this project; "
                            "the user must be allowed to create databases and roles (the "
                            "team's lead or the server's administrator)."), self)
        explain.setWordWrap(True)
        self.body.insertWidget(0, explain)
        self.buttons.accepted.connect(self.start)

    def start(self) -> None:
        project = self.context.project
        if project is None:
            return
        url, password = self.url(), self.password_edit.text()

        def job(control: JobControl) -> Pending:
            api.publish_project(project, url, reporter(control))
            return count_pending(project)

        def published(pending: Pending) -> None:
            self._running(False)
            self.session.remember_password(project.path, password)
            self.session.linked(pending)
            self.accept()
            self.context.status.emit(tr("Published: {0}").format(
                pending.link.url if pending.link else ""))

        if self.session.run(job, published, self._failed):
            self._running(True)
        else:
            self._busy()


def _remove_half_made(path: Path) -> None:
    """A join that failed after making its file leaves no half-filled copy behind."""
    for candidate in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
        candidate.unlink(missing_ok=True)
