"""The team status in the status bar: synchronised, n changes to send, offline, password
needed (the server refused the login), n conflicts.

Hidden while the open project is not linked to a team server. While a team job runs (publishing
too), a small progress bar beside it shows how far it got. A click synchronises, or lists the
conflicts when there are some.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QToolButton, QWidget

from workbench.core.team import api
from workbench.gui.i18n import tr


def indicator_text(status: api.Status) -> str:
    to_send = tr("%n change(s) to send", "", status.pending)
    if status.state == "offline":
        return tr("Offline") + (f" · {to_send}" if status.pending else "")
    if status.state == "login":
        return tr("Password needed") + (f" · {to_send}" if status.pending else "")
    if status.state == "conflicts" and status.conflicts:
        text = tr("%n conflict(s)", "", status.conflicts)
        return text + (f" · {to_send}" if status.pending else "")
    if status.pending:
        return to_send
    return tr("Synchronised")


def indicator_tooltip(status: api.Status) -> str:
    lines = [tr("Team project: {0} as {1}").format(status.url or "", status.user or "")]
    lines.append(tr("Last synchronised: {0}").format(status.synced_at)
                 if status.synced_at else tr("Not synchronised yet"))
    if status.message:
        lines.append(status.message)
    if status.state == "conflicts":
        lines.append(tr("Click to review the conflicts."))
    else:
        lines.append(tr("Click to synchronise now."))
    return "\n".join(lines)


class TeamIndicator(QWidget):
    syncRequested = Signal()
    conflictsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamIndicator")
        self.button = QToolButton(self)
        self.button.setAutoRaise(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.clicked.connect(self._clicked)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(140)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.button)
        self.state = "not-linked"
        self._busy = False
        self._update_visibility()

    def text(self) -> str:
        return self.button.text()

    def show_status(self, status: api.Status) -> None:
        self.state = status.state
        if status.state != "not-linked":
            self.button.setText(indicator_text(status))
            self.button.setToolTip(indicator_tooltip(status))
        self._update_visibility()

    def show_busy(self, busy: bool) -> None:
        self._busy = busy
        self.bar.setRange(0, 0)  # busy until the first report says how much there is
        self._update_visibility()

    def _update_visibility(self) -> None:
        linked = self.state != "not-linked"
        self.button.setVisible(linked)
        self.bar.setVisible(self._busy)
        self.setVisible(linked or self._busy)

    def show_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def _clicked(self) -> None:
        if self.state == "conflicts":
            self.conflictsRequested.emit()
        else:
            self.syncRequested.emit()
