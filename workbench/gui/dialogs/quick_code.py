"""The quick-code palette: type part of a code's path, press Enter, and the selection is coded.

Like a command palette: a slim popup at the top of the window, recent codes first, filtered as
you type (case- and accent-insensitive; every typed word must begin a word of the code's path).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.queries.listing import CodeDetails, list_code_details, list_codes
from workbench.core.text import fold
from workbench.gui.context import AppContext
from workbench.gui.i18n import tr
from workbench.gui.icons import swatch

CODE_ID_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
PARENT_PATH_ROLE = Qt.ItemDataRole.UserRole + 2
_WORD = re.compile(r"\w+")
_MOVES = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8, Qt.Key.Key_PageDown: 8}


def path_words(path: str) -> list[str]:
    return _WORD.findall(fold(path))


def matches(typed: str, words: list[str]) -> bool:
    """True if every word typed begins some word of the path."""
    return all(any(word.startswith(part) for word in words) for part in _WORD.findall(fold(typed)))


def code_item(code: CodeDetails) -> QListWidgetItem:
    """A list row for a code: its path as text, drawn as the name then its parents, dimmed."""
    item = QListWidgetItem(swatch(code.colour), code.path.replace("/", " › "))
    item.setData(CODE_ID_ROLE, code.id)
    item.setData(NAME_ROLE, code.name)
    parents = code.path.rsplit("/", 1)[0] if "/" in code.path else ""
    item.setData(PARENT_PATH_ROLE, parents.replace("/", " › "))
    if not code.codable:
        font = item.font()
        font.setItalic(True)
        item.setFont(font)
    return item


def tree_order(context: AppContext) -> list[CodeDetails]:
    """Every code's details, in the order of the codebook tree."""
    if context.project is None:
        return []
    with context.reading() as session:
        details = list_code_details(session)
        return [details[row.id] for row in list_codes(session)]


class CodePathDelegate(QStyledItemDelegate):
    """Draws a code row as its name, followed by the path of its parents in a quieter colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        opt.text = str(index.data(NAME_ROLE) or opt.text)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        name, parents = opt.text, str(index.data(PARENT_PATH_ROLE) or "")
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        metrics = opt.fontMetrics
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, rect.width())
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, align, shown)
        rest = rect.adjusted(metrics.horizontalAdvance(shown) + 14, 0, 0, 0)
        if parents and rest.width() > 40:
            roles = QPalette.ColorRole
            quiet = roles.HighlightedText if selected else roles.PlaceholderText
            painter.setPen(opt.palette.color(quiet))
            painter.drawText(rest, align, metrics.elidedText(parents, Qt.TextElideMode.ElideRight,
                                                             rest.width()))
        painter.restore()


class QuickCodeDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self._context = context
        self.setObjectName("quickCode")
        self.setMinimumWidth(560)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(tr("Code the selection with…"))
        self.search_edit.installEventFilter(self)
        self.search_edit.textChanged.connect(self._apply_filter)
        self.list = QListWidget()
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(CodePathDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(lambda *_: self.apply_current())
        self.list.itemClicked.connect(lambda *_: self.apply_current())
        self.hint = QLabel(tr("↑↓ to choose · Enter to code the selection · Esc to close"))
        self.hint.setStyleSheet("color: palette(placeholder-text); font-size: small;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.setStyleSheet("#quickCode { border: 1px solid palette(mid); }")
        self._words: dict[int, list[str]] = {}
        self._fill()

    def _fill(self) -> None:
        codes = [code for code in tree_order(self._context) if code.codable]
        known = {code.id for code in codes}
        recent = [code_id for code_id in self._context.recent_codes if code_id in known]
        codes.sort(key=lambda code: recent.index(code.id) if code.id in recent else len(recent))
        for code in codes:
            item = code_item(code)
            if code.id in recent:
                item.setToolTip(tr("Used recently"))
            self._words[code.id] = path_words(code.path)
            self.list.addItem(item)
        self._apply_filter("")
        self.list.setFixedHeight(min(12, max(4, self.list.count())) * self._row_height() + 4)

    def _row_height(self) -> int:
        return max(self.list.sizeHintForRow(0), self.fontMetrics().height() + 6)

    def _apply_filter(self, text: str) -> None:
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = not matches(text, self._words[item.data(CODE_ID_ROLE)])
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)
        else:
            self.list.setCurrentRow(-1)  # no current item

    def visible_codes(self) -> list[int]:
        """The ids offered now, top to bottom."""
        return [self.list.item(r).data(CODE_ID_ROLE) for r in range(self.list.count())
                if not self.list.item(r).isHidden()]

    def current_code_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else int(item.data(CODE_ID_ROLE))

    def _move(self, step: int) -> None:
        visible = self.visible_codes()
        if not visible:
            return
        current = self.current_code_id()
        index = visible.index(current) + step if current in visible else 0
        wanted = visible[max(0, min(index, len(visible) - 1))]
        for row in range(self.list.count()):
            if self.list.item(row).data(CODE_ID_ROLE) == wanted:
                self.list.setCurrentRow(row)
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in _MOVES:
                self._move(_MOVES[Qt.Key(key)])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.apply_current()
                return True
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowDeactivate and self.isVisible():
            self.reject()  # like a popup: clicking elsewhere closes it
        return super().event(event)

    def apply_current(self) -> None:
        """Code the selection with the chosen code, then close."""
        code_id = self.current_code_id()
        if code_id is None:
            return
        self.hide()
        self._context.code_selection(code_id)
        self.accept()

    def place(self, parent: QWidget | None) -> None:
        """Near the top of the parent window, centred, like a command palette."""
        if parent is None:
            return
        window = parent.window()
        width = max(self.minimumWidth(), min(720, window.width() // 2))
        self.resize(width, self.sizeHint().height())
        top_left = window.mapToGlobal(QPoint((window.width() - width) // 2, 48))
        self.move(top_left)


def open_quick_code(context: AppContext, parent: QWidget | None = None) -> QuickCodeDialog:
    """Show the palette (it deletes itself once closed)."""
    dialog = QuickCodeDialog(context, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.place(parent)
    dialog.show()
    dialog.activateWindow()
    dialog.search_edit.setFocus()
    return dialog
