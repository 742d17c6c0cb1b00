"""Full-text search: every hit listed in its context (keyword in context), a click opens the
document at the hit, and all or the selected hits coded with one code in one undoable action.

Hits are coded as they are, or widened to their sentence, paragraph or speaker turn. "Code all
hits" autocodes the search (every hit in every document, listed or not) after asking, with the
preview's counts; its codings record the search as their rule."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.autocode import Found, Scope, TextRule, preview_autocode, widen_hits
from workbench.core.errors import WorkbenchError
from workbench.core.queries.code_tree import code_paths
from workbench.core.queries.listing import list_codes
from workbench.core.queries.search_hits import HitSearch, TextHit, search_hits
from workbench.core.services.autocoding import autocode
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.changes import Changes
from workbench.gui.context import AppContext
from workbench.gui.dialogs.autocode_rule_editor import scope_names
from workbench.gui.i18n import tr
from workbench.gui.icons import icon, swatch
from workbench.gui.models.search_model import (
    CASE,
    DOCUMENT,
    HIT,
    ObjectRole,
    PartsRole,
    SearchModel,
    SortRole,
)

_HIT_AT = 0.4  # the hit stands at this share of the column's width, its context either side
_PATH_SEPARATOR = " › "


class HitDelegate(QStyledItemDelegate):
    """Paints a hit in bold with its context around it, the hits of all rows aligned."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        parts = index.data(PartsRole)
        if parts is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        _paint_parts(painter, option.rect.adjusted(4, 0, -4, 0), option.font, parts)
        painter.restore()


