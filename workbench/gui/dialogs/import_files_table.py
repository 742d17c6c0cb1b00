"""The files of an import, one row each: its kind (guessed, editable), date and interviewer.

The same details ``workbench import`` takes as --kind, --date and --interviewer, but per file:
an empty date or interviewer is taken from the file's own properties, as on the command line.
A kind is guessed from the file's name at once; a file whose name says nothing is read off the
GUI thread (a long PDF takes a while), and its guess fills the row unless the researcher has
chosen a kind for it, or for all files, in the meantime.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from workbench.core.importers.guess_kind import (
    KindGuess,
    date_from_name,
    guess_from_name,
    guess_kind,
)
from workbench.core.importers.job import DocumentDetails
from workbench.core.jobs import JobControl
from workbench.core.model import DocumentKind
from workbench.gui.i18n import tr
from workbench.gui.icons import icon
from workbench.gui.workers import JobRunner

KINDS = ("interview", "fieldnote", "other")
FILE, KIND, DATE, INTERVIEWER = range(4)


def kind_labels() -> dict[str, str]:
    return {"interview": tr("Interview transcript"), "fieldnote": tr("Fieldnote"),
            "other": tr("Other")}


class _NoWheel(QObject):
    """Rows scroll under the mouse: a wheel turn must not change a file's kind on its way."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.Wheel


class ImportFilesTable(QTableWidget):
    guessed = Signal()  # the files read for their kind are all guessed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self._paths: list[Path] = []
        self._pending: list[Path] = []  # to be read for a guess
        self._chosen: set[Path] = set()  # kinds the researcher picked: never overwritten
        self.kind_for_all: str | None = None
        self.guesser: JobRunner | None = None
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
        """A row for ``path``, its kind guessed from its name (or, later, its text), a date from
        its name; :meth:`guess_pending` reads the files whose name says nothing."""
        guess = guess_from_name(path.name)
        if guess is None:
            self._pending.append(path)
            guess = KindGuess(DocumentKind.OTHER, tr("nothing yet (reading the file…)"))
        row = self.rowCount()
        self.insertRow(row)
        self._paths.append(path)
        item = QTableWidgetItem(icon("document"), path.name)
        item.setToolTip(str(path))
        self.setItem(row, FILE, item)
        kind = QComboBox(self)
        for key, label in kind_labels().items():
            kind.addItem(label, key)
        self._show_guess(kind, guess)
        kind.activated.connect(lambda _index, chosen=path: self._chosen.add(chosen))
        kind.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        kind.installEventFilter(self._no_wheel)
        self.setCellWidget(row, KIND, kind)
        named = date_from_name(path.name)
        self.setCellWidget(row, DATE, self._line(named.isoformat() if named else "",
                                                 tr("from the file"), "YYYY-MM-DD"))
        self.setCellWidget(row, INTERVIEWER, self._line("", tr("from the file")))

    @staticmethod
    def _show_guess(combo: QComboBox, guess: KindGuess) -> None:
        combo.setCurrentIndex(combo.findData(str(guess.kind)))
        combo.setToolTip(tr("Guessed from {reason}").format(reason=guess.reason))

    @property
    def guessing(self) -> bool:
        return self.guesser is not None

    def guess_pending(self) -> None:
        """Read the files waiting for a guess, off the GUI thread (one reader at a time)."""
        if self.guesser is not None or not self._pending:
            return
        paths, self._pending = self._pending, []

        def job(control: JobControl) -> dict[Path, KindGuess]:
            found = {}
            for path in paths:
                control.check()
                found[path] = guess_kind(path)
            return found

        self.guesser = JobRunner(job, self)
        self.guesser.finished.connect(self._on_guessed)
        self.guesser.failed.connect(lambda _message: self._on_guessed({}))
        self.guesser.cancelled.connect(lambda: self._on_guessed({}))
        self.guesser.start()

    def _on_guessed(self, found: dict[Path, KindGuess]) -> None:
        self.guesser = None
        for row, path in enumerate(self._paths):
            if path in found and path not in self._chosen and self.kind_for_all is None:
                self._show_guess(self.kind_combo(row), found[path])
        if self._pending:
            self.guess_pending()
        else:
            self.guessed.emit()

    def stop_guessing(self) -> None:
        """Cancel the reading and wait for the current file (before the dialog goes)."""
        self._pending = []
        if self.guesser is not None:
            self.guesser.cancel()
            self.guesser.wait()

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
        self.kind_for_all = kind
        for row in range(self.rowCount()):
            combo = self.kind_combo(row)
            combo.setCurrentIndex(combo.findData(kind))

    def kind_combo(self, row: int) -> QComboBox:
        combo = self.cellWidget(row, KIND)
        assert isinstance(combo, QComboBox)  # every row gets one
        return combo

    def line(self, row: int, column: int) -> QLineEdit:
        line = self.cellWidget(row, column)
        assert isinstance(line, QLineEdit)  # the text columns hold line edits
        return line

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
