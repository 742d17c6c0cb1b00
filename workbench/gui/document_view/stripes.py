"""The coding stripes margin (like NVivo's): one coloured bar per coding beside the text, its
code's name written level beside it; overlapping codings sit in separate lanes, and codings past
the last lane merge into a "+n" marker that lists them on hover and on click. Clicking a bar (or a
marker's entry) selects the passage.

The margin lives inside the editor, between the text and its scroll bar (text | stripes |
scroll bar), as the editor's right viewport margin.

The editor asks the margin to repaint whenever any of its text is repainted (a selection drawn,
a highlight changed). The margin is drawn into a pixmap once and shown from it until what it
depends on changes: its codings, the scroll position, the text's layout, its size or colours.
Then it is planned again (see :mod:`stripe_paint`) and, on a canvas of the same size, repainted
only where the new plan differs from the one drawn: a coding action on screen redraws its bar and
the labels it moved, not the whole margin.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QTextBlock,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from workbench.gui.document_view.colours import Scheme
from workbench.gui.document_view.layers import CodingLayers, ShownCoding
from workbench.gui.document_view.stripe_layout import Overflow, place
from workbench.gui.document_view.stripe_paint import (
    Bar,
    Item,
    Label,
    Marker,
    changed_region,
    paint,
)
from workbench.gui.i18n import tr

LANE_WIDTH = 9
BAR_WIDTH = 5
MAX_LANES = 10
MARKER_WIDTH = 28
LABEL_WIDTH = 150
LISTED_IN_TOOLTIP = 25


def _box(rect: QRect) -> tuple[int, int, int, int]:
    return rect.x(), rect.y(), rect.width(), rect.height()


def short_name(code: str) -> str:
    """A code's English label (its Dutch term in brackets dropped), for the narrow margin."""
    return code.split(" (")[0]


