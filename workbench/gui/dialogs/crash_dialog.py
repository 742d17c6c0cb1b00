"""The dialog shown when something unexpected went wrong: what happened, where the log is, and
the details to copy into a bug report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.i18n import tr


@dataclass(frozen=True)
class CrashReport:
    summary: str  # one line: the exception's type and message
    details: str  # the traceback, as the log file has it
    log_file: Path | None  # None when no log could be written


class CrashDialog(QDialog):
    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(tr("Something went wrong"))
        self.message = QLabel(tr(
            "Coding Workbench ran into an unexpected problem and stopped what it was doing:\n"
            "{summary}\n\nYour project is still open. The unfinished action changed nothing, so "
            "your work up to it is safe.").format(summary=report.summary))
        self.message.setWordWrap(True)
        if report.log_file is not None:
            where = tr("The details were written to the log file:\n{path}").format(
                path=report.log_file)
        else:
            where = tr("No log file could be written; copy the details below instead.")
        self.log_label = QLabel(where)
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(report.details)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.message, self.log_label, self.details, buttons):
            layout.addWidget(widget)
        self.resize(640, 420)

    def copy_details(self) -> None:
        """Copy what a bug report needs: the summary, the log file's place and the traceback."""
        where = str(self.report.log_file) if self.report.log_file else "(no log file)"
        QGuiApplication.clipboard().setText(
            f"{self.report.summary}\nLog file: {where}\n\n{self.report.details}")