def _paint_parts(painter: QPainter, rect: QRect, font: QFont, parts: tuple[str, str, str]) -> None:
    before, hit, after = parts
    bold = QFont(font)
    bold.setBold(True)
    plain_metrics, bold_metrics = QFontMetrics(font), QFontMetrics(bold)
    hit_text = bold_metrics.elidedText(hit, Qt.TextElideMode.ElideRight, rect.width() // 2)
    hit_width = bold_metrics.horizontalAdvance(hit_text)
    hit_left = rect.left() + int(rect.width() * _HIT_AT)
    middle = Qt.AlignmentFlag.AlignVCenter
    left = QRect(rect.left(), rect.top(), hit_left - rect.left(), rect.height())
    painter.setFont(font)
    painter.drawText(left, middle | Qt.AlignmentFlag.AlignRight,
                     plain_metrics.elidedText(before, Qt.TextElideMode.ElideLeft, left.width()))
    painter.setFont(bold)
    painter.drawText(QRect(hit_left, rect.top(), hit_width, rect.height()), middle, hit_text)
    right = QRect(hit_left + hit_width, rect.top(), rect.right() - hit_left - hit_width,
                  rect.height())
    painter.setFont(font)
    painter.drawText(right, middle | Qt.AlignmentFlag.AlignLeft,
                     plain_metrics.elidedText(after, Qt.TextElideMode.ElideRight, right.width()))


class SearchPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.result: HitSearch | None = None
        self.searched = ""  # the query typed for the hits listed
        self.model = SearchModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self._make_actions()
        self._build()
        self.setFocusProxy(self.query_edit)
        context.projectOpened.connect(self._on_project)
        context.projectClosed.connect(self._on_project)
        context.changed.connect(self._on_changed)
        self._on_project()

    # -- building --------------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.search_action = QAction(icon("search"), tr("Search"), self)
        self.search_action.triggered.connect(self.search)
        self.open_action = QAction(icon("document"), tr("Go to hit"), self)
        self.open_action.triggered.connect(self.open_current)
        self.code_all_action = QAction(tr("Code all hits"), self)
        self.code_all_action.setToolTip(
            tr("Apply the chosen code to every hit listed (one undo step)")
        )
        self.code_all_action.triggered.connect(self.code_all_hits)
        self.code_selected_action = QAction(tr("Code selected hits"), self)
        self.code_selected_action.setToolTip(tr("Apply the chosen code to the selected hits"))
        self.code_selected_action.triggered.connect(self.code_selected_hits)
        for action in (self.search_action, self.open_action, self.code_all_action,
                       self.code_selected_action):
            self.addAction(action)

    def _build(self) -> None:
        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(
            tr('Search the documents: words, "a phrase", prefix*, OR, NOT (accents optional)'))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.returnPressed.connect(self.search)
        self.status_label = QLabel(self)
        self.code_combo = QComboBox(self)
        self.code_combo.setToolTip(tr("The code to apply to the hits"))
        self.code_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.code_combo.setMinimumContentsLength(32)
        self.code_combo.currentIndexChanged.connect(self._update_actions)
        top = QHBoxLayout()
        top.addWidget(self.query_edit, 1)
        top.addWidget(self._button(self.search_action))
        top.addSpacing(12)
        top.addWidget(QLabel(tr("Code with"), self))
        top.addWidget(self.code_combo)
        top.addWidget(self._scope_combo())
        top.addWidget(self._button(self.code_all_action))
        top.addWidget(self._button(self.code_selected_action))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self._table(), 1)
        layout.addWidget(self.status_label)

    def _scope_combo(self) -> QComboBox:
        self.scope_combo = QComboBox(self)
        self.scope_combo.setToolTip(tr("Code each hit, or its sentence, paragraph or speaker turn"))
        for scope, name in scope_names():
            self.scope_combo.addItem(name, scope)
        return self.scope_combo

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    def _table(self) -> QTableView:
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setItemDelegateForColumn(HIT, HitDelegate(self.view))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(HIT, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        columns = self.view.horizontalHeader()
        columns.setSectionResizeMode(HIT, QHeaderView.ResizeMode.Stretch)
        columns.resizeSection(DOCUMENT, 190)
        columns.resizeSection(CASE, 150)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addActions([self.open_action, self.code_selected_action])
        self.view.clicked.connect(self._open_index)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.view.installEventFilter(self)
        return self.view

    # -- searching -------------------------------------------------------------------------

    def search(self) -> None:
        """Run the query typed in the search field and list its hits."""
        query = self.query_edit.text()
        self.result, self.searched = None, query
        if self.context.project is not None and query.strip():
            try:
                with self.context.reading() as session:
                    self.result = search_hits(session, query)
            except WorkbenchError as error:
                self.status_label.setText(str(error))
        elif self.context.project is not None:
            self.status_label.setText(tr("Type something to search for."))
        self.model.set_hits(self.result.hits if self.result else [])
        if self.result is not None:
            self.status_label.setText(self._summary(self.result))
        self._update_actions()

    def search_for(self, query: str) -> None:
        self.query_edit.setText(query)
        self.search()

    @staticmethod
    def _summary(result: HitSearch) -> str:
        if not result.hits:
            return tr("No hits.")
        hits = tr("%n hit(s)", "", len(result.hits))
        documents = tr("%n document(s)", "", result.documents)
        text = tr("{0} in {1}").format(hits, documents)
        if result.truncated:
            text += tr(" (the first {0}; refine the search to see the rest)").format(
                len(result.hits)
            )
        return text

    # -- coding the hits -------------------------------------------------------------------

    def selected_hits(self) -> list[TextHit]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.proxy.index(row, 0).data(ObjectRole) for row in rows]

    def code_all_hits(self) -> Changes | None:
        """Autocode the search at the chosen scope, after asking with the preview's counts."""
        code_id, scope = self.code_combo.currentData(), self.scope_combo.currentData()
        if not self.model.rowCount() or code_id is None:
            return None
        rule = TextRule(query=self.searched, scope=scope)
        try:
            with self.context.reading() as session:
                preview = preview_autocode(session, rule)
        except WorkbenchError as error:
            self.context.prompts.error(self, str(error))
            return None
        question = tr("Code {0} in {1} with “{2}” ({3})? One undo takes them all back.").format(
            tr("%n passage(s)", "", preview.passages), tr("%n document(s)", "", preview.documents),
            self._code_name(), self.scope_combo.currentText())
        if not self.context.prompts.confirm(self, question) or not self.context.ensure_coder():
            return None
        changes = self.context.run(autocode, rule, code_id, coder=self.context.coder)
        if changes is not None:
            self._coded(preview.passages, scope)
        return changes

    def code_selected_hits(self) -> Changes | None:
        """Code the selected hits (widened to the chosen scope) as hand codings."""
        code_id, scope = self.code_combo.currentData(), self.scope_combo.currentData()
        hits = self.selected_hits()
        if not hits or code_id is None or not self.context.ensure_coder():
            return None
        with self.context.reading() as session:
            found = widen_hits(session, [Found(h.document_id, h.start, h.end) for h in hits], scope)
        coder = self.context.coder
        changes = self.context.run(apply_codings, [
            CodingSpec(f.document_id, code_id, f.start, f.end, coder) for f in found])
        if changes is not None:
            self._coded(len(found), scope)
        return changes

    def _code_name(self) -> str:
        return self.code_combo.currentText().rsplit(_PATH_SEPARATOR, 1)[-1]

    def _coded(self, count: int, scope: Scope) -> None:
        text = (tr("Coded %n hit(s) with {0}.", "", count) if scope == Scope.HIT
                else tr("Coded %n passage(s) with {0}.", "", count))
        self.status_label.setText(text.format(self._code_name()))

    def _update_actions(self) -> None:
        can_code = self.context.writable and self.code_combo.currentData() is not None
        self.code_all_action.setEnabled(can_code and self.model.rowCount() > 0)
        self.code_selected_action.setEnabled(
            can_code and self.view.selectionModel().hasSelection())
        self.search_action.setEnabled(self.context.project is not None)

    def _load_codes(self) -> None:
        kept = self.code_combo.currentData()
        self.code_combo.blockSignals(True)
        self.code_combo.clear()
        if self.context.project is not None:
            with self.context.reading() as session:
                # counts={}: the list names codes; counting every coding would cost a scan
                rows, paths = list_codes(session, {}), code_paths(session, _PATH_SEPARATOR)
            for row in rows:
                if row.codable:
                    self.code_combo.addItem(swatch(row.colour), paths[row.id], row.id)
        found = self.code_combo.findData(kept) if kept is not None else -1
        self.code_combo.setCurrentIndex(max(found, 0) if self.code_combo.count() else -1)
        self.code_combo.blockSignals(False)
        self.code_combo.view().setMinimumWidth(self.code_combo.view().sizeHintForColumn(0) + 24)

    def choose_code(self, code_id: int) -> None:
        self.code_combo.setCurrentIndex(self.code_combo.findData(code_id))

    # -- reacting to the project -----------------------------------------------------------

    def _on_project(self) -> None:
        self.result = None
        self.model.set_hits([])
        self.status_label.clear()
        self._load_codes()
        self._update_actions()

    def _on_changed(self, changes: Changes) -> None:
        if "code" in changes.kinds:
            self._load_codes()
        if "document" in changes.kinds and self.result is not None:
            self.search()  # documents came or went: the hits moved with them
        self._update_actions()

    # -- going to a hit --------------------------------------------------------------------

    def open_current(self) -> None:
        self._open_index(self.view.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(ObjectRole) if index.isValid() else None
        if hit is not None:
            self.context.open_document(hit.document_id, hit.start, hit.end)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.open_current()
            return True
        return super().eventFilter(watched, event)
