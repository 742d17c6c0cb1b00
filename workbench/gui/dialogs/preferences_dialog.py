"""Preferences: theme (system, light, dark), interface language, and backups to keep."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.i18n import LANGUAGES, current_language, resolve_language, tr
from workbench.gui.settings import MAX_KEEP_BACKUPS, Settings
from workbench.gui.theme import apply_theme


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(tr("Preferences"))
        self.theme_combo = QComboBox(self)
        for key, label in (("system", tr("Follow the system")), ("light", tr("Light")),
                           ("dark", tr("Dark"))):
            self.theme_combo.addItem(label, key)
        self.theme_combo.setCurrentIndex(max(self.theme_combo.findData(settings.theme), 0))
        self.language_combo = QComboBox(self)
        system = LANGUAGES[resolve_language("system")]
        self.language_combo.addItem(tr("Follow the system ({0})").format(system), "system")
        for key, name in LANGUAGES.items():
            self.language_combo.addItem(name, key)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(settings.language), 0))
        self.backups_spin = QSpinBox(self)
        self.backups_spin.setRange(0, MAX_KEEP_BACKUPS)
        self.backups_spin.setValue(settings.keep_backups)
        self.backups_spin.setSpecialValueText(tr("none"))
        self.restart_note = QLabel(self)
        self.restart_note.setWordWrap(True)
        self.language_combo.currentIndexChanged.connect(self._update_note)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("&Theme:"), self.theme_combo)
        form.addRow(tr("&Language:"), self.language_combo)
        form.addRow("", self.restart_note)
        form.addRow(tr("&Backups to keep of each project:"), self.backups_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._update_note()

    def _update_note(self) -> None:
        chosen = resolve_language(self.language_combo.currentData())
        self.restart_note.setText(
            "" if chosen == current_language()
            else tr("The language changes the next time Coding Workbench starts."))

    def accept(self) -> None:
        self.settings.theme = self.theme_combo.currentData()
        self.settings.language = self.language_combo.currentData()
        self.settings.keep_backups = self.backups_spin.value()
        self.settings.sync()
        apply_theme(self.settings.theme)
        super().accept()
