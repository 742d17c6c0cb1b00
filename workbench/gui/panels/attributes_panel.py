"""The selected case: its name, description and a typed editor for every project attribute."""

from __future__ import annotations

import re
from datetime import date
from typing import cast

from PySide6.QtCore import QDate, QEvent, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.attribute_values import AttributeValue
from workbench.core.model import AttributeType
from workbench.core.queries.listing import AttributeRow, CaseRow, list_attributes, list_cases
from workbench.core.services.cases import (
    define_attribute,
    rename_case,
    set_case_attribute,
    set_case_description,
)
from workbench.core.services.changes import Changes
from workbench.gui.context import AppContext
from workbench.gui.i18n import tr
from workbench.gui.icons import icon

Value = AttributeValue | None
_NO_DATE = QDate(1900, 1, 1)  # the minimum of a date editor stands for 'not set'
TYPE_LABELS = {AttributeType.TEXT: "Text", AttributeType.NUMBER: "Number",
               AttributeType.DATE: "Date", AttributeType.BOOLEAN: "Yes / no",
               AttributeType.CHOICE: "Choice"}


# -- one editor per attribute type ------------------------------------------------------------

class TextEditor(QLineEdit):
    committed = Signal()

    def __init__(self, attribute: AttributeRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(tr("not set"))
        self.editingFinished.connect(self.committed)

    def set_value(self, value: Value) -> None:
        self.setText("" if value is None else str(value))

    def value(self) -> Value:
        return self.text().strip() or None


class NumberEditor(TextEditor):
    """A line edit that only takes numbers (decimal point or comma); empty is 'not set'."""

    def __init__(self, attribute: AttributeRow, parent: QWidget | None = None) -> None:
        super().__init__(attribute, parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"-?\d*([.,]\d*)?"), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)


class DateEditor(QWidget):
    committed = Signal()

    def __init__(self, attribute: AttributeRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(_NO_DATE)
        self.date_edit.setSpecialValueText(tr("not set"))
        self.date_edit.editingFinished.connect(self.committed)
        calendar = self.date_edit.calendarWidget()
        calendar.clicked.connect(lambda *_: QTimer.singleShot(0, self, self.committed.emit))
        calendar.installEventFilter(self)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setToolTip(tr("Clear the date"))
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_edit, 1)
        layout.addWidget(self.clear_button)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.value() is None:
            today = QDate.currentDate()  # an unset date opens the calendar on today, not 1900
            self.date_edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def set_value(self, value: Value) -> None:
        self.date_edit.setDate(QDate(value.year, value.month, value.day)
                               if isinstance(value, date) else _NO_DATE)

    def value(self) -> Value:
        chosen = self.date_edit.date()
        return None if chosen == _NO_DATE else cast(date, chosen.toPython())

    def clear(self) -> None:
        self.date_edit.setDate(_NO_DATE)
        self.committed.emit()


