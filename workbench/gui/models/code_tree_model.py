"""The codebook as a Qt tree: a thin adapter over ``list_codes`` rows.

Dragging a code onto another moves it there (``move_code``); dropping a passage dragged from the
document view (:data:`PASSAGE_MIME`) onto a code codes that passage (``apply_code``).
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session

from workbench.core.code_counts import count_text
from workbench.core.queries.codings import codes_of_codings, coding_counts, counts_of_codes
from workbench.core.queries.listing import CodeDetails, CodeRow, list_code_details, list_codes
from workbench.core.services.changes import Changes
from workbench.core.services.codes import move_code
from workbench.core.services.codings import apply_code
from workbench.core.text import fold
from workbench.gui.code_names import shown_name, shown_path
from workbench.gui.context import AppContext
from workbench.gui.i18n import tr
from workbench.gui.icons import swatch

# JSON {"document_id", "start", "end"}, code points
PASSAGE_MIME = "application/x-workbench-passage"
CODE_MIME = "application/x-workbench-codes"  # JSON list of code ids, dragged inside the tree

NAME, CODINGS = range(2)
ObjectRole = Qt.ItemDataRole.UserRole + 1  # the CodeRow
SortRole = Qt.ItemDataRole.UserRole + 2

_SHOWN_KINDS = frozenset({"code", "coding"})
_Index = QModelIndex | QPersistentModelIndex


class CodeTreeModel(QAbstractItemModel):
    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._rows: dict[int, CodeRow] = {}
        self._details: dict[int, CodeDetails] = {}
        self._children: dict[int | None, list[int]] = {None: []}
        self._row_of: dict[int, int] = {}
        self._totals: dict[int, int] = {}
        self._code_of: dict[int, int] = {}  # coding -> code, of the codings changes have named
        context.projectOpened.connect(self.refresh)
        context.projectClosed.connect(self.refresh)
        context.changed.connect(self._on_changed)
        self.refresh()

    # -- filling -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the tree from the core."""
        self.beginResetModel()
        rows: list[CodeRow] = []
        self._details = {}
        self._code_of = {}
        if self._context.project is not None:
            with self._context.reading() as session:
                counts = coding_counts(session)  # read once for both (every coding is counted)
                rows = list_codes(session, counts)
                self._details = list_code_details(session, counts=counts)
        self._fill(rows)
        self.endResetModel()

    def _fill(self, rows: list[CodeRow]) -> None:
        self._rows = {row.id: row for row in rows}
        self._children = {None: []}
        self._row_of = {}
        for row in rows:  # depth first, so a parent always comes before its children
            siblings = self._children.setdefault(row.parent_id, [])
            self._row_of[row.id] = len(siblings)
            siblings.append(row.id)
        self._totals = self._summed()

    def _summed(self) -> dict[int, int]:
        """Each code's codings with those of its subtree."""
        totals: dict[int, int] = {}
        for row in reversed(self._rows.values()):  # children before their parents
            totals[row.id] = row.codings + sum(
                totals[child] for child in self._children.get(row.id, []))
        return totals

    def _on_changed(self, changes: Changes) -> None:
        if not changes.kinds & _SHOWN_KINDS:
            return
        if changes.kinds <= {"coding", "coder"}:
            self.refresh_counts(changes)  # only counts moved: no reset, selection, expansion
        else:
            self.refresh()

    def refresh_counts(self, changes: Changes | None = None) -> None:
        """Re-read the coding counts and repaint the counts column: of the codes the change
        touched, if it names them all (a coding action, its undo), else of every code."""
        if self._context.project is None:
            return
        with self._context.reading() as session:
            counts = self._touched_counts(session, changes) if changes is not None else None
            if counts is None:
                counts = coding_counts(session)
                counts.update((code_id, 0) for code_id in self._rows.keys() - counts.keys())
        moved = [row for code_id, count in counts.items()
                 if (row := self._rows.get(code_id)) is not None and row.codings != count]
        if not moved:
            return
        for row in moved:  # the tree's shape stays: only these rows and the totals change
            self._rows[row.id] = replace(row, codings=counts[row.id])
        old_totals, self._totals = self._totals, self._summed()
        moved_ids = {row.id for row in moved}
        for code_id, total in self._totals.items():
            if total != old_totals.get(code_id) or code_id in moved_ids:
                index = self.index_of(code_id, CODINGS)
                self.dataChanged.emit(index, index)

    def _touched_counts(self, session: Session, changes: Changes) -> dict[int, int] | None:
        """The counts of the codes these coding changes touched, or None if a coding it changed
        or removed is one whose code this model never learnt (then every code is recounted)."""
        refs = {ref.id: group for group in ("created", "updated", "deleted")
                for ref in getattr(changes, group) if ref.kind == "coding"}
        if any(group != "created" and coding_id not in self._code_of
               for coding_id, group in refs.items()):
            return None
        before = {self._code_of.pop(coding_id) for coding_id in refs if coding_id in self._code_of}
        now = codes_of_codings(session, [i for i, group in refs.items() if group != "deleted"])
        self._code_of.update(now)
        return counts_of_codes(session, before | set(now.values()))

    # -- lookup ------------------------------------------------------------------------------

    def code_ids(self) -> list[int]:
        """Every code id, in tree order."""
        return list(self._rows)

    def code(self, code_id: int) -> CodeRow | None:
        return self._rows.get(code_id)

    def details(self, code_id: int) -> CodeDetails | None:
        return self._details.get(code_id)

    def index_of(self, code_id: int, column: int = NAME) -> QModelIndex:
        if code_id not in self._rows:
            return QModelIndex()
        return self.createIndex(self._row_of[code_id], column, code_id)

    def code_id_at(self, index: _Index) -> int | None:
        return int(index.internalId()) if index.isValid() else None

    def ancestors(self, code_id: int) -> list[int]:
        chain: list[int] = []
        parent = self._rows[code_id].parent_id if code_id in self._rows else None
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = self._rows[parent].parent_id
        return chain

    # -- structure ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        siblings = self._children.get(self.code_id_at(parent), [])
        if not (0 <= row < len(siblings) and 0 <= column < 2):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: _Index | None = None) -> Any:
        if index is None:  # QObject.parent()
            return super().parent()
        code_id = self.code_id_at(index)
        parent_id = self._rows[code_id].parent_id if code_id in self._rows else None
        return self.index_of(parent_id) if parent_id is not None else QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != NAME:
            return 0
        return len(self._children.get(self.code_id_at(parent), []))

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (tr("Code"), tr("Codings"))[section] if section in (NAME, CODINGS) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and section == CODINGS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -- data --------------------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows.get(self.code_id_at(index) or 0)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return shown_name(row.name) if column == NAME else self._count_text(row)
        if role == ObjectRole:
            return row
        if role == SortRole:
            return row.name.casefold() if column == NAME else self._totals[row.id]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return swatch(row.colour)
        if (role == Qt.ItemDataRole.FontRole and column == NAME
                and (row.depth == 0 or not row.codable)):
            font = QFont()
            font.setItalic(not row.codable)  # grouping-only
            font.setWeight(QFont.Weight.DemiBold if row.depth == 0 else QFont.Weight.Normal)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CODINGS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (role == Qt.ItemDataRole.ForegroundRole and column == CODINGS
                and not self._totals[row.id]):
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def _count_text(self, row: CodeRow) -> str:
        return count_text(row.codings, self._totals[row.id], bool(self._children.get(row.id)))

    def _tooltip(self, row: CodeRow) -> str:
        details = self._details.get(row.id)
        if details is None:
            return html.escape(row.name)
        parts = [f"<b>{html.escape(shown_path(details.path).replace('/', ' › '))}</b>"]
        if not details.codable:
            parts.append("<i>" + html.escape(tr("Groups other codes; not applied to passages."))
                         + "</i>")
        for label, text in ((tr("Definition"), details.definition),
                            (tr("When to use"), details.when_to_use),
                            (tr("When not to use"), details.when_not_to_use),
                            (tr("Example"), details.example)):
            if text:
                parts.append(f"<b>{html.escape(label)}:</b> {html.escape(text)}")
        return "<qt>" + "<br>".join(parts) + "</qt>"

    # -- drag and drop -----------------------------------------------------------------------

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CODE_MIME, PASSAGE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        chosen = {self.code_id_at(index) for index in indexes} - {None}
        ids = [code_id for code_id in self._rows if code_id in chosen]
        data = QMimeData()
        data.setData(CODE_MIME, QByteArray(json.dumps(ids).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: _Index) -> bool:
        target = self.code_id_at(parent)
        if data.hasFormat(PASSAGE_MIME):
            return target is not None and row < 0 and _passage(data) is not None \
                and self._rows[target].codable
        if data.hasFormat(CODE_MIME):
            ids = _code_ids(data)
            return bool(ids) and all(self._can_move(code_id, target) for code_id in ids)
        return False

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: _Index) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.code_id_at(parent)
        if data.hasFormat(PASSAGE_MIME):
            return target is not None and self._code_passage(data, target)
        return self._move(_code_ids(data), target, row)

    def _can_move(self, code_id: int, target: int | None) -> bool:
        return code_id in self._rows and target != code_id and code_id not in (
            self.ancestors(target) if target is not None else [])

    def _code_passage(self, data: QMimeData, code_id: int) -> bool:
        passage = _passage(data)
        if passage is None or not self._context.ensure_coder():
            return False
        document_id, start, end = passage
        return self._context.run(apply_code, document_id, code_id, start, end,
                                 coder=self._context.coder) is not None

    def _move(self, ids: list[int], target: int | None, row: int) -> bool:
        moved = False
        for code_id in ids:
            position = None if row < 0 else row
            code = self._rows.get(code_id)
            if code is None:
                continue
            siblings = self._children.get(target, [])
            if code.parent_id == target and position is not None:
                current = siblings.index(code_id)
                if current < position:
                    position -= 1  # the row counted the code itself, which leaves its place
                if current == position:
                    continue
            elif code.parent_id == target:
                continue  # dropped on its own parent: it is already there
            changes = self._context.run(move_code, code_id, target, position)
            moved = moved or changes is not None
            if row >= 0:
                row = self._row_of.get(code_id, row) + 1  # the next one goes after it
        return moved


class CodeFilterProxy(QSortFilterProxyModel):
    """Shows the codes whose name holds every typed word (case- and accent-insensitive), with
    their ancestors, so a match is always seen in its place in the tree."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._words: list[str] = []

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, NAME, source_parent)
        name = fold(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        return all(word in name for word in self._words)


def passage_mime(document_id: int, start: int, end: int) -> QMimeData:
    """The drag payload for a passage (positions in code points), as the document view writes it."""
    data = QMimeData()
    payload = {"document_id": document_id, "start": start, "end": end}
    data.setData(PASSAGE_MIME, QByteArray(json.dumps(payload).encode()))
    return data


def _passage(data: QMimeData) -> tuple[int, int, int] | None:
    try:
        payload = json.loads(bytes(data.data(PASSAGE_MIME).data()).decode())
        return int(payload["document_id"]), int(payload["start"]), int(payload["end"])
    except (ValueError, KeyError, TypeError):
        return None


def _code_ids(data: QMimeData) -> list[int]:
    try:
        return [int(code_id) for code_id in json.loads(bytes(data.data(CODE_MIME).data()).decode())]
    except (ValueError, TypeError):
        return []
