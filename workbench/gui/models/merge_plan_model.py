"""The rows of a merge preview as a table: a thin Qt adapter over a ``CodebookPlan``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from workbench.core.merge.codebook_plan import Choice, CodebookPlan, Difference, PlanRow
from workbench.gui.i18n import tr
from workbench.gui.icons import swatch

Index = QModelIndex | QPersistentModelIndex

THEIRS, OURS, DIFFERENCE, CHOICE = range(4)
ObjectRole = Qt.ItemDataRole.UserRole + 1  # the PlanRow
SortRole = Qt.ItemDataRole.UserRole + 2
RowRole = Qt.ItemDataRole.UserRole + 3  # the row's number in the plan

_HEADERS = ("Their code", "Our code", "Difference", "Choice")
_SAME_COLOUR = QColor("#757575")


def path_text(path: tuple[str, ...]) -> str:
    return " › ".join(path)


def choice_label(row: PlanRow, choice: Choice) -> str:
    """How a choice reads on its row: for a code only there, "add" or "leave out"."""
    if row.ours is None and choice is Choice.TAKE_THEIRS:
        return tr("add")
    if row.ours is None and choice is Choice.KEEP_OURS:
        return tr("leave out")
    return tr(choice.value)


class MergePlanModel(QAbstractTableModel):
    """One row per pair (or lone code); rows that are the same on both sides can be hidden."""

    def __init__(self, plan: CodebookPlan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan = plan
        self._shown: list[int] = []
        self._show_same = False
        self._refill()

    @property
    def plan(self) -> CodebookPlan:
        return self._plan

    def set_show_same(self, show: bool) -> None:
        self.beginResetModel()
        self._show_same = show
        self._refill()
        self.endResetModel()

    def _refill(self) -> None:
        hidden = {(Difference.SAME,), (Difference.ONLY_HERE,)} if not self._show_same else set()
        self._shown = [n for n, row in enumerate(self._plan.rows) if row.differences not in hidden]

    def plan_row(self, row: int) -> int:
        return self._shown[row]

    def choose(self, row: int, choice: Choice, pair_with: int | None = None) -> None:
        """Set the choice of a visible row (the core checks it is allowed)."""
        self._plan.choose(self._shown[row], choice, pair_with)
        self.dataChanged.emit(self.index(row, CHOICE), self.index(row, CHOICE))

    # -- the table -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(_HEADERS)):
            return tr(_HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        row, column = self._plan.rows[self._shown[index.row()]], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == ObjectRole:
            return row
        if role == RowRole:
            return self._shown[index.row()]
        if role == SortRole:
            return (self.display(row, column) or "").casefold()
        if role == Qt.ItemDataRole.DecorationRole and column in (THEIRS, OURS):
            side = row.theirs if column == THEIRS else row.ours
            return swatch(side.colour) if side is not None and side.colour else None
        if role == Qt.ItemDataRole.ForegroundRole and row.differences == (Difference.SAME,):
            return _SAME_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def display(self, row: PlanRow, column: int) -> str:
        if column == THEIRS:
            return path_text(row.theirs.path) if row.theirs else ""
        if column == OURS:
            return path_text(row.ours.path) if row.ours else ""
        if column == DIFFERENCE:
            text = ", ".join(tr(d.value) for d in row.differences)
            if row.suggestions:
                text += " " + tr("(like “{name}”?)").format(
                    name=self._plan.ours[row.suggestions[0]].name)
            return text
        if row.choice is Choice.PAIR and row.pair_with in self._plan.ours:
            return tr("pair with {code}").format(code=self._plan.ours[row.pair_with].name)
        return choice_label(row, row.choice)

    def _tooltip(self, row: PlanRow, column: int) -> str | None:
        if column in (THEIRS, OURS):
            side = row.theirs if column == THEIRS else row.ours
            if side is None:
                return None
            parts = (path_text(side.path), side.fields.definition)
            return "\n".join(part for part in parts if part)
        if row.suggestions:
            names = "; ".join(self._plan.ours[i].name for i in row.suggestions)
            return tr("Likely the same as: {names}").format(names=names)
        return None