class CodingStripes(QWidget):
    codingClicked = Signal(int)  # coding id

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else editor)
        self._editor = editor
        self.layers = CodingLayers([])
        self.scheme = Scheme()
        self._bars: list[tuple[QRect, ShownCoding]] = []
        self._markers: list[tuple[QRect, Overflow]] = []
        self._labels: dict[tuple[str, int], str] = {}  # (code, room) -> its elided name
        self._tops: dict[int, float] = {}  # block number -> top (unscrolled), see _spans
        # (start, end) -> where it lies (_measure), for the top block, width and lines in
        # _spans_for; measuring is most of planning the margin, and an action moves no line
        self._spans: dict[tuple[int, int], tuple[float, float, float, float, float]] = {}
        self._spans_for: tuple[int, int, int] = (-1, -1, -1)
        self._lines_moved = 0  # counts the layout changes that may move lines
        self._text_size = QSizeF()
        self._drawn: QPixmap | None = None  # the margin as last drawn, for the view in _drawn_for
        self._drawn_for: tuple = ()
        self._items: list[Item] = []  # what _drawn shows
        self._stale = False  # plan again at the next paint; repaint only what changed
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # it fills itself: nothing under
        editor.updateRequest.connect(lambda *_: self.update())
        layout = editor.document().documentLayout()  # lines reflowed: bars move
        layout.update.connect(self.refresh)
        layout.updateBlock.connect(self.refresh)
        layout.documentSizeChanged.connect(self._resized_text)
        self._set_width(self._width(0))

    # -- size and place ----------------------------------------------------------------------

    def set_layers(self, layers: CodingLayers) -> None:
        self.layers = layers
        self._set_width(self._width(layers.lane_count))
        self.refresh()

    def set_scheme(self, scheme: Scheme) -> None:
        self.scheme = scheme
        self.redraw()

    def redraw(self, *_: object) -> None:
        """Draw the margin afresh at the next paint (how it looks has changed)."""
        self._drawn = None
        self._lines_moved += 1
        self.update()

    def _resized_text(self, size: QSizeF) -> None:
        """The text's size (widest line, lines) changed: lines may have moved. Qt also says so
        when a recoloured block is laid out again, in as many lines: then none moved."""
        if size != self._text_size:
            self._text_size = QSizeF(size)
            self._lines_moved += 1
        self.refresh()

    def refresh(self, *_: object) -> None:
        """Plan the margin again at the next paint (its codings or the text's layout may have
        changed) and repaint the places where the plan changed."""
        self._stale = True
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._labels.clear()
            self.redraw()

    def _width(self, lanes: int) -> int:
        overflow = MARKER_WIDTH if lanes > MAX_LANES else 0
        return 8 + LANE_WIDTH * max(2, min(lanes, MAX_LANES)) + overflow + LABEL_WIDTH

    def _set_width(self, width: int) -> None:
        if width != self.width() or not self.isVisible():
            self.setFixedWidth(width)
            self._editor.setViewportMargins(0, 0, width, 0)
            self.place()

    def place(self) -> None:
        """Sit right of the text's viewport (call after the editor resizes)."""
        viewport = self._editor.viewport().geometry()
        self.setGeometry(
            QRect(viewport.right() + 1, viewport.top(), self.width(), viewport.height())
        )

    def sizeHint(self) -> QSize:
        return QSize(self.width(), 100)

    @property
    def _marker_x(self) -> int:
        return 6 + LANE_WIDTH * max(2, min(self.layers.lane_count, MAX_LANES))

    @property
    def _label_x(self) -> int:
        return self._marker_x + (MARKER_WIDTH if self.layers.lane_count > MAX_LANES else 0) + 2

    # -- what is where -----------------------------------------------------------------------

    def _span(self, start: int, end: int) -> tuple[int, int] | None:
        """Vertical extent (in this widget's coordinates) of text ``[start, end)``, if visible."""
        found = self._spans.get((start, end))
        if found is None:
            found = self._measure(start, end)
            if found is None:
                return None
        top_block, top_line, bottom_block, bottom_line, bottom_extra = found
        offset = self._editor.contentOffset().y()
        viewport_top = self._editor.viewport().y() - self.y()
        top = (top_block + offset) + top_line
        bottom = ((bottom_block + offset) + bottom_line) + bottom_extra
        return round(top + viewport_top), round(bottom + viewport_top)

    def _measure(self, start: int, end: int) -> tuple[float, float, float, float, float] | None:
        """Where ``[start, end)`` lies from the top block on screen (unscrolled): its blocks' tops
        and its lines' place in them. Kept while the lines stay where they are (:meth:`_plan`):
        a coding action recolours blocks, it moves no line."""
        document = self._editor.document()
        top_block = document.findBlock(start)
        bottom_block = document.findBlock(max(start, end - 1))
        if not top_block.isValid() or not bottom_block.isValid():
            return None
        top, bottom = self._block_top(top_block), self._block_top(bottom_block)  # laid out now
        top_line = top_block.layout().lineForTextPosition(start - top_block.position())
        bottom_line = bottom_block.layout().lineForTextPosition(
            max(start, end - 1) - bottom_block.position()
        )
        found = (top, top_line.y() if top_line.isValid() else 0.0, bottom)
        if bottom_line.isValid():
            measured = (*found, bottom_line.y(), bottom_line.height())
        else:
            measured = (*found, self._editor.blockBoundingGeometry(bottom_block).height(), 0.0)
        if top_line.isValid() and bottom_line.isValid():
            self._spans[(start, end)] = measured
        return measured

    def _block_top(self, block: QTextBlock) -> float:
        top = self._tops.get(block.blockNumber())
        if top is None:
            top = self._editor.blockBoundingGeometry(block).top()
            self._tops[block.blockNumber()] = top
        return top

    def visible_range(self) -> tuple[int, int]:
        """The text positions (Qt units) of the blocks on screen."""
        top = self._editor.cursorForPosition(QPoint(0, 0)).position()
        bottom = self._editor.cursorForPosition(
            QPoint(0, self._editor.viewport().height())
        ).position()
        last_block = self._editor.document().findBlock(bottom)
        bottom = min(
            self._editor.document().characterCount(), last_block.position() + last_block.length()
        )
        top_block = self._editor.document().findBlock(top)
        return top_block.position(), max(top + 1, bottom)

    def placement(self, start: int, end: int) -> tuple[list[ShownCoding], list[Overflow]]:
        """The codings over ``[start, end)`` with a bar, and the "+n" markers of the rest."""
        return place(self.layers.codings_between(start, end), self.layers.lanes, MAX_LANES)

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        editor = self._editor
        offset = editor.contentOffset()
        shown_for = (editor.firstVisibleBlock().blockNumber(), offset.x(), offset.y(),
                     editor.viewport().geometry(), self.geometry(), self.devicePixelRatioF())
        if shown_for != self._drawn_for:
            self._stale = True
        if self._drawn is None or self._stale:
            self._draw(same_canvas=self._drawn is not None
                       and shown_for[3:] == self._drawn_for[3:])
            self._drawn_for, self._stale = shown_for, False
        assert self._drawn is not None
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._drawn)
        painter.end()

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.85))
        return font

    def _draw(self, same_canvas: bool = False) -> None:
        """Plan the margin as it is now (and what is where in it, for the mouse), then paint it:
        on the same canvas only where the plan changed, else all of it on a new one."""
        font = self._font()
        items = self._plan(QFontMetrics(font))
        if same_canvas and self._drawn is not None:
            region = changed_region(self._items, items)
            if not region.isEmpty():
                painter = QPainter(self._drawn)
                paint(painter, items, self.scheme.margin, font, self.rect(), region)
                painter.end()
        else:
            ratio = self.devicePixelRatioF()
            self._drawn = QPixmap(self.size() * ratio)
            self._drawn.setDevicePixelRatio(ratio)
            painter = QPainter(self._drawn)
            paint(painter, items, self.scheme.margin, font, self.rect())
            painter.end()
        self._items = items

    def _plan(self, metrics: QFontMetrics) -> list[Item]:
        """The bars, markers and labels to draw, in drawing order."""
        self._bars, self._markers = [], []
        editor = self._editor
        spans_for = (editor.firstVisibleBlock().blockNumber(), editor.viewport().width(),
                     self._lines_moved)
        if spans_for != self._spans_for:
            self._spans, self._tops, self._spans_for = {}, {}, spans_for
        items: list[Item] = []
        bars, markers = self.placement(*self.visible_range())
        labels: list[tuple[QRect, ShownCoding]] = []
        for coding in bars:
            span = self._span(coding.start, coding.end)
            if span is None:
                continue
            top, bottom = span
            bar = QRect(6 + self.layers.lane(coding) * LANE_WIDTH, top + 1, BAR_WIDTH,
                        max(6, bottom - top - 2))
            items.append(Bar(_box(bar), self.scheme.stripe(coding.colour)))
            self._bars.append((bar.adjusted(-2, 0, LANE_WIDTH - BAR_WIDTH, 0), coding))
            labels.append((bar, coding))
        for marker in markers:
            item = self._plan_marker(metrics, marker)
            if item is not None:
                items.append(item)
        items.extend(self._plan_labels(metrics, labels))
        return items

    def _plan_marker(self, metrics: QFontMetrics, marker: Overflow) -> Marker | None:
        span = self._span(marker.start, marker.end)
        if span is None:
            return None
        top, bottom = span
        rect = QRect(
            self._marker_x, top + 1, MARKER_WIDTH - 4, max(metrics.height() + 2, bottom - top - 2)
        )
        self._markers.append((rect, marker))
        return Marker(_box(rect), metrics.height() + 2, f"+{len(marker.codings)}",
                      self.scheme.label, self.scheme.base)

    def _plan_labels(self, metrics: QFontMetrics,
                     labels: list[tuple[QRect, ShownCoding]]) -> list[Label]:
        """Each bar's code name, level, at the bar's top; names that would collide move down
        within their bar, or are left to the tooltip when the bar is too short."""
        x, room = self._label_x, self.width() - self._label_x - 4
        line = metrics.height()
        free_from = -10**9
        planned = []
        for bar, coding in sorted(labels, key=lambda item: (item[0].top(), item[0].left())):
            y = max(bar.top(), free_from)
            if y + line > max(bar.bottom(), bar.top() + line) or y + line > self.height() + line:
                continue
            text = self._labels.get((coding.code, room))
            if text is None:
                text = metrics.elidedText(short_name(coding.code), Qt.TextElideMode.ElideRight,
                                          room - 10)
                self._labels[(coding.code, room)] = text
            planned.append(Label(bar.right() + 1, x, y, line, room,
                                 self.scheme.stripe(coding.colour), self.scheme.label, text))
            free_from = y + line
        return planned

    # -- the mouse -----------------------------------------------------------------------------

    def coding_at(self, point: QPoint) -> ShownCoding | None:
        for rect, coding in self._bars:
            if rect.contains(point):
                return coding
        return None

    def marker_at(self, point: QPoint) -> Overflow | None:
        for rect, marker in self._markers:
            if rect.contains(point):
                return marker
        return None

    def marker_menu(self, marker: Overflow) -> QMenu:
        """Every coding of a marker; choosing one selects its passage."""
        menu = QMenu(self)
        for coding in marker.codings:
            action = menu.addAction(f"{short_name(coding.code)} · {coding.coder}")
            action.triggered.connect(lambda _=False, c=coding.id: self.codingClicked.emit(c))
        return menu

    def marker_tooltip(self, marker: Overflow) -> str:
        lines = [f"<b>{html.escape(short_name(c.code))}</b> · {html.escape(c.coder)}"
                 for c in marker.codings[:LISTED_IN_TOOLTIP]]
        if len(marker.codings) > LISTED_IN_TOOLTIP:
            lines.append(tr("… and {0} more: click to list them all").format(
                len(marker.codings) - LISTED_IN_TOOLTIP))
        return tr("{0} more codings here").format(len(marker.codings)) + "<br>" + "<br>".join(lines)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position().toPoint()
        coding = self.coding_at(point)
        if coding is not None:
            self.codingClicked.emit(coding.id)
            return
        marker = self.marker_at(point)
        if marker is not None:
            self.marker_menu(marker).popup(self.mapToGlobal(point))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        coding = self.coding_at(point)
        marker = self.marker_at(point) if coding is None else None
        if coding is not None:
            QToolTip.showText(event.globalPosition().toPoint(),
                              tr("<b>{0}</b><br>coded by {1}").format(
                                  html.escape(coding.code), html.escape(coding.coder)), self)
        elif marker is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.marker_tooltip(marker), self)
        else:
            QToolTip.hideText()
