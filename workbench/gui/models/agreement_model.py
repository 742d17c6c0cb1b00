"""Agreement results and disagreements as tables: thin Qt adapters over the core's report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from workbench.core.analysis.agreement import AgreementReport, Disagreement, ResultRow
from workbench.core.analysis.agreement.formatting import (
    KIND_NAMES,
    display_label,
    interval,
    notes,
    number,
    percent,
)
from workbench.gui.i18n import number as local_number
from workbench.gui.i18n import tr

Index = QModelIndex | QPersistentModelIndex

LEVEL, LABEL, CHARACTERS, AGREEMENT, KAPPA, KAPPA_CI, ALPHA, ALPHA_CI = range(8)
SEGMENTS = 8  # then one column per coder: "matched / segments"
ObjectRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

_HEADERS = ("Level", "Code, theme or case", "Characters", "Agreement", "Kappa", "Kappa 95% CI",
            "Alpha", "Alpha 95% CI")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _Table(QAbstractTableModel):
    """Rows of one plain object each; subclasses say how a cell shows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._coders: tuple[str, ...] = ()

    def item(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headers(self) -> list[str]:
        raise NotImplementedError

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers())):
            return self.headers()[section]
        return None

    def _reset(self, rows: Sequence[Any], coders: Sequence[str]) -> None:
        self.beginResetModel()
        self._rows, self._coders = list(rows), tuple(coders)
        self.endResetModel()


class AgreementModel(_Table):
    """One row per code, theme, case and overall, with the measures and their intervals."""

    def set_report(self, report: AgreementReport | None) -> None:
        self._reset(report.rows() if report else [], report.coders if report else ())

    def headers(self) -> list[str]:
        return [tr(h) for h in _HEADERS] + [tr("{coder}: matched").format(coder=c)
                                            for c in self._coders]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row: ResultRow = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ObjectRole:
            return row
        if role == SortRole:
            return self._sort_key(row, index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return notes(row) or row.label.replace("/", " › ")
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= CHARACTERS:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.FontRole and row.kind != "code":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, row: ResultRow, column: int) -> str | None:
        values = {
            LEVEL: tr(KIND_NAMES[row.kind]), LABEL: display_label(row),
            CHARACTERS: local_number(row.characters), AGREEMENT: percent(row.percent),
            KAPPA: number(row.kappa.value), KAPPA_CI: interval(row.kappa),
            ALPHA: number(row.alpha.value), ALPHA_CI: interval(row.alpha),
        }
        if column in values:
            return values[column]
        if SEGMENTS <= column < SEGMENTS + len(row.segments):
            segment = row.segments[column - SEGMENTS]
            return f"{segment.matched} / {segment.segments}"
        return None

    def _sort_key(self, row: ResultRow, position: int, column: int) -> float | str | int:
        measures = {CHARACTERS: row.characters, AGREEMENT: row.percent.value,
                    KAPPA: row.kappa.value, ALPHA: row.alpha.value}
        if column in measures:
            value = measures[column]
            return -2.0 if value is None else float(value)  # undefined sorts first
        if column in (LEVEL, LABEL):
            return position  # codebook order
        return (self._display(row, column) or "").casefold()


REFERENCE, CODE = 0, 1  # then one column per coder: what they coded


class DisagreementModel(_Table):
    """One row per passage the coders disagree on, each coder's passage side by side."""

    def set_disagreements(self, disagreements: Sequence[Disagreement],
                          coders: Sequence[str]) -> None:
        self._reset(disagreements, coders)

    def headers(self) -> list[str]:
        return [tr("Reference"), tr("Code"), *self._coders]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item: Disagreement = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == ObjectRole:
            return item
        if role == SortRole:
            return index.row() if column == REFERENCE else (
                self._display(item, column) or "").casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == CODE:
                return item.code.replace("/", " › ")
            return self._display(item, column)
        return None

    def _display(self, item: Disagreement, column: int) -> str | None:
        if column == REFERENCE:
            return item.reference
        if column == CODE:
            return item.code.rsplit("/", 1)[-1]
        if CODE < column <= CODE + len(item.passages):
            passage = item.passages[column - CODE - 1]
            if passage is None:
                return tr("(did not code this document)")
            return " ".join(passage.split()) or "—"
        return None
