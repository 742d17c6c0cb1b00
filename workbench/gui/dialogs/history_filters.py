"""The History dialog's filters: whose actions, which kind of entity they changed, and between
which dates (the researcher's own calendar days, turned into UTC for the core)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from workbench.core.services.audit_trail import KINDS
from workbench.gui.filter_combos import refill
from workbench.gui.i18n import QT_TR_NOOP, tr

# What one entity of each kind the log names is called (translated where shown).
KIND_NAMES = {
    "case": QT_TR_NOOP("case"), "attribute": QT_TR_NOOP("attribute"),
    "document": QT_TR_NOOP("document"), "code": QT_TR_NOOP("code"),
    "coding": QT_TR_NOOP("coding"), "memo": QT_TR_NOOP("memo"), "coder": QT_TR_NOOP("coder"),
    "summary": QT_TR_NOOP("summary"), "audit": QT_TR_NOOP("merge record"),
}
# The date edits show "any" at their lowest date: no bound.
NO_DATE = QDate(2000, 1, 1)


@dataclass(frozen=True)
class Chosen:
    coder: str | None
    kind: str | None
    since: datetime | None  # UTC
    until: datetime | None  # UTC, excluded

    @property
    def any(self) -> bool:
        return any(value is not None for value in (self.coder, self.kind, self.since, self.until))


class HistoryFilters(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coder_combo = QComboBox()
        self.kind_combo = QComboBox()
        refill(self.kind_combo, tr("anything"), [(tr(KIND_NAMES[kind]), kind) for kind in KINDS])
        self.from_edit, self.to_edit = self._date_edit(), self._date_edit()
        self.clear_button = QPushButton(tr("Show all"))
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, widget in ((tr("Coder:"), self.coder_combo), (tr("Changed:"), self.kind_combo),
                              (tr("From:"), self.from_edit), (tr("To:"), self.to_edit)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            layout.addWidget(caption)
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.clear_button)
        for combo in (self.coder_combo, self.kind_combo):
            combo.currentIndexChanged.connect(self.changed)
        refill(self.coder_combo, tr("everyone"), [])

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(tr("any day"))
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(self.changed)
        return edit

    def set_coders(self, coders: list[str]) -> None:
        """The coders the log names (keeping the choice when that coder is still there)."""
        refill(self.coder_combo, tr("everyone"), [(coder, coder) for coder in coders])

    def clear(self) -> None:
        for widget in (self.coder_combo, self.kind_combo, self.from_edit, self.to_edit):
            widget.blockSignals(True)
        self.coder_combo.setCurrentIndex(0)
        self.kind_combo.setCurrentIndex(0)
        self.from_edit.setDate(NO_DATE)
        self.to_edit.setDate(NO_DATE)
        for widget in (self.coder_combo, self.kind_combo, self.from_edit, self.to_edit):
            widget.blockSignals(False)
        self.changed.emit()

    def chosen(self) -> Chosen:
        first, last = self.from_edit.date(), self.to_edit.date()
        return Chosen(
            coder=self.coder_combo.currentData(), kind=self.kind_combo.currentData(),
            since=None if first == NO_DATE else _utc_start(first),
            until=None if last == NO_DATE else _utc_start(last, days_later=1))


def _utc_start(day: QDate, *, days_later: int = 0) -> datetime:
    """The moment a day begins on the researcher's clock, in UTC (naive)."""
    plain = date(day.year(), day.month(), day.day()) + timedelta(days=days_later)
    local = datetime.combine(plain, time()).astimezone()
    return local.astimezone(UTC).replace(tzinfo=None)
