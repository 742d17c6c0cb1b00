"""The coding stripes margin (like NVivo's): one coloured bar per coding beside the text,
named with its code; overlapping codings sit in separate lanes. Clicking a bar selects its passage.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from workbench.gui.document_view.layers import CodingLayers, ShownCoding

LANE_WIDTH = 18
BAR_WIDTH = 5
MAX_LANES = 10


class CodingStripes(QWidget):
    codingClicked = Signal(int)  # coding id

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.layers = CodingLayers([])
        self._bars: list[tuple[QRect, ShownCoding]] = []
        self.setMouseTracking(True)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("#FAFAF7"))
        self.setPalette(palette)
        editor.updateRequest.connect(lambda *_: self.update())
        self.setFixedWidth(self._width(0))

    def set_layers(self, layers: CodingLayers) -> None:
        self.layers = layers
        self.setFixedWidth(self._width(layers.lane_count))
        self.update()

    def _width(self, lanes: int) -> int:
        return 12 + LANE_WIDTH * max(2, min(lanes, MAX_LANES))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.width(), 100)

    def _span(self, start: int, end: int) -> tuple[int, int] | None:
        """Vertical extent (in this widget's coordinates) of text ``[start, end)``, if visible."""
        document = self._editor.document()
        offset = self._editor.contentOffset()
        top_block = document.findBlock(start)
        bottom_block = document.findBlock(max(start, end - 1))
        if not top_block.isValid() or not bottom_block.isValid():
            return None
        top_geometry = self._editor.blockBoundingGeometry(top_block).translated(offset)
        bottom_geometry = self._editor.blockBoundingGeometry(bottom_block).translated(offset)
        top_line = top_block.layout().lineForTextPosition(start - top_block.position())
        bottom_line = bottom_block.layout().lineForTextPosition(max(start, end - 1) - bottom_block.position())
        top = top_geometry.top() + (top_line.y() if top_line.isValid() else 0)
        bottom = bottom_geometry.top() + (
            bottom_line.y() + bottom_line.height() if bottom_line.isValid() else bottom_geometry.height())
        viewport_top = self._editor.viewport().y() + self._editor.y() - self.y()
        return round(top + viewport_top), round(bottom + viewport_top)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        self._bars = []
        visible_top = self._editor.cursorForPosition(QPoint(0, 0)).position()
        visible_bottom = self._editor.cursorForPosition(
            QPoint(0, self._editor.viewport().height())).position()
        document_end = self._editor.document().characterCount()
        last_block = self._editor.document().findBlock(visible_bottom)
        visible_bottom = min(document_end, last_block.position() + last_block.length())
        for coding in self.layers.codings_between(visible_top, max(visible_top + 1, visible_bottom)):
            lane = self.layers.lane(coding)
            if lane >= MAX_LANES:
                continue
            span = self._span(coding.start, coding.end)
            if span is None:
                continue
            top, bottom = span
            x = 6 + lane * LANE_WIDTH
            bar = QRect(x, top + 1, BAR_WIDTH, max(6, bottom - top - 2))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(coding.colour))
            painter.drawRoundedRect(bar, 2, 2)
            self._draw_name(painter, metrics, coding, bar)
            self._bars.append((bar.adjusted(-2, 0, LANE_WIDTH - BAR_WIDTH, 0), coding))
        painter.end()

    def _draw_name(self, painter: QPainter, metrics: QFontMetrics, coding: ShownCoding,
                   bar: QRect) -> None:
        label = coding.code.split(" (")[0]
        room = bar.height() - 4
        if room < 24:
            return
        text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
        painter.save()
        painter.setPen(QColor(coding.colour).darker(190))
        # Rotated a quarter turn clockwise, the glyphs grow to the right of the baseline.
        painter.translate(bar.right() + 2, bar.top() + 2)
        painter.rotate(90)
        painter.drawText(0, 0, text)
        painter.restore()

    def coding_at(self, point: QPoint) -> ShownCoding | None:
        for rect, coding in self._bars:
            if rect.contains(point):
                return coding
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        coding = self.coding_at(event.position().toPoint())
        if coding is not None and event.button() == Qt.MouseButton.LeftButton:
            self.codingClicked.emit(coding.id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        coding = self.coding_at(event.position().toPoint())
        if coding is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(),
                          f"<b>{coding.code}</b><br>coded by {coding.coder}", self)
