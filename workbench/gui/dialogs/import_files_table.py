"""The files of an import, one row each: its kind (guessed, editable), date and interviewer.

The same details ``workbench import`` takes as --kind, --date and --interviewer, but per file:
an empty date or interviewer is taken from the file's own properties, as on the command line.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHeaderView, QLineEdit, QTableWidget, QTableWidgetItem, QWidget,
)

from workbench.core.importers.guess_kind import date_from_name, guess_kind
from workbench.core.importers.job import DocumentDetails
from workbench.gui.i18n import tr
from workbench.gui.icons import icon

KINDS = ("interview", "fieldnote", "other")
FILE, KIND, DATE, INTERVIEWER = range(4)


def kind_labels() -> dict[str, str]:
    return {"interview": tr("Interview transcript"), "fieldnote": tr("Fieldnote"),
            "other": tr("Other")}


class _NoWheel(QObject):
    """Rows scroll under the mouse: a wheel turn must not change a file's kind on its way."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        return event.type() == QEvent.Type.Wheel


class ImportFilesTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self._paths: list[Path] = []
        self._no_wheel = _NoWheel(self)
        self.setHorizontalHeaderLabels([tr("File"), tr("Kind"), tr("Date"), tr("Interviewer")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((DATE, 110), (INTERVIEWER, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)

    def paths(self) -> list[Path]:
        return list(self._paths)

    def add_file(self, path: Path) -> None:
        """A row for ``path``, its kind guessed from its name or content, a date from its name."""
        guess = guess_kind(path)
        row = self.rowCount()
        self.insertRow(row)
        self._paths.append(path)
        item = QTableWidgetItem(icon("document"), path.name)
        item.setToolTip(str(path))
        self.setItem(row, FILE, item)
        kind = QComboBox(self)
        for key, label in kind_labels().items():
            kind.addItem(label, key)
        kind.setCurrentIndex(kind.findData(str(guess.kind)))
        kind.setToolTip(tr("Guessed from {reason}").format(reason=guess.reason))
        kind.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        kind.installEventFilter(self._no_wheel)
        self.setCellWidget(row, KIND, kind)
        named = date_from_name(path.name)
        self.setCellWidget(row, DATE, self._line(named.isoformat() if named else "",
                                                 tr("from the file"), "YYYY-MM-DD"))
        self.setCellWidget(row, INTERVIEWER, self._line("", tr("from the file")))

    def _line(self, text: str, placeholder: str, tip: str = "") -> QLineEdit:
        line = QLineEdit(text, self)
        line.setPlaceholderText(placeholder)
        line.setFrame(False)
        if tip:
            line.setToolTip(tip)
        return line

    def remove_selected(self) -> None:
        for row in sorted({index.row() for index in self.selectedIndexes()}, reverse=True):
            del self._paths[row]
            self.removeRow(row)

    def set_all_kinds(self, kind: str) -> None:
        for row in range(self.rowCount()):
            combo = self.kind_combo(row)
            combo.setCurrentIndex(combo.findData(kind))

    def kind_combo(self, row: int) -> QComboBox:
        return self.cellWidget(row, KIND)  # type: ignore[return-value]

    def line(self, row: int, column: int) -> QLineEdit:
        return self.cellWidget(row, column)  # type: ignore[return-value]

    def details(self) -> tuple[dict[Path, DocumentDetails], list[str]]:
        """Each file's details, and a message for each date that is not one."""
        found, problems = {}, []
        for row, path in enumerate(self._paths):
            typed = self.line(row, DATE).text().strip()
            recorded_on = None
            if typed:
                try:
                    recorded_on = date.fromisoformat(typed)
                except ValueError:
                    problems.append(tr("{name}: '{date}' is not a date (YYYY-MM-DD).").format(
                        name=path.name, date=typed))
            found[path] = DocumentDetails(kind=self.kind_combo(row).currentData(),
                                          recorded_on=recorded_on,
                                          interviewer=self.line(row, INTERVIEWER).text().strip())
        return found, problems

    def set_editable(self, editable: bool) -> None:
        for row in range(self.rowCount()):
            for column in (KIND, DATE, INTERVIEWER):
                self.cellWidget(row, column).setEnabled(editable)
