"""The rule part of the autocode dialog: what to find (speakers, a search or pattern widened to a
scope, headings), as plain core rules."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.autocode import Rule, Scope, SpeakerRule, StructureRule, TextRule
from workbench.gui.i18n import tr

SPEAKERS, TEXT, HEADINGS = 0, 1, 2


def scope_names() -> list[tuple[Scope, str]]:
    return [(Scope.HIT, tr("the hit only")), (Scope.SENTENCE, tr("its sentence")),
            (Scope.PARAGRAPH, tr("its paragraph")), (Scope.TURN, tr("its speaker turn"))]


def checklist(parent: QWidget) -> QListWidget:
    widget = QListWidget(parent)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    widget.setMaximumHeight(130)
    return widget


def fill_checklist(widget: QListWidget, items: list[tuple[str, object]]) -> None:
    widget.blockSignals(True)
    for text, data in items:
        item = QListWidgetItem(text, widget)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setCheckState(Qt.CheckState.Unchecked)
    widget.blockSignals(False)


def checked(widget: QListWidget) -> list:
    return [widget.item(n).data(Qt.ItemDataRole.UserRole) for n in range(widget.count())
            if widget.item(n).checkState() == Qt.CheckState.Checked]


class RuleEditor(QWidget):
    changed = Signal()  # the rule was edited

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItems([tr("Every turn of some speakers"),
                                  tr("Every hit of a search or pattern"),
                                  tr("Every section under a heading")])
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._speaker_page())
        self.pages.addWidget(self._text_page())
        self.pages.addWidget(self._heading_page())
        self.kind_combo.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.kind_combo.currentIndexChanged.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.pages)

    def set_speakers(self, speakers: list[str]) -> None:
        """The speakers to choose from; with none, the editor starts on the text rule."""
        fill_checklist(self.speaker_list, [(name, name) for name in speakers])
        if not speakers:
            self.kind_combo.setCurrentIndex(TEXT)

    def rule(self) -> Rule:
        kind = self.kind_combo.currentIndex()
        if kind == SPEAKERS:
            return SpeakerRule(speakers=tuple(checked(self.speaker_list)),
                               pattern=self.pattern_edit.text().strip())
        if kind == TEXT:
            typed = self.query_edit.text()
            regex = self.regex_check.isChecked()
            return TextRule(query="" if regex else typed, regex=typed if regex else "",
                            scope=self.scope_combo.currentData())
        return StructureRule(heading=self.heading_edit.text().strip())

    def _speaker_page(self) -> QWidget:
        self.speaker_list = checklist(self)
        self.speaker_list.itemChanged.connect(self.changed)
        self.pattern_edit = self._line(tr("or a pattern for their names, e.g. R\\d+"))
        return self._page(self.speaker_list, self.pattern_edit)

    def _text_page(self) -> QWidget:
        self.query_edit = self._line(tr('words, "a phrase", prefix*, OR, NOT (accents optional)'))
        self.regex_check = QCheckBox(tr("Regular expression"), self)
        self.regex_check.toggled.connect(self.changed)
        self.scope_combo = QComboBox(self)
        for scope, name in scope_names():
            self.scope_combo.addItem(name, scope)
        self.scope_combo.currentIndexChanged.connect(self.changed)
        scope_form = QFormLayout()
        scope_form.addRow(tr("Code:"), self.scope_combo)
        page = self._page(self.query_edit, self.regex_check)
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)  # made by _page
        layout.addLayout(scope_form)
        return page

    def _heading_page(self) -> QWidget:
        self.heading_edit = self._line(tr("a pattern the heading holds, e.g. method|werkwijze"))
        hint = QLabel(tr("Headings are those the Word, OpenDocument or web page marked; elsewhere "
                         "a short line standing alone that does not end like a sentence. A "
                         "section runs to the next heading of the same or a higher level."), self)
        hint.setWordWrap(True)
        return self._page(self.heading_edit, hint)

    def _page(self, *widgets: QWidget) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        return page

    def _line(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.textChanged.connect(self.changed)
        return edit
