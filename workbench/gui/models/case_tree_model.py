"""Cases with their documents as children: a thin Qt adapter over the core's listing queries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont

from workbench.core.queries.listing import (
    CaseRow,
    DocumentRow,
    document_sources,
    list_cases,
    list_documents,
)
from workbench.core.services.changes import Changes
from workbench.gui.context import AppContext
from workbench.gui.i18n import number, tr
from workbench.gui.icons import icon

Index = QModelIndex | QPersistentModelIndex

NAME, KIND, WORDS = range(3)
ObjectRole = Qt.ItemDataRole.UserRole + 1  # the CaseRow or DocumentRow
SortRole = Qt.ItemDataRole.UserRole + 2

_TOP = 0  # internal id of a case index; a document's internal id is its case's row + 1


def kind_label(kind: str) -> str:
    return {"interview": tr("Interview"), "fieldnote": tr("Fieldnote"),
            "other": tr("Other")}.get(kind, kind)


class CaseTreeModel(QAbstractItemModel):
    """Two levels: cases (name, number of documents, words) and their documents."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._cases: list[CaseRow] = []
        self._documents: list[list[DocumentRow]] = []
        self._sources: dict[int, str] = {}  # for tooltips: read once the tree is on screen
        self._sources_due = False
        context.projectOpened.connect(self.refresh)
        context.projectClosed.connect(self.refresh)
        context.changed.connect(self._on_changed)
        self.refresh()

    # -- filling ---------------------------------------------------------------------------

    def refresh(self) -> None:
        cases: list[CaseRow] = []
        documents: list[DocumentRow] = []
        if self._context.project is not None:
            with self._context.reading() as session:
                cases, documents = list_cases(session), list_documents(session)
        by_case: dict[int, list[DocumentRow]] = {case.id: [] for case in cases}
        for document in documents:
            by_case.setdefault(document.case_id, []).append(document)
        self.beginResetModel()
        self._cases = cases
        self._documents = [by_case[case.id] for case in cases]
        self.endResetModel()
        self._sources = {}
        if documents and not self._sources_due:
            self._sources_due = True
            QTimer.singleShot(0, self, self._read_sources)

    def _read_sources(self) -> None:
        """The source file names the tooltips show. SQLite stores them after each text, so
        reading them walks every text (30 MB on a large project): not before the first paint."""
        self._sources_due = False
        if self._context.project is not None:
            with self._context.reading() as session:
                self._sources = document_sources(session)

    def _on_changed(self, changes: Changes) -> None:
        if changes.kinds & {"case", "document"}:
            self.refresh()

    # -- finding rows ----------------------------------------------------------------------

    def case_index(self, case_id: int) -> QModelIndex:
        for row, case in enumerate(self._cases):
            if case.id == case_id:
                return self.index(row, NAME)
        return QModelIndex()

    def document_index(self, document_id: int) -> QModelIndex:
        for case_row, documents in enumerate(self._documents):
            for row, document in enumerate(documents):
                if document.id == document_id:
                    return self.createIndex(row, NAME, case_row + 1)
        return QModelIndex()

    def cases(self) -> list[CaseRow]:
        return list(self._cases)

    # -- QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, NAME, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._cases)
        if parent.internalId() == _TOP and parent.column() == NAME:
            return len(self._documents[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 3

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != _TOP:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Name"), tr("Kind"), tr("Words"))[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            case = self._cases[index.row()]
            return self._case_data(case, self._documents[index.row()], index.column(), role)
        document = self._documents[index.internalId() - 1][index.row()]
        return _document_data(document, self._sources.get(document.id), index.column(), role)

    def _case_data(self, case: CaseRow, documents: list[DocumentRow], column: int,
                   role: int) -> Any:
        words = sum(document.word_count for document in documents)
        if role == Qt.ItemDataRole.DisplayRole:
            return (case.name, _documents_label(case.documents), number(words))[column]
        if role == SortRole:
            return (case.name.casefold(), case.documents, words)[column]
        if role == ObjectRole:
            return case
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return icon("case")
        if role == Qt.ItemDataRole.FontRole and column == NAME:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{case.name}\n{case.description}".strip()  # the full name, then what it is
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        return None


def _document_data(document: DocumentRow, source: str | None, column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return (document.title, kind_label(document.kind), number(document.word_count))[column]
    if role == SortRole:
        return (document.title.casefold(), kind_label(document.kind), document.word_count)[column]
    if role == ObjectRole:
        return document
    if role == Qt.ItemDataRole.DecorationRole and column == NAME:
        return icon("document")
    if role == Qt.ItemDataRole.ToolTipRole:
        lines = [document.title]
        if source is not None:  # None: not read yet
            lines.append(tr("Imported from {name}").format(name=source) if source
                         else tr("Typed or pasted text"))
        return "\n".join([*lines, tr("%n coding(s)", "", document.codings)])
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return _alignment(column)
    return None


def _documents_label(count: int) -> str:
    return tr("%n document(s)", "", count)


def _alignment(column: int) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column == WORDS else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter
