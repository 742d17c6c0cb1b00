"""The read-only text of a document: selectable by mouse and keyboard, snapping to words,
draggable onto a code, with tooltips naming the codes under the pointer."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QHelpEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from workbench.gui.models.code_tree_model import PASSAGE_MIME
from workbench.gui.text_positions import PositionMap


class PassageTextEdit(QPlainTextEdit):
    selectionSettled = Signal()  # after a mouse selection (snapped) or a keyboard selection
    resized = Signal()  # after the viewport has its new size (the stripes margin follows it)
    paletteChanged = Signal()  # light or dark: the view derives its colours again
    aboutToPaint = Signal()  # the blocks on screen get their highlights now, if they have none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.document().setDocumentMargin(14)
        self.setCenterOnScroll(False)
        self.plain_text = ""  # the stored text (code points), set with the document
        self.positions = PositionMap("")
        self.passage_payload: Callable[[], dict | None] = lambda: None
        self.tooltip_for: Callable[[int], str] = lambda _position: ""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def paintEvent(self, event) -> None:
        self.aboutToPaint.emit()
        super().paintEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.paletteChanged.emit()

    # Snap a mouse selection to whole words unless Alt is held.
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            if not event.modifiers() & Qt.KeyboardModifier.AltModifier:
                self.snap_to_words()
            self.selectionSettled.emit()

    def keyReleaseEvent(self, event) -> None:
        super().keyReleaseEvent(event)
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or event.key() == Qt.Key.Key_Shift:
            self.selectionSettled.emit()

    def snap_to_words(self) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return
        start, end = self.positions.range_from_qt(cursor.selectionStart(), cursor.selectionEnd())
        start, end = self.positions.range_to_qt(*snap_range(self.plain_text, start, end))
        snapped = QTextCursor(self.document())
        snapped.setPosition(start)
        snapped.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(snapped)

    def createMimeDataFromSelection(self) -> QMimeData:
        # Qt's own selection MIME data lists a fixed set of formats, so ours would stay
        # invisible to hasFormat(): copy the text into a plain QMimeData and add the passage.
        source = super().createMimeDataFromSelection()
        mime = QMimeData()
        mime.setText(source.text())
        mime.setHtml(source.html())
        payload = self.passage_payload()
        if payload is not None:
            mime.setData(PASSAGE_MIME, QByteArray(json.dumps(payload).encode("utf-8")))
        return mime

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            help_event = event
            position = self.cursorForPosition(help_event.pos()).position()
            text = self.tooltip_for(position)
            if text:
                QToolTip.showText(help_event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


def snap_range(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` (code points) to whole words and trim surrounding blanks."""
    def is_word(index: int) -> bool:
        return 0 <= index < len(text) and (text[index].isalnum() or text[index] in "'’-")

    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while start > 0 and is_word(start - 1) and is_word(start):
        start -= 1
    while end < len(text) and is_word(end) and is_word(end - 1):
        end += 1
    return start, end