class ComboEditor(QComboBox):
    """Yes / no, or one of a choice attribute's choices; the first entry is 'not set'."""

    committed = Signal()

    def __init__(self, attribute: AttributeRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(tr("not set"), None)
        if attribute.type is AttributeType.BOOLEAN:
            self.addItem(tr("yes"), True)
            self.addItem(tr("no"), False)
        for choice in attribute.choices:
            self.addItem(choice, choice)
        self.currentIndexChanged.connect(self.committed)

    def set_value(self, value: Value) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(max(self.findData(value), 0) if value is not None else 0)
        self.blockSignals(False)

    def value(self) -> Value:
        return self.currentData()


Editor = TextEditor | DateEditor | ComboEditor
EDITORS: dict[AttributeType, type[Editor]] = {
    AttributeType.TEXT: TextEditor, AttributeType.NUMBER: NumberEditor,
    AttributeType.DATE: DateEditor, AttributeType.BOOLEAN: ComboEditor,
    AttributeType.CHOICE: ComboEditor,
}


# -- the panel ---------------------------------------------------------------------------------

class AttributesPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case: CaseRow | None = None
        self.attributes: list[AttributeRow] = []
        self.editors: dict[str, Editor] = {}
        self._shown: dict[str, Value] = {}
        self.new_attribute_action = self._make_action()
        self._build()
        context.projectOpened.connect(lambda: self.show_case(None))
        context.projectClosed.connect(lambda: self.show_case(None))
        context.changed.connect(self._on_changed)
        self.show_case(None)

    def _make_action(self) -> QAction:
        action = QAction(icon("new"), tr("New attribute…"), self)
        action.setToolTip(tr("Define a case attribute (text, number, date, yes/no or choice)"))
        action.triggered.connect(self.open_new_attribute_form)
        self.addAction(action)
        return action

    def _build(self) -> None:
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.name_edit = QLineEdit(self)
        self.name_edit.editingFinished.connect(self._commit_name)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setPlaceholderText(tr("What this case is: site, period, people…"))
        self.description_edit.setMaximumHeight(90)
        self.description_edit.installEventFilter(self)
        case_form = QFormLayout()
        case_form.addRow(tr("Name:"), self.name_edit)
        case_form.addRow(tr("Description:"), self.description_edit)
        self.attribute_box = QGroupBox(tr("Attributes"), self)
        self.attribute_form = QFormLayout(self.attribute_box)
        self.attribute_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        new_button = QToolButton(self)
        new_button.setDefaultAction(self.new_attribute_action)
        new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_form = NewAttributeForm(self)
        self.new_form.submitted.connect(self._define)
        self.empty_label = QLabel(tr("Select a case to see and edit its attributes."), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        self.case_widget = QWidget(self)
        inner = QVBoxLayout(self.case_widget)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.title_label)
        inner.addLayout(case_form)
        inner.addWidget(self.attribute_box)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        for widget in (self.empty_label, self.case_widget, new_button, self.new_form):
            layout.addWidget(widget)
        layout.setAlignment(new_button, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- showing a case --------------------------------------------------------------------

    def show_case(self, case_id: int | None) -> None:
        """Show a case (None or -1: none); the cases panel's selection drives this."""
        case, attributes = None, []
        if self.context.project is not None:
            with self.context.reading() as session:
                attributes = list_attributes(session)
                if case_id is not None and case_id >= 0:  # (no case: at start, 3 queries less)
                    case = next((c for c in list_cases(session) if c.id == case_id), None)
        if attributes != self.attributes:
            self._rebuild(attributes)
        self.case = case
        self.empty_label.setVisible(case is None)
        self.case_widget.setVisible(case is not None)
        self.new_attribute_action.setEnabled(self.context.writable)
        if case is not None:
            self._fill(case)

    def _rebuild(self, attributes: list[AttributeRow]) -> None:
        for editor in self.editors.values():
            editor.blockSignals(True)  # a focused editor losing its row must not commit
        while self.attribute_form.rowCount():
            self.attribute_form.removeRow(0)
        self.attributes, self.editors = attributes, {}
        for attribute in attributes:
            editor = EDITORS[attribute.type](attribute, self.attribute_box)
            editor.committed.connect(lambda name=attribute.name: self._commit_attribute(name))
            label = QLabel(attribute.name + ":", self.attribute_box)
            label.setToolTip(_describe(attribute))
            editor.setToolTip(_describe(attribute))
            self.attribute_form.addRow(label, editor)
            self.editors[attribute.name] = editor
        if not attributes:
            hint = QLabel(tr("No attributes yet: add one, e.g. place or city."), self.attribute_box)
            hint.setEnabled(False)
            self.attribute_form.addRow(hint)

    def _fill(self, case: CaseRow) -> None:
        self.title_label.setText(case.name)
        self.name_edit.setText(case.name)
        if self.description_edit.toPlainText() != case.description:
            self.description_edit.setPlainText(case.description)
        self._shown = {name: case.attributes.get(name) for name in self.editors}
        for name, editor in self.editors.items():
            editor.blockSignals(True)
            editor.set_value(self._shown[name])
            editor.blockSignals(False)

    def _on_changed(self, changes: Changes) -> None:
        if changes.kinds & {"case", "attribute"}:
            self.show_case(self.case.id if self.case is not None else None)

    # -- committing edits ------------------------------------------------------------------

    def _commit_attribute(self, name: str) -> None:
        editor = self.editors.get(name)
        if self.case is None or editor is None or editor.value() == self._shown.get(name):
            return
        if self.context.run(set_case_attribute, self.case.id, name, editor.value()) is None:
            editor.blockSignals(True)
            editor.set_value(self._shown.get(name))  # refused: show the stored value again
            editor.blockSignals(False)

    def _commit_name(self) -> None:
        name = self.name_edit.text()
        if self.case is not None and " ".join(name.split()) != self.case.name:
            if self.context.run(rename_case, self.case.id, name) is None:
                self.name_edit.setText(self.case.name)

    def commit_description(self) -> None:
        text = self.description_edit.toPlainText()
        if self.case is not None and text.strip() != self.case.description:
            self.context.run(set_case_description, self.case.id, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.description_edit:
            if event.type() == QEvent.Type.FocusOut:
                self.commit_description()
            elif (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                  and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                  and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                self.commit_description()
                return True
        return super().eventFilter(watched, event)

    # -- new attributes --------------------------------------------------------------------

    def open_new_attribute_form(self) -> None:
        self.new_form.setVisible(True)
        self.new_form.name_edit.setFocus()

    def _define(self, name: str, kind: AttributeType, choices: list[str]) -> None:
        if self.context.run(define_attribute, name, kind, choices) is not None:
            self.new_form.reset()


class NewAttributeForm(QGroupBox):
    """Name, type and (for a choice attribute) its choices; hidden until asked for."""

    submitted = Signal(str, object, list)  # name, AttributeType, choices

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("New attribute"), parent)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(tr("e.g. city"))
        self.type_combo = QComboBox(self)
        for kind, label in TYPE_LABELS.items():
            self.type_combo.addItem(tr(label), kind.value)
        self.choices_edit = QLineEdit(self)
        self.choices_edit.setPlaceholderText(tr("comma-separated: work, living, school, leisure"))
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.add_button = QPushButton(tr("Add attribute"), self)
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self._submit)
        self.name_edit.returnPressed.connect(self._submit)
        cancel = QPushButton(tr("Cancel"), self)
        cancel.clicked.connect(self.reset)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(cancel)
        buttons.addWidget(self.add_button)
        form = QFormLayout(self)
        form.addRow(tr("Name:"), self.name_edit)
        form.addRow(tr("Type:"), self.type_combo)
        form.addRow(tr("Choices:"), self.choices_edit)
        form.addRow(buttons)
        self._type_changed()
        self.setVisible(False)

    def kind(self) -> AttributeType:
        return AttributeType(self.type_combo.currentData())

    def _type_changed(self) -> None:
        self.choices_edit.setEnabled(self.kind() is AttributeType.CHOICE)

    def _submit(self) -> None:
        kind = self.kind()
        choices = [c.strip() for c in re.split(r"[,;\n]", self.choices_edit.text()) if c.strip()]
        self.submitted.emit(self.name_edit.text(), kind,
                            choices if kind is AttributeType.CHOICE else [])

    def reset(self) -> None:
        self.name_edit.clear()
        self.choices_edit.clear()
        self.type_combo.setCurrentIndex(0)
        self.setVisible(False)


def _describe(attribute: AttributeRow) -> str:
    kind = tr(TYPE_LABELS[attribute.type])
    if attribute.choices:
        kind += ": " + ", ".join(attribute.choices)
    return f"{kind}\n{attribute.description}" if attribute.description else kind
