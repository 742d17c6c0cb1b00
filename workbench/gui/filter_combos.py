"""Filter combo boxes shared by the passages and matrix panels: "everything" first, then the
project's own values, refilled after a change without losing the user's choice."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox

from workbench.core.queries.passages import FilterChoices
from workbench.gui.i18n import tr


def refill(combo: QComboBox, everything: str, items: list[tuple[str, Any]]) -> None:
    """Refill a filter combo (no signals), keeping its choice when it is still there."""
    kept = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(kept), 0) if kept is not None else 0)
    combo.blockSignals(False)


def refill_values(values: QComboBox, attribute: str | None, choices: FilterChoices) -> None:
    """The values the cases hold for the chosen attribute (off while no attribute is chosen)."""
    held = choices.attributes.get(attribute, []) if attribute is not None else []
    refill(values, tr("any value"), [(value, value) for value in held])
    values.setEnabled(attribute is not None)
