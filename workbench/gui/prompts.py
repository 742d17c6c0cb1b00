"""Every question the application asks the user goes through this one seam; tests replace it."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from workbench.core.storage import PROJECT_SUFFIX
from workbench.gui.dialogs.crash_dialog import CrashDialog, CrashReport
from workbench.gui.i18n import tr

PROJECT_FILTER = f"Coding Workbench projects (*{PROJECT_SUFFIX});;All files (*)"


class Prompts:
    def error(self, parent: QWidget | None, message: str, title: str = "") -> None:
        QMessageBox.warning(parent, title or tr("Coding Workbench"), message)

    def confirm(self, parent: QWidget | None, message: str, title: str = "") -> bool:
        answer = QMessageBox.question(parent, title or tr("Coding Workbench"), message)
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(self, parent: QWidget | None, label: str, title: str = "",
                 default: str = "") -> str | None:
        text, ok = QInputDialog.getText(parent, title or tr("Coding Workbench"), label,
                                        QLineEdit.EchoMode.Normal, default)
        return text if ok else None

    def choose_item(self, parent: QWidget | None, label: str, items: list[str],
                    title: str = "") -> str | None:
        item, ok = QInputDialog.getItem(parent, title or tr("Coding Workbench"), label, items, 0,
                                        False)
        return item if ok else None

    def open_file(self, parent: QWidget | None, title: str, filters: str = PROJECT_FILTER) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path or None

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return list(paths)

    def save_file(self, parent: QWidget | None, title: str, filters: str = PROJECT_FILTER) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, "", filters)
        return path or None

    def crash(self, parent: QWidget | None, report: CrashReport) -> None:
        CrashDialog(report, parent).exec()
