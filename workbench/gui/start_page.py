"""Shown when no project is open: start a new project, open one, or try the sample."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench.core.codebooks.builtin import BUILTIN_CODEBOOKS
from workbench.gui.i18n import tr


class StartPage(QWidget):
    newRequested = Signal(str)  # built-in codebook key, or "none"
    openRequested = Signal()
    recentRequested = Signal(str)  # path
    sampleRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recent = QListWidget()
        self.recent.itemActivated.connect(
            lambda item: self.recentRequested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        title = QLabel("<h1>" + tr("Coding Workbench") + "</h1><p>"
                       + tr("Code interviews and fieldnotes, compare cases, work as a team.")
                       + "</p>")
        columns = QHBoxLayout()
        columns.addWidget(self._start_column(), 1)
        columns.addWidget(self._recent_column(), 1)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(40, 24, 40, 24)
        inner.addWidget(title)
        inner.addLayout(columns, 1)
        # On a small screen the page scrolls rather than making the window taller than it.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _start_column(self) -> QFrame:
        frame = QFrame()
        layout = QVBoxLayout(frame)
        layout.addWidget(QLabel("<h3>" + tr("Start") + "</h3>"))
        for codebook in BUILTIN_CODEBOOKS:
            button = QPushButton(tr("New project with the “{0}” codebook…").format(codebook.title))
            button.setToolTip(codebook.summary)
            button.clicked.connect(lambda _=False, key=codebook.key: self.newRequested.emit(key))
            layout.addWidget(button)
        empty = QPushButton(tr("New empty project…"))
        empty.clicked.connect(lambda: self.newRequested.emit("none"))
        opener = QPushButton(tr("Open a project…"))
        opener.clicked.connect(self.openRequested.emit)
        sample = QPushButton(tr("Open the sample project (invented data)"))
        sample.clicked.connect(self.sampleRequested.emit)
        for button in (empty, opener, sample):
            layout.addWidget(button)
        steps = QLabel("<h3>" + tr("First steps") + "</h3><ol><li>"
                       + tr("Start a project from a codebook (or open the sample to look around).")
                       + "</li><li>" + tr("Add a case per fieldwork site, then import its "
                                          "transcripts and fieldnotes (Ctrl+I, or drop files).")
                       + "</li><li>" + tr("Open a document, select a passage and press Ctrl+E "
                                          "to code it; Ctrl+Z undoes.")
                       + "</li><li>" + tr("Compare cases in the matrix (Ctrl+M).")
                       + "</li></ol><p>" + tr("Help › User guide (F1) tells more.") + "</p>")
        steps.setObjectName("firstSteps")
        steps.setWordWrap(True)
        layout.addWidget(steps)
        layout.addStretch(1)
        return frame

    def _recent_column(self) -> QFrame:
        frame = QFrame()
        layout = QVBoxLayout(frame)
        layout.addWidget(QLabel("<h3>" + tr("Recent projects") + "</h3>"))
        layout.addWidget(self.recent, 1)
        return frame

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            if Path(path).exists():
                item = QListWidgetItem(f"{Path(path).name}    —    {Path(path).parent}")
                item.setData(Qt.ItemDataRole.UserRole, path)
                self.recent.addItem(item)
