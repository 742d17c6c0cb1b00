"""Every question the application asks the user goes through this one seam; tests replace it."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from workbench.core.storage import PROJECT_SUFFIX
from workbench.gui.dialogs.crash_dialog import CrashDialog, CrashReport
from workbench.gui.i18n import tr

PROJECT_FILTER = f"Coding Workbench projects (*{PROJECT_SUFFIX});;All files (*)"


def project_filter() -> str:
    """The file filter for project files, in the interface language."""
    return tr("Coding Workbench projects (*{0});;All files (*)").format(PROJECT_SUFFIX)


class Prompts:
    def error(self, parent: QWidget | None, message: str, title: str = "") -> None:
        QMessageBox.warning(parent, title or tr("Coding Workbench"), message)

    def inform(self, parent: QWidget | None, message: str, title: str = "") -> None:
        QMessageBox.information(parent, title or tr("Coding Workbench"), message)

    def confirm(self, parent: QWidget | None, message: str, title: str = "") -> bool:
        answer = QMessageBox.question(parent, title or tr("Coding Workbench"), message)
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(self, parent: QWidget | None, label: str, title: str = "",
                 default: str = "") -> str | None:
        text, ok = QInputDialog.getText(parent, title or tr("Coding Workbench"), label,
                                        QLineEdit.EchoMode.Normal, default)
        return text if ok else None

    def ask_password(self, parent: QWidget | None, label: str, title: str = "") -> str | None:
        """A password typed in a hidden field (the caller keeps it in memory only)."""
        text, ok = QInputDialog.getText(parent, title or tr("Coding Workbench"), label,
                                        QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def choose_item(self, parent: QWidget | None, label: str, items: list[str],
                    title: str = "") -> str | None:
        item, ok = QInputDialog.getItem(parent, title or tr("Coding Workbench"), label, items, 0,
                                        False)
        return item if ok else None

    def open_file(self, parent: QWidget | None, title: str, filters: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters or project_filter())
        return path or None

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return list(paths)

    def save_file(self, parent: QWidget | None, title: str, filters: str = "") -> str | None:
        """A path to write, with the chosen filter's extension added when it was not typed."""
        filters = filters or project_filter()
        path, chosen = QFileDialog.getSaveFileName(parent, title, "", filters)
        return with_extension(path, chosen or filters) if path else None


    def crash(self, parent: QWidget | None, report: CrashReport) -> None:
        CrashDialog(report, parent).exec()


def filter_extensions(name_filter: str) -> list[str]:
    """``"Word document (*.docx)"`` -> ``[".docx"]``; the first filter of a list counts."""
    first = name_filter.split(";;")[0]
    return [f".{ext}" for ext in re.findall(r"\*\.([\w-]+)", first)]


def with_extension(path: str, name_filter: str) -> str:
    """Add the filter's (first) extension unless the name already ends in one of its own, so
    "codebook" becomes "codebook.qdc" and our own merge accepts the file."""
    extensions = filter_extensions(name_filter)
    if not extensions or any(path.lower().endswith(ext.lower()) for ext in extensions):
        return path
    return path + extensions[0]
