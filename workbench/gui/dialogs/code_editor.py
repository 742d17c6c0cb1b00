"""Editing one code: name, colour, definition, when (not) to use, example, codable flag."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.colours import PALETTE
from workbench.core.queries.listing import CodeDetails, code_details
from workbench.core.services.codes import rename_code, update_code
from workbench.gui.context import AppContext
from workbench.gui.i18n import tr
from workbench.gui.icons import swatch


class ColourButton(QToolButton):
    """A swatch button: a menu of the palette's colours, and 'Other colour…' for any other."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        menu = QMenu(self)
        self.palette_actions = []
        for hex_colour in PALETTE:
            action = menu.addAction(swatch(hex_colour), hex_colour)
            action.triggered.connect(lambda _=False, c=hex_colour: self.set_colour(c))
            self.palette_actions.append(action)
        menu.addSeparator()
        self.other_action = menu.addAction(tr("Other colour…"))
        self.other_action.triggered.connect(self._choose_other)
        self.setMenu(menu)
        self._picker: QColorDialog | None = None
        self.set_colour(colour)

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        self._colour = QColor(colour).name().upper()
        self.setIcon(swatch(self._colour, 16))
        self.setText(self._colour)

    def _choose_other(self) -> None:
        self._picker = QColorDialog(QColor(self._colour), self)
        self._picker.colorSelected.connect(lambda chosen: self.set_colour(chosen.name()))
        self._picker.open()


class CodeEditorDialog(QDialog):
    """Opened with :meth:`open`; OK saves through ``rename_code`` and ``update_code``.

    A rename and an edit of the other fields are two undo steps (one each, only if changed).
    """

    def __init__(self, context: AppContext, code_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.code_id = code_id
        with context.reading() as session:
            details = code_details(session, code_id)
        if details is None:
            raise LookupError(f"There is no code with id {code_id}.")
        self._original = details
        self.setWindowTitle(tr("Edit code"))
        self.setMinimumWidth(520)
        self._build(details)

    def _build(self, details: CodeDetails) -> None:
        path = QLabel(details.path.replace("/", " › "))
        path.setWordWrap(True)
        path.setStyleSheet("color: palette(placeholder-text);")
        self.name_edit = QLineEdit(details.name)
        self.colour_button = ColourButton(details.colour, self)
        self.definition_edit = self._text_edit(details.definition, 4)
        self.when_to_use_edit = self._text_edit(details.when_to_use, 3)
        self.when_not_to_use_edit = self._text_edit(details.when_not_to_use, 3)
        self.example_edit = self._text_edit(details.example, 3)
        self.codable_check = QCheckBox(tr("Can be applied to passages"))
        self.codable_check.setToolTip(tr("Untick for a theme that only groups its sub-codes."))
        self.codable_check.setChecked(details.codable)
        form = QFormLayout()
        form.addRow(tr("Name:"), self.name_edit)
        form.addRow(tr("Colour:"), self.colour_button)
        form.addRow(tr("Definition:"), self.definition_edit)
        form.addRow(tr("When to use:"), self.when_to_use_edit)
        form.addRow(tr("When not to use:"), self.when_not_to_use_edit)
        form.addRow(tr("Example:"), self.example_edit)
        form.addRow("", self.codable_check)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(path)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _text_edit(self, text: str, lines: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(text)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        return edit

    def edited_fields(self) -> dict[str, object]:
        """The fields that differ from the code as stored, as ``update_code`` keywords."""
        edits = {"definition": self.definition_edit, "when_to_use": self.when_to_use_edit,
                 "when_not_to_use": self.when_not_to_use_edit, "example": self.example_edit}
        fields: dict[str, object] = {
            key: edit.toPlainText().strip() for key, edit in edits.items()
            if edit.toPlainText().strip() != getattr(self._original, key)}
        if self.colour_button.colour() != self._original.colour.upper():
            fields["colour"] = self.colour_button.colour()
        if self.codable_check.isChecked() != self._original.codable:
            fields["codable"] = self.codable_check.isChecked()
        return fields

    def accept(self) -> None:
        """Save what changed; on a refused change the dialog stays open for a correction."""
        name = " ".join(self.name_edit.text().split())
        if name != self._original.name:
            if self._context.run(rename_code, self.code_id, name) is None:
                return
            self._original = replace(self._original, name=name)
        fields = self.edited_fields()
        if fields and self._context.run(update_code, self.code_id, **fields) is None:
            return
        super().accept()

